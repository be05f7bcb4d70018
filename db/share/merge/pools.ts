/**
 * Years and pools: the merge's first phase adds theirs and changes pool fields; its last one
 * (removeDeleted) removes those they deleted, as lines are removed.
 */
import { covered } from '../dots';
import { take, decide, type MergeContext } from './context';

/** Their years I lack are added (a year's existence has its dot, taken with it). */
export function mergeYears(ctx: MergeContext): void {
  const { target, review } = ctx;
  const years = new Set(target.state.years);
  for (const y of ctx.theirs.state.years) {
    if (years.has(y)) continue;
    years.add(y);
    review.newYears.push(y);
    take(ctx, 'year', String(y));
  }
  target.state.years = [...years].sort((a, b) => a - b);
}

/** Adds their pool, with all its values, unless the merged portfolio has it already. */
export function addPool(ctx: MergeContext, id: string): void {
  const p = ctx.theirs.state.pools.get(id);
  if (!p || ctx.target.state.pools.has(id)) return;
  ctx.target.state.pools.set(id, { ...p });
  ctx.review.newPools.push(p.name);
  for (const f of ['', 'name', 'description', 'position']) take(ctx, 'pool', id, f);
}

/**
 * Their pools: one I never had is added (one I had and deleted stays away, unless a line of theirs
 * needs it: finish.ts keepConsistent); a name, description or position that differs is theirs only
 * where theirs is newer. A pool is never a conflict: one changed on both sides keeps mine.
 */
export function mergePools(ctx: MergeContext): void {
  for (const [id, p] of ctx.theirs.state.pools) {
    const m = ctx.target.state.pools.get(id);
    if (!m) {
      if (!ctx.mine.dots.has('pool', id)) addPool(ctx, id);
      continue;
    }
    for (const f of ['name', 'description', 'position'] as const) {
      if (m[f] === p[f] || decide(ctx, 'pool', id, f) !== 'theirs') continue;
      (m as Record<typeof f, string | number>)[f] = p[f];
      take(ctx, 'pool', id, f);
    }
  }
}

/**
 * Pools and years they deleted that I still have (as lines: one-side.ts): removed when they had
 * seen all I had written of them, a pool only once no line of the merged portfolio is left in it
 * and a year only once no amount is left in it; otherwise it stays (what I changed inside since
 * is decided line by line, a deleted line edited on my side being a conflict). One I had seen
 * them delete and kept (or restored) stays. Runs after the line phases.
 */
export function removeDeleted(ctx: MergeContext): void {
  const { mine, theirs, target } = ctx;
  const deletedThere = (entity: 'pool' | 'year', id: string) =>
    theirs.dots.has(entity, id) && !covered(theirs.dots.dot(entity, id), mine.vv);
  const seenThere = (entity: 'pool' | 'year', id: string, fields: string[]) =>
    fields.every((f) => covered(mine.dots.dot(entity, id, f), theirs.vv));
  const used = new Set([...target.state.lines.values()].map((l) => l.poolId));
  for (const id of [...target.state.pools.keys()]) {
    if (
      theirs.state.pools.has(id) ||
      used.has(id) ||
      !deletedThere('pool', id) ||
      !seenThere('pool', id, ['', 'name', 'description', 'position'])
    )
      continue;
    target.state.pools.delete(id);
    ctx.removed.pools.push(id);
    take(ctx, 'pool', id);
  }
  const theirYears = new Set(theirs.state.years);
  const amountIn = (y: string) =>
    [...target.state.lines.values()].some((l) => {
      const changed = target.amountChanges.get(l.id);
      return (changed?.has(y) ? changed.get(y) : l.amounts[y]) != null;
    });
  for (const y of [...target.state.years]) {
    const key = String(y);
    if (theirYears.has(y) || !deletedThere('year', key) || !seenThere('year', key, ['']) || amountIn(key)) continue;
    target.state.years = target.state.years.filter((x) => x !== y);
    ctx.removed.years.push(y);
    take(ctx, 'year', key);
  }
}
