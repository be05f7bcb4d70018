/**
 * A self-contained copy of the open portfolio (docs/files.md, "Sending a file"):
 * VACUUM INTO a temporary name beside the target, out of WAL mode, checked (quick_check, every row
 * present), then put in place by db/core/atomic-file.ts, so the target is never half-written.
 * "Send til en anden region" (share/send.ts) marks its copy as sent; "Gem som" keeps an exact copy.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { TargetExistsError, TargetInUseError, writeFileAtomic, type AtomicWriteOptions } from './atomic-file';
import { UserError } from './errors';
import type { DB } from './open';

export interface CopiedFile {
  path: string;
  fileName: string;
  bytes: number;
  /** Stale side files moved aside from the copy's name (db/core/atomic-file.ts), to tell the user. */
  movedAside: string[];
}

/** Rows per table: the copy must hold exactly the rows the open file holds. */
function counts(db: DB): string {
  const tables = db
    .prepare<[], string>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all();
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]));
}

/**
 * Writes a copy of `db` (the file at `sourcePath`) to `outPath`; `mark` may then change the copy
 * (in its own connection) before it is checked and put in place (db/core/atomic-file.ts).
 * `noReplace`: refuse an existing `outPath`, even one made meanwhile. A database open elsewhere is
 * never replaced, and stale side files at `outPath` are moved aside (db/core/atomic-file.ts).
 */
export function copyPortfolio(
  db: DB,
  sourcePath: string,
  outPath: string,
  mark?: (copy: DB) => void,
  options: Pick<AtomicWriteOptions, 'noReplace'> = {},
): CopiedFile {
  const movedAside: string[] = [];
  if (resolve(outPath) === resolve(sourcePath))
    throw new UserError('Kopien kan ikke gemmes oven i den åbne portefølje. Vælg et andet navn.', 'invalid-args');
  try {
    writeFileAtomic(
      outPath,
      (tmp) => {
        // VACUUM INTO reads through the session's own connection (the WAL included) and cannot run
        // inside a transaction; the counts below are read just after, in the process that owns the
        // file (db/core/open.ts holds it exclusively), so nothing can change in between.
        db.prepare('VACUUM INTO ?').run(tmp);
        const copy = new Database(tmp, { fileMustExist: true });
        try {
          copy.pragma('journal_mode = DELETE');
          if (counts(copy) !== counts(db)) throw new Error('kopien mangler rækker');
          mark?.(copy);
          if (copy.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('kopien bestod ikke quick_check');
        } finally {
          copy.close();
        }
      },
      { ...options, sqlite: true, movedAside },
    );
    return { path: outPath, fileName: basename(outPath), bytes: statSync(outPath).size, movedAside };
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof TargetExistsError) throw alreadyThere(outPath);
    if (err instanceof TargetInUseError) throw new UserError(err.message, 'invalid-args');
    throw new UserError(`Kopien «${basename(outPath)}» kunne ikke laves: ${(err as Error).message}.`);
  }
}

const alreadyThere = (outPath: string) =>
  new UserError(
    `«${basename(outPath)}» findes allerede. Puljeplan erstatter ikke en fil; vælg et andet navn.`,
    'invalid-args',
  );

/**
 * "Gem som": the same portfolio (its history and copy id too; not marked as sent) under a new name.
 * An existing file is never replaced: it may be another portfolio, even one open elsewhere.
 */
export function saveCopyAs(db: DB, sourcePath: string, outPath: string): CopiedFile {
  if (existsSync(outPath)) throw alreadyThere(outPath);
  return copyPortfolio(db, sourcePath, outPath, undefined, { noReplace: true });
}
