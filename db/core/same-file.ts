/** Telling files apart: a session holds its file exclusively, so hosts ask before switching files. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

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
