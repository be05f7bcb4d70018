/**
 * The merge's third phase: lines only one side has. Such a line is new (the other side has no
 * record of it) or was deleted on the other side (it has a record): a deletion applies when its
 * side had seen the line's last changes, else it is a conflict (deleted on one side, edited on the
 * other). New lines on both sides with the same pool, level and name are offered as "samme linje?".
 */
import { sameName } from '../../../shared/domain/names';
import type { Line } from '../../../shared/domain/model';
import { covered } from '../dots';
import { poolName, resolve, take, theirIdOf, type MergeContext } from './context';
import { allSeen, removalOf } from './removals';

/** Lines by parent id. */
function childrenOf(lines: Map<string, Line>): Map<string, Line[]> {
  const out = new Map<string, Line[]>();
  for (const l of lines.values()) {
    if (l.parentId === null) continue;
    const list = out.get(l.parentId);
    if (list) list.push(l);
    else out.set(l.parentId, [l]);
  }
  return out;
}

/** Adds their line (under my ids) with all its values, its name `name` if the user gave it another. */
function addTheirLine(ctx: MergeContext, l: Line, name = l.name): void {
  ctx.target.put({ ...l, name, amounts: { ...l.amounts } });
  for (const f of ['', 'name', 'description', 'comment', 'place'])
    if (f !== 'name' || name === l.name) take(ctx, 'line', l.id, f);
  // An amount the merge itself writes (moved to this new sub-line: shared-lines.ts) is its own write, not theirs.
  const own = ctx.target.amountChanges.get(l.id);
  for (const y of Object.keys(l.amounts)) if (!own?.has(y)) take(ctx, 'amount', l.id, y);
}

/**
 * Their lines I lack. One I never had is new: returned, for "samme linje?" (matchNewLines). One I
 * deleted comes back if they saw my deletion (they kept or restored it); else my deletion stands
 * if they changed nothing I had not seen and made no sub-line under it, or is a conflict.
 */
export function theirOnlyLines(ctx: MergeContext): Line[] {
  const { mine, theirs, review } = ctx;
  const newTheirs: Line[] = [];
  const theirChildren = childrenOf(ctx.theirLines);
  for (const [id, t] of ctx.theirLines) {
    if (mine.state.lines.has(id)) continue;
    const removal = removalOf(ctx, t); // in a pool I deleted: decided with the pool
    if (removal === 'remove') continue;
    if (!mine.dots.has('line', id)) {
      newTheirs.push(t);
      continue;
    }
    if (removal === 'keep' || covered(mine.dots.dot('line', id), theirs.vv)) {
      addTheirLine(ctx, t); // kept with its pool, or they saw my deletion and kept (or restored) the line
      continue;
    }
    const newChild = (theirChildren.get(id) ?? []).some((c) => !mine.dots.has('line', c.id));
    if (!newChild && allSeen(t, theirs, mine, (x) => theirIdOf(ctx, x))) continue;
    if (removal === 'rules') {
      addTheirLine(ctx, t); // changed in a pool kept as a whole
      continue;
    }
    const r = resolve(ctx, {
      id: `deleted-by-me:${id}`,
      kind: 'deleted-by-me',
      lineId: id,
      theirLineId: null,
      pool: poolName(ctx, t.poolId),
      line: t.name,
      year: null,
      mine: null,
      theirs: t.name,
    });
    review.deletions.push({ lineId: id, pool: poolName(ctx, t.poolId), line: t.name, by: 'mine', outcome: 'conflict' });
    if (r?.take === 'theirs') addTheirLine(ctx, t);
  }
  return newTheirs;
}

/**
 * My lines they lack, the mirror of theirOnlyLines. One they never had is new: returned. One they
 * deleted stays if I saw their deletion; else their deletion applies if I changed nothing they had
 * not seen and made no sub-line under it, or is a conflict.
 */
export function myOnlyLines(ctx: MergeContext): Line[] {
  const { mine, theirs, review, target } = ctx;
  const lines = target.state.lines;
  const newMine: Line[] = [];
  const myChildren = childrenOf(mine.state.lines);
  for (const [id, m] of mine.state.lines) {
    if (ctx.theirLines.has(id)) continue;
    const known = theirs.dots.has('line', theirIdOf(ctx, id));
    const pool = poolName(ctx, m.poolId);
    const removal = removalOf(ctx, m); // in a pool they deleted: decided with the pool
    if (removal === 'remove') {
      lines.delete(id);
      if (known) take(ctx, 'line', id);
      review.deletions.push({ lineId: id, pool, line: m.name, by: 'theirs', outcome: 'theirs' });
      continue;
    }
    if (!known) {
      newMine.push(m);
      continue;
    }
    if (removal === 'keep' || covered(theirs.dots.dot('line', theirIdOf(ctx, id)), mine.vv)) continue; // kept with its pool, or I saw their deletion and kept it
    const newChild = (myChildren.get(id) ?? []).some((c) => !theirs.dots.has('line', theirIdOf(ctx, c.id)));
    if (!newChild && allSeen(m, mine, theirs, (x) => x)) {
      lines.delete(id);
      take(ctx, 'line', id);
      review.deletions.push({ lineId: id, pool, line: m.name, by: 'theirs', outcome: 'theirs' });
      continue;
    }
    if (removal === 'rules') continue; // changed in a pool kept as a whole
    const r = resolve(ctx, {
      id: `deleted-by-them:${id}`,
      kind: 'deleted-by-them',
      lineId: id,
      theirLineId: null,
      pool,
      line: m.name,
      year: null,
      mine: m.name,
      theirs: null,
    });
    review.deletions.push({ lineId: id, pool, line: m.name, by: 'theirs', outcome: 'conflict' });
    if (r?.take === 'theirs') lines.delete(id);
  }
  return newMine;
}

/**
 * "Samme linje?": a new line of theirs with the same pool, level and name (sameName) as a new one
 * of mine is a conflict the user answers. Yes: one line (remembered as an alias, so the next merge
 * compares them as one), with their description, comment and amounts if theirs is taken; another
 * name: their line arrives under it as a line of its own; unanswered: nothing yet. Any other new
 * line of theirs arrives; new lines of mine are listed as only mine.
 */
export function matchNewLines(ctx: MergeContext, newTheirs: Line[], newMine: Line[]): void {
  const { review, target } = ctx;
  const yearKeys = target.state.years.map(String);
  const unpaired = new Set(newMine);
  for (const t of newTheirs) {
    const m = [...unpaired].find((x) => x.poolId === t.poolId && x.parentId === t.parentId && sameName(x.name, t.name));
    if (!m) {
      addTheirLine(ctx, t);
      review.onlyTheirs.push({
        lineId: t.id,
        pool: poolName(ctx, t.poolId),
        line: t.name,
        parent: t.parentId ? (ctx.theirLines.get(t.parentId)?.name ?? null) : null,
        amounts: t.amounts,
      });
      continue;
    }
    unpaired.delete(m);
    const r = resolve(ctx, {
      id: `same-line:${t.id}`,
      kind: 'same-line',
      lineId: m.id,
      theirLineId: t.id,
      pool: poolName(ctx, t.poolId),
      line: m.name,
      year: null,
      mine: m.name,
      theirs: t.name,
    });
    if (r?.take === 'value' && typeof r.value === 'string' && !sameName(r.value, m.name)) {
      addTheirLine(ctx, t, r.value.trim());
      continue;
    }
    if (!r) continue;
    ctx.aliases.push([t.id, m.id]);
    if (r.take === 'theirs') {
      Object.assign(target.edit(m.id), { description: t.description, comment: t.comment });
      for (const y of yearKeys)
        if ((m.amounts[y] ?? null) !== (t.amounts[y] ?? null)) target.setAmount(m.id, y, t.amounts[y] ?? null);
    }
  }
  for (const m of unpaired) review.onlyMine.push({ lineId: m.id, pool: poolName(ctx, m.poolId), line: m.name });
}
