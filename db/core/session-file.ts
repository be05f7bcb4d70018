/** Opening a portfolio file as a working session (db/index.ts openSession), and telling files apart. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPortfolio, type OpenOptions } from './open';
import { Session } from './session';

/**
 * The session holds its file exclusively (db/core/open.ts): a second open of the same file, even in
 * this process, is refused as "åben et andet sted". So ask sameFile before switching files.
 */
export function openSession(path: string, options: OpenOptions = {}): Session {
  return new Session(openPortfolio(path, options), path);
}

/** Whether two paths name the same file (links and `..` resolved). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync.native(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}
