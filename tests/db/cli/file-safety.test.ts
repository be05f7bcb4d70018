/**
 * Issue 12, file safety, through the CLI (a real process) and plain files: what the CLI writes
 * never replaces a file unasked, never a portfolio, never one open elsewhere, and a new file never
 * takes over a stale -wal left at its name.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliProcess as cli, HELD_TITLE, holdOpen, killHard } from '../cli-process';
import { EXAMPLE_TITLE, expectOneDanishLine, folders, inspect, plant } from './file-safety-helpers';

// Each test runs the CLI several times, each a new Node process (seconds apiece on a busy machine).
vi.setConfig({ testTimeout: 180_000 });

const f = folders();
let holder: ChildProcess | null = null;
beforeAll(f.setupAll);
afterAll(f.teardownAll);
beforeEach(f.setup);
afterEach(async () => {
  if (holder) await killHard(holder);
  holder = null;
  f.teardown();
});

describe('export never replaces a file unasked, and never a portfolio', () => {
  it('export p.sqlite --out p.sqlite: refused, and the portfolio is still the portfolio', () => {
    const p = f.example('p.sqlite');
    const before = readFileSync(p);
    expectOneDanishLine(cli('export', p, '--out', p));
    expect(readFileSync(p).equals(before), 'the portfolio is byte-identical (not an .xlsx)').toBe(true);
    expect(inspect(p)).toEqual({ check: 'ok', title: EXAMPLE_TITLE });
  });

  it('export --out an existing workbook without --overwrite: refused, the workbook unchanged', () => {
    const p = f.example('p.sqlite');
    const xlsx = join(f.dir(), 'bilag.xlsx');
    expect(cli('export', p, '--out', xlsx).status).toBe(0);
    const before = readFileSync(xlsx);
    expectOneDanishLine(cli('export', p, '--out', xlsx, '--years', '2022'));
    expect(readFileSync(xlsx).equals(before)).toBe(true);
  });

  it('export --out an existing workbook with --overwrite replaces it', () => {
    const p = f.example('p.sqlite');
    const xlsx = join(f.dir(), 'bilag.xlsx');
    expect(cli('export', p, '--out', xlsx).status).toBe(0);
    const before = readFileSync(xlsx);
    const r = cli('export', p, '--out', xlsx, '--years', '2022', '--overwrite');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(xlsx).equals(before), 'the workbook was rewritten').toBe(false);
  });

  it('export --out another portfolio --overwrite: refused, the portfolio unchanged', () => {
    const p = f.example('p.sqlite');
    const other = f.example('anden.sqlite');
    const before = readFileSync(other);
    expectOneDanishLine(cli('export', p, '--out', other, '--overwrite'));
    expect(readFileSync(other).equals(before)).toBe(true);
  });
});

describe('send never replaces an existing portfolio unasked, nor one open elsewhere', () => {
  it('send --out an existing portfolio without --overwrite: refused, that portfolio unchanged', () => {
    const p = f.example('p.sqlite');
    const other = f.example('anden.sqlite');
    plant(other, "UPDATE portfolio SET title = 'En anden portefølje'");
    const before = readFileSync(other);
    expectOneDanishLine(cli('send', p, '--out', other));
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(inspect(other)).toEqual({ check: 'ok', title: 'En anden portefølje' });
  });

  it('send --out a portfolio open in another process, even with --overwrite: refused as open elsewhere, the held file and its -wal intact', async () => {
    const p = f.example('p.sqlite');
    const held = f.example('holdt.sqlite');
    holder = await holdOpen(held);
    const before = [readFileSync(held), readFileSync(`${held}-wal`)];
    const plain = cli('send', p, '--out', held);
    expect(plain.status).toBe(1);
    const forced = expectOneDanishLine(cli('send', p, '--out', held, '--overwrite'));
    expect(forced).toMatch(/åben et andet sted/);
    expect([readFileSync(held), readFileSync(`${held}-wal`)]).toEqual(before);
    await killHard(holder);
    // The holder's committed edit is in the -wal it left: the file with it is whole and has it.
    expect(inspect(held, true)).toEqual({ check: 'ok', title: HELD_TITLE });
  });
});

/**
 * Leaves at `target`-wal (and -shm) the -wal of another portfolio whose title there is «Gammel»,
 * while no `target` exists: what a crashed or copied-away file leaves behind. Returns the files.
 */
function staleWalAt(target: string): Record<string, Buffer> {
  const x = f.example('x.sqlite');
  const db = new Database(x, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("UPDATE portfolio SET title = 'Gammel'");
    copyFileSync(`${x}-wal`, `${target}-wal`);
    copyFileSync(`${x}-shm`, `${target}-shm`);
  } finally {
    db.close();
  }
  expect(existsSync(target)).toBe(false);
  return { '-wal': readFileSync(`${target}-wal`), '-shm': readFileSync(`${target}-shm`) };
}

/** The stale files are no longer at the target's name, but kept beside it and named to the user. */
function expectMovedAside(target: string, stale: Record<string, Buffer>, said: string): void {
  const name = target.split('/').pop()!;
  for (const [side, bytes] of Object.entries(stale)) {
    const kept = readdirSync(f.dir()).filter((n) => n.startsWith(`${name}${side}.`));
    expect(kept, `${name}${side} moved aside`).toHaveLength(1);
    expect(readFileSync(join(f.dir(), kept[0]!)).equals(bytes), `${kept[0]} holds the stale ${side}`).toBe(true);
    expect(said, 'the message names where it went').toContain(kept[0]);
  }
}

/** The title a user sees: the first line of `summary`. */
function shownTitle(path: string): string {
  const r = cli('summary', path);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n')[0]!;
}

describe('a new file never takes over a stale -wal left at its name', () => {
  it('new C.sqlite --title Ny: the file says «Ny», the stale -wal and -shm are moved aside and named', () => {
    const c = join(f.dir(), 'C.sqlite');
    const stale = staleWalAt(c);
    const r = cli('new', c, '--title', 'Ny');
    expect(r.status, r.stderr).toBe(0);
    expect(shownTitle(c)).toBe('Ny (RM)');
    expectMovedAside(c, stale, r.stdout + r.stderr);
  });

  it('import x.xlsx --db C.sqlite (a new file): the imported portfolio, the stale files moved aside', () => {
    const p = f.example('p.sqlite');
    const xlsx = join(f.dir(), 'x.xlsx');
    expect(cli('export', p, '--out', xlsx).status).toBe(0);
    const c = join(f.dir(), 'C.sqlite');
    const stale = staleWalAt(c);
    const r = cli('import', xlsx, '--db', c);
    expect(r.status, r.stderr).toBe(0);
    expect(shownTitle(c)).not.toMatch(/^Gammel/);
    expectMovedAside(c, stale, r.stdout + r.stderr);
  });

  it('send p.sqlite --out C.sqlite: the copy is p, the stale files moved aside', () => {
    const p = f.example('p.sqlite');
    const c = join(f.dir(), 'C.sqlite');
    const stale = staleWalAt(c);
    const r = cli('send', p, '--out', c);
    expect(r.status, r.stderr).toBe(0);
    expect(shownTitle(c)).toBe(`${EXAMPLE_TITLE} (RM)`);
    expectMovedAside(c, stale, r.stdout + r.stderr);
  });
});
