/** Opening a portfolio as a working session: the entry point for the app, the web harness and the CLI. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPortfolio, type OpenOptions } from './core/open';
import { Session } from './core/session';
import type { RegionCode } from '../shared/domain/model';
import { newEpoch } from './share/epochs';
import { provenance } from './share/provenance';

/**
 * The session holds its file exclusively (db/core/open.ts): a second open of the same file, even in
 * this process, is refused as "åben et andet sted". So ask sameFile before switching files.
 * The core session gets share's line provenance (who made and changed each line) and its copy
 * identity (a new epoch before the first write, recording `region`, the person's region; without
 * one, the portfolio's) injected here.
 */
export function openSession(path: string, options: OpenOptions & { region?: RegionCode } = {}): Session {
  return new Session(openPortfolio(path, options), path, undefined, provenance, newEpoch(options.region));
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
