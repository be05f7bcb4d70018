/**
 * The checks every portfolio file passes before Puljeplan works on it, one's own (db/core/open.ts)
 * and a received one (db/share/receive.ts) alike: the SQLite header read without SQLite, our
 * application_id and a known user_version, the exact schema (no trigger, view, index or table
 * Puljeplan does not make) and quick_check. They only read, so they run before any statement that
 * could fire a trigger.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PortfolioFileError } from './errors';
import { MIGRATIONS, SCHEMA_VERSION, runMigrations } from './migrations/index';

/** PRAGMA application_id of a Puljeplan file: "PULJ" in ASCII. */
export const APPLICATION_ID = 0x50554c4a;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

type DB = Database.Database;

export interface FileHeader {
  applicationId: number;
  userVersion: number;
  /** Bytes 18-19 are 2 in a WAL-mode file: its newest changes may sit in a -wal file beside it. */
  wal?: boolean;
}

/** Reads the 100-byte SQLite header without SQLite (SQLite file format §1.3). */
export function readHeader(path: string): FileHeader {
  const name = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      throw new PortfolioFileError(`«${name}» er en mappe, ikke en porteføljefil. Angiv en .sqlite-fil.`);
    size = stat.size;
  } catch (err) {
    if (err instanceof PortfolioFileError) throw err;
    throw new PortfolioFileError(`Filen «${name}» findes ikke.`);
  }
  if (size === 0) throw new PortfolioFileError(`«${name}» er tom (0 byte) og er ikke en Puljeplan-portefølje.`);
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new PortfolioFileError(`«${name}» er ikke en Puljeplan-portefølje (filen er ikke en SQLite-database).`);
  }
  return { userVersion: buf.readInt32BE(60), applicationId: buf.readInt32BE(68), wal: buf[18] === 2 || buf[19] === 2 };
}

export function checkIdentity(name: string, header: FileHeader): void {
  if (header.applicationId !== APPLICATION_ID) {
    throw new PortfolioFileError(`«${name}» er en SQLite-database, men ikke en Puljeplan-portefølje.`);
  }
  if (header.userVersion > SCHEMA_VERSION) {
    throw new PortfolioFileError(
      `«${name}» er lavet med en nyere version af Puljeplan (skemaversion ${header.userVersion}; denne version kender op til ${SCHEMA_VERSION}). Opdatér Puljeplan for at åbne den.`,
    );
  }
  if (header.userVersion < MIGRATIONS[0]!.version) {
    throw new PortfolioFileError(`«${name}» har ingen kendt skemaversion og kan ikke åbnes.`);
  }
}

/** application_id and user_version as SQLite reads them (the header may lag behind a -wal). */
export function identityOf(db: DB): FileHeader {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

export function quickCheck(db: DB, name: string, advice = ''): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    throw new PortfolioFileError(
      `«${name}» er beskadiget (SQLite quick_check fandt fejl) og kan ikke åbnes.${advice && ` ${advice}`}`,
    );
  }
}

export type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };
const schemaCache = new Map<number, SchemaRow[]>();

function schemaRows(db: DB): SchemaRow[] {
  return db
    .prepare<[], SchemaRow>('SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY type, name')
    .all();
}

/** Our schema at a version, as the migrations build it (the same text SQLite stores for ours). */
export function expectedSchema(version: number): SchemaRow[] {
  let schema = schemaCache.get(version);
  if (schema === undefined) {
    const mem = new Database(':memory:');
    try {
      runMigrations(mem, version);
      schema = schemaRows(mem);
    } finally {
      mem.close();
    }
    schemaCache.set(version, schema);
  }
  return schema;
}

/** What in the file's schema is not exactly ours at `version`: extra or changed triggers, views, indexes, tables. */
export function foreignSchema(db: DB, version: number): { found: SchemaRow[]; missing: boolean } {
  const ours = expectedSchema(version);
  const rows = schemaRows(db);
  const same = (a: SchemaRow, b: SchemaRow) =>
    a.type === b.type && a.name === b.name && a.tbl_name === b.tbl_name && a.sql === b.sql;
  return {
    found: rows.filter((r) => !ours.some((o) => same(o, r))),
    missing: ours.some((o) => !rows.some((r) => same(o, r))),
  };
}

/**
 * Any extra trigger, view, index or table — or any different text — refuses the file. `advice`
 * ends the message: what the user can do (ask the sender again; get one's own data out).
 */
export function compareSchema(
  db: DB,
  version: number,
  name: string,
  advice = 'En fil fra Puljeplan har kun Puljeplans egne tabeller.',
): void {
  if (!MIGRATIONS.some((m) => m.version === version))
    throw new PortfolioFileError(`«${name}» har en ukendt skemaversion (${version}) og kan ikke bruges.`);
  const { found, missing } = foreignSchema(db, version);
  if (!found.length && !missing) return;
  const extra = found[0];
  const what: Record<string, string> = {
    trigger: 'en trigger',
    view: 'et view',
    index: 'et indeks',
    table: 'en tabel',
  };
  const detail = extra
    ? `${what[extra.type] ?? extra.type} «${extra.name}», som Puljeplan ikke selv laver`
    : 'en tabel, Puljeplan har, mangler eller er ændret';
  throw new PortfolioFileError(`«${name}» afvises: filen indeholder ${detail}. ${advice}`);
}

/**
 * The checks on an open connection, reading only: identity as SQLite sees it, the exact schema
 * (before quick_check, which evaluates the schema's CHECK constraints), then quick_check.
 * Returns the file's schema version.
 */
export function checkOpenFile(db: DB, name: string, advice?: { schema?: string; damaged?: string }): number {
  const header = identityOf(db);
  checkIdentity(name, header);
  compareSchema(db, header.userVersion, name, advice?.schema);
  quickCheck(db, name, advice?.damaged);
  return header.userVersion;
}
