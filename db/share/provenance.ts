/**
 * Per line: the region that made it, and the region that changed it last and when (the grid
 * shows `22. nov. 2026 kl. 14.03`). Read from the audit log (this copy's own changes) and from the
 * dots merges and imports stored (changes that came from other regions). A line's last change is
 * the newest of its local changes and stored dots by (change number, time): a dot brought by a
 * merge carries the merge's change number, and then the time the other region made it.
 * - readLineInfo: every line, for portfolio.load (grouped queries);
 * - lineInfoOf: the lines one change touched, for the Change the session returns (one prepared
 *   query per line; a few microseconds, so that an edit stays well under a millisecond).
 * Both reach the session as `provenance` (a LineInfoSource, db/core/session.ts), given to it by
 * db/index.ts openSession: the core does not import this feature.
 */
import type { LineInfo, RegionCode } from '../../shared/domain/model';
import type { DB } from '../core/open';
import type { LineInfoSource } from '../core/session';
import { rangeOf, readLineage, regionOfReplica } from './dots';

/** `n` and `at` of the newest row, packed so that max() picks it (change number first, then time). */
const NEWEST = "max(format('%020d%s', change_no, at))";
const unpack = (newest: string) => ({ n: Number(newest.slice(0, 20)), at: newest.slice(20) });

/** The region of a copy, and the copy that made each line that came from another copy. */
function origins(db: DB) {
  const lineage = readLineage(db);
  const regionOf = (replica: string): RegionCode => regionOfReplica(lineage, replica);
  const madeBy = new Map<string, string>();
  for (const r of db
    .prepare<[], { id: string; replica: string }>(
      "SELECT entity_id AS id, replica FROM share_dot WHERE entity = 'line' AND field = ''",
    )
    .all()) {
    madeBy.set(r.id, r.replica);
  }
  const createdBy = (id: string) => {
    const made = madeBy.get(id);
    return made ? regionOf(made) : lineage.region;
  };
  return { lineage, regionOf, createdBy };
}

/** Per line, its newest stored dot (from change `fromChange` on): the local change that brought it, its time and copy. */
function newestDots(db: DB, fromChange: number): Map<string, { n: number; at: string; replica: string }> {
  const out = new Map<string, { n: number; at: string; replica: string }>();
  for (const r of db
    .prepare<[number], { id: string; newest: string; replica: string }>(
      `SELECT entity_id AS id, ${NEWEST} AS newest, replica FROM share_dot WHERE entity IN ('line', 'amount') AND change_no >= ? GROUP BY entity_id`,
    )
    .all(fromChange)) {
    out.set(r.id, { ...unpack(r.newest), replica: r.replica });
  }
  return out;
}

export function readLineInfo(db: DB): Record<string, LineInfo> {
  const { lineage, regionOf, createdBy: createdByOf } = origins(db);
  const local = new Map<string, { n: number; at: string }>();
  for (const r of db
    .prepare<[number], { id: string; n: number; at: string }>(
      "SELECT entity_id AS id, max(change_no) AS n, at FROM audit WHERE change_no > ? AND entity IN ('line', 'amount') AND entity_id IS NOT NULL GROUP BY entity_id",
    )
    .all(lineage.since)) {
    local.set(r.id, r);
  }
  const foreign = newestDots(db, 0);
  const out: Record<string, LineInfo> = {};
  for (const id of db.prepare('SELECT id FROM line').pluck().all() as string[]) {
    const loc = local.get(id);
    const fr = foreign.get(id);
    const createdBy = createdByOf(id);
    if (loc && (!fr || loc.n > fr.n))
      out[id] = { createdBy, changedBy: rangeOf(lineage, loc.n).region, changedAt: loc.at };
    else if (fr) out[id] = { createdBy, changedBy: regionOf(fr.replica), changedAt: fr.at };
    else out[id] = { createdBy, changedBy: null, changedAt: null };
  }
  return out;
}

type InfoRow = { mine: RegionCode; createdBy: RegionCode; newest: string | null; changedBy: RegionCode };
const statements = new WeakMap<DB, { get(args: { id: string; changeNo: number }): InfoRow | undefined }>();

/**
 * One line's info: its maker's region, and the newest dot the change `changeNo` stored for it,
 * with that dot's region. A region is looked up in share_seen, which never holds this copy (a
 * merge skips it), so "not there" is this copy's region, as readLineage's regionOf has it; the
 * change `changeNo` itself is the newest epoch's (db/share/epochs.ts): the region of the person writing.
 */
function statement(db: DB) {
  let s = statements.get(db);
  if (!s) {
    s = db.prepare<[{ id: string; changeNo: number }], InfoRow>(
      `SELECT coalesce((SELECT region FROM share_epoch ORDER BY first_change DESC LIMIT 1), p.region) AS mine,
         coalesce((SELECT s.region FROM share_dot d JOIN share_seen s ON s.replica = d.replica
                   WHERE d.entity = 'line' AND d.entity_id = @id AND d.field = ''), p.region) AS createdBy,
         f.newest, coalesce((SELECT region FROM share_seen WHERE replica = f.replica), p.region) AS changedBy
       FROM portfolio p,
         (SELECT ${NEWEST} AS newest, replica FROM share_dot WHERE entity IN ('line', 'amount') AND entity_id = @id AND change_no >= @changeNo) f`,
    );
    statements.set(db, s);
  }
  return s;
}

/**
 * The info of lines that change `made` just wrote (each has an audit row of it, the newest of its
 * local changes). A dot stored by the same change (a merge) is as new and names the other region
 * and its time, as readLineInfo does; an older dot loses to the change.
 */
export function lineInfoOf(db: DB, ids: string[], made: { changeNo: number; at: string }): Record<string, LineInfo> {
  if (ids.length > BULK) return bulkLineInfoOf(db, ids, made);
  const get = statement(db);
  const out: Record<string, LineInfo> = {};
  for (const id of ids) {
    const r = get.get({ id, changeNo: made.changeNo });
    if (!r) continue;
    out[id] =
      r.newest === null
        ? { createdBy: r.createdBy, changedBy: r.mine, changedAt: made.at }
        : { createdBy: r.createdBy, changedBy: r.changedBy, changedAt: unpack(r.newest).at };
  }
  return out;
}

/** Above this many lines (a merge, a restore, an import) one pass over share_dot beats a lookup per line. */
const BULK = 2_000;

function bulkLineInfoOf(db: DB, ids: string[], made: { changeNo: number; at: string }): Record<string, LineInfo> {
  const { lineage, regionOf, createdBy } = origins(db);
  // Only a dot the change itself stored is as new as the change.
  const byChange = newestDots(db, made.changeNo);
  const out: Record<string, LineInfo> = {};
  for (const id of ids) {
    const d = byChange.get(id);
    out[id] = d
      ? { createdBy: createdBy(id), changedBy: regionOf(d.replica), changedAt: d.at }
      : { createdBy: createdBy(id), changedBy: rangeOf(lineage, made.changeNo).region, changedAt: made.at };
  }
  return out;
}

/** The session's line info (db/core/session.ts LineInfoSource): readLineInfo and lineInfoOf. */
export const provenance: LineInfoSource = { all: readLineInfo, of: lineInfoOf };
