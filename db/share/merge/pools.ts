/** The merge's first phase: years and pools, which a merge adds and never removes. */
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
