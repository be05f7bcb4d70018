/**
 * Applying what arrived: a merge into the open portfolio, an import of a received file as a new
 * portfolio file, and restoring a backup copy. Each is preceded by a checked backup copy
 * (db/core/backup.ts) where it changes an existing file, and a merge or restore is one Session.run:
 * one transaction, one undo step, an audit row per value.
 */
import { backupReasonInText } from '../../shared/danish/text';
import { danishTime } from '../../shared/danish/time';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { regionName, type Change, type RegionCode } from '../../shared/domain/model';
import { backupCopy, backupDir, listBackups } from '../core/backup';
import { TargetExistsError, writeFileAtomic } from '../core/atomic-file';
import { UserError } from '../core/errors';
import type { DB } from '../core/open';
import { sql } from '../core/queries';
import type { Session } from '../core/session';
import { cancelledChanges, dotRow, Dots, mergeSeen, seenEntries, storeDots, versionVector, type DotRow } from './dots';
import { historyOf } from './history';
import { MergeRecord } from './lineage';
import { planMerge, type MergeConflict, type MergePlan, type Resolution, type Side } from './merge';
import { projectOps } from './merge/projects';
import { readProjectValues, withProjectHistory } from './project-values';
import { receiveFile, type Received } from './receive';
import { diffOps, readState } from './state';

function side(db: DB): Side {
  const dots = new Dots(db);
  const cancelled = cancelledChanges(db);
  return {
    state: readState(db),
    dots,
    vv: versionVector(dots.lineage),
    history: withProjectHistory(db, cancelled, historyOf(db, cancelled)),
    projects: readProjectValues(db),
  };
}

/**
 * A received file's side of a merge, read once: the preview and the merge of the same checked
 * copy share it (the copy never changes).
 */
const theirSides = new WeakMap<Received, Side>();
function theirSide(received: Received): Side {
  let s = theirSides.get(received);
  if (!s) theirSides.set(received, (s = side(received.db)));
  return s;
}

function readAliases(db: DB): Map<string, string> {
  const rows = db.prepare<[], { other_id: string; line_id: string }>('SELECT other_id, line_id FROM share_alias').all();
  return new Map(rows.map((r) => [r.other_id, r.line_id]));
}

export interface MergeChoices {
  resolutions?: Map<string, Resolution>;
  take?: 'mine' | 'theirs';
}

/** A plan, with my side as it was read and the change number it was read at. */
export interface Planned extends MergePlan {
  mine: Side;
  revision: number;
}

function plan(
  db: DB,
  received: Received,
  choices: MergeChoices,
  mine = side(db),
  revision = sql(db).lastChangeNo.get()?.n ?? 0,
): Planned {
  return {
    ...planMerge(
      mine,
      theirSide(received),
      received.info,
      readAliases(db),
      choices.resolutions ?? new Map(),
      choices.take,
    ),
    mine,
    revision,
  };
}

/** What merging would do; nothing changes. */
export function previewMerge(db: DB, received: Received): Planned {
  return plan(db, received, {});
}

export function conflictsMessage(conflicts: MergeConflict[]): string {
  const first = conflicts
    .slice(0, 2)
    .map((c) => `«${c.line}»${c.year ? ` ${c.year}` : ''}`)
    .join(', ');
  const more = conflicts.length > 2 ? ` og ${conflicts.length - 2} flere` : '';
  return `Fletningen har ${conflicts.length} konflikt${conflicts.length === 1 ? '' : 'er'} (${first}${more}), som skal afgøres først: behold min, tag deres eller skriv en værdi.`;
}

/**
 * Merges the received file into the session's portfolio as one undo step, after a backup copy.
 * Refuses (code 'conflict') while a conflict has no resolution; then nothing changes.
 * `preview`: the preview of the same received copy; while the portfolio has not changed since,
 * my side is not read again (reading a 20,000-line portfolio's values and dots is a third of a
 * merge's time).
 */
export function applyMerge(
  session: Session,
  received: Received,
  choices: MergeChoices,
  now = new Date(),
  preview?: Planned,
): { change: Change; plan: MergePlan } {
  const mine = preview?.revision === session.revision ? preview.mine : side(session.db);
  const result = plan(session.db, received, choices, mine, session.revision);
  if (result.unresolved.length) throw new UserError(conflictsMessage(result.unresolved), 'conflict');
  backupCopy(session.db, session.path, 'fletning', now);
  const info = received.info;
  const theirs = theirSide(received).dots.lineage;
  const revision = session.revision;
  const change = session.run((db) => {
    // One process owns the file, and the backup does not change it: the plan (and my side it was
    // made from) still holds.
    if (session.revision !== revision)
      throw new UserError('Porteføljen blev ændret under fletningen; prøv igen.', 'conflict');
    const ops = [
      ...diffOps(mine.state, result.target, { amountChanges: result.amountChanges, remove: result.removed }),
      ...projectOps(mine.projects, result.projects, new Set(result.target.lines.keys())),
    ];
    // «Fra …» is the region of the person who sent it (share_sent), else the portfolio's.
    const from = info.sentBy?.region ?? info.region;
    const label = `Flet fra ${regionName(from)} («${info.fileName}»)`;
    if (!ops.length) {
      // Nothing to change, so no undo step: only what this copy now knows of theirs is kept.
      mergeSeen(db, mine.dots.lineage, theirs);
      const alias = db.prepare('INSERT OR REPLACE INTO share_alias (other_id, line_id) VALUES (?, ?)');
      for (const [other, line] of result.aliases) alias.run(other, line);
      return { label, ops };
    }
    const extra = new MergeRecord({
      dots: [...result.taken.values()],
      seen: seenEntries(mine.dots.lineage, theirs),
      aliases: result.aliases,
      merge: {
        region: from,
        fileName: info.fileName,
        replica: theirs.replica,
        summary: {
          ...result.review.counts,
          newLines: result.review.onlyTheirs.length,
          deletions: result.review.deletions.length,
        },
      },
    });
    return { label, ops, extra };
  });
  return { change, plan: result };
}

/**
 * Makes a new portfolio file from a received one, under a new copy id (so that the two files'
 * changes never share numbers): the values keep the sender's dots and the sender's version
 * vector becomes this file's. Built by the atomic writer (db/core/atomic-file.ts): all or nothing.
 */
export function importReceived(received: Received, targetPath: string, region?: RegionCode): string {
  if (existsSync(targetPath))
    throw new UserError(`«${basename(targetPath)}» findes allerede; vælg et andet navn.`, 'invalid-args');
  try {
    writeFileAtomic(
      targetPath,
      (tmp) => {
        writeFileSync(tmp, received.db.serialize());
        const db = new Database(tmp, { fileMustExist: true });
        try {
          db.pragma('journal_mode = DELETE');
          db.pragma('synchronous = FULL');
          db.transaction(() => {
            const dots = new Dots(db);
            const from = dots.lineage;
            const keep: DotRow[] = [];
            for (const [entity, id, field] of dots.recorded()) {
              const d = dots.dot(entity, id, field);
              if (!(d.replica === from.origin && d.counter === 0)) keep.push(dotRow(entity, id, field, d));
            }
            db.exec('DELETE FROM share_dot; DELETE FROM share_sent;');
            storeDots(db, JSON.stringify(keep), from.last);
            const id = randomBytes(16).toString('hex');
            mergeSeen(db, { ...from, replica: id, ranges: [] }, from);
            db.prepare('UPDATE share_replica SET id = ?, since = ?').run(id, from.last);
            if (region) db.prepare('UPDATE portfolio SET region = ?').run(region);
          })();
          if (db.pragma('quick_check', { simple: true }) !== 'ok')
            throw new Error('den nye fil bestod ikke quick_check');
        } finally {
          db.close();
        }
      },
      { noReplace: true, sqlite: true },
    );
    return targetPath;
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof TargetExistsError)
      throw new UserError(`«${basename(targetPath)}» findes allerede; vælg et andet navn.`, 'invalid-args');
    throw new UserError(`«${basename(targetPath)}» kunne ikke oprettes: ${(err as Error).message}.`);
  }
}

/** Restores a backup copy into the open portfolio as one undo step, after a backup of the present state. */
export function restoreBackup(session: Session, fileName: string, now = new Date()): Change {
  const entry = listBackups(session.path).find((b) => b.fileName === fileName);
  if (!entry) throw new UserError(`Sikkerhedskopien «${basename(fileName)}» findes ikke.`, 'not-found');
  const received = receiveFile(join(backupDir(session.path), entry.fileName));
  try {
    backupCopy(session.db, session.path, 'gendannelse', now);
    return session.run((db) => ({
      label: `Gendan sikkerhedskopi (${backupReasonInText(entry.reason)}, ${danishTime(entry.at)})`,
      ops: diffOps(readState(db), readState(received.db), { removeMissing: true, meta: true }),
    }));
  } finally {
    received.close();
  }
}
