/**
 * The reference model of a merge (merge-model.ts): every copy keeps, per value, the edit that wrote
 * it, and the SET of edits it has seen (no version vectors). Values are addressed by key:
 * `x:<line>` the line's existence (undefined value: deleted), `n:` name, `d:` description,
 * `c:` comment, `p:` place (pool|parent|position), `a:<line>:<year>` an amount (undefined: its year
 * removed), `P:<pool>` and `Y:<year>` a pool's and a year's existence, `j:<line>:<field>` a
 * project's value (merge-model-projects.ts).
 * Rules (docs/architecture.md «Merging»): a value that differs is mine if I have seen the edit that
 * wrote theirs, theirs if they have seen mine, else a conflict (a place changed on both sides keeps
 * mine). A line one side lacks is new if that side never saw it; else that side deleted it: the
 * line stays if its side had seen the deletion, the deletion applies if the deleting side had seen
 * every edit of the line and every sub-line under it, else it is a conflict.
 * A pool or year one side removed and the other has is decided as a whole first: removed if the
 * remover had seen every edit inside (the keeper's lines in the pool, or its non-empty amounts in
 * the year), else one conflict, kept (as the keeper has it) or removed; lines and amounts inside
 * follow it (docs/architecture.md «The path of a merge»).
 */
export interface Written {
  edit: number;
  value: string | number | null | undefined;
}
export interface ModelCopy {
  state: Map<string, Written>;
  seen: Set<number>;
}
export type Choose = (conflict: string) => 'mine' | 'theirs';

const lineOf = (key: string) => key.split(':')[1]!;
const isLineKey = (key: string) => /^[xndcpaj]:/.test(key); // j: a project value (merge-model-projects.ts)
const live = (c: { state: Map<string, Written> } | Map<string, Written>, key: string) =>
  (c instanceof Map ? c : c.state).get(key)?.value !== undefined;
const exists = (c: ModelCopy, line: string) => live(c, `x:${line}`);
const poolOf = (c: ModelCopy | Map<string, Written>, line: string) =>
  String((c instanceof Map ? c : c.state).get(`p:${line}`)?.value ?? '').split('|')[0]!;

/** The keys of a line's values in a copy (its existence first). */
function keysOf(c: ModelCopy, line: string): string[] {
  return [...c.state.keys()].filter((k) => isLineKey(k) && lineOf(k) === line);
}

function copyLine(from: ModelCopy, to: Map<string, Written>, line: string): void {
  for (const k of [...to.keys()]) if (isLineKey(k) && lineOf(k) === line) to.delete(k);
  for (const k of keysOf(from, line)) to.set(k, from.state.get(k)!);
}

interface Removal {
  by: 'mine' | 'theirs';
  outcome: 'remove' | 'keep';
  edit: number;
}

/**
 * Pools (`P`) or years (`Y`) one side removed and the other has: new ones and those the keeper
 * had seen removed are added to `state`; the others decided (changed: whether the keeper changed
 * something inside that the remover had not seen).
 */
function decideRemovals(
  prefix: 'P' | 'Y',
  mine: ModelCopy,
  theirs: ModelCopy,
  state: Map<string, Written>,
  changed: (keeper: ModelCopy, remover: ModelCopy, id: string) => boolean,
  conflict: (c: string) => 'mine' | 'theirs',
): Map<string, Removal> {
  const out = new Map<string, Removal>();
  const ids = new Set(
    [...mine.state.keys(), ...theirs.state.keys()].filter((k) => k.startsWith(`${prefix}:`)).map(lineOf),
  );
  for (const id of ids) {
    const k = `${prefix}:${id}`;
    const [m, t] = [live(mine, k), live(theirs, k)];
    if (m === t) continue;
    const [keeper, remover, by] = m ? [mine, theirs, 'theirs' as const] : [theirs, mine, 'mine' as const];
    const removal = remover.state.get(k);
    if (!removal || keeper.seen.has(removal.edit)) {
      if (!m) state.set(k, theirs.state.get(k)!);
      continue;
    }
    let outcome: Removal['outcome'] = 'remove';
    if (changed(keeper, remover, id)) {
      const what = prefix === 'P' ? 'pool-deleted' : 'year-removed';
      const answer = conflict(`${what}-by-${by === 'mine' ? 'me' : 'them'} ${k}`);
      outcome = answer === (by === 'mine' ? 'theirs' : 'mine') ? 'keep' : 'remove';
    }
    out.set(id, { by, outcome, edit: removal.edit });
    if (outcome === 'keep' && !m) state.set(k, theirs.state.get(k)!);
  }
  return out;
}

const liveLines = (c: ModelCopy) => [...c.state.keys()].filter((k) => k.startsWith('x:') && live(c, k)).map(lineOf);
/** The line's values the other side has not seen (existence, texts, place, amounts of the years it has). */
const unseen = (keeper: ModelCopy, remover: ModelCopy, line: string) =>
  keysOf(keeper, line).some((k) => live(keeper, k) && !remover.seen.has(keeper.state.get(k)!.edit));

function poolChanged(keeper: ModelCopy, remover: ModelCopy, pool: string): boolean {
  if (!remover.seen.has(keeper.state.get(`P:${pool}`)!.edit)) return true;
  return liveLines(keeper).some(
    (l) => poolOf(keeper, l) === pool && (!remover.state.has(`x:${l}`) || unseen(keeper, remover, l)),
  );
}

function yearChanged(keeper: ModelCopy, remover: ModelCopy, year: string): boolean {
  if (!remover.seen.has(keeper.state.get(`Y:${year}`)!.edit)) return true;
  return liveLines(keeper).some((l) => {
    const w = keeper.state.get(`a:${l}:${year}`);
    return w !== undefined && w.value !== null && w.value !== undefined && !remover.seen.has(w.edit);
  });
}

/** The parent of an existing line in a copy, from its place `pool|parent|position`. */
export function parentOf(c: ModelCopy, line: string): string | null {
  const p = c.state.get(`p:${line}`)?.value;
  const parent = typeof p === 'string' ? p.split('|')[1]! : '';
  return parent === '' ? null : parent;
}

/**
 * Mine merged with theirs: the merged copy and the conflicts (`<kind> <key>`), each answered by
 * `choose`. `fresh`: the merge's own edit number (a value the merge itself writes).
 */
export function mergeModel(
  mine: ModelCopy,
  theirs: ModelCopy,
  choose: Choose,
  fresh: number,
): { merged: ModelCopy; conflicts: string[] } {
  const state = new Map(mine.state);
  const conflicts: string[] = [];
  const conflict = (c: string) => {
    conflicts.push(c);
    return choose(c.split(' ')[1]!);
  };
  const years = decideRemovals('Y', mine, theirs, state, yearChanged, conflict);
  const pools = decideRemovals('P', mine, theirs, state, poolChanged, conflict);
  const moved = new Map<string, Written['value']>(); // amounts moved to a first sub-line, written by the merge
  // A year I removed and keep as they have it: their amounts in the lines both have (of a line I
  // gave sub-lines, on its first sub-line if they lack it).
  for (const [y, r] of years)
    if (r.by === 'mine' && r.outcome === 'keep')
      for (const l of liveLines(mine)) {
        const w = theirs.state.get(`a:${l}:${y}`);
        if (!exists(theirs, l) || w?.value == null) continue;
        const sub = firstChild(mine, l);
        if (sub === undefined) state.set(`a:${l}:${y}`, w);
        else if (!exists(theirs, sub)) moved.set(`a:${sub}:${y}`, w.value);
      }
  const lines = new Set([...mine.state.keys(), ...theirs.state.keys()].filter((k) => k.startsWith('x:')).map(lineOf));
  for (const line of lines) {
    const m = exists(mine, line);
    const t = exists(theirs, line);
    if (m && t) {
      const split = splitSide(mine, theirs, line);
      for (const k of new Set([...keysOf(mine, line), ...keysOf(theirs, line)])) {
        if (k.startsWith('a:') && years.has(k.split(':')[2]!)) continue; // decided with its year
        if (split && k.startsWith('a:') && amountToSubLine(mine, theirs, split, k, state, moved, conflict)) continue;
        const wm = mine.state.get(k) ?? { edit: 0, value: null };
        const wt = theirs.state.get(k) ?? { edit: 0, value: null };
        if (wm.value === wt.value || mine.seen.has(wt.edit)) continue;
        if (theirs.seen.has(wm.edit)) state.set(k, wt);
        else if (k.startsWith('p:')) continue;
        else if (conflict(`${kindOf(k)} ${k}`) === 'theirs') state.set(k, wt);
      }
      continue;
    }
    if (!m && !t) {
      if (!mine.state.has(`x:${line}`)) copyLine(theirs, state, line);
      continue;
    }
    const [has, lacks] = m ? [mine, theirs] : [theirs, mine];
    const deletion = lacks.state.get(`x:${line}`);
    const keep = () => copyLine(has, state, line);
    const drop = () => copyLine(lacks, state, line);
    // In a pool the other side removed: decided with the pool, or (kept, the line deleted before it) by the rules, a conflict keeping it.
    const pool = pools.get(poolOf(has, line));
    if (pool?.outcome === 'remove') drop();
    else if (!deletion || has.seen.has(deletion.edit) || (pool && deletion.edit === pool.edit)) keep();
    else if (!unseen(has, lacks, line) && !childrenOf(has, line).some((c) => !lacks.state.has(`x:${c}`))) drop();
    else if (pool) keep();
    else if (conflict(`${m ? 'deleted-by-them' : 'deleted-by-me'} x:${line}`) === 'theirs') (m ? drop : keep)();
    else (m ? keep : drop)();
  }
  for (const [k, w] of moved)
    if (exists({ state, seen: new Set() }, lineOf(k))) state.set(k, { edit: fresh, value: w });
  applyRemovals(state, mine, theirs, pools, years);
  const merged: ModelCopy = { state, seen: new Set([...mine.seen, ...theirs.seen, fresh]) };
  keepConsistent(merged, mine, fresh);
  return { merged, conflicts };
}

/**
 * Removed pools and years leave: a line both have still in a removed pool takes the remover's
 * place; a removed year's amounts go. Then every line has an amount for every year there is.
 */
function applyRemovals(
  state: Map<string, Written>,
  mine: ModelCopy,
  theirs: ModelCopy,
  pools: Map<string, Removal>,
  years: Map<string, Removal>,
): void {
  const lines = () => [...state.keys()].filter((k) => k.startsWith('x:') && live(state, k)).map(lineOf);
  for (const [pool, r] of pools) {
    if (r.outcome !== 'remove') continue;
    const remover = r.by === 'mine' ? mine : theirs;
    for (const l of lines()) {
      if (poolOf(state, l) !== pool || !exists(remover, l) || poolOf(remover, l) === pool) continue;
      state.set(`p:${l}`, remover.state.get(`p:${l}`)!);
    }
    if (r.by === 'theirs') state.set(`P:${pool}`, theirs.state.get(`P:${pool}`)!);
  }
  for (const [y, r] of years) {
    if (r.outcome !== 'remove') continue;
    for (const l of lines()) {
      const k = `a:${l}:${y}`;
      const w = state.get(k);
      if (w === undefined || w.value === undefined) continue;
      if (w.value === null) state.set(k, { edit: w.edit, value: undefined });
      else if (r.by === 'theirs' && exists(theirs, l) && theirs.state.has(k)) state.set(k, theirs.state.get(k)!);
      else state.delete(k);
    }
    if (r.by === 'theirs') state.set(`Y:${y}`, theirs.state.get(`Y:${y}`)!);
  }
  const liveYears = [...state.keys()].filter((k) => k.startsWith('Y:') && live(state, k)).map(lineOf);
  for (const l of lines()) {
    for (const k of [...state.keys()].filter((x) => x.startsWith(`a:${l}:`) && live(state, x)))
      if (!liveYears.includes(k.split(':')[2]!)) state.set(k, { edit: state.get(k)!.edit, value: undefined });
    for (const y of liveYears)
      if (!live(state, `a:${l}:${y}`))
        state.set(`a:${l}:${y}`, { edit: state.get(`a:${l}:${y}`)?.edit ?? state.get(`x:${l}`)!.edit, value: null });
  }
}

/** The review's kind of a conflict on a value (`j:` a project's value: merge-model-projects.ts). */
function kindOf(k: string): string {
  if (k.startsWith('j:')) return 'project';
  return ({ a: 'amount', n: 'name', d: 'description', c: 'comment' } as Record<string, string>)[k[0]!]!;
}

function childrenOf(c: ModelCopy, line: string): string[] {
  return [...c.state.keys()]
    .filter((k) => k.startsWith('x:') && exists(c, lineOf(k)) && parentOf(c, lineOf(k)) === line)
    .map(lineOf);
}

/**
 * A sub-line whose parent the merge removed: my parent comes back if I have it, else the sub-line
 * goes. A sub-line lies in its parent's pool: moved there by the merge, a write of the merge itself
 * (`fresh`) in a line I had, part of the line taken in one I did not.
 */
function keepConsistent(merged: ModelCopy, mine: ModelCopy, fresh: number): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const k of [...merged.state.keys()].filter((x) => x.startsWith('x:'))) {
      const line = lineOf(k);
      const parent = exists(merged, line) ? parentOf(merged, line) : null;
      if (parent === null) continue;
      if (exists(merged, parent)) {
        const pool = poolOf(merged, parent);
        if (poolOf(merged, line) === pool) continue;
        const place = merged.state.get(`p:${line}`)!;
        const [, , position] = String(place.value).split('|');
        const edit = exists(mine, line) ? fresh : place.edit;
        merged.state.set(`p:${line}`, { edit, value: `${pool}|${parent}|${position}` });
      } else if (exists(mine, parent)) copyLine(mine, merged.state, parent);
      else copyLine(mine, merged.state, line);
      changed = true;
    }
  }
}

/** A line one side gave sub-lines the other side never knew: that side and its first sub-line (by position). */
function splitSide(
  mine: ModelCopy,
  theirs: ModelCopy,
  line: string,
): { by: 'mine' | 'theirs'; first: string } | undefined {
  const [m, t] = [firstChild(mine, line), firstChild(theirs, line)];
  if (m && !t && !theirs.state.has(`x:${m}`)) return { by: 'mine', first: m };
  if (t && !m && !mine.state.has(`x:${t}`)) return { by: 'theirs', first: t };
  return undefined;
}

const firstChild = (c: ModelCopy, line: string): string | undefined =>
  childrenOf(c, line).sort((a, b) => position(c, a) - position(c, b))[0];

const position = (c: ModelCopy, line: string) => Number(String(c.state.get(`p:${line}`)!.value).split('|')[2]);

/**
 * An amount `k` (a:<line>:<year>) of a line the `split` side gave sub-lines, written on the other
 * side after the split side saw it: it belongs to the first sub-line, a conflict against the sub-line's
 * own value unless the same; the line keeps no amount. Whether it was handled so.
 */
function amountToSubLine(
  mine: ModelCopy,
  theirs: ModelCopy,
  split: { by: 'mine' | 'theirs'; first: string },
  k: string,
  state: Map<string, Written>,
  moved: Map<string, Written['value']>,
  conflict: (c: string) => 'mine' | 'theirs',
): boolean {
  const [leaf, splitter, leafSide] =
    split.by === 'mine' ? [theirs, mine, 'theirs' as const] : [mine, theirs, 'mine' as const];
  const wl = leaf.state.get(k) ?? { edit: 0, value: null };
  // A year the leaf side removed is no amount (the years are merged first: the usual rules).
  if (wl.value === undefined || splitter.seen.has(wl.edit)) return false;
  const sub = `a:${split.first}:${k.split(':')[2]}`;
  const subValue = splitter.state.get(sub)?.value ?? null;
  if (split.by === 'theirs' && wl.value !== null) state.set(k, theirs.state.get(k) ?? { edit: 0, value: null });
  if (wl.value === subValue) return true;
  if (conflict(`amount ${sub}`) === leafSide) moved.set(sub, wl.value);
  return true;
}
