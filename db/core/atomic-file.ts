/**
 * Writing a file so that its name never shows a half-written file: the one way Puljeplan puts a
 * file on disk (a portfolio copy, a backup, a new portfolio; the file-safety work builds on it).
 *
 * 1. A temporary name in the TARGET's own folder (`<name>.<pid>-<random>.tmp`), so the rename
 *    below stays on one file system and is atomic; nothing exists under it yet.
 * 2. The caller writes it: bytes, or a callback given the temporary path (SQLite's
 *    `VACUUM INTO`, a new database, an export library writing to a path), which may also open,
 *    check and close it again. The callback must leave the file closed.
 * 3. The file is fsynced, so its bytes are on disk before any name points at them.
 * 4. It is renamed into place (replacing an existing target) — or, with `noReplace`, linked into
 *    place so that an existing target is refused atomically (TargetExistsError), even when another
 *    program creates it meanwhile; where hard links are not supported it checks, then renames.
 * 5. The folder is fsynced, so the new name itself survives a power cut. Windows cannot open a
 *    folder for that (EISDIR/EPERM); there the rename is already durable, and that is ignored.
 *
 * On any failure — a thrown callback, a refused target, a full disk — the temporary file and any
 * SQLite side files beside it (`-journal`, `-wal`, `-shm`) are removed and the error is rethrown
 * unchanged: the target is then exactly as it was. A crash (power cut, kill -9) can leave a
 * `.tmp` file behind, never a half-written target.
 *
 * Guards on the target (docs/files.md, "Durability"), checked before the callback runs and again
 * just before step 4: `neverOverSqlite` (an export) refuses any existing SQLite file, a portfolio
 * above all (TargetIsPortfolioError); `sqlite` (a database target) refuses an existing target
 * that another process has open (TargetInUseError), even when replacing is allowed, and moves
 * stale `-wal`/`-shm`/`-journal` at the target's name aside (`<name>-wal.<time>`) just before
 * step 4, so SQLite never replays another file's journal into the new one; their new names are
 * added to `movedAside` for the caller to tell the user (movedAsideNote).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export interface AtomicWriteOptions {
  /** Refuse to replace an existing target (TargetExistsError) instead of replacing it. */
  noReplace?: boolean;
  /** The target is an SQLite database: never replace one open elsewhere, move stale side files aside. */
  sqlite?: boolean;
  /** Never replace an SQLite file, a portfolio above all (an export): TargetIsPortfolioError. */
  neverOverSqlite?: boolean;
  /** With `sqlite`: the new names of the stale side files moved aside are added here. */
  movedAside?: string[];
}

/** The target already exists and `noReplace` was asked for; nothing was written. */
export class TargetExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`«${basename(path)}» findes allerede.`);
    this.name = 'TargetExistsError';
  }
}

/** The target is an SQLite file (a portfolio) and the write is not one (an export); nothing was written. */
export class TargetIsPortfolioError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(
      `«${basename(path)}» er en Puljeplan-portefølje (en SQLite-fil) og erstattes aldrig af en eksport. Vælg et andet navn.`,
    );
    this.name = 'TargetIsPortfolioError';
  }
}

/** The target is a database another process has open: it is never replaced, asked or not. */
export class TargetInUseError extends Error {
  readonly code = 'EBUSY';
  constructor(readonly path: string) {
    super(
      `«${basename(path)}» er åben et andet sted (i Puljeplan på denne eller en anden computer) og kan ikke erstattes. Luk den dér, eller vælg et andet navn.`,
    );
    this.name = 'TargetInUseError';
  }
}

/** The user's note on stale side files moved aside by a write with `sqlite` (AtomicWriteOptions.movedAside). */
export function movedAsideNote(target: string, moved: readonly string[]): string {
  return (
    `Ved «${basename(target)}» lå gamle SQLite-sidefiler fra en tidligere fil med samme navn; de er ikke brugt i den nye fil, ` +
    `men flyttet til side som ${moved.map((m) => `«${basename(m)}»`).join(', ')}.`
  );
}

/**
 * Writes `target` atomically (see above): `data` as the whole content, or `build(tempPath)`
 * creates and fills the temporary file; its result is returned once the file is in place.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options?: AtomicWriteOptions): void;
export function writeFileAtomic<T>(target: string, build: (tempPath: string) => T, options?: AtomicWriteOptions): T;
export function writeFileAtomic<T>(
  target: string,
  content: string | Uint8Array | ((tempPath: string) => T),
  options: AtomicWriteOptions = {},
): T | void {
  guardTarget(target, options);
  const tmp = tempPathFor(target);
  try {
    const result = typeof content === 'function' ? content(tmp) : writeBytes(tmp, content);
    commit(tmp, target, options);
    return result;
  } catch (err) {
    removeTemp(tmp);
    throw err;
  }
}

/** The same, for a `build` that works asynchronously (e.g. a workbook library writing to a path). */
export async function writeFileAtomicAsync<T>(
  target: string,
  build: (tempPath: string) => Promise<T>,
  options: AtomicWriteOptions = {},
): Promise<T> {
  guardTarget(target, options);
  const tmp = tempPathFor(target);
  try {
    const result = await build(tmp);
    commit(tmp, target, options);
    return result;
  } catch (err) {
    removeTemp(tmp);
    throw err;
  }
}

/** A name beside `target` that nothing has yet. */
function tempPathFor(target: string): string {
  for (;;) {
    const tmp = join(dirname(target), `${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    if (!existsSync(tmp)) return tmp;
  }
}

function writeBytes(tmp: string, data: string | Uint8Array): void {
  const fd = openSync(tmp, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
  } finally {
    closeSync(fd);
  }
}

/** fsync the written file, put it under its name, fsync the folder. */
function commit(tmp: string, target: string, options: AtomicWriteOptions): void {
  if (!existsSync(tmp)) throw new Error(`«${basename(target)}» blev ikke skrevet`);
  // 'r+': Windows flushes a file only through a handle that may write to it.
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  guardTarget(target, options);
  if (options.sqlite) options.movedAside?.push(...moveStaleSideFiles(target));
  if (options.noReplace) linkIntoPlace(tmp, target);
  else renameSync(tmp, target);
  syncFolder(dirname(target));
}

/** The refusals that hold whatever is written (see the top of this file); nothing is changed. */
function guardTarget(target: string, options: AtomicWriteOptions): void {
  if (!existsSync(target)) return;
  if (options.neverOverSqlite && isSqliteFile(target)) throw new TargetIsPortfolioError(target);
  if (options.sqlite && isOpenElsewhere(target)) throw new TargetInUseError(target);
  if (options.noReplace) throw new TargetExistsError(target);
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** True when `path` is an SQLite file (a portfolio, above all): what an export must never replace. */
export function isSqliteFile(path: string): boolean {
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether another process holds `path` open, asked of SQLite without changing anything: a
 * read-only connection in exclusive locking mode makes no -shm and replays no -wal, and gets
 * SQLITE_BUSY only when another connection holds a lock (Puljeplan holds one as long as a file is
 * open, db/core/open.ts). A stale -wal (SQLITE_IOERR_LOCK) or a file that is no database is not held.
 */
export function isOpenElsewhere(path: string): boolean {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
  } catch {
    return false;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('schema_version');
    return false;
  } catch (err) {
    return /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code));
  } finally {
    db.close();
  }
}

/** SQLite's side files: at a target's name, SQLite would take them for the new file's own. */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Renames stale side files at `target` to `<name>-wal.<time>` beside it; returns their new paths. */
function moveStaleSideFiles(target: string): string[] {
  const moved: string[] = [];
  const time = new Date().toISOString().replace(/[:.]/g, '-');
  for (const side of SIDE_FILES) {
    const stale = `${target}${side}`;
    if (!existsSync(stale)) continue;
    let aside = `${stale}.${time}`;
    for (let i = 2; existsSync(aside); i++) aside = `${stale}.${time}-${i}`;
    renameSync(stale, aside);
    moved.push(aside);
  }
  return moved;
}

/** A hard link fails with EEXIST if the target exists: the check and the write are one step. */
function linkIntoPlace(tmp: string, target: string): void {
  try {
    linkSync(tmp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExistsError(target);
    // No hard links here (FAT, some network shares): check, then rename.
    if (existsSync(target)) throw new TargetExistsError(target);
    renameSync(tmp, target);
    return;
  }
  unlinkSync(tmp);
}

/** Codes from opening or syncing a folder where the platform does not support it (Windows, some file systems). */
const NO_FOLDER_SYNC = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES']);

function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (err) {
    if (NO_FOLDER_SYNC.has((err as NodeJS.ErrnoException).code ?? '')) return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    if (!NO_FOLDER_SYNC.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    closeSync(fd);
  }
}

function removeTemp(tmp: string): void {
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
}
