/**
 * A whole portfolio as plain values, and the ops (db/core/ops.ts) that turn one state into another:
 * a merge computes the merged state and a restore reads a backup's, and both are applied as one
 * Session.run, so they are one undo step with an audit row per value.
 */
import type { Line, Pool, Portfolio } from '../../shared/domain/model';
import type { Op } from '../core/ops';
import type { DB } from '../core/open';
import { readAllLines, readMeta, readPools, readYears, toRecord } from '../core/queries';

/** A Portfolio (shared/domain/model.ts) with its pools and lines by id, as a merge and a restore look them up. */
export interface PortfolioById extends Omit<Portfolio, 'pools' | 'lines'> {
  pools: Map<string, Pool>;
  lines: Map<string, Line>;
}

export function readState(db: DB): PortfolioById {
  return db.transaction(() => ({
    meta: readMeta(db),
    years: readYears(db),
    pools: new Map(readPools(db).map((p) => [p.id, p])),
    lines: new Map(readAllLines(db).map((l) => [l.id, l])),
  }))();
}

export interface DiffOptions {
  /** Remove pools and years the target lacks (a restore); a merge removes only those in `remove`. */
  removeMissing?: boolean;
  remove?: { pools: string[]; years: number[] };
  meta?: boolean;
  /**
   * Changes to the amounts of lines both states have, by line and year (null: emptied), beside
   * the target's own amounts (a merge notes what it changes rather than copying the amounts);
   * for a line added, values written after it (its own change).
   */
  amountChanges?: Map<string, Map<string, number | null>>;
}

const TEXT_FIELDS = ['name', 'description', 'comment'] as const;

/**
 * Ops from `from` (the database's current state) to `to`, ordered so that each op's checks hold:
 * cells are emptied before a line gets sub-lines, lines are inserted parents first and deleted
 * sub-lines first, and amounts are written once no sub-line is left under their line.
 */
export function diffOps(from: PortfolioById, to: PortfolioById, options: DiffOptions = {}): Op[] {
  const ops: Op[] = [];
  const fromYears = new Set(from.years);
  for (const y of to.years) if (!fromYears.has(y)) ops.push({ op: 'insertYear', year: y });
  for (const [id, p] of to.pools) {
    const old = from.pools.get(id);
    if (!old) {
      ops.push({ op: 'insertPool', pool: p });
      continue;
    }
    if (old.name !== p.name) ops.push({ op: 'setPoolText', poolId: id, field: 'name', value: p.name });
    if (old.description !== p.description)
      ops.push({ op: 'setPoolText', poolId: id, field: 'description', value: p.description });
    if (old.position !== p.position) ops.push({ op: 'placePool', poolId: id, position: p.position });
  }
  // A line the target shares with the current state (a merge copies only the lines it changes) is
  // unchanged but for its amountChanges; so are amounts objects it shares.
  const changes = options.amountChanges ?? new Map<string, Map<string, number | null>>();
  const both: [Line, Line][] = [];
  for (const [id, l] of to.lines) {
    const old = from.lines.get(id);
    if (old && (old !== l || changes.has(id))) both.push([old, l]);
  }
  const sameAmounts = (old: Line, l: Line) => old.amounts === l.amounts;
  for (const [old, l] of both) {
    if (!sameAmounts(old, l)) {
      for (const year of Object.keys(old.amounts))
        if (l.amounts[year] === undefined) ops.push({ op: 'setAmount', lineId: l.id, year: Number(year), value: null });
    }
    for (const [year, value] of changes.get(l.id) ?? []) {
      if (value === null && old.amounts[year] !== undefined)
        ops.push({ op: 'setAmount', lineId: l.id, year: Number(year), value: null });
    }
  }
  const added = [...to.lines.values()]
    .filter((l) => !from.lines.has(l.id))
    .sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  for (const l of added) {
    const op: Op = { op: 'insertLine', line: toRecord(l) };
    if (Object.keys(l.amounts).length) op.amounts = { ...l.amounts };
    if (l.comment) op.comment = l.comment;
    ops.push(op);
  }
  for (const [old, l] of both) {
    if (old.poolId !== l.poolId || old.parentId !== l.parentId || old.position !== l.position) {
      ops.push({ op: 'placeLine', lineId: l.id, poolId: l.poolId, parentId: l.parentId, position: l.position });
    }
    for (const field of TEXT_FIELDS) {
      if ((old[field] ?? '') !== (l[field] ?? ''))
        ops.push({ op: 'setLineText', lineId: l.id, field, value: l[field] ?? '' });
    }
  }
  const removed = [...from.lines.values()]
    .filter((l) => !to.lines.has(l.id))
    .sort((a, b) => Number(b.parentId !== null) - Number(a.parentId !== null));
  for (const l of removed) ops.push({ op: 'deleteLine', lineId: l.id });
  for (const [old, l] of both) {
    if (!sameAmounts(old, l)) {
      for (const [year, value] of Object.entries(l.amounts))
        if (old.amounts[year] !== value) ops.push({ op: 'setAmount', lineId: l.id, year: Number(year), value });
    }
    for (const [year, value] of changes.get(l.id) ?? []) {
      if (value !== null && old.amounts[year] !== value)
        ops.push({ op: 'setAmount', lineId: l.id, year: Number(year), value });
    }
  }
  // A line added with a value the merge itself wrote (an amount moved to a new sub-line): its own write.
  for (const l of added)
    for (const [year, value] of changes.get(l.id) ?? [])
      if ((l.amounts[year] ?? null) !== value) ops.push({ op: 'setAmount', lineId: l.id, year: Number(year), value });
  if (options.removeMissing) {
    for (const id of from.pools.keys()) if (!to.pools.has(id)) ops.push({ op: 'deletePool', poolId: id });
    const toYears = new Set(to.years);
    for (const y of from.years) if (!toYears.has(y)) ops.push({ op: 'deleteYear', year: y });
  }
  for (const id of options.remove?.pools ?? []) ops.push({ op: 'deletePool', poolId: id });
  for (const y of options.remove?.years ?? []) ops.push({ op: 'deleteYear', year: y });
  if (options.meta) {
    if (from.meta.title !== to.meta.title) ops.push({ op: 'setMeta', field: 'title', value: to.meta.title });
    if (from.meta.region !== to.meta.region) ops.push({ op: 'setMeta', field: 'region', value: to.meta.region });
  }
  return ops;
}
