/**
 * The reference model of a merge (merge-model.ts): every copy keeps, per value, the edit that wrote
 * it, and the SET of edits it has seen (no version vectors). Values are addressed by key:
 * `x:<line>` the line's existence (undefined value: deleted), `n:` name, `d:` description,
 * `p:` place (pool|parent|position), `a:<line>:<year>` an amount, `j:<line>:<field>` a project's
 * value (merge-model-projects.ts).
 * Rules (docs/architecture.md «Merging»): a value that differs is mine if I have seen the edit that
 * wrote theirs, theirs if they have seen mine, else a conflict (a place changed on both sides keeps
 * mine). A line one side lacks is new if that side never saw it; else that side deleted it: the
 * line stays if its side had seen the deletion, the deletion applies if the deleting side had seen
 * every edit of the line and every sub-line under it, else it is a conflict.
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
const exists = (c: ModelCopy, line: string) => c.state.get(`x:${line}`)?.value !== undefined;

/** The keys of a line's values in a copy (its existence first). */
function keysOf(c: ModelCopy, line: string): string[] {
  return [...c.state.keys()].filter((k) => lineOf(k) === line);
}

function copyLine(from: ModelCopy, to: Map<string, Written>, line: string): void {
  for (const k of [...to.keys()]) if (lineOf(k) === line) to.delete(k);
  for (const k of keysOf(from, line)) to.set(k, from.state.get(k)!);
}

/** The parent of an existing line in a copy, from its place `pool|parent|position`. */
export function parentOf(c: ModelCopy, line: string): string | null {
  const p = c.state.get(`p:${line}`)?.value;
  const parent = typeof p === 'string' ? p.split('|')[1]! : '';
  return parent === '' ? null : parent;
}

/** Mine merged with theirs: the merged copy and the conflicts (`<kind> <key>`), each answered by `choose`. */
export function mergeModel(
  mine: ModelCopy,
  theirs: ModelCopy,
  choose: Choose,
): { merged: ModelCopy; conflicts: string[] } {
  const state = new Map(mine.state);
  const conflicts: string[] = [];
  const conflict = (c: string) => {
    conflicts.push(c);
    return choose(c.split(' ')[1]!);
  };
  const lines = new Set([...mine.state.keys(), ...theirs.state.keys()].filter((k) => k.startsWith('x:')).map(lineOf));
  for (const line of lines) {
    const m = exists(mine, line);
    const t = exists(theirs, line);
    if (m && t) {
      for (const k of new Set([...keysOf(mine, line), ...keysOf(theirs, line)])) {
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
    if (!deletion || has.seen.has(deletion.edit)) keep();
    else if (
      keysOf(has, line).every((k) => lacks.seen.has(has.state.get(k)!.edit)) &&
      !childrenOf(has, line).some((c) => !lacks.state.has(`x:${c}`))
    )
      drop();
    else if (conflict(`${m ? 'deleted-by-them' : 'deleted-by-me'} x:${line}`) === 'theirs') (m ? drop : keep)();
    else (m ? keep : drop)();
  }
  const merged: ModelCopy = { state, seen: new Set([...mine.seen, ...theirs.seen]) };
  keepConsistent(merged, mine);
  return { merged, conflicts };
}

/** The review's kind of a conflict on a value (`j:` a project's value: merge-model-projects.ts). */
function kindOf(k: string): string {
  if (k.startsWith('j:')) return 'project';
  return k.startsWith('a:') ? 'amount' : k.startsWith('n:') ? 'name' : 'description';
}

function childrenOf(c: ModelCopy, line: string): string[] {
  return [...c.state.keys()]
    .filter((k) => k.startsWith('x:') && exists(c, lineOf(k)) && parentOf(c, lineOf(k)) === line)
    .map(lineOf);
}

/** A sub-line whose parent the merge removed: my parent comes back if I have it, else the sub-line goes. */
function keepConsistent(merged: ModelCopy, mine: ModelCopy): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const k of [...merged.state.keys()].filter((x) => x.startsWith('x:'))) {
      const line = lineOf(k);
      const parent = exists(merged, line) ? parentOf(merged, line) : null;
      if (parent === null || exists(merged, parent)) continue;
      if (exists(mine, parent)) copyLine(mine, merged.state, parent);
      else copyLine(mine, merged.state, line);
      changed = true;
    }
  }
}
