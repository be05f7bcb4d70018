/**
 * db/core/atomic-file.ts, the one way Puljeplan writes a file: the target gets exactly what was
 * written, no temporary file is left (on success, on a thrown callback, on a refused target), and
 * `noReplace` refuses an existing target without touching it.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TargetExistsError, writeFileAtomic, writeFileAtomicAsync } from '../../../db/core/atomic-file';

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
