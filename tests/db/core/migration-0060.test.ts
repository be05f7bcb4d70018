/**
 * Migration 0060 (share-epoch), tested as tests/db/core/migrations.test.ts tests the others: a
 * file built at version 50 and seeded, migrated by openPortfolio. Its own copy id becomes its first
 * epoch, so the dots of its changes stay what they were and it merges as before.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAmounts } from '../../../db/core/commands';
import { runMigrations } from '../../../db/core/migrations/index';
import { APPLICATION_ID, openPortfolio } from '../../../db/core/open';
import { openSession } from '../../../db/index';
import { applyMerge } from '../../../db/share/apply';
import { Dots } from '../../../db/share/dots';
import { receiveFile } from '../../../db/share/receive';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-migrate-60-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const POOL = '3b1f6c0e-2a4d-4e8f-9c1a-0d2e3f4a5b6c';
const LINE = '7c2e1d0f-3b4a-4c5d-8e6f-1a2b3c4d5e6f';
const ID = '00112233445566778899aabbccddeeff';

/** A version-50 file with one line, an amount written by its own change 1, and its copy id ID since 0. */
function buildV50(path: string): void {
  const db = new Database(path);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  runMigrations(db, 50);
  db.exec(`
    INSERT INTO portfolio (id, title, region, created_at) VALUES ('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'Budget 2024', 'RN', '2024-01-02T03:04:05.000Z');
    INSERT INTO budget_year (year) VALUES (2024);
    INSERT INTO pool (id, name, position, description) VALUES ('${POOL}', 'Pulje', 1024, '');
    INSERT INTO line (id, pool_id, parent_id, name, position, description, comment) VALUES ('${LINE}', '${POOL}', NULL, 'Linje', 1024, '', '');
    INSERT INTO amount (line_id, year, kroner) VALUES ('${LINE}', 2024, 100);
    INSERT INTO audit (at, change_no, action, entity, entity_id, field, old_value, new_value)
      VALUES ('2024-02-01T00:00:00.000Z', 1, 'Sæt beløb', 'amount', '${LINE}', '2024', NULL, '100');
    UPDATE share_replica SET id = '${ID}', origin = '${ID}';
  `);
  db.close();
}

describe('migration 0060 (share-epoch)', () => {
  it('makes the file’s copy id its first epoch, with the portfolio’s region: the dots stay what they were', () => {
    const path = join(dir, 'budget.sqlite');
    buildV50(path);
    const db = openPortfolio(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(60);
      expect(db.prepare('SELECT * FROM share_epoch').all()).toEqual([
        { replica: ID, first_change: 1, region: 'RN', at: '2024-01-02T03:04:05.000Z' },
      ]);
      const dots = new Dots(db);
      expect(dots.dot('amount', LINE, '2024')).toMatchObject({ replica: ID, counter: 1 });
      expect(dots.dot('line', LINE, 'name')).toMatchObject({ replica: ID, counter: 0 });
    } finally {
      db.close();
    }
  });

  it('a file made before the migration and a copy of it, both edited, merge without losing an edit', () => {
    const mine = join(dir, 'mine.sqlite');
    const theirs = join(dir, 'theirs.sqlite');
    buildV50(mine);
    copyFileSync(mine, theirs); // before 0060 both copies would have numbered their changes under ID
    const edit = (path: string, value: number, year = 2024) => {
      const s = openSession(path);
      try {
        s.run((db) => setAmounts(db, { cells: [{ lineId: LINE, year, value }] }));
      } finally {
        s.close();
      }
    };
    edit(mine, 111);
    const s = openSession(theirs);
    s.run((db) => setAmounts(db, { cells: [{ lineId: LINE, year: 2024, value: 100 }] })); // unchanged value: no change
    s.close();
    edit(theirs, 222);
    const received = receiveFile(theirs);
    const session = openSession(mine);
    try {
      const { plan } = applyMerge(session, received, {});
      expect.unreachable(`a conflict was expected, got ${JSON.stringify(plan.review.counts)}`);
    } catch (e) {
      expect((e as Error).message).toMatch(/1 konflikt/);
    } finally {
      session.close();
      received.close();
    }
  });
});
