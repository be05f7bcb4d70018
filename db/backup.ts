/**
 * Backup copies before anything destructive (a migration now; import, merge and restore later).
 * A copy is written with SQLite's VACUUM INTO next to a temporary name, checked, then renamed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';

export const BACKUPS_KEPT = 10;

export function backupDir(path: string): string {
  return join(dirname(path), `${basename(path)}.sikkerhedskopier`);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
}

/** Writes a checked backup copy of the open database and keeps the newest BACKUPS_KEPT. */
export function backupCopy(db: DB, path: string, reason: string, now = new Date()): string {
  const dir = backupDir(path);
  mkdirSync(dir, { recursive: true });
  let target = join(dir, `${stamp(now)} ${reason}.sqlite`);
  for (let i = 2; existsSync(target); i++) target = join(dir, `${stamp(now)} ${reason} ${i}.sqlite`);
  const tmp = `${target}.tmp`;
  rmSync(tmp, { force: true });
  db.prepare('VACUUM INTO ?').run(tmp);
  const copy = new Database(tmp, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`sikkerhedskopien kunne ikke kontrolleres (${String(check)})`);
  } finally {
    copy.close();
  }
  renameSync(tmp, target);
  const copies = readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - BACKUPS_KEPT))) rmSync(join(dir, old), { force: true });
  return target;
}
