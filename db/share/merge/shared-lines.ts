/** The merge's second phase: lines both sides have, compared value by value (three-way). */
import type { Line } from '../../../shared/domain/model';
import type { Value } from '../history';
import type { MergeConflict } from '../merge';
import { decide, poolName, resolve, take, type Cell, type MergeContext } from './context';

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
    for (const y of yearKeys) {
      const mv = base.amounts[y] ?? null;
      const tv = t.amounts[y] ?? null;
      if (mv !== tv) cells.push(compareValue(ctx, id, base.name, 'amount', y, mv, tv));
    }
    if (cells.length)
      review.changes.push({ lineId: id, pool: poolName(ctx, lines.get(id)!.poolId), line: base.name, cells });
  }
}
