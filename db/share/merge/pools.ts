/**
 * Years and pools: the merge's first phase adds theirs, decides those one side removed
 * (removals.ts) and changes pool fields; removals.ts applyRemovals removes them after the line phases.
 */
import { take, decide, type MergeContext } from './context';
import { decidePools, decideYears } from './removals';

/** Their years I lack are added, unless I removed them (removals.ts decideYears); a year's existence has its dot, taken with it. */
export function mergeYears(ctx: MergeContext): void {
  const { target, review } = ctx;
  const years = new Set(target.state.years);
  for (const y of decideYears(ctx)) {
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
 * Their pools: one I never had is added; one of either side the other deleted is decided as a
 * whole (removals.ts decidePools). A name, description or position that differs is theirs only
 * where theirs is newer. A pool's field is never a conflict: one changed on both sides keeps mine.
 */
export function mergePools(ctx: MergeContext): void {
  decidePools(ctx, (id) => addPool(ctx, id));
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
