/**
 * Version 60: a copy's identity is its writing session (docs/architecture.md «Identity of a copy»;
 * db/share/epochs.ts). share_epoch: one row per session that wrote to this file: a new copy id
 * (replica), the first change number written under it, the region of the person writing, and when
 * it began. A local change's dot is (the epoch holding its change number, change number); any copy
 * of the file holds a prefix of each of its epochs and writes in an epoch of its own.
 * An existing file's own id (share_replica.id, whose changes are those after `since`) becomes its
 * first epoch, with the portfolio's region: its dots stay what they were, so it merges as before.
 * Frozen: never change a shipped migration.
 */
import type { Database } from 'better-sqlite3';

export const version = 60;
export const name = 'share-epoch';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE share_epoch (
      replica TEXT PRIMARY KEY NOT NULL,
      first_change INTEGER NOT NULL UNIQUE,
      region TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    INSERT INTO share_epoch (replica, first_change, region, at)
      SELECT r.id, r.since + 1, p.region, p.created_at FROM share_replica r, portfolio p;
  `);
}
