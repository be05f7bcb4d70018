/**
 * The merge's last phase: the merged portfolio made whole (every line with its pool and parent),
 * the common values of conflicts looked up in the histories, and the review put in order.
 */
import { key, takenUpTo } from '../dots';
import type { Value } from '../history';
import type { MergePlan } from '../merge';
import { theirIdOf, type MergeContext } from './context';
import { addPool } from './pools';

const collator = new Intl.Collator('da');

/**
 * A sub-line needs its parent and every line its pool: a pool of theirs that a line needs is
 * added; a parent of mine is restored (their deletion of it is no longer taken), else the orphan is dropped. Repeated until nothing changes.
 */
export function keepConsistent(ctx: MergeContext): void {
  const { target } = ctx;
  const lines = target.state.lines;
  for (let changed = true; changed;) {
    changed = false;
    for (const l of [...lines.values()]) {
      if (!target.state.pools.has(l.poolId)) addPool(ctx, l.poolId);
      if (!target.state.pools.has(l.poolId)) {
        lines.delete(l.id);
        changed = true;
      } else if (l.parentId && !lines.has(l.parentId)) {
        const parent = ctx.mine.state.lines.get(l.parentId);
        if (parent) {
          lines.set(parent.id, parent); // mine, unchanged (shared, as all unchanged lines are)
          ctx.taken.delete(key('line', parent.id));
        } else lines.delete(l.id);
        changed = true;
      }
    }
  }
}

/**
 * The common value of values both sides changed: mine just after the last of my changes they took
 * (my log holds what came after), else theirs just after the last of theirs I took; if neither
 * took the other's changes, the value both had when their copies began, where both logs agree.
 */
export function fillBases(ctx: MergeContext): void {
  const { mine, theirs, unknownBase: wanted } = ctx;
  if (!wanted.length) return;
  const mineFields = wanted.map((w) => w.field);
  const theirFields = mineFields.map((f) => ({ ...f, id: theirIdOf(ctx, f.id) }));
  const theyTookMine = takenUpTo(mine.dots.lineage, theirs.vv);
  const iTookTheirs = takenUpTo(theirs.dots.lineage, mine.vv);
  let bases: (Value | undefined)[];
  if (theyTookMine !== undefined) bases = mine.history.valuesAfter(mineFields, theyTookMine);
  else if (iTookTheirs !== undefined) bases = theirs.history.valuesAfter(theirFields, iTookTheirs);
  else {
    const a = mine.history.valuesAfter(mineFields, mine.dots.lineage.since);
    const b = theirs.history.valuesAfter(theirFields, theirs.dots.lineage.since);
    bases = a.map((v, i) => (v === b[i] ? v : undefined));
  }
  wanted.forEach((w, i) => {
    const base = bases[i];
    if (base !== undefined) for (const s of w.shown) s.base = base;
  });
}

/** The plan: conflicts in the order of pool and line names (Danish), counted. */
export function assemblePlan(ctx: MergeContext): Omit<MergePlan, 'projects'> {
  const { review, target, unresolved } = ctx;
  review.conflicts.sort((a, b) => collator.compare(a.pool, b.pool) || collator.compare(a.line, b.line));
  review.counts.conflicts = review.conflicts.length;
  review.counts.unresolved = unresolved.length;
  return {
    review,
    target: target.state,
    amountChanges: target.amountChanges,
    taken: ctx.taken,
    aliases: ctx.aliases,
    removed: ctx.removed,
    unresolved,
  };
}
