/**
 * Version 50: a short comment per line (shown as a marker and a tooltip in the grid). Empty
 * means none; the audit log records its changes like any other text of a line.
 */
import type { Database } from 'better-sqlite3';

export const version = 50;
export const name = 'line-comment';

export function up(db: Database): void {
  db.exec("ALTER TABLE line ADD COLUMN comment TEXT NOT NULL DEFAULT ''");
}
