/**
 * Files that are not ours, damaged, empty or from a newer Puljeplan are refused by the open path
 * (db/core/open.ts) byte for byte unchanged, with nothing left beside them. (Each migration of an
 * older file of ours: migrations.test.ts.)
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../../db/core/backup';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { SCHEMA_VERSION } from '../../../db/core/migrations/index';
import { openPortfolio } from '../../../db/core/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-refused-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('files that are refused, unchanged', () => {
  function expectRefusedUnchanged(path: string, message: string | RegExp): void {
    const before = readFileSync(path);
    let error: unknown;
    try {
      openPortfolio(path).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
    expect(readFileSync(path).equals(before), 'the file is byte-identical').toBe(true);
    expect(
      readdirSync(dir).filter((f) => f !== path.split('/').pop()),
      'no -wal, -shm or backup left behind',
    ).toEqual([]);
    expect(existsSync(backupDir(path))).toBe(false);
  }

  it('a file from a newer Puljeplan (user_version above ours)', () => {
    const path = join(dir, 'ny.sqlite');
    createPortfolio(path, { example: true });
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 10}`);
    db.close();
    expectRefusedUnchanged(
      path,
      `«ny.sqlite» er lavet med en nyere version af Puljeplan (skemaversion ${SCHEMA_VERSION + 10}; denne version kender op til ${SCHEMA_VERSION}). Opdatér Puljeplan for at åbne den.`,
    );
    expect(() => openPortfolio(path, { readonly: true })).toThrow('nyere version af Puljeplan');
  });

  it('a SQLite file of another program (foreign application_id)', () => {
    const path = join(dir, 'andet.sqlite');
    const db = new Database(path);
    db.pragma('application_id = 1234');
    db.exec('CREATE TABLE t (a TEXT)');
    db.close();
    expectRefusedUnchanged(path, '«andet.sqlite» er en SQLite-database, men ikke en Puljeplan-portefølje.');
  });

  it('a zero-byte file', () => {
    const path = join(dir, 'tom.sqlite');
    writeFileSync(path, '');
    expectRefusedUnchanged(path, '«tom.sqlite» er tom (0 byte) og er ikke en Puljeplan-portefølje.');
  });

  it('a text file', () => {
    const path = join(dir, 'noter.sqlite');
    writeFileSync(path, 'Bilag 1\nLPR3 ID3 - Landspatientregister;1.500;2.800\n'.repeat(20));
    expectRefusedUnchanged(path, '«noter.sqlite» er ikke en Puljeplan-portefølje (filen er ikke en SQLite-database).');
  });

  it.each([100, 4096, 16384])('a portfolio truncated to %i bytes (a cut-off e-mail attachment)', (size) => {
    const full = join(dir, 'hel.sqlite');
    createPortfolio(full, { example: true });
    const path = join(dir, 'afkortet.sqlite');
    writeFileSync(path, readFileSync(full).subarray(0, size));
    rmSync(full);
    expectRefusedUnchanged(path, /^«afkortet\.sqlite» er beskadiget og kan ikke åbnes .*Brug en sikkerhedskopi/);
  });

  it('a file that does not exist', () => {
    expect(() => openPortfolio(join(dir, 'mangler.sqlite'))).toThrow('Filen «mangler.sqlite» findes ikke.');
    expect(readdirSync(dir)).toEqual([]);
  });
});
