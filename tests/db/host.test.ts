/**
 * Issue 12, item 4, through the app's path: file.open (double-click, Åbn…, Seneste filer, a
 * program argument) goes through PortfolioHost (db/host.ts) and openSession, and refuses a
 * portfolio with a trigger Puljeplan does not make, naming the way out; the open file stays open
 * and working, and the refused file is not changed by a byte.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAmounts } from '../../db/core/commands';
import { createPortfolio } from '../../db/core/create';
import { createDispatcher } from '../../db/dispatcher';
import { PortfolioHost } from '../../db/host';
import { fileToken, openSession } from '../../db/index';

let dir: string;
let host: PortfolioHost;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-host-'));
  createPortfolio(join(dir, 'mine.sqlite'), { example: true });
  copyFileSync(join(dir, 'mine.sqlite'), join(dir, 'planted.sqlite'));
  const db = new Database(join(dir, 'planted.sqlite'));
  db.exec("CREATE TRIGGER t AFTER INSERT ON audit BEGIN UPDATE portfolio SET title = 'hacked'; END");
  db.close();
  host = new PortfolioHost({ openSession: (path) => openSession(path) });
});
afterEach(() => {
  host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('file.open of a portfolio with a planted trigger', () => {
  it('is refused with a Danish message naming the trigger and the rescue command; the open file stays open and editable', async () => {
    host.open(join(dir, 'mine.sqlite'));
    const planted = join(dir, 'planted.sqlite');
    const before = readFileSync(planted);
    const dispatch = createDispatcher(host.backend('0.1.0'));

    const answer = await dispatch('file.open', { file: fileToken(planted) });
    if (answer.ok) throw new Error('file.open was accepted');
    expect(answer.error.message).toContain(
      '«planted.sqlite» afvises: filen indeholder en trigger «t», som Puljeplan ikke selv laver.',
    );
    expect(answer.error.message).toContain('puljeplan rescue "planted.sqlite" --out');

    expect(host.session?.path).toBe(join(dir, 'mine.sqlite'));
    const load = await dispatch('portfolio.load', {});
    if (!load.ok) throw new Error(load.error.message);
    const line = host.session!.snapshot().lines.find((l) => l.name === 'LPR3 ID3 - Landspatientregister')!;
    const edit = await dispatch('amounts.set', { cells: [{ lineId: line.id, year: 2023, value: 3_000_000 }] });
    expect(edit.ok).toBe(true);

    expect(readFileSync(planted).equals(before), 'the refused file is byte-identical').toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['mine.sqlite', 'mine.sqlite-wal', 'planted.sqlite']);
  });

  it('openSession, read-only or not, refuses it and the trigger never runs', () => {
    const planted = join(dir, 'planted.sqlite');
    const before = readFileSync(planted);
    expect(() => openSession(planted)).toThrow(/trigger «t»/);
    expect(() => openSession(planted, { readonly: true })).toThrow(/trigger «t»/);
    expect(readFileSync(planted).equals(before)).toBe(true);
  });
});

describe('one’s own file', () => {
  it('passes the exact schema check after edits, closes and opens again', () => {
    const path = join(dir, 'mine.sqlite');
    const first = openSession(path);
    const line = first.snapshot().lines.find((l) => l.name === 'LPR3 ID3 - Landspatientregister')!;
    first.run((db) => setAmounts(db, { cells: [{ lineId: line.id, year: 2023, value: 1_000 }] }));
    first.close();
    const again = openSession(path);
    expect(again.snapshot().lines.find((l) => l.id === line.id)?.amounts[2023]).toBe(1_000);
    again.close();
  });
});
