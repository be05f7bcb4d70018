/**
 * db/core/atomic-file.ts, the one way Puljeplan writes a file: the target gets exactly what was
 * written, no temporary file is left (on success, on a thrown callback, on a refused target), and
 * `noReplace` refuses an existing target without touching it. The guards on a target (issue 12):
 * `neverOverSqlite` never replaces a portfolio, `sqlite` never replaces a database open elsewhere
 * and moves stale side files aside rather than letting SQLite replay them into the new file.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  movedAsideNote,
  TargetExistsError,
  TargetInUseError,
  TargetIsPortfolioError,
  writeFileAtomic,
  writeFileAtomicAsync,
} from '../../../db/core/atomic-file';
import { setMeta } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { openSession } from '../../../db/index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = () => readdirSync(dir).sort();

describe('writeFileAtomic', () => {
  it('writes bytes and text, and leaves only the target', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    writeFileAtomic(join(dir, 'data.bin'), bytes);
    expect(new Uint8Array(readFileSync(join(dir, 'data.bin')))).toEqual(bytes);
    writeFileAtomic(join(dir, 'settings.json'), '{ "æøå": "Region Nordjylland" }\n');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{ "æøå": "Region Nordjylland" }\n');
    expect(files()).toEqual(['data.bin', 'settings.json']);
  });

  it('gives a callback a fresh temporary path in the target folder, and returns its result', () => {
    const target = join(dir, 'Bilag 1.sqlite');
    let seen = '';
    const result = writeFileAtomic(target, (tmp) => {
      seen = tmp;
      expect(readdirSync(dir)).toEqual([]);
      expect(tmp.startsWith(join(dir, 'Bilag 1.sqlite.'))).toBe(true);
      // VACUUM INTO needs a name nothing has yet, as SQLite writes it itself.
      const src = new Database(':memory:');
      try {
        src.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('en'), ('to')");
        src.prepare('VACUUM INTO ?').run(tmp);
      } finally {
        src.close();
      }
      return 42;
    });
    expect(result).toBe(42);
    expect(files()).toEqual(['Bilag 1.sqlite']);
    const db = new Database(target, { readonly: true });
    try {
      expect(db.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual(['en', 'to']);
    } finally {
      db.close();
    }
    expect(seen).not.toBe(target);
  });

  it('replaces an existing target by default', () => {
    const target = join(dir, 'a.txt');
    writeFileSync(target, 'gammel');
    writeFileAtomic(target, 'ny');
    expect(readFileSync(target, 'utf8')).toBe('ny');
    expect(files()).toEqual(['a.txt']);
  });

  it('leaves no temporary file (nor SQLite side files) when the callback throws, and the target as it was', () => {
    const target = join(dir, 'a.sqlite');
    writeFileSync(target, 'før');
    expect(() =>
      writeFileAtomic(target, (tmp) => {
        const db = new Database(tmp);
        db.exec('CREATE TABLE t (x)');
        writeFileSync(`${tmp}-journal`, 'rest');
        db.close();
        throw new Error('kopien bestod ikke quick_check');
      }),
    ).toThrow('kopien bestod ikke quick_check');
    expect(files()).toEqual(['a.sqlite']);
    expect(readFileSync(target, 'utf8')).toBe('før');
  });

  it('fails, leaving nothing, when the callback writes nothing', () => {
    expect(() => writeFileAtomic(join(dir, 'a.txt'), () => undefined)).toThrow('blev ikke skrevet');
    expect(files()).toEqual([]);
  });

  it('with noReplace, refuses an existing target and leaves it untouched', () => {
    const target = join(dir, 'Anden.sqlite');
    writeFileSync(target, 'en anden portefølje');
    expect(() => writeFileAtomic(target, 'ny', { noReplace: true })).toThrow(TargetExistsError);
    expect(readFileSync(target, 'utf8')).toBe('en anden portefølje');
    expect(files()).toEqual(['Anden.sqlite']);
  });

  it('with noReplace, refuses a target that appears while the file is being written', () => {
    const target = join(dir, 'Ny.sqlite');
    let err: unknown;
    try {
      writeFileAtomic(
        target,
        (tmp) => {
          writeFileSync(tmp, 'vores');
          writeFileSync(target, 'et andet program');
        },
        { noReplace: true },
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TargetExistsError);
    expect((err as TargetExistsError).path).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('et andet program');
    expect(files()).toEqual(['Ny.sqlite']);
  });

  it('with noReplace, writes a target that does not exist', () => {
    writeFileAtomic(join(dir, 'ny.txt'), 'indhold', { noReplace: true });
    expect(readFileSync(join(dir, 'ny.txt'), 'utf8')).toBe('indhold');
    expect(files()).toEqual(['ny.txt']);
  });
});

describe('writeFileAtomicAsync', () => {
  it('writes what an asynchronous callback wrote, and leaves only the target', async () => {
    const target = join(dir, 'Bilag 1.xlsx');
    const result = await writeFileAtomicAsync(target, async (tmp) => {
      await new Promise((r) => setTimeout(r, 5));
      writeFileSync(tmp, 'projektmappe');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(readFileSync(target, 'utf8')).toBe('projektmappe');
    expect(files()).toEqual(['Bilag 1.xlsx']);
  });

  it('leaves no temporary file when the callback rejects', async () => {
    await expect(
      writeFileAtomicAsync(join(dir, 'Bilag 1.xlsx'), async (tmp) => {
        writeFileSync(tmp, 'halv');
        throw new Error('skrivefejl');
      }),
    ).rejects.toThrow('skrivefejl');
    expect(files()).toEqual([]);
  });
});

/** A database file at `path` with one table `t` holding `value`, made by `VACUUM INTO` (no side files). */
function database(path: string, value: string): void {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (x TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run(value);
    db.prepare('VACUUM INTO ?').run(path);
  } finally {
    db.close();
  }
}

/** What `t` holds in the database at `path`. */
function valueIn(path: string): unknown {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT x FROM t').pluck().get();
  } finally {
    db.close();
  }
}

/**
 * Leaves at `target`-wal and -shm the committed, uncheckpointed -wal of another database whose
 * `t` says «gammel», with no `target` itself: what a crash or a file moved away leaves behind.
 */
function staleWalAt(target: string): Record<string, Buffer> {
  const other = join(dir, 'anden.sqlite');
  database(other, 'før');
  const db = new Database(other);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("UPDATE t SET x = 'gammel'");
    writeFileSync(`${target}-wal`, readFileSync(`${other}-wal`));
    writeFileSync(`${target}-shm`, readFileSync(`${other}-shm`));
  } finally {
    db.close();
  }
  rmSync(other);
  return { '-wal': readFileSync(`${target}-wal`), '-shm': readFileSync(`${target}-shm`) };
}

describe('a database target (sqlite): stale side files are moved aside, never replayed', () => {
  it('moves a stale -wal, -shm and -journal aside under <name>-wal.<time>, reports them, and the new file is only what was written', () => {
    const target = join(dir, 'C.sqlite');
    const stale = { ...staleWalAt(target), '-journal': Buffer.from('en gammel journal') };
    writeFileSync(`${target}-journal`, stale['-journal']);
    const movedAside: string[] = [];
    writeFileAtomic(target, (tmp) => database(tmp, 'ny'), { noReplace: true, sqlite: true, movedAside });
    expect(valueIn(target), 'the stale -wal was not replayed').toBe('ny');
    expect(movedAside).toHaveLength(3);
    for (const [side, bytes] of Object.entries(stale)) {
      const kept = files().filter((n) => n.startsWith(`C.sqlite${side}.`));
      expect(kept, side).toHaveLength(1);
      expect(readFileSync(join(dir, kept[0]!)).equals(bytes), `${kept[0]} keeps the stale ${side}`).toBe(true);
      expect(movedAside).toContain(join(dir, kept[0]!));
    }
    expect(
      files().filter((n) => !n.startsWith('C.sqlite-')),
      'nothing else is left',
    ).toEqual(['C.sqlite']);
    const note = movedAsideNote(target, movedAside);
    for (const m of movedAside) expect(note).toContain(`«${basename(m)}»`);
  });

  it('moves aside the stale -wal of a replaced database that nothing holds open', () => {
    const target = join(dir, 'C.sqlite');
    database(target, 'den gamle fil');
    staleWalAt(target);
    const movedAside: string[] = [];
    writeFileAtomic(target, (tmp) => database(tmp, 'ny'), { sqlite: true, movedAside });
    expect(valueIn(target)).toBe('ny');
    expect(movedAside.map((m) => basename(m).split('.').slice(0, 2).join('.'))).toEqual([
      'C.sqlite-wal',
      'C.sqlite-shm',
    ]);
  });

  it('moves nothing and reports nothing when no side file lies at the name', () => {
    const movedAside: string[] = [];
    writeFileAtomic(join(dir, 'C.sqlite'), (tmp) => database(tmp, 'ny'), { sqlite: true, movedAside });
    expect(movedAside).toEqual([]);
    expect(files()).toEqual(['C.sqlite']);
  });

  it('without sqlite (a workbook, the settings), leaves files named like side files alone', () => {
    writeFileSync(join(dir, 'a.xlsx-wal'), 'ikke vores');
    writeFileAtomic(join(dir, 'a.xlsx'), 'projektmappe');
    expect(files()).toEqual(['a.xlsx', 'a.xlsx-wal']);
  });
});

describe('a database open elsewhere is never replaced (sqlite)', () => {
  it('refuses a portfolio held open, even though replacing was allowed, and touches neither it, its -wal nor the callback', () => {
    const target = join(dir, 'Holdt.sqlite');
    createPortfolio(target, { example: true });
    const holder = openSession(target);
    try {
      holder.run((db) => setMeta(db, { title: 'I holderens -wal' }));
      const before = files().map((n) => readFileSync(join(dir, n)));
      let built = false;
      const movedAside: string[] = [];
      expect(() =>
        writeFileAtomic(target, (tmp) => ((built = true), database(tmp, 'ny')), { sqlite: true, movedAside }),
      ).toThrow(TargetInUseError);
      expect(() => writeFileAtomic(target, (tmp) => database(tmp, 'ny'), { sqlite: true })).toThrow(
        /åben et andet sted/,
      );
      expect(built, 'refused before anything was written').toBe(false);
      expect(movedAside).toEqual([]);
      expect(files()).toEqual(['Holdt.sqlite', 'Holdt.sqlite-wal']);
      expect(files().map((n) => readFileSync(join(dir, n)))).toEqual(before);
    } finally {
      holder.close();
    }
  });

  it('replaces the same file once it is closed', () => {
    const target = join(dir, 'Holdt.sqlite');
    createPortfolio(target, { example: true });
    openSession(target).close();
    writeFileAtomic(target, (tmp) => database(tmp, 'ny'), { sqlite: true });
    expect(valueIn(target)).toBe('ny');
  });
});

describe('an export never replaces a portfolio (neverOverSqlite)', () => {
  it('refuses any SQLite file, replacing allowed or not, before the workbook is built', async () => {
    const target = join(dir, 'p.sqlite');
    createPortfolio(target, { example: true });
    const before = readFileSync(target);
    let built = false;
    const build = async (tmp: string) => {
      built = true;
      writeFileSync(tmp, 'projektmappe');
    };
    await expect(writeFileAtomicAsync(target, build, { neverOverSqlite: true })).rejects.toThrow(
      TargetIsPortfolioError,
    );
    await expect(writeFileAtomicAsync(target, build, { neverOverSqlite: true, noReplace: true })).rejects.toThrow(
      /erstattes aldrig af en eksport/,
    );
    expect(built).toBe(false);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(files()).toEqual(['p.sqlite']);
  });

  it('replaces a file that is no SQLite file when replacing is allowed, and refuses it with noReplace', async () => {
    const target = join(dir, 'bilag.xlsx');
    writeFileSync(target, 'gammel projektmappe');
    await expect(
      writeFileAtomicAsync(target, async (tmp) => writeFileSync(tmp, 'ny'), { neverOverSqlite: true, noReplace: true }),
    ).rejects.toThrow(TargetExistsError);
    expect(readFileSync(target, 'utf8')).toBe('gammel projektmappe');
    await writeFileAtomicAsync(target, async (tmp) => writeFileSync(tmp, 'ny'), { neverOverSqlite: true });
    expect(readFileSync(target, 'utf8')).toBe('ny');
    expect(files()).toEqual(['bilag.xlsx']);
  });
});
