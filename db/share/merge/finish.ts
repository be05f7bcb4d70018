/**
 * The merge's last phase: the merged portfolio made whole (every line with its pool and parent),
 * the common values of conflicts looked up in the histories, and the review put in order.
 */
import { covered, key, takenUpTo } from '../dots';
import type { Field, Value } from '../history';
import type { MergePlan, Side } from '../merge';
import { theirIdOf, type MergeContext } from './context';
import { addPool } from './pools';

const collator = new Intl.Collator('da');

/**
 * A sub-line needs its parent and every line its pool: a pool of theirs that a line needs is
 * added; a parent of mine is restored (their deletion of it is no longer taken), else the orphan
 * is dropped; a sub-line lies in its parent's pool. Repeated until nothing changes.
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
      } else if (l.parentId && lines.get(l.parentId)!.poolId !== l.poolId) {
        // The parent moved to another pool on one side, the sub-line was added or moved on the other: it follows its parent.
        target.edit(l.id).poolId = lines.get(l.parentId)!.poolId;
        changed = true;
      }
    }
  }
}

/**
 * The common value of values both sides changed: the latest value both have seen. On one side's
 * history (history.ts) that is its value just after the last of its own changes the other side
 * took, unless a merge on that side later brought a value the other side has seen too (its dot is
 * in their vector): then that value, being later. Mine is asked first, else theirs just after the
 * last of theirs I took; if neither took the other's changes, the value both had when their copies
 * began (or brought since from a third copy both have seen), where both histories agree.
 */
export function fillBases(ctx: MergeContext): void {
  const { mine, theirs, unknownBase: wanted } = ctx;
  if (!wanted.length) return;
  const mineFields = wanted.map((w) => w.field);
  const theirFields = mineFields.map((f) => ({ ...f, id: theirIdOf(ctx, f.id) }));
  const theyTookMine = takenUpTo(mine.dots.lineage, theirs.vv);
  const iTookTheirs = takenUpTo(theirs.dots.lineage, mine.vv);
  let bases: (Value | undefined)[];
  if (theyTookMine !== undefined) bases = latestSeen(mine, theirs, mineFields, theyTookMine);
  else if (iTookTheirs !== undefined) bases = latestSeen(theirs, mine, theirFields, iTookTheirs);
  else {
    const a = latestSeen(mine, theirs, mineFields, mine.dots.lineage.since);
    const b = latestSeen(theirs, mine, theirFields, theirs.dots.lineage.since);
    bases = a.map((v, i) => (v === b[i] ? v : undefined));
  }
  wanted.forEach((w, i) => {
    const base = bases[i];
    if (base !== undefined) for (const s of w.shown) s.base = base;
  });
}

/**
 * The latest value of each field in `side`'s history that `other` has seen too, given that `other`
 * took `side`'s own changes up to `after`: the value just after `after`, or a later one a merge
 * brought whose dot `other` holds (its last such write: share_dot keeps one per value).
 */
function latestSeen(side: Side, other: Side, fields: Field[], after: number): (Value | undefined)[] {
  const values = side.history.valuesAfter(fields, after);
  const later = fields.map((f) => {
    const d = side.dots.brought(f.entity, f.id, f.field);
    return d && d.changeNo > after && covered(d, other.vv) ? d.changeNo : undefined;
  });
  if (later.every((n) => n === undefined)) return values;
  const written = side.history.valuesWritten(fields, later);
  return values.map((v, i) => (written[i] !== undefined ? written[i] : v));
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
