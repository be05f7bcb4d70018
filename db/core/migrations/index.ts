/** The numbered migrations, in order. user_version is the last one applied. */
import type { Database } from 'better-sqlite3';
import * as m0010 from './0010-create-portfolio';
import * as m0020 from './0020-audit-log';
import * as m0030 from './0030-drop-amount-year-index';
import * as m0040 from './0040-share-lineage';
import * as m0050 from './0050-line-comment';
import * as m0060 from './0060-share-epoch';
import * as m0070 from './0070-projects';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Runs every migration above the file's version, in one transaction. */
export function runMigrations(db: Database, target = SCHEMA_VERSION): number[] {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > from && m.version <= target);
  if (!pending.length) return [];
  db.transaction(() => {
    for (const m of pending) m.up(db);
    // PRAGMA cannot be bound; the value is our own integer constant.
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
  return pending.map((m) => m.version);
}
