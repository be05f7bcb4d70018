/**
 * The browser harness opens files only inside its data folder (the open portfolio's folder):
 * a name with `..`, an absolute path elsewhere or a symlink out of it is refused
 * (docs/architecture.md, «Stier»).
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../index';

/** `name` resolved inside `folder`, or a Danish refusal. */
export function inDataFolder(folder: string, name: string): string {
  const root = realpathSync(folder);
  const path = resolve(root, name);
  const real = existsSync(path) ? realpathSync(path) : resolve(realpathSync(dirname(path)), basename(path));
  const rel = relative(root, real);
  if (!rel || rel.startsWith('..') || isAbsolute(rel))
    throw new UserError(`«${basename(name)}» ligger uden for mappen ${root} og kan ikke åbnes her.`, 'refused');
  return real;
}
