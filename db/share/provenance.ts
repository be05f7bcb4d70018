/**
 * Per line: the region that made it, and the region that changed it last and when (the grid
 * shows `22. nov. 2026 kl. 14.03`). Read from the audit log (this copy's own changes) and from the
 * dots merges and imports stored (changes that came from other regions), two grouped queries.
 */
import type { LineInfo, RegionCode } from '../../shared/model';
import type { DB } from '../open';
import { readLineage } from './dots';

export function readLineInfo(db: DB): Record<string, LineInfo> {
  const lineage = readLineage(db);
  const regionOf = (replica: string): RegionCode => (replica === lineage.replica ? lineage.region : (lineage.seen.get(replica)?.region ?? lineage.region));
  const local = new Map<string, { n: number; at: string }>();
  for (const r of db
    .prepare<[number], { id: string; n: number; at: string }>(
      "SELECT entity_id AS id, max(change_no) AS n, at FROM audit WHERE change_no > ? AND entity IN ('line', 'amount') AND entity_id IS NOT NULL GROUP BY entity_id",
    )
    .all(lineage.since)) {
    local.set(r.id, r);
  }
  const foreign = new Map<string, { n: number; at: string; replica: string }>();
  for (const r of db
    .prepare<[], { id: string; n: number; at: string; replica: string }>(
      "SELECT entity_id AS id, max(change_no) AS n, at, replica FROM share_dot WHERE entity IN ('line', 'amount') GROUP BY entity_id",
    )
    .all()) {
    foreign.set(r.id, r);
  }
  const madeBy = new Map<string, string>();
  for (const r of db.prepare<[], { id: string; replica: string }>("SELECT entity_id AS id, replica FROM share_dot WHERE entity = 'line' AND field = ''").all()) {
    madeBy.set(r.id, r.replica);
  }
  const out: Record<string, LineInfo> = {};
  for (const id of db.prepare('SELECT id FROM line').pluck().all() as string[]) {
    const loc = local.get(id);
    const fr = foreign.get(id);
    const made = madeBy.get(id);
    const createdBy = made ? regionOf(made) : lineage.region;
    if (loc && (!fr || loc.n > fr.n)) out[id] = { createdBy, changedBy: lineage.region, changedAt: loc.at };
    else if (fr) out[id] = { createdBy, changedBy: regionOf(fr.replica), changedAt: fr.at };
    else out[id] = { createdBy, changedBy: null, changedAt: null };
  }
  return out;
}
