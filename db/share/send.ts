/**
 * "Send til en anden region": one self-contained copy of the open portfolio (guides/
 * files-from-elsewhere.md): VACUUM INTO a temporary name beside the target, record who sent it,
 * check it (quick_check, every row present, no WAL), then rename it into place.
 */
import Database from 'better-sqlite3';
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { format } from 'date-fns';
import type { RegionCode } from '../../shared/model';
import { UserError } from '../errors';
import { SCHEMA_VERSION } from '../migrations/index';
import type { DB } from '../open';
import { readMeta } from '../queries';

/** The tables whose rows must all be in the copy. */
const COUNTED = ['portfolio', 'budget_year', 'pool', 'line', 'amount', 'audit', 'share_dot', 'share_seen'];

/** `Puljeplan RM 2026-11-22.sqlite`: the sending region and the day. */
export function sentFileName(region: RegionCode, when: Date): string {
  return `Puljeplan ${region} ${format(when, 'yyyy-MM-dd')}.sqlite`;
}

export interface SentFile {
  path: string;
  fileName: string;
  bytes: number;
}

function counts(db: DB): number[] {
  return COUNTED.map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
}

/** Writes the copy of `db` (the file at `sourcePath`) to `outPath`. */
export function sendCopy(db: DB, sourcePath: string, outPath: string, appVersion: string, now = new Date()): SentFile {
  if (resolve(outPath) === resolve(sourcePath)) throw new UserError('Kopien kan ikke gemmes oven i den portefølje, der sendes. Vælg et andet navn.', 'invalid-args');
  const tmp = `${outPath}.${process.pid}.sendes`;
  const clean = () => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
  };
  clean();
  try {
    // VACUUM INTO cannot run inside a transaction; the counts below are read just after, in the
    // process that owns the file, so nothing can change in between.
    db.prepare('VACUUM INTO ?').run(tmp);
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const region = readMeta(db).region;
      copy
        .prepare('INSERT OR REPLACE INTO share_sent (singleton, region, sent_at, app_version, schema_version) VALUES (1, ?, ?, ?, ?)')
        .run(region, now.toISOString(), appVersion, SCHEMA_VERSION);
      if (copy.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('kopien bestod ikke quick_check');
      if (JSON.stringify(counts(copy)) !== JSON.stringify(counts(db))) throw new Error('kopien mangler rækker');
    } finally {
      copy.close();
    }
    renameSync(tmp, outPath);
    return { path: outPath, fileName: basename(outPath), bytes: statSync(outPath).size };
  } catch (err) {
    clean();
    if (err instanceof UserError) throw err;
    throw new UserError(`Kopien «${basename(outPath)}» kunne ikke laves: ${(err as Error).message}.`);
  }
}
