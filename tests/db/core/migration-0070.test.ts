/**
 * Migration 0070 (projects), tested as tests/db/core/migrations.test.ts tests the others: a file
 * built at version 60 and seeded, migrated by openPortfolio. Its audit log survives the rebuild
 * that lets it record projects; pools named as the annex names them get their kind.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../../../db/core/migrations/index';
import { APPLICATION_ID, openPortfolio } from '../../../db/core/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-migrate-70-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NATIONAL = '3b1f6c0e-2a4d-4e8f-9c1a-0d2e3f4a5b6c';
const REGIONAL = '4c2f6c0e-2a4d-4e8f-9c1a-0d2e3f4a5b6c';
const VIS = '5d3f6c0e-2a4d-4e8f-9c1a-0d2e3f4a5b6c';
const LINE = '7c2e1d0f-3b4a-4c5d-8e6f-1a2b3c4d5e6f';

function buildV60(path: string): void {
  const db = new Database(path);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  runMigrations(db, 60);
  db.exec(`
    INSERT INTO portfolio (id, title, region, created_at) VALUES ('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'Budget 2024', 'RN', '2024-01-02T03:04:05.000Z');
    INSERT INTO budget_year (year) VALUES (2024);
    INSERT INTO pool (id, name, position, description) VALUES
      ('${NATIONAL}', 'Nationale projekter', 1024, ''),
      ('${REGIONAL}', 'FÆLLESREGIONALE PROJEKTER', 2048, ''),
      ('${VIS}', 'Vestdansk It Samarbejde', 3072, '');
    INSERT INTO line (id, pool_id, parent_id, name, position, description, comment) VALUES ('${LINE}', '${REGIONAL}', NULL, 'KIIT', 1024, '', '');
    INSERT INTO amount (line_id, year, kroner) VALUES ('${LINE}', 2024, 100);
    INSERT INTO audit (at, change_no, action, entity, entity_id, field, old_value, new_value) VALUES
      ('2024-02-01T00:00:00.000Z', 1, 'Sæt beløb', 'amount', '${LINE}', '2024', NULL, '100'),
      ('2024-02-02T00:00:00.000Z', 2, 'Omdøb linje', 'line', '${LINE}', 'name', 'Kiit', 'KIIT');
  `);
  db.close();
}

describe('migration 0070 (projects)', () => {
  it('keeps every audit row, gives annex-named pools their kind, and the new tables take a project', () => {
    const path = join(dir, 'budget.sqlite');
    buildV60(path);
    const db = openPortfolio(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(70);
      expect(db.prepare('SELECT seq, change_no, action, entity, field, old_value, new_value FROM audit').all()).toEqual(
        [
          {
            seq: 1,
            change_no: 1,
            action: 'Sæt beløb',
            entity: 'amount',
            field: '2024',
            old_value: null,
            new_value: '100',
          },
          {
            seq: 2,
            change_no: 2,
            action: 'Omdøb linje',
            entity: 'line',
            field: 'name',
            old_value: 'Kiit',
            new_value: 'KIIT',
          },
        ],
      );
      expect(db.prepare('SELECT pool_id, kind FROM pool_kind ORDER BY kind').all()).toEqual([
        { pool_id: REGIONAL, kind: 'fællesregional' },
        { pool_id: NATIONAL, kind: 'national' },
      ]);
      db.prepare(
        "INSERT INTO project (line_id, number, phase, end_month, risk_profile) VALUES (?, '18-6', 'Gennemførelse', '2024-03', 'B')",
      ).run(LINE);
      db.prepare(
        "INSERT INTO project_status (line_id, month, deliveries, time) VALUES (?, '2023-11', 'rød', 'gul')",
      ).run(LINE);
      db.prepare("INSERT INTO milestone (line_id, half, text, state) VALUES (?, '2024-H1', 'Go-live', 'risiko')").run(
        LINE,
      );
      db.prepare(
        "INSERT INTO audit (at, change_no, action, entity, entity_id, field) VALUES ('nu', 3, 'Ret status', 'project_status', ?, '2023-11 time')",
      ).run(LINE);
      expect(db.prepare('SELECT number, phase, end_month FROM project').get()).toEqual({
        number: '18-6',
        phase: 'Gennemførelse',
        end_month: '2024-03',
      });
    } finally {
      db.close();
    }
  });

  it('refuses values the model does not know: a 13th month, a purple light, a second project 18-6', () => {
    const path = join(dir, 'budget.sqlite');
    buildV60(path);
    const db = openPortfolio(path);
    try {
      const status = (month: string, light: string) =>
        db.prepare('INSERT INTO project_status (line_id, month, time) VALUES (?, ?, ?)').run(LINE, month, light);
      expect(() => status('2023-13', 'grøn')).toThrow(/CHECK constraint failed/);
      expect(() => status('2023-00', 'grøn')).toThrow(/CHECK constraint failed/);
      expect(() => status('2023-11', 'lilla')).toThrow(/CHECK constraint failed/);
      db.exec(
        `INSERT INTO line (id, pool_id, parent_id, name, position) VALUES ('8c2e1d0f-3b4a-4c5d-8e6f-1a2b3c4d5e6f', '${VIS}', NULL, 'PPJ', 2048)`,
      );
      db.prepare("INSERT INTO project (line_id, number) VALUES (?, '18-6')").run(LINE);
      expect(() =>
        db
          .prepare("INSERT INTO project (line_id, number) VALUES ('8c2e1d0f-3b4a-4c5d-8e6f-1a2b3c4d5e6f', '18-6')")
          .run(),
      ).toThrow(/UNIQUE constraint failed/);
      expect(() =>
        db
          .prepare("INSERT INTO project (line_id, phase) VALUES ('8c2e1d0f-3b4a-4c5d-8e6f-1a2b3c4d5e6f', 'Drift')")
          .run(),
      ).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});
