/**
 * Issue 12, item 4: the way out for one's own file that the open refuses (db/share/rescue.ts,
 * `cli rescue`). The file itself is never changed; the new file holds the checked rows under
 * Puljeplan's own schema only, opens through the ordinary open, and the planted trigger is gone.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAmounts } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { openSession } from '../../../db/index';
import { rescueFile } from '../../../db/share/rescue';

let dir: string;
const LPR = 'LPR3 ID3 - Landspatientregister';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-rescue-'));
  createPortfolio(join(dir, 'mine.sqlite'), { example: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function plant(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.close();
}

describe('rescueFile', () => {
  it('copies the rows of a file with a trigger, view, index and table of its own into a new file that opens and edits; the file stays as it was', () => {
    const mine = join(dir, 'mine.sqlite');
    const session = openSession(mine);
    const line = session.snapshot().lines.find((l) => l.name === LPR)!;
    session.run((db) => setAmounts(db, { cells: [{ lineId: line.id, year: 2023, value: 4_000_000 }] }));
    const expected = session.snapshot();
    session.close();
    plant(
      mine,
      "CREATE TRIGGER t AFTER INSERT ON audit BEGIN UPDATE portfolio SET title = 'hacked'; END; CREATE VIEW v AS SELECT * FROM line; CREATE INDEX i ON line (name); CREATE TABLE evil (x); INSERT INTO evil VALUES (1)",
    );
    expect(() => openSession(mine)).toThrow(/afvises/);
    const before = readFileSync(mine);

    const out = join(dir, 'renset.sqlite');
    const rescued = rescueFile(mine, out);
    expect(rescued.dropped.sort()).toEqual(['indeks «i»', 'tabel «evil»', 'trigger «t»', 'view «v»']);
    expect(rescued.info.lines).toBe(expected.lines.length);
    expect(readFileSync(mine).equals(before), 'the refused file is byte-identical').toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['mine.sqlite', 'renset.sqlite']);

    const clean = openSession(out);
    try {
      const snap = clean.snapshot();
      expect(snap.meta.title).toBe(expected.meta.title);
      expect(snap.lines).toEqual(expected.lines);
      clean.run((db) => setAmounts(db, { cells: [{ lineId: line.id, year: 2023, value: 5_000_000 }] }));
      expect(clean.snapshot().meta.title).toBe(expected.meta.title);
      expect(
        clean.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('t', 'v', 'i', 'evil')").pluck().get(),
      ).toBe(0);
    } finally {
      clean.close();
    }
  });

  it('never replaces an existing file, and refuses a file that is not a portfolio', () => {
    const mine = join(dir, 'mine.sqlite');
    const other = join(dir, 'other.sqlite');
    copyFileSync(mine, other);
    const otherBefore = readFileSync(other);
    expect(() => rescueFile(mine, other)).toThrow(
      '«other.sqlite» findes allerede; vælg et andet navn til den rensede kopi.',
    );
    expect(readFileSync(other).equals(otherBefore)).toBe(true);

    const foreign = join(dir, 'foreign.sqlite');
    plant(foreign, 'CREATE TABLE x (y)');
    expect(() => rescueFile(foreign, join(dir, 'out.sqlite'))).toThrow(
      '«foreign.sqlite» er en SQLite-database, men ikke en Puljeplan-portefølje.',
    );
    expect(existsSync(join(dir, 'out.sqlite'))).toBe(false);
  });
});
