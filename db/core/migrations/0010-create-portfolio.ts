/**
 * Version 10: the portfolio — its title and region, budget years, pools, lines (sub-lines
 * through parent_id) and amounts in whole kroner. Frozen: never change a shipped migration.
 */
import type { Database } from 'better-sqlite3';

export const version = 10;
export const name = 'create-portfolio';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE portfolio (
      id TEXT PRIMARY KEY NOT NULL,
      singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      title TEXT NOT NULL,
      region TEXT NOT NULL CHECK (region IN ('RH', 'RSJ', 'RSD', 'RM', 'RN')),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE budget_year (
      year INTEGER PRIMARY KEY NOT NULL CHECK (year BETWEEN 1900 AND 2200)
    ) STRICT;
    CREATE TABLE pool (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      description TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE TABLE line (
      id TEXT PRIMARY KEY NOT NULL,
      pool_id TEXT NOT NULL REFERENCES pool (id),
      parent_id TEXT REFERENCES line (id),
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      description TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX line_by_pool ON line (pool_id, position);
    CREATE INDEX line_by_parent ON line (parent_id);
    CREATE TABLE amount (
      line_id TEXT NOT NULL REFERENCES line (id),
      year INTEGER NOT NULL REFERENCES budget_year (year),
      kroner INTEGER NOT NULL,
      PRIMARY KEY (line_id, year)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX amount_by_year ON amount (year);
  `);
}
