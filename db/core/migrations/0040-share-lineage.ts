/**
 * Version 40: what a file needs to be shared between regions and merged three ways
 * (db/share/merge.ts explains the design):
 * - share_replica: this file copy's own id (a new one for every import of a received file), the
 *   copy the portfolio started from (origin), and the change number from which the audit log
 *   counts as this copy's own changes;
 * - share_seen: the version vector: for every other copy whose changes this file holds, the last
 *   change number of it that was merged in, and that copy's region;
 * - share_dot: for a value that came from another copy, which change of which copy wrote it, and
 *   the local change (the merge) that brought it here;
 * - share_alias: a line of another copy that a merge matched to one of ours ("samme linje?");
 * - share_merge: one row per merge, naming the region and file it came from;
 * - share_sent: in a sent copy only, who sent it, when, with which app and schema version.
 * Frozen: never change a shipped migration.
 */
import type { Database } from 'better-sqlite3';

export const version = 40;
export const name = 'share-lineage';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE share_replica (
      singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
      id TEXT NOT NULL,
      origin TEXT NOT NULL,
      since INTEGER NOT NULL
    ) STRICT;
    INSERT INTO share_replica (singleton, id, origin, since)
      SELECT 1, r, r, 0 FROM (SELECT lower(hex(randomblob(16))) AS r);
    CREATE TABLE share_seen (
      replica TEXT PRIMARY KEY NOT NULL,
      counter INTEGER NOT NULL,
      region TEXT NOT NULL
    ) STRICT;
    CREATE TABLE share_dot (
      entity TEXT NOT NULL CHECK (entity IN ('line', 'amount', 'pool', 'year')),
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL,
      replica TEXT NOT NULL,
      counter INTEGER NOT NULL,
      at TEXT NOT NULL,
      change_no INTEGER NOT NULL,
      PRIMARY KEY (entity, entity_id, field)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE share_alias (
      other_id TEXT PRIMARY KEY NOT NULL,
      line_id TEXT NOT NULL
    ) STRICT;
    CREATE TABLE share_merge (
      change_no INTEGER PRIMARY KEY NOT NULL,
      at TEXT NOT NULL,
      region TEXT NOT NULL,
      file_name TEXT NOT NULL,
      replica TEXT NOT NULL,
      summary TEXT NOT NULL
    ) STRICT;
    CREATE TABLE share_sent (
      singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
      region TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      app_version TEXT NOT NULL,
      schema_version INTEGER NOT NULL
    ) STRICT;
  `);
}
