/** The merge's second phase: lines both sides have, compared value by value (three-way). */
import type { Line } from '../../../shared/domain/model';
import type { Value } from '../history';
import type { MergeConflict } from '../merge';
import { covered } from '../dots';
import { decide, poolName, resolve, take, theirIdOf, type Cell, type MergeContext } from './context';

export const TEXTS = ['name', 'description', 'comment'] as const;

const samePlace = (a: Line, b: Line) => a.poolId === b.poolId && a.parentId === b.parentId && a.position === b.position;

/**
 * One differing value of a line both sides have (a text field, or the amount of `year`): decided
 * (decide), a conflict resolved by the user's choice, and applied to the merged portfolio where
 * theirs wins; its cell in the review, with the common value where the side that kept it tells it.
 */
function compareValue(
  ctx: MergeContext,
  id: string,
  line: string,
  field: Cell['field'],
  year: string | null,
  mv: Value,
  tv: Value,
): Cell {
  const { target, sharedHistory } = ctx;
  const entity = year === null ? 'line' : 'amount';
  const f = year ?? field;
  const decided = decide(ctx, entity, id, f);
  const cell: Cell = { field, year: year === null ? null : Number(year), mine: mv, theirs: tv, outcome: decided };
  let outcome: 'mine' | 'theirs' = decided === 'theirs' ? 'theirs' : 'mine';
  let value: Value = tv;
  if (decided !== 'conflict') {
    if (sharedHistory) cell.base = decided === 'theirs' ? mv : tv;
  } else {
    const c: MergeConflict = {
      id: `${field}:${id}${year === null ? '' : `:${year}`}`,
      kind: field,
      lineId: id,
      theirLineId: null,
      pool: poolName(ctx, target.state.lines.get(id)!.poolId),
      line,
      year: cell.year,
      mine: mv,
      theirs: tv,
    };
    if (sharedHistory) ctx.unknownBase.push({ field: { entity, id, field: f }, shown: [c, cell] });
    const r = resolve(ctx, c);
    if (r?.take === 'theirs') outcome = 'theirs';
    if (r?.take === 'value' && year === null && typeof r.value === 'string' && r.value.trim())
      [outcome, value] = ['theirs', r.value.trim()];
    if (r?.take === 'value' && year !== null && (r.value === null || typeof r.value === 'number'))
      [outcome, value] = ['theirs', r.value];
  }
  if (outcome === 'theirs') {
    if (year === null) target.edit(id)[field as (typeof TEXTS)[number]] = value as string;
    else target.setAmount(id, year, value as number | null);
    if (value === tv) take(ctx, entity, id, f);
  }
  return cell;
}

/**
 * Every line both sides have: each text and each amount of the merged years that differs is
 * compared (compareValue) and shown as a change; a rename is shown beside it. A place (pool,
 * parent, position) is theirs only where theirs is newer: changed on both sides, mine stays.
 */
export function mergeSharedLines(ctx: MergeContext): void {
  const { target, review } = ctx;
  const lines = target.state.lines;
  // A year one side removed is decided as a whole (removals.ts).
  const yearKeys = target.state.years.filter((y) => !ctx.removals.years.has(y)).map(String);
  const firstMine = firstSubLines(ctx.mine.state.lines.values());
  const firstTheirs = firstSubLines(ctx.theirLines.values());
  for (const [id, t] of ctx.theirLines) {
    const base = ctx.mine.state.lines.get(id);
    if (!base) continue;
    const cells: Cell[] = [];
    for (const f of TEXTS) {
      const mv = base[f] ?? '';
      const tv = t[f] ?? '';
      if (mv === tv) continue;
      const cell = compareValue(ctx, id, base.name, f, null, mv, tv);
      cells.push(cell);
      // The line's pool in the merged state (a place taken from theirs may have moved it) in what follows.
      if (f === 'name')
        review.renames.push({
          lineId: id,
          pool: poolName(ctx, lines.get(id)!.poolId),
          mine: mv,
          theirs: tv,
          outcome: cell.outcome,
        });
    }
    if (!samePlace(base, t) && decide(ctx, 'line', id, 'place') === 'theirs') {
      Object.assign(target.edit(id), { poolId: t.poolId, parentId: t.parentId, position: t.position });
      take(ctx, 'line', id, 'place');
    }
    const split = splitSide(ctx, id, firstMine, firstTheirs);
    for (const y of yearKeys) {
      const mv = base.amounts[y] ?? null;
      const tv = t.amounts[y] ?? null;
      if (split && amountToSubLine(ctx, id, y, split, mv, tv)) continue;
      if (mv !== tv) cells.push(compareValue(ctx, id, base.name, 'amount', y, mv, tv));
    }
    if (cells.length)
      review.changes.push({ lineId: id, pool: poolName(ctx, lines.get(id)!.poolId), line: base.name, cells });
  }
}

/** Each parent's first sub-line (by position), by the parent's id. */
export function firstSubLines(lines: Iterable<Line>): Map<string, Line> {
  const first = new Map<string, Line>();
  for (const l of lines) {
    if (l.parentId === null) continue;
    const f = first.get(l.parentId);
    if (!f || l.position < f.position) first.set(l.parentId, l);
  }
  return first;
}

/**
 * A line one side gave sub-lines the other never saw (that side still has it without): the side
 * that split it and the first sub-line, which took the line's amounts (docs/architecture.md «The
 * path of a merge»).
 */
function splitSide(
  ctx: MergeContext,
  id: string,
  firstMine: Map<string, Line>,
  firstTheirs: Map<string, Line>,
): { by: 'mine' | 'theirs'; first: Line } | undefined {
  const m = firstMine.get(id);
  const t = firstTheirs.get(id);
  if (m && !t && !ctx.theirLines.has(m.id) && !ctx.theirs.dots.has('line', theirIdOf(ctx, m.id)))
    return { by: 'mine', first: m };
  if (t && !m && !ctx.mine.state.lines.has(t.id) && !ctx.mine.dots.has('line', t.id)) return { by: 'theirs', first: t };
  return undefined;
}

/**
 * The amount of `year` of a line one side split (`split`) that the other side, still without
 * sub-lines, wrote after the split side last saw it: it belongs to the first sub-line now, where
 * it is one conflict against the sub-line's own value (unless both are the same); the line itself
 * stays without an amount. Returns whether the amount was handled so.
 */
function amountToSubLine(
  ctx: MergeContext,
  id: string,
  year: string,
  split: { by: 'mine' | 'theirs'; first: Line },
  mv: Value,
  tv: Value,
): boolean {
  const { mine, theirs, target } = ctx;
  const leafSeen =
    split.by === 'mine'
      ? covered(theirs.dots.dot('amount', theirIdOf(ctx, id), year), mine.vv)
      : covered(mine.dots.dot('amount', id, year), theirs.vv);
  if (leafSeen) return false; // the split side's (empty) amount is newer: the usual rules
  const f = split.first;
  const leafValue = split.by === 'mine' ? tv : mv;
  const subValue = f.amounts[year] ?? null;
  if (split.by === 'theirs' && mv !== null) {
    target.setAmount(id, year, null); // their empty amount of the line they split
    take(ctx, 'amount', id, year);
  }
  if (leafValue === subValue) return true;
  const r = resolve(ctx, {
    id: `amount:${f.id}:${year}`,
    kind: 'amount',
    lineId: f.id,
    theirLineId: null,
    pool: poolName(ctx, target.state.lines.get(id)!.poolId),
    line: f.name,
    year: Number(year),
    mine: split.by === 'mine' ? subValue : leafValue,
    theirs: split.by === 'mine' ? leafValue : subValue,
  });
  const leafSide = split.by === 'mine' ? 'theirs' : 'mine';
  let value: Value | undefined;
  if (r?.take === leafSide) value = leafValue;
  if (r?.take === 'value' && (r.value === null || typeof r.value === 'number')) value = r.value;
  if (value !== undefined && value !== subValue) target.setAmount(f.id, year, value as number | null);
  return true;
}
