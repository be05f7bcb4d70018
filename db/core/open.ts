/**
 * Opening a portfolio file: check that it is ours before SQLite writes a byte to it, migrate
 * an older one (after a backup copy), refuse a newer one, and set the durability pragmas.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { PortfolioFileError } from './errors';
import { SCHEMA_VERSION, runMigrations } from './migrations/index';
import { APPLICATION_ID, checkIdentity, checkOpenFile, compareSchema, readHeader } from './checks';
import { backupCopy } from './backup';
import { TargetExistsError, TargetInUseError, writeFileAtomic } from './atomic-file';

export { APPLICATION_ID, checkIdentity, quickCheck, readHeader, type FileHeader } from './checks';

export type DB = Database.Database;

/**
 * How long an open waits for another process's lock. A holder keeps its lock for as long as it
 * has the file open, so waiting helps only when it is closing it right now (checkpointing).
 */
const OPEN_WAIT_MS = 1000;

/**
 * Before the checks: nothing here reads or writes the file. One process owns a file
 * (docs/files.md, "Durability"): the connection keeps its lock until it closes, so
 * another Puljeplan, the CLI or the web harness gets SQLITE_BUSY (openFailure: "åben et andet
 * sted") and never becomes a second writer. Set before the first access, WAL keeps its index in
 * this process's memory instead of a -shm file (SQLite docs, WAL without shared memory). Measured
 * with SQLite 3.53: no -shm; the -wal is checkpointed and removed at close; after kill -9 of the
 * holder the OS drops the lock and the next open recovers the -wal with every committed edit.
 * query_only holds until the checks passed: a statement that could fire a trigger is refused.
 */
function beforeChecks(db: DB): void {
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('trusted_schema = OFF');
  db.pragma('query_only = ON');
  // 64 MB of page cache (the default is 2 MB): a 100,000-line portfolio is about 100 MB, and
  // an import or merge writing most of it ran 1.4× slower with the default.
  db.pragma('cache_size = -65536');
}

/** After the checks: the first writes (WAL mode, the lock) and the durability pragmas. */
function afterChecks(db: DB): void {
  db.pragma('query_only = OFF');
  db.pragma('journal_mode = WAL');
  // Take the lock now rather than at the first edit, so the file is ours from the moment it is open.
  db.exec('BEGIN IMMEDIATE; COMMIT');
  // Money: an acknowledged edit must survive a power cut, so every commit syncs the WAL.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 3000');
}

/** What to do with one's own file that the checks refuse: get the rows out into a new file. */
export function rescueAdvice(name: string): { schema: string; damaged: string } {
  const how = `puljeplan rescue "${name}" --out "<ny fil>.sqlite"`;
  return {
    schema: `Puljeplan åbner kun filer med sine egne tabeller. Få dataene ud i en ny, renset kopi med kommandoen ${how}, som kun kopierer porteføljens kontrollerede rækker.`,
    damaged: `Brug en sikkerhedskopi, eller prøv at få dataene ud i en renset kopi med kommandoen ${how}.`,
  };
}

/**
 * A read-only look at a file in WAL mode with no -wal beside it (left so by another SQLite
 * program): SQLite would make a -wal and a -shm beside it even read-only, so it is read into
 * memory instead, marked as a rollback-journal file there (the file itself holds every change).
 */
function openWalFileReadonly(path: string): DB {
  const bytes = readFileSync(path);
  bytes[18] = 1;
  bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}

/** The refusal of a file another process holds open (heldElsewhere, or SQLITE_BUSY on open). */
export function openElsewhere(name: string): PortfolioFileError {
  return new PortfolioFileError(
    `«${name}» er åben et andet sted (i Puljeplan på denne eller en anden computer). Luk den dér, og prøv igen.`,
  );
}

/** SQLite reports a damaged file (e.g. a truncated e-mail attachment) or one held by another process in English; say it in Danish. */
export function openFailure(name: string, err: unknown): PortfolioFileError {
  const { code, message } = err as { code?: unknown; message?: string };
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return openElsewhere(name);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new PortfolioFileError(
      `«${name}» er beskadiget og kan ikke åbnes (SQLite: ${message}). Brug en sikkerhedskopi eller bed afsenderen om filen igen.`,
    );
  }
  return new PortfolioFileError(`«${name}» kunne ikke åbnes: ${message}`);
}

/**
 * Whether another process holds `path` open (a session's EXCLUSIVE lock, see beforeChecks): a
 * read-only probe that asks for a shared lock and gives up at once. In EXCLUSIVE locking mode
 * itself, it makes no -shm and, read-only, never writes or checkpoints a -wal it finds.
 */
export function heldElsewhere(path: string): boolean {
  let db: DB | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
    db.pragma('trusted_schema = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('schema_version');
    return false;
  } catch (err) {
    const { code } = err as { code?: unknown };
    return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
  } finally {
    db?.close();
  }
}

export interface OpenOptions {
  readonly?: boolean;
}

/**
 * Runs the pending migrations in their one transaction (migrations/index.ts): one that throws,
 * even on data no check can see, rolls all of them back, so the file is as it was; said in Danish.
 */
function migrate(db: DB, name: string, backup: string): void {
  try {
    runMigrations(db);
  } catch (err) {
    throw new PortfolioFileError(
      `«${name}» kunne ikke opgraderes til denne version af Puljeplan; filen er ikke ændret, og en sikkerhedskopi ligger i mappen «${basename(dirname(backup))}». Send filen til den, der vedligeholder Puljeplan (SQLite: ${(err as Error).message}).`,
    );
  }
}

/**
 * Opens an existing portfolio file for work; migrates it if it is from an older version. Every
 * check (db/core/checks.ts) reads only and comes first, under query_only: a trigger planted in
 * the file can neither fire nor survive into the session. `readonly` writes nothing at all and
 * leaves nothing beside the file.
 */
export function openPortfolio(path: string, options: OpenOptions = {}): DB {
  const name = basename(path);
  const readonly = options.readonly ?? false;
  const header = readHeader(path);
  checkIdentity(name, header);
  let db: DB;
  try {
    if (readonly && header.wal && !existsSync(`${path}-wal`)) db = openWalFileReadonly(path);
    else db = new Database(path, { fileMustExist: true, readonly, timeout: OPEN_WAIT_MS });
  } catch (err) {
    throw openFailure(name, err);
  }
  try {
    if (readonly) db.pragma('trusted_schema = OFF');
    else beforeChecks(db);
    // The header may lag behind an uncheckpointed WAL; SQLite's own answer is the one that counts.
    const version = checkOpenFile(db, name, rescueAdvice(name));
    if (readonly) {
      if (version < SCHEMA_VERSION)
        throw new PortfolioFileError(`«${name}» er fra en ældre version af Puljeplan og skal åbnes i Puljeplan først.`);
      return db;
    }
    afterChecks(db);
    if (version < SCHEMA_VERSION) {
      const backup = backupCopy(db, path, 'opgradering');
      migrate(db, name, backup);
      compareSchema(db, SCHEMA_VERSION, name, rescueAdvice(name).schema);
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
 * name, and an existing file is never replaced (even one made meanwhile). Returns the stale side
 * files moved aside from its name (db/core/atomic-file.ts), to tell the user.
 */
export function createPortfolioFile(path: string, seed: (db: DB) => void): string[] {
  const movedAside: string[] = [];
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
      { noReplace: true, sqlite: true, movedAside },
    );
  } catch (err) {
    if (err instanceof TargetExistsError) throw exists();
    if (err instanceof TargetInUseError) throw new PortfolioFileError(err.message);
    throw err;
  }
  return movedAside;
}
