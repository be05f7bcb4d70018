/**
 * Version 20: the audit log — one row per change of one value: when, which change (a
 * number shared by all rows of one user action), what, the old and the new value.
 */
import type { Database } from 'better-sqlite3';

export const version = 20;
export const name = 'audit-log';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE audit (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      change_no INTEGER NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('portfolio', 'year', 'pool', 'line', 'amount')),
      entity_id TEXT,
      field TEXT,
      old_value TEXT,
      new_value TEXT
    ) STRICT;
    CREATE INDEX audit_by_change ON audit (change_no);
  `);
}
