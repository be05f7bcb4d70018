/**
 * Backup copies before anything destructive: a migration, an import, a merge, a restore. The
 * reason is part of the file's name (`2026-11-22T13-03-00 fletning.sqlite`); listBackups reads it.
 * A copy is written with SQLite's VACUUM INTO under a temporary name, checked, then put in place
 * (db/core/atomic-file.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { writeFileAtomic } from './atomic-file';

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
  writeFileAtomic(
    target,
    (tmp) => {
      db.prepare('VACUUM INTO ?').run(tmp);
      const copy = new Database(tmp, { readonly: true });
      try {
        const check = copy.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new Error(`sikkerhedskopien kunne ikke kontrolleres (${String(check)})`);
      } finally {
        copy.close();
      }
    },
    { sqlite: true },
  );
  const copies = readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - BACKUPS_KEPT))) rmSync(join(dir, old), { force: true });
  return target;
}

export interface BackupEntry {
  fileName: string;
  /** When it was made (ISO, UTC), from its name. */
  at: string;
  /** Why: opgradering, import, fletning, gendannelse … */
  reason: string;
  bytes: number;
}

const BACKUP_NAME = /^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d) (.+?)(?: \d+)?\.sqlite$/;

/** The backup copies of a portfolio, newest first, with the date and reason from their names. */
export function listBackups(path: string): BackupEntry[] {
  const dir = backupDir(path);
  if (!existsSync(dir)) return [];
  const out: BackupEntry[] = [];
  for (const fileName of readdirSync(dir)) {
    const m = BACKUP_NAME.exec(fileName);
    if (!m) continue;
    out.push({ fileName, at: `${m[1]}:${m[2]}:${m[3]}Z`, reason: m[4]!, bytes: statSync(join(dir, fileName)).size });
  }
  return out.sort((a, b) => b.fileName.localeCompare(a.fileName));
}
