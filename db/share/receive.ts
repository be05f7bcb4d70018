/**
 * Opening a portfolio file that arrived from elsewhere (docs/files.md): the
 * received file is never opened by SQLite where it lies. Its bytes are copied (with a size cap)
 * to a private temporary file, which is checked — header, application_id, WAL state, quick_check,
 * known version, schema compared exactly with ours (db/core/checks.ts, the same checks as one's
 * own file gets on open) — migrated there if older, and its rows are
 * read with plain SELECTs, checked value by value (rows.ts) and written into a fresh in-memory
 * database of our own. Merge, import and restore work on that copy only.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PortfolioFileError, UserError } from '../core/errors';
import { SCHEMA_VERSION, runMigrations } from '../core/migrations/index';
import { APPLICATION_ID, checkIdentity, checkOpenFile, compareSchema, readHeader } from '../core/checks';
import { heldElsewhere, openElsewhere, openFailure, type DB } from '../core/open';
import { copyCheckedRows, type ReceivedInfo } from './rows';

/** A 100,000-line portfolio is about 100 MB; anything far above is not one of ours. */
export const MAX_RECEIVED_BYTES = 512 * 1024 * 1024;

export interface Received {
  /** Our own in-memory database holding the checked rows (current schema). */
  db: DB;
  info: ReceivedInfo;
  close(): void;
}

function safeName(fileName: string): string {
  const name = [...basename(fileName.replace(/\\/g, '/'))]
    .filter((c) => c >= ' ')
    .join('')
    .slice(0, 200);
  return name || 'modtaget.sqlite';
}

/** Reads a received file's bytes without SQLite, refusing a -wal or -journal beside it. */
export function readReceivedBytes(path: string): Buffer {
  const name = basename(path);
  readHeader(path); // missing, empty, not SQLite: the same refusals as opening one
  const size = statSync(path).size;
  // A -wal beside a file someone has open is their work in progress, not a crash.
  if (existsSync(`${path}-wal`) && heldElsewhere(path)) throw openElsewhere(name);
  for (const side of ['-wal', '-journal']) {
    if (existsSync(path + side)) {
      throw new PortfolioFileError(
        `Ved siden af «${name}» ligger «${name}${side}»: filen blev ikke lukket rigtigt, og de seneste ændringer kan mangle. Bed afsenderen sende den igen med «Send til en anden region».`,
      );
    }
  }
  if (size > MAX_RECEIVED_BYTES)
    throw new PortfolioFileError(
      `«${name}» er for stor (${Math.round(size / 1024 / 1024)} MB; højst ${MAX_RECEIVED_BYTES / 1024 / 1024} MB).`,
    );
  return readFileSync(path);
}

/** Checks a received file at `path` and returns its checked rows in our own database. */
export function receiveFile(path: string): Received {
  return receiveBytes(readReceivedBytes(path), basename(path));
}

/** The same for bytes that came through the contract (the browser or the app's file dialog). */
export function receiveBytes(bytes: Uint8Array, fileName: string): Received {
  const name = safeName(fileName);
  if (bytes.length > MAX_RECEIVED_BYTES)
    throw new PortfolioFileError(`«${name}» er for stor (højst ${MAX_RECEIVED_BYTES / 1024 / 1024} MB).`);
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-modtaget-'));
  const copy = join(dir, name);
  let foreign: DB | undefined;
  try {
    writeFileSync(copy, bytes);
    const header = readHeader(copy);
    checkIdentity(name, header);
    if (header.wal) {
      throw new PortfolioFileError(
        `«${name}» blev ikke lukket rigtigt af Puljeplan (den er stadig i WAL-tilstand), så de seneste ændringer kan mangle. Bed afsenderen sende den igen med «Send til en anden region».`,
      );
    }
    foreign = new Database(copy, { readonly: true, fileMustExist: true });
    foreign.pragma('trusted_schema = OFF');
    const fileVersion = checkOpenFile(foreign, name);
    if (fileVersion < SCHEMA_VERSION) {
      // Our private copy only: the received file stays as it came (it is the backup of itself).
      foreign.close();
      foreign = new Database(copy, { fileMustExist: true });
      foreign.pragma('trusted_schema = OFF');
      runMigrations(foreign);
      compareSchema(foreign, SCHEMA_VERSION, name);
    }
    foreign.close();
    foreign = undefined;
    const clean = new Database(':memory:');
    try {
      clean.pragma(`application_id = ${APPLICATION_ID}`);
      runMigrations(clean);
      clean.pragma('foreign_keys = ON');
      const info = copyCheckedRows(copy, clean, name);
      info.fileSchemaVersion = fileVersion;
      return { db: clean, info, close: () => clean.close() };
    } catch (err) {
      clean.close();
      throw err;
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw openFailure(name, err);
  } finally {
    foreign?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
