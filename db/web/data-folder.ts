/**
 * The browser harness opens files only inside its data folder (the open portfolio's folder):
 * a name with `..`, an absolute path elsewhere or a symlink out of it is refused
 * (docs/architecture.md, «Stier»).
 */
import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../index';

/** `name` resolved inside `folder`, or a Danish refusal. */
export function inDataFolder(folder: string, name: string): string {
  const root = realpathSync(folder);
  const path = resolve(root, name);
  // A folder that does not exist cannot be a symlink out; the plain path is then what is judged.
  const real = existsSync(path)
    ? realpathSync(path)
    : existsSync(dirname(path))
      ? resolve(realpathSync(dirname(path)), basename(path))
      : path;
  const rel = relative(root, real);
  if (!rel || rel.startsWith('..') || isAbsolute(rel))
    throw new UserError(`«${basename(name)}» ligger uden for mappen ${root} og kan ikke åbnes her.`, 'refused');
  return real;
}

/** One portfolio file in the data folder, as the browser's file dialog lists it (name only, never a path). */
export interface FolderFile {
  name: string;
  /** Last changed, ms since 1970. */
  changed: number;
  bytes: number;
}

/**
 * The `.sqlite` files directly in `folder`, newest first: regular files only (a symlink could point
 * out of the folder, and a subfolder is not offered), without SQLite's `-wal`/`-shm` companions.
 */
export function listDataFolder(folder: string): FolderFile[] {
  const root = realpathSync(folder);
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.sqlite'))
    .map((e) => {
      const s = lstatSync(join(root, e.name));
      return { name: e.name, changed: s.mtimeMs, bytes: s.size };
    })
    .sort((a, b) => b.changed - a.changed || a.name.localeCompare(b.name, 'da'));
}
