/**
 * Pools and years one side removed and the other still has (docs/architecture.md «The path of a
 * merge»), decided as a whole, as lines are: the removal applies when the removing side had seen
 * everything the other wrote in the pool or year; when the other changed something inside since,
 * it is one conflict for the whole pool or year (keep it as that side has it, or remove it), and no
 * line or amount inside is asked about on its own. One the other side had seen removed and kept (or
 * restored) stays.
 */
import type { Line } from '../../../shared/domain/model';
import { covered, key, sameDot } from '../dots';
import type { Side } from '../merge';
import { resolve, take, theirIdOf, type MergeContext, type Removal } from './context';
import { firstSubLines, TEXTS } from './shared-lines';

const POOL_FIELDS = ['', 'name', 'description', 'position'];

/** Whether every value of a line on `side` is known to the other side (its vector covers the dots). */
export function allSeen(l: Line, side: Side, other: Side, id: (id: string) => string): boolean {
  const d = side.dots;
  const lid = id(l.id);
  if (!['', ...TEXTS, 'place'].every((f) => covered(d.dot('line', lid, f), other.vv))) return false;
  for (const y of side.state.years) if (!covered(d.dot('amount', lid, String(y)), other.vv)) return false;
  // A project's values are the line's fields too (db/share/project-values.ts).
  for (const f of side.projects.lines.get(lid)?.keys() ?? [])
    if (!covered(d.dot('line', lid, f), other.vv)) return false;
  return true;
}

/** Both sides, as the keeping side (which still has the thing) and the removing one. */
function sides(ctx: MergeContext, by: 'mine' | 'theirs') {
  const keeper = by === 'mine' ? ctx.theirs : ctx.mine;
  const remover = by === 'mine' ? ctx.mine : ctx.theirs;
  // Line ids as the keeping side's dots know them (mine, or theirs under aliases).
  const keeperId = by === 'mine' ? (id: string) => theirIdOf(ctx, id) : (id: string) => id;
  const removerId = by === 'mine' ? (id: string) => id : (id: string) => theirIdOf(ctx, id);
  const keeperLines = by === 'mine' ? ctx.theirLines : ctx.mine.state.lines;
  return { keeper, remover, keeperId, removerId, keeperLines };
}

/**
 * A pool or year removed on side `by` and held by the other: the conflict when the other changed
 * something inside since (`changed`), answered as a whole; else removed.
 */
function decide(
  ctx: MergeContext,
  by: 'mine' | 'theirs',
  what: { kind: 'pool' | 'year'; id: string; name: string; year: number | null; value: string },
  changed: boolean,
): Removal['outcome'] {
  if (!changed) return 'remove';
  const kind =
    what.kind === 'pool'
      ? `pool-deleted-by-${by === 'mine' ? 'me' : 'them'}`
      : `year-removed-by-${by === 'mine' ? 'me' : 'them'}`;
  const r = resolve(ctx, {
    id: `${kind}:${what.id}`,
    kind: kind as 'pool-deleted-by-me',
    lineId: null,
    theirLineId: null,
    pool: what.name,
    line: what.kind === 'pool' ? 'Hele puljen' : 'Hele året',
    year: what.year,
    mine: by === 'mine' ? null : what.value,
    theirs: by === 'mine' ? what.value : null,
  });
  // 'mine' is my side's: the removal if I removed it, keeping it if they did.
  const keep = by === 'mine' ? 'theirs' : 'mine';
  return r && r.take !== keep ? 'remove' : 'keep';
}

/** Whether the side that has a pool or year removed by `by` changed anything in it the remover had not seen. */
function poolChanged(ctx: MergeContext, by: 'mine' | 'theirs', id: string): boolean {
  const { keeper, remover, keeperId, removerId, keeperLines } = sides(ctx, by);
  if (POOL_FIELDS.some((f) => !covered(keeper.dots.dot('pool', id, f), remover.vv))) return true;
  for (const l of keeperLines.values()) {
    if (l.poolId !== id) continue;
    // New to the remover (neither has it nor a record of it: a line moved out of the pool has none
    // of its existence), or changed since the remover saw it.
    const rid = removerId(l.id);
    if ((!remover.state.lines.has(rid) && !remover.dots.has('line', rid)) || !allSeen(l, keeper, remover, keeperId))
      return true;
  }
  return false;
}

function yearChanged(ctx: MergeContext, by: 'mine' | 'theirs', year: number): boolean {
  const { keeper, remover } = sides(ctx, by);
  const y = String(year);
  if (!covered(keeper.dots.dot('year', y), remover.vv)) return true;
  // The keeper's own lines by its own ids: its dots know them so.
  for (const l of keeper.state.lines.values())
    if (l.amounts[y] != null && !covered(keeper.dots.dot('amount', l.id, y), remover.vv)) return true;
  return false;
}

/** Whether `side` removed a pool or year it had (a record of it, it lacks it) that `other` has not seen removed. */
function removedBy(side: Side, other: Side, entity: 'pool' | 'year', id: string): boolean {
  return side.dots.has(entity, id) && !covered(side.dots.dot(entity, id), other.vv);
}

/**
 * Pools one side deleted and the other has (before the line phases, which ask removalOf): a pool
 * of theirs I deleted is added back if they had seen my deletion or are kept by the answer.
 */
export function decidePools(ctx: MergeContext, addPool: (id: string) => void): void {
  const { mine, theirs, target } = ctx;
  for (const [id, p] of theirs.state.pools) {
    if (target.state.pools.has(id) || !mine.dots.has('pool', id)) continue;
    if (!removedBy(mine, theirs, 'pool', id)) {
      addPool(id); // they saw my deletion and kept (or restored) the pool
      continue;
    }
    const outcome = decide(
      ctx,
      'mine',
      { kind: 'pool', id, name: p.name, year: null, value: p.name },
      poolChanged(ctx, 'mine', id),
    );
    ctx.removals.pools.set(id, { by: 'mine', outcome, dot: mine.dots.dot('pool', id) });
    if (outcome === 'keep') addPool(id);
  }
  for (const [id, p] of mine.state.pools) {
    if (theirs.state.pools.has(id) || !removedBy(theirs, mine, 'pool', id)) continue;
    const outcome = decide(
      ctx,
      'theirs',
      { kind: 'pool', id, name: p.name, year: null, value: p.name },
      poolChanged(ctx, 'theirs', id),
    );
    ctx.removals.pools.set(id, { by: 'theirs', outcome, dot: theirs.dots.dot('pool', id) });
  }
}

/**
 * Years one side removed and the other has: returns the years of theirs to add (new to me, or kept).
 * A kept year of theirs takes their amounts in lines both have; the line phases leave decided years alone.
 */
export function decideYears(ctx: MergeContext): number[] {
  const { mine, theirs } = ctx;
  const add: number[] = [];
  const myYears = new Set(mine.state.years);
  const theirYears = new Set(theirs.state.years);
  for (const y of theirs.state.years) {
    if (myYears.has(y)) continue;
    if (!removedBy(mine, theirs, 'year', String(y))) {
      add.push(y); // new to me, or they saw my removal and added it again
      continue;
    }
    const outcome = decide(
      ctx,
      'mine',
      { kind: 'year', id: String(y), name: '', year: y, value: String(y) },
      yearChanged(ctx, 'mine', y),
    );
    ctx.removals.years.set(y, { by: 'mine', outcome, dot: mine.dots.dot('year', String(y)) });
    if (outcome === 'remove') continue;
    add.push(y);
    const firstSub = firstSubLines(mine.state.lines.values());
    for (const [id, t] of ctx.theirLines) {
      const v = t.amounts[y] ?? null;
      if (v === null || !mine.state.lines.has(id)) continue;
      // A line I gave sub-lines: its amount goes to the first one, which they lack (the merge's own write).
      const sub = firstSub.get(id);
      if (sub && !ctx.theirLines.has(sub.id)) ctx.target.setAmount(sub.id, String(y), v);
      else if (!sub) {
        ctx.target.setAmount(id, String(y), v);
        take(ctx, 'amount', id, String(y));
      }
    }
  }
  for (const y of mine.state.years) {
    if (theirYears.has(y) || !removedBy(theirs, mine, 'year', String(y))) continue;
    const outcome = decide(
      ctx,
      'theirs',
      { kind: 'year', id: String(y), name: '', year: y, value: String(y) },
      yearChanged(ctx, 'theirs', y),
    );
    ctx.removals.years.set(y, { by: 'theirs', outcome, dot: theirs.dots.dot('year', String(y)) });
  }
  return add;
}

/**
 * How a line one side lacks, in a pool the other side removed, is decided: 'remove' (the pool
 * goes), 'keep' (kept as the keeping side has it: deleted with the pool, or new), 'rules' (the pool
 * is kept, and the line was deleted on its own before: the line rules decide, a conflict keeping
 * it), or undefined (no removed pool).
 */
export function removalOf(ctx: MergeContext, l: Line): 'remove' | 'keep' | 'rules' | undefined {
  const r = ctx.removals.pools.get(l.poolId);
  if (!r) return undefined;
  if (r.outcome === 'remove') return 'remove';
  const remover = r.by === 'mine' ? ctx.mine : ctx.theirs;
  const id = r.by === 'mine' ? l.id : theirIdOf(ctx, l.id);
  if (!remover.dots.has('line', id) || sameDot(remover.dots.dot('line', id), r.dot)) return 'keep';
  return 'rules';
}

/**
 * After the line phases: the removed pools and years leave the merged portfolio. A line both
 * sides have that is still in a removed pool takes the remover's place; amounts in a removed
 * year are emptied. A pool or year of mine removed takes their dot (their deletion).
 */
export function applyRemovals(ctx: MergeContext): void {
  const { mine, target } = ctx;
  const lines = target.state.lines;
  for (const [id, r] of ctx.removals.pools) {
    if (r.outcome !== 'remove') continue;
    for (const l of [...lines.values()]) {
      if (l.poolId !== id) continue;
      const place = (r.by === 'mine' ? mine.state.lines : ctx.theirLines).get(l.id);
      if (!place || place.poolId === id) continue;
      Object.assign(target.edit(l.id), { poolId: place.poolId, parentId: place.parentId, position: place.position });
      if (r.by === 'theirs') take(ctx, 'line', l.id, 'place');
      else ctx.taken.delete(key('line', l.id, 'place'));
    }
    if (r.by === 'theirs' && target.state.pools.delete(id)) {
      ctx.removed.pools.push(id);
      take(ctx, 'pool', id);
    }
  }
  for (const [y, r] of ctx.removals.years) {
    if (r.outcome !== 'remove') continue;
    const year = String(y);
    for (const l of lines.values()) {
      const changed = target.amountChanges.get(l.id);
      if ((changed?.has(year) ? changed.get(year) : l.amounts[year]) == null) continue;
      if (mine.state.lines.get(l.id)?.amounts === l.amounts) target.setAmount(l.id, year, null);
      else delete l.amounts[year]; // a line the merge added, with amounts of its own
      if (r.by === 'theirs' && ctx.theirLines.has(l.id)) take(ctx, 'amount', l.id, year);
    }
    target.state.years = target.state.years.filter((x) => x !== y);
    if (r.by === 'theirs') {
      ctx.removed.years.push(y);
      take(ctx, 'year', year);
    }
  }
}
