/**
 * kill -9 during each atomic write (db/core/atomic-file.ts): a child (atomic-crash-child.ts) makes
 * one copy (Gem som), send copy, backup, .xlsx export or new portfolio and is killed at a random
 * moment around it (crash-harness.ts, killDuringStep). Afterwards the target is the old file
 * (or none, where there was none) or the whole new one — quick_check ok, the expected rows, a
 * workbook that reads — never a mix; and a stale -wal planted at the target's name is never
 * replayed into it: it is either still where it was, with no file under the name, or moved aside.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { exportToFile } from '../../../db/cli/excel';
import { backupDir } from '../../../db/core/backup';
import { checkZip } from '../../../db/excel/zip-guard';
import { createPortfolio, openSession, readImport, sendPortfolio } from '../../../db/index';
import { seededRandom } from '../../seeded-random';
import { makePortfolio } from '../share/generate';
import { tempDir } from '../share/helpers';
import { killDuringStep } from './crash-harness';

const RUNS = 20;
const CHILD = fileURLToPath(new URL('./atomic-crash-child.ts', import.meta.url));

vi.setConfig({ testTimeout: 300_000 });

let t: ReturnType<typeof tempDir>;
/** A portfolio large enough that each write takes a while (3,000 lines × 10 years). */
let big: string;
/** A smaller one for the export, whose workbook is slow to build. */
let small: string;
/** The stale -wal and -shm of another portfolio («Gammel»), to plant at a target's name: files and bytes. */
let stalePaths: Record<string, string>;
let stale: Record<string, Buffer>;

/** quick_check, then the title and every line's name and amounts, as our own open reads them. */
function shape(path: string): string {
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  try {
    expect(raw.pragma('quick_check', { simple: true }), path).toBe('ok');
  } finally {
    raw.close();
  }
  const session = openSession(path, { readonly: true });
  try {
    const snap = session.snapshot();
    const lines = snap.lines.map((l) => JSON.stringify([l.name, l.amounts])).sort();
    return JSON.stringify([snap.meta.title, lines]);
  } finally {
    session.db.close();
  }
}

/** A fresh folder for one mode, with its own copy of `source` (so backups and locks stay apart). */
function folderFor(mode: string, source: string): { dir: string; source: string } {
  const dir = join(t.dir, mode);
  mkdirSync(dir);
  const own = join(dir, 'kilde.sqlite');
  copyFileSync(source, own);
  return { dir, source: own };
}

/** Plants the stale -wal and -shm at `target`'s name. */
function plantStale(target: string): void {
  for (const [side, path] of Object.entries(stalePaths)) copyFileSync(path, `${target}${side}`);
}

/**
 * For a write that never replaces (Gem som, new): no file under the name and the stale -wal/-shm
 * still there or moved aside, or the whole new file (`expected` shape) with the stale files moved
 * aside and nothing at its side-file names.
 */
function newFileOutcome(dir: string, target: string, expected: string, acked: boolean): string {
  const name = target.split('/').pop()!;
  for (const [side, bytes] of Object.entries(stale)) {
    const kept = readdirSync(dir).filter((n) => n === `${name}${side}` || n.startsWith(`${name}${side}.`));
    expect(kept, `the stale ${side} is kept, once`).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!)).equals(bytes)).toBe(true);
  }
  if (!existsSync(target)) {
    expect(acked, 'an acknowledged write left its file').toBe(false);
    return 'old';
  }
  for (const side of ['-wal', '-shm', '-journal'])
    expect(existsSync(`${target}${side}`), `nothing at ${name}${side} to replay`).toBe(false);
  expect(shape(target)).toBe(expected);
  return 'new';
}

/** Every run's outcome is old or new, and some runs were killed before their write returned. */
function expectBoth(outcomes: string[], acks: boolean[]): void {
  expect(outcomes.every((o) => o === 'old' || o === 'new')).toBe(true);
  expect(outcomes).toContain('new');
  expect(acks.filter((a) => !a).length, 'runs killed before the write returned').toBeGreaterThan(0);
}

beforeAll(() => {
  t = tempDir();
  big = join(t.dir, 'stor.sqlite');
  makePortfolio(big, 3_000, 1);
  small = join(t.dir, 'lille.sqlite');
  makePortfolio(small, 400, 2);
  const x = join(t.dir, 'x.sqlite');
  createPortfolio(x, { example: true });
  const db = new Database(x, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("UPDATE portfolio SET title = 'Gammel'");
    stalePaths = { '-wal': join(t.dir, 'stale-wal'), '-shm': join(t.dir, 'stale-shm') };
    copyFileSync(`${x}-wal`, stalePaths['-wal']!);
    copyFileSync(`${x}-shm`, stalePaths['-shm']!);
  } finally {
    db.close();
  }
  stale = { '-wal': readFileSync(stalePaths['-wal']!), '-shm': readFileSync(stalePaths['-shm']!) };
}, 120_000);

afterAll(() => t.done());

describe.concurrent(
  `kill -9 during an atomic write (${RUNS} runs each): the old file or the whole new one, never a mix`,
  () => {
    test('Gem som (VACUUM INTO) at a name with a stale -wal: no file, or the whole copy', async () => {
      const f = folderFor('copy', big);
      const expected = shape(f.source);
      const acks: boolean[] = [];
      const outcomes = await killDuringStep(
        RUNS,
        seededRandom(21),
        (i) => {
          plantStale(join(f.dir, `kopi-${i}.sqlite`));
          return ['copy', f.source, join(f.dir, `kopi-${i}.sqlite`)];
        },
        (i, acked) => {
          acks.push(acked);
          return newFileOutcome(f.dir, join(f.dir, `kopi-${i}.sqlite`), expected, acked);
        },
        CHILD,
      );
      expectBoth(outcomes, acks);
    });

    test('a new portfolio at a name with a stale -wal: no file, or the whole new one, never «Gammel»', async () => {
      const f = folderFor('new', small);
      const ref = join(t.dir, 'ny-ref.sqlite');
      createPortfolio(ref, { example: true, title: 'Ny' });
      const expected = shape(ref);
      const acks: boolean[] = [];
      const outcomes = await killDuringStep(
        RUNS,
        seededRandom(22),
        (i) => {
          plantStale(join(f.dir, `ny-${i}.sqlite`));
          return ['new', f.source, join(f.dir, `ny-${i}.sqlite`)];
        },
        (i, acked) => {
          acks.push(acked);
          return newFileOutcome(f.dir, join(f.dir, `ny-${i}.sqlite`), expected, acked);
        },
        CHILD,
      );
      expectBoth(outcomes, acks);
    });

    test('send over an older copy: the older copy byte for byte, or the whole send copy', async () => {
      const f = folderFor('send', big);
      const old = join(t.dir, 'gammel-kopi.sqlite');
      copyFileSync(small, old);
      const oldBytes = readFileSync(old);
      const ref = join(t.dir, 'send-ref.sqlite');
      const s = openSession(f.source);
      try {
        sendPortfolio(s, ref, 'ref');
      } finally {
        s.close();
      }
      const expected = shape(ref);
      const target = join(f.dir, 'sendt.sqlite');
      const acks: boolean[] = [];
      const outcomes = await killDuringStep(
        RUNS,
        seededRandom(23),
        () => {
          copyFileSync(old, target);
          return ['send', f.source, target];
        },
        (_i, acked) => {
          acks.push(acked);
          if (readFileSync(target).equals(oldBytes)) {
            expect(acked).toBe(false);
            return 'old';
          }
          expect(shape(target)).toBe(expected);
          const sent = new Database(target, { readonly: true });
          try {
            expect(sent.prepare('SELECT app_version FROM share_sent').pluck().get()).toBe('kill-test');
          } finally {
            sent.close();
          }
          return 'new';
        },
        CHILD,
      );
      expectBoth(outcomes, acks);
    });

    test('a backup copy: none, or one whole backup', async () => {
      const f = folderFor('backup', big);
      const expected = shape(f.source);
      const backups = backupDir(f.source);
      const acks: boolean[] = [];
      const outcomes = await killDuringStep(
        RUNS,
        seededRandom(24),
        () => {
          rmSync(backups, { recursive: true, force: true });
          return ['backup', f.source, backups];
        },
        (_i, acked) => {
          acks.push(acked);
          const made = existsSync(backups) ? readdirSync(backups).filter((n) => n.endsWith('.sqlite')) : [];
          expect(made.length).toBeLessThanOrEqual(1);
          if (!made.length) {
            expect(acked).toBe(false);
            return 'old';
          }
          expect(shape(join(backups, made[0]!))).toBe(expected);
          return 'new';
        },
        CHILD,
      );
      expectBoth(outcomes, acks);
    });

    test('export --overwrite over an older workbook: the older workbook byte for byte, or the whole new one', async () => {
      const f = folderFor('export', small);
      const s = openSession(f.source, { readonly: true });
      const snapshot = s.snapshot();
      s.db.close();
      const old = join(t.dir, 'gammel.xlsx');
      await exportToFile(snapshot, { perPool: false, descriptions: false, years: [2025] }, old);
      const oldBytes = readFileSync(old);
      const ref = join(t.dir, 'ny.xlsx');
      await exportToFile(snapshot, { perPool: false, descriptions: true }, ref);
      const read = async (bytes: Buffer) => JSON.stringify(await readImport(bytes, 'bilag.xlsx'));
      const expected = await read(readFileSync(ref));
      const target = join(f.dir, 'bilag.xlsx');
      const acks: boolean[] = [];
      const written: Buffer[] = [];
      const outcomes = await killDuringStep(
        RUNS,
        seededRandom(25),
        () => {
          copyFileSync(old, target);
          return ['export', f.source, target];
        },
        (_i, acked) => {
          acks.push(acked);
          if (readFileSync(target).equals(oldBytes)) {
            expect(acked).toBe(false);
            return 'old';
          }
          written.push(readFileSync(target));
          return 'new';
        },
        CHILD,
      );
      expectBoth(outcomes, acks);
      // Every new workbook is a whole zip (its directory and every entry check out); the first and
      // the last are also read as the reference export reads (reading all 20 takes a minute).
      for (const bytes of written) checkZip(bytes, 'bilag.xlsx');
      for (const bytes of [written[0]!, written[written.length - 1]!]) expect(await read(bytes)).toBe(expected);
    });
  },
);
