/**
 * Each migration is tested by building the previous schema version, seeding it, migrating it
 * the way the app does (openPortfolio) and checking the data and the new schema
 * (docs/architecture.md). Files that are not ours, damaged or newer: open-refused.test.ts.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../../db/core/backup';
import { deleteLine, removeYear, setAmounts, setLineComment } from '../../../db/core/commands';
import { UserError } from '../../../db/core/errors';
import { openSession } from '../../../db/index';
import { SCHEMA_VERSION, runMigrations } from '../../../db/core/migrations/index';
import { APPLICATION_ID, openPortfolio } from '../../../db/core/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const POOL = '3b1f6c0e-2a4d-4e8f-9c1a-0d2e3f4a5b6c';
const LINE = '7c2e1d0f-3b4a-4c5d-8e6f-1a2b3c4d5e6f';
const SUB = '9d3f2e1a-4c5b-4d6e-9f7a-2b3c4d5e6f7a';
const PORTFOLIO = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** A file at `version`, made by the migrations up to it, as an older Puljeplan wrote it. */
function buildVersion(path: string, version: number): void {
  const db = new Database(path);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  runMigrations(db, version);
  db.close();
}

/** Seeds the version-10 tables with a pool, a line with a sub-line, and amounts. */
function seedV10(path: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.exec(`
    INSERT INTO portfolio (id, title, region, created_at) VALUES ('${PORTFOLIO}', 'Budget 2024', 'RN', '2024-01-02T03:04:05.000Z');
    INSERT INTO budget_year (year) VALUES (2024), (2025);
    INSERT INTO pool (id, name, position, description) VALUES ('${POOL}', 'Vestdansk It Samarbejde', 1024, 'VIS');
    INSERT INTO line (id, pool_id, parent_id, name, position, description) VALUES ('${LINE}', '${POOL}', NULL, 'MUSE EKG', 1024, 'EKG-database');
    INSERT INTO line (id, pool_id, parent_id, name, position, description) VALUES ('${SUB}', '${POOL}', '${LINE}', 'MUSE EKG fase 1', 1024, '');
    INSERT INTO amount (line_id, year, kroner) VALUES ('${SUB}', 2024, 2700001), ('${SUB}', 2025, -250000);
  `);
  db.close();
}

function dump(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const order: Record<string, string> = {
    portfolio: 'id',
    budget_year: 'year',
    pool: 'id',
    line: 'id',
    amount: 'line_id, year',
  };
  // Columns added by later migrations (line.comment, version 50) are checked by their own tests.
  const withoutLater = (r: unknown) => {
    const { comment: _comment, ...rest } = r as Record<string, unknown>;
    return rest;
  };
  for (const [table, by] of Object.entries(order))
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${by}`).all().map(withoutLater);
  return out;
}

function tableSql(db: Database.Database, name: string): string | undefined {
  return db
    .prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")
    .get(name)?.sql;
}

describe('migration 0010 (create-portfolio)', () => {
  it('creates the STRICT portfolio tables on an empty file, and they refuse a non-integer amount', () => {
    const path = join(dir, 'v0.sqlite');
    buildVersion(path, 10);
    seedV10(path);
    const db = new Database(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(10);
      for (const t of ['portfolio', 'budget_year', 'pool', 'line', 'amount'])
        expect(tableSql(db, t), t).toContain('STRICT');
      expect(tableSql(db, 'audit')).toBeUndefined();
      expect(dump(db).amount).toEqual([
        { line_id: SUB, year: 2024, kroner: 2_700_001 },
        { line_id: SUB, year: 2025, kroner: -250_000 },
      ]);
      // Money is exact: a float never gets into an amount cell.
      expect(() => db.prepare('INSERT INTO amount VALUES (?, 2024, 1.5)').run(LINE)).toThrow(
        /cannot store REAL value in INTEGER column/,
      );
    } finally {
      db.close();
    }
  });

  it('a file marked as ours but with no schema version is refused, unchanged', () => {
    const path = join(dir, 'v0.sqlite');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE x (a INTEGER) STRICT');
    db.close();
    const before = readFileSync(path);
    expect(() => openPortfolio(path)).toThrow('«v0.sqlite» har ingen kendt skemaversion og kan ikke åbnes.');
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('migration 0020 (audit-log)', () => {
  it('migrates a seeded version-10 file: the data survives and the audit table is there', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 10);
    seedV10(path);
    const old = new Database(path, { readonly: true });
    const before = dump(old);
    old.close();

    const db = openPortfolio(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(tableSql(db, 'audit')).toContain('STRICT');
      expect(dump(db)).toEqual(before);
      expect(db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('makes a checked backup copy of the old version before migrating', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 10);
    seedV10(path);
    const old = new Database(path, { readonly: true });
    const before = dump(old);
    old.close();

    openPortfolio(path).close();
    const copies = readdirSync(backupDir(path));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d opgradering\.sqlite$/);
    const backup = new Database(join(backupDir(path), copies[0]!), { readonly: true });
    try {
      expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
      expect(backup.pragma('user_version', { simple: true })).toBe(10);
      expect(backup.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(dump(backup)).toEqual(before);
      expect(tableSql(backup, 'audit')).toBeUndefined();
    } finally {
      backup.close();
    }
    // Opening the migrated file again makes no further copy.
    openPortfolio(path).close();
    expect(readdirSync(backupDir(path))).toHaveLength(1);
  });

  it('a migrated file works: an edit is saved and audited', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 10);
    seedV10(path);
    const session = openSession(path);
    try {
      session.run((db) => setAmounts(db, { cells: [{ lineId: SUB, year: 2025, value: 0 }] }));
      expect(session.snapshot().lines.find((l) => l.id === SUB)!.amounts).toEqual({ 2024: 2_700_001, 2025: 0 });
      expect(session.db.prepare('SELECT entity, old_value, new_value FROM audit').all()).toEqual([
        { entity: 'amount', old_value: '-250000', new_value: '0' },
      ]);
    } finally {
      session.close();
    }
  });

  it('a migration that fails leaves the file at its old version with all its data', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 10);
    seedV10(path);
    const setup = new Database(path);
    setup.exec('CREATE TABLE audit (x INTEGER) STRICT'); // in the way of migration 0020
    const before = dump(setup);
    setup.close();

    // Since issue 12 the exact-schema check (db/core/checks.ts) refuses the table before any
    // migration starts; the file is left as it was all the same.
    expect(() => openPortfolio(path)).toThrow(/«budget\.sqlite» afvises: filen indeholder en tabel «audit»/);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(10);
      expect(dump(db)).toEqual(before);
    } finally {
      db.close();
    }
  });
});

describe('a migration that throws midway, on data the checks cannot see', () => {
  /** Every schema object, every row of every table and the version: the file as SQLite reads it. */
  function everything(path: string): unknown {
    const db = new Database(path, { readonly: true });
    try {
      const schema = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all() as {
        type: string;
        name: string;
      }[];
      const rows = schema
        .filter((o) => o.type === 'table')
        .map((o) => [
          o.name,
          db
            .prepare(`SELECT * FROM "${o.name}"`)
            .all()
            .map((r) => JSON.stringify(r))
            .sort(),
        ]);
      return { version: db.pragma('user_version', { simple: true }), schema, rows };
    } finally {
      db.close();
    }
  }

  it('rolls back: the file is as before, migration 0060 half done is not in it, and the user is told in Danish', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 50);
    seedV10(path);
    // The largest integer as the copy's «since» passes every check (it is a valid INTEGER), but
    // migration 0060's `since + 1` then overflows to a REAL that its STRICT table refuses: the
    // INSERT fails after its CREATE TABLE share_epoch has run.
    const setup = new Database(path);
    setup.exec('UPDATE share_replica SET since = 9223372036854775807');
    setup.close();
    const before = everything(path);

    let message = '';
    try {
      openPortfolio(path).close();
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(
      /^«budget\.sqlite» kunne ikke opgraderes til denne version af Puljeplan; filen er ikke ændret/,
    );
    expect(message).toMatch(/sikkerhedskopi/);
    expect(everything(path)).toEqual(before);
    // The backup copy made before migrating is the old file too.
    const [backup] = readdirSync(backupDir(path));
    expect(everything(join(backupDir(path), backup!))).toEqual(before);
  });
});

describe('migration 0030 (drop-amount-year-index)', () => {
  const indexes = (db: Database.Database) =>
    db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
      )
      .all()
      .map((r) => r.name);

  it('migrates a seeded version-20 file: the data and audit survive, the year index is gone', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 20);
    seedV10(path);
    const old = new Database(path);
    old.exec(
      "INSERT INTO audit (at, change_no, action, entity, entity_id, field, old_value, new_value) VALUES ('2025-01-01T00:00:00.000Z', 1, 'Ret beløb', 'amount', 'x', '2024', NULL, '5')",
    );
    const before = dump(old);
    expect(indexes(old)).toContain('amount_by_year');
    old.close();

    const db = openPortfolio(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // Later migrations add indexes of their own (0070: projects); the year index stays gone.
      expect(indexes(db)).not.toContain('amount_by_year');
      expect(indexes(db)).toEqual(expect.arrayContaining(['audit_by_change', 'line_by_parent', 'line_by_pool']));
      expect(dump(db)).toEqual(before);
      expect(db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('a migrated file still removes an empty year and refuses one with amounts', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 20);
    seedV10(path);
    const setup = new Database(path);
    setup.exec('INSERT INTO budget_year (year) VALUES (2026)');
    setup.close();
    const session = openSession(path);
    try {
      session.run((db) => removeYear(db, { year: 2026 }));
      expect(session.snapshot().years).toEqual([2024, 2025]);
      expect(() => session.run((db) => removeYear(db, { year: 2025 }))).toThrow(UserError);
      expect(session.snapshot().years).toEqual([2024, 2025]);
    } finally {
      session.close();
    }
  });
});

describe('migration 0040 (share-lineage)', () => {
  it('migrates a seeded version-30 file: the data survives, the file gets its own copy id and empty sharing tables', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 30);
    seedV10(path);
    const old = new Database(path, { readonly: true });
    const before = dump(old);
    old.close();

    const db = openPortfolio(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(dump(db)).toEqual(before);
      const replica = db.prepare('SELECT singleton, id, origin, since FROM share_replica').all() as {
        id: string;
        origin: string;
      }[];
      expect(replica).toEqual([
        { singleton: 1, id: expect.stringMatching(/^[0-9a-f]{32}$/), origin: replica[0]!.id, since: 0 },
      ]);
      for (const t of ['share_seen', 'share_dot', 'share_alias', 'share_merge', 'share_sent']) {
        expect(tableSql(db, t), t).toContain('STRICT');
        expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
      }
      // A second file migrated the same way is a different copy.
      const other = join(dir, 'other.sqlite');
      buildVersion(other, 30);
      seedV10(other);
      const db2 = openPortfolio(other);
      expect(db2.prepare('SELECT id FROM share_replica').pluck().get()).not.toBe(replica[0]!.id);
      db2.close();
    } finally {
      db.close();
    }
  });
});

describe('migration 0050 (line-comment)', () => {
  it('migrates a seeded version-30 file: every line gets an empty comment, the data survives', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 30);
    seedV10(path);
    const old = new Database(path, { readonly: true });
    const before = dump(old);
    old.close();

    const db = openPortfolio(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(50);
      expect(tableSql(db, 'line')).toContain('comment');
      expect(dump(db)).toEqual(before);
      expect(db.prepare('SELECT id, comment FROM line ORDER BY id').all()).toEqual([
        { id: LINE, comment: '' },
        { id: SUB, comment: '' },
      ]);
      // No comment is the empty text, never NULL; and the table is still STRICT.
      expect(() => db.prepare('UPDATE line SET comment = NULL WHERE id = ?').run(LINE)).toThrow(
        /NOT NULL constraint failed: line.comment/,
      );
      expect(() => db.prepare("UPDATE line SET comment = x'00' WHERE id = ?").run(LINE)).toThrow(
        /cannot store BLOB value in TEXT column/,
      );
    } finally {
      db.close();
    }
  });

  it('a migrated file keeps a comment, audits it, and a deleted line gets it back on undo', () => {
    const path = join(dir, 'budget.sqlite');
    buildVersion(path, 30);
    seedV10(path);
    const session = openSession(path);
    try {
      session.run((db) => setLineComment(db, { lineId: SUB, comment: ' Afventer tilbud ' }));
      expect(session.snapshot().lines.find((l) => l.id === SUB)!.comment).toBe('Afventer tilbud');
      expect(session.snapshot().lines.find((l) => l.id === LINE)!.comment).toBeUndefined();
      expect(
        session.db.prepare("SELECT entity, field, old_value, new_value FROM audit WHERE field = 'comment'").all(),
      ).toEqual([{ entity: 'line', field: 'comment', old_value: '', new_value: 'Afventer tilbud' }]);
      session.run((db) => deleteLine(db, { lineId: LINE }));
      session.undo();
      expect(session.snapshot().lines.find((l) => l.id === SUB)!.comment).toBe('Afventer tilbud');
    } finally {
      session.close();
    }
  });
});
