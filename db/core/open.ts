/**
 * Opening a portfolio file: check that it is ours before SQLite writes a byte to it, migrate
 * an older one (after a backup copy), refuse a newer one, and set the durability pragmas.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PortfolioFileError } from './errors';
import { MIGRATIONS, SCHEMA_VERSION, runMigrations } from './migrations/index';
import { backupCopy } from './backup';
import { TargetExistsError, writeFileAtomic } from './atomic-file';

/** PRAGMA application_id of a Puljeplan file: "PULJ" in ASCII. */
export const APPLICATION_ID = 0x50554c4a;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type DB = Database.Database;

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
    size = statSync(path).size;
  } catch {
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

/**
 * How long an open waits for another process's lock. A holder keeps its lock for as long as it
 * has the file open, so waiting helps only when it is closing it right now (checkpointing).
 */
const OPEN_WAIT_MS = 1000;

function setPragmas(db: DB): void {
  // One process owns a file (files-from-elsewhere.md, "Durability"): the connection keeps its
  // lock until it closes, so another Puljeplan, the CLI or the web harness gets SQLITE_BUSY
  // (openFailure: "åben et andet sted") and never becomes a second writer. Set before the first
  // access, WAL keeps its index in this process's memory instead of a -shm file (SQLite docs, WAL
  // without shared memory). Measured with SQLite 3.53: no -shm; the -wal is checkpointed and
  // removed at close; after kill -9 of the holder the OS drops the lock and the next open
  // recovers the -wal with every committed edit.
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  // Take the lock now rather than at the first edit, so the file is ours from the moment it is open.
  db.exec('BEGIN IMMEDIATE; COMMIT');
  // Money: an acknowledged edit must survive a power cut, so every commit syncs the WAL.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 3000');
  // 64 MB of page cache (the default is 2 MB): a 100,000-line portfolio is about 100 MB, and
  // an import or merge writing most of it ran 1.4× slower with the default.
  db.pragma('cache_size = -65536');
}

export function quickCheck(db: DB, name: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    throw new PortfolioFileError(`«${name}» er beskadiget (SQLite quick_check fandt fejl) og kan ikke åbnes.`);
  }
}

/** SQLite reports a damaged file (e.g. a truncated e-mail attachment) or one held by another process in English; say it in Danish. */
export function openFailure(name: string, err: unknown): PortfolioFileError {
  const { code, message } = err as { code?: unknown; message?: string };
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new PortfolioFileError(`«${name}» er åben et andet sted (i Puljeplan på denne eller en anden computer). Luk den dér, og prøv igen.`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new PortfolioFileError(`«${name}» er beskadiget og kan ikke åbnes (SQLite: ${message}). Brug en sikkerhedskopi eller bed afsenderen om filen igen.`);
  }
  return new PortfolioFileError(`«${name}» kunne ikke åbnes: ${message}`);
}

export interface OpenOptions {
  readonly?: boolean;
}

/** Opens an existing portfolio file for work; migrates it if it is from an older version. */
export function openPortfolio(path: string, options: OpenOptions = {}): DB {
  const name = basename(path);
  checkIdentity(name, readHeader(path));
  let db: DB;
  try {
    db = new Database(path, { fileMustExist: true, readonly: options.readonly ?? false, timeout: OPEN_WAIT_MS });
  } catch (err) {
    throw openFailure(name, err);
  }
  try {
    if (!options.readonly) setPragmas(db);
    else db.pragma('trusted_schema = OFF');
    // The header may lag behind an uncheckpointed WAL; SQLite's own answer is the one that counts.
    const header = {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
    };
    checkIdentity(name, header);
    quickCheck(db, name);
    if (header.userVersion < SCHEMA_VERSION) {
      if (options.readonly) {
        throw new PortfolioFileError(`«${name}» er fra en ældre version af Puljeplan og skal åbnes i Puljeplan først.`);
      }
      backupCopy(db, path, 'opgradering');
      runMigrations(db);
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof PortfolioFileError) throw err;
    throw openFailure(name, err);
  }
}

/**
 * Creates a new portfolio file atomically (db/core/atomic-file.ts): built under a temporary name,
 * out of WAL mode, then put in place, so a crash never leaves a half-made file under the real
 * name, and an existing file is never replaced (even one made meanwhile).
 */
export function createPortfolioFile(path: string, seed: (db: DB) => void): void {
  const name = basename(path);
  const exists = () => new PortfolioFileError(`«${name}» findes allerede; vælg et andet navn.`);
  if (existsSync(path)) throw exists();
  try {
    writeFileAtomic(
      path,
      (tmp) => {
        const db = new Database(tmp);
        try {
          db.pragma('journal_mode = DELETE');
          db.pragma(`application_id = ${APPLICATION_ID}`);
          runMigrations(db);
          db.pragma('foreign_keys = ON');
          db.transaction(() => seed(db))();
        } finally {
          db.close();
        }
      },
      { noReplace: true },
    );
  } catch (err) {
    if (err instanceof TargetExistsError) throw exists();
    throw err;
  }
}
