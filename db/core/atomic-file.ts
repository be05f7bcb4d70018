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
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Refuse to replace an existing target (TargetExistsError) instead of replacing it. */
  noReplace?: boolean;
}

/** The target already exists and `noReplace` was asked for; nothing was written. */
export class TargetExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`«${basename(path)}» findes allerede.`);
    this.name = 'TargetExistsError';
  }
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
  if (options.noReplace) linkIntoPlace(tmp, target);
  else renameSync(tmp, target);
  syncFolder(dirname(target));
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
