/**
 * Opaque names for files the backend itself chose (file.import's new file) or the user picked in
 * a native dialog: the page only ever holds a token, never a path (docs/architecture.md, «Stier»).
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../core/errors';

const paths = new Map<string, string>();

/** A token for `path`, for the page to send back (e.g. file.open). */
export function fileToken(path: string): string {
  const token = randomUUID();
  paths.set(token, path);
  return token;
}

/** The path behind `token`; an unknown or made-up token is refused. */
export function filePath(token: string): string {
  const path = paths.get(token);
  if (path === undefined) throw new UserError('Filen kendes ikke af Puljeplan. Vælg den igen med «Filer».', 'refused');
  return path;
}
