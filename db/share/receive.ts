/**
 * Opening a portfolio file that arrived from elsewhere (guides/files-from-elsewhere.md): the
 * received file is never opened by SQLite where it lies. Its bytes are copied (with a size cap)
 * to a private temporary file, which is checked — header, application_id, WAL state, quick_check,
 * known version, schema compared exactly with ours — migrated there if older, and its rows are
 * read with plain SELECTs, checked value by value (rows.ts) and written into a fresh in-memory
 * database of our own. Merge, import and restore work on that copy only.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PortfolioFileError, UserError } from '../core/errors';
import { MIGRATIONS, SCHEMA_VERSION, runMigrations } from '../core/migrations/index';
import { APPLICATION_ID, checkIdentity, openFailure, quickCheck, readHeader, type DB } from '../core/open';
import { copyCheckedRows, type ReceivedInfo } from './rows';

/** A 100,000-line portfolio is about 100 MB; anything far above is not one of ours. */
export const MAX_RECEIVED_BYTES = 512 * 1024 * 1024;

export interface Received {
  /** Our own in-memory database holding the checked rows (current schema). */
  db: DB;
  info: ReceivedInfo;
  close(): void;
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };
const schemaCache = new Map<number, string>();

function schemaOf(db: DB): string {
  const rows = db.prepare<[], SchemaRow>('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
  return JSON.stringify(rows);
}

/** Our schema at a version, as the migrations build it (the same text SQLite stores for ours). */
function expectedSchema(version: number): string {
  let schema = schemaCache.get(version);
  if (schema === undefined) {
    const mem = new Database(':memory:');
    try {
      runMigrations(mem, version);
      schema = schemaOf(mem);
    } finally {
      mem.close();
    }
    schemaCache.set(version, schema);
  }
  return schema;
}

/** Any extra trigger, view, index or table — or any different text — refuses the file. */
function compareSchema(db: DB, version: number, name: string): void {
  if (!MIGRATIONS.some((m) => m.version === version)) throw new PortfolioFileError(`«${name}» har en ukendt skemaversion (${version}) og kan ikke bruges.`);
  if (schemaOf(db) === expectedSchema(version)) return;
  const found = db.prepare<[], SchemaRow>('SELECT type, name, tbl_name, sql FROM sqlite_schema').all();
  const ours = JSON.parse(expectedSchema(version)) as SchemaRow[];
  const extra = found.find((r) => !ours.some((o) => o.type === r.type && o.name === r.name && o.sql === r.sql));
  const what: Record<string, string> = { trigger: 'en trigger', view: 'et view', index: 'et indeks', table: 'en tabel' };
  const detail = extra ? `${what[extra.type] ?? extra.type} «${extra.name}», som Puljeplan ikke selv laver` : 'en tabel, Puljeplan har, mangler eller er ændret';
  throw new PortfolioFileError(`«${name}» afvises: filen indeholder ${detail}. En fil fra Puljeplan har kun Puljeplans egne tabeller.`);
}

function safeName(fileName: string): string {
  const name = [...basename(fileName.replace(/\\/g, '/'))].filter((c) => c >= ' ').join('').slice(0, 200);
  return name || 'modtaget.sqlite';
}

/** Reads a received file's bytes without SQLite, refusing a -wal or -journal beside it. */
export function readReceivedBytes(path: string): Buffer {
  const name = basename(path);
  readHeader(path); // missing, empty, not SQLite: the same refusals as opening one
  const size = statSync(path).size;
  for (const side of ['-wal', '-journal']) {
    if (existsSync(path + side)) {
      throw new PortfolioFileError(
        `Ved siden af «${name}» ligger «${name}${side}»: filen blev ikke lukket rigtigt, og de seneste ændringer kan mangle. Bed afsenderen sende den igen med «Send til en anden region».`,
      );
    }
  }
  if (size > MAX_RECEIVED_BYTES) throw new PortfolioFileError(`«${name}» er for stor (${Math.round(size / 1024 / 1024)} MB; højst ${MAX_RECEIVED_BYTES / 1024 / 1024} MB).`);
  return readFileSync(path);
}

/** Checks a received file at `path` and returns its checked rows in our own database. */
export function receiveFile(path: string): Received {
  return receiveBytes(readReceivedBytes(path), basename(path));
}

/** The same for bytes that came through the contract (the browser or the app's file dialog). */
export function receiveBytes(bytes: Uint8Array, fileName: string): Received {
  const name = safeName(fileName);
  if (bytes.length > MAX_RECEIVED_BYTES) throw new PortfolioFileError(`«${name}» er for stor (højst ${MAX_RECEIVED_BYTES / 1024 / 1024} MB).`);
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
    const from = {
      applicationId: foreign.pragma('application_id', { simple: true }) as number,
      userVersion: foreign.pragma('user_version', { simple: true }) as number,
    };
    checkIdentity(name, from);
    quickCheck(foreign, name);
    compareSchema(foreign, from.userVersion, name);
    if (from.userVersion < SCHEMA_VERSION) {
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
      info.fileSchemaVersion = from.userVersion;
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
