/**
 * «Åbn en renset kopi»: the way out for one's own file that the open refuses (db/core/checks.ts:
 * a trigger, view, index or table Puljeplan does not make, or a failed quick_check). The file is
 * copied (with its -wal, if one lies beside it) to a private folder and never touched itself;
 * in the copy everything that is not ours is dropped (dropping fires nothing), an older version
 * is migrated, and the rows are copied checked value by value (rows.ts, as for a received file)
 * into a new database of our own, written to `outPath` as a new file (db/core/copy.ts).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { APPLICATION_ID, checkIdentity, expectedSchema, foreignSchema, identityOf, readHeader } from '../core/checks';
import { copyPortfolio, type CopiedFile } from '../core/copy';
import { PortfolioFileError, UserError } from '../core/errors';
import { SCHEMA_VERSION, runMigrations } from '../core/migrations/index';
import { openFailure, type DB } from '../core/open';
import { copyCheckedRows, type ReceivedInfo } from './rows';

export interface Rescued {
  info: ReceivedInfo;
  file: CopiedFile;
  /** What was left behind, e.g. «trigger «t»». */
  dropped: string[];
}

const KIND: Record<string, string> = { trigger: 'trigger', view: 'view', index: 'indeks', table: 'tabel' };
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drops from the private copy whatever is not exactly ours, except a table of ours (its rows are wanted). */
function dropForeign(db: DB, version: number): string[] {
  const { found } = foreignSchema(db, version);
  const dropped: string[] = [];
  // Triggers first, so nothing below can fire one; then views, indexes and foreign tables.
  for (const type of ['trigger', 'view', 'index', 'table']) {
    for (const row of found.filter((r) => r.type === type && !r.name.startsWith('sqlite_'))) {
      if (type === 'table' && isOurTable(row.name, version)) continue;
      db.exec(`DROP ${type.toUpperCase()} IF EXISTS ${ident(row.name)}`);
      dropped.push(`${KIND[type]} «${row.name}»`);
    }
  }
  return dropped;
}

function isOurTable(name: string, version: number): boolean {
  return expectedSchema(version).some((o) => o.type === 'table' && o.name === name);
}

/** Copies the portfolio in `path` into a new file at `outPath` (never replacing one) with only our own schema and checked rows. */
export function rescueFile(path: string, outPath: string): Rescued {
  const name = basename(path);
  if (existsSync(outPath))
    throw new UserError(`«${basename(outPath)}» findes allerede; vælg et andet navn til den rensede kopi.`);
  checkIdentity(name, readHeader(path));
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-renset-'));
  const copy = join(dir, 'kopi.sqlite');
  let db: DB | undefined;
  let clean: DB | undefined;
  try {
    copyFileSync(path, copy);
    for (const side of ['-wal', '-journal']) if (existsSync(path + side)) copyFileSync(path + side, copy + side);
    db = new Database(copy, { fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    const { applicationId, userVersion } = identityOf(db);
    checkIdentity(name, { applicationId, userVersion });
    const dropped = dropForeign(db, userVersion);
    if (userVersion < SCHEMA_VERSION) runMigrations(db);
    db.close();
    db = undefined;
    clean = new Database(':memory:');
    clean.pragma(`application_id = ${APPLICATION_ID}`);
    runMigrations(clean);
    clean.pragma('foreign_keys = ON');
    const info = copyCheckedRows(copy, clean, name);
    info.fileSchemaVersion = userVersion;
    const file = copyPortfolio(clean, copy, outPath, undefined, { noReplace: true });
    return { info, file, dropped };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const why = openFailure(name, err).message;
    throw new PortfolioFileError(`Der kunne ikke laves en renset kopi af «${name}»: ${why}`);
  } finally {
    db?.close();
    clean?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
