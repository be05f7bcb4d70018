/**
 * Merging a portfolio file from another region into mine (mine <- theirs).
 *
 * Design: version vectors over the audit log.
 * - Every file copy has an id (share_replica; a new one for each imported received file) and
 *   numbers its changes (audit.change_no). A value (a line's existence, name, description,
 *   comment, place; an amount cell; a pool's fields; a year) was last written by one change of one
 *   copy: its dot (dots.ts). Local changes are read from the audit log; values brought in by a
 *   merge or import keep the other copy's dot in share_dot.
 * - Each file keeps a version vector (share_seen + its own last change number): the last change of
 *   every copy whose work it holds. A merge adds the other file's vector to mine.
 * - Three-way decision for a value that differs: if I have seen their dot (it is within my
 *   vector), mine is newer: keep mine. If they have seen my dot, theirs is newer: take theirs. If
 *   neither, both changed it since the common copy: a conflict. This is the common-ancestor rule
 *   without storing the ancestor: "seen" is exactly "was in the common history".
 * - Lines: present on one side only, a line is new (the other side has no record of it), or was
 *   deleted there (the other side has a record): a deletion applies when its side had seen the
 *   line's last changes, else it is a conflict (deleted on one side, edited on the other).
 * - New lines on both sides in the same pool with the same name are offered as "samme linje?";
 *   a match is remembered (share_alias), so the next merge compares them as one line.
 * - Taken values keep their dots and the vectors are merged, so merging the same file again finds
 *   nothing to do, and the other region merging my file back takes my newer values.
 * Files that share no history (made apart, or copied before schema 40) merge two-way: every
 * differing value is a conflict. Pools and years are only added by a merge, never removed;
 * a place (position) changed on both sides keeps mine.
 */
import type { Result } from '../../shared/contract';
import type { Line } from '../../shared/model';
import { covered, key, sameDot, type Dot, type Dots } from './dots';
import { cloneState, type State } from './state';
import type { ReceivedInfo } from './rows';

export type MergeReview = Omit<Result<'merge.preview'>, 'token'>;
export type MergeConflict = MergeReview['conflicts'][number];
type Value = string | number | null;

export interface Resolution {
  take: 'mine' | 'theirs' | 'value';
  value?: Value;
}

export interface Side {
  state: State;
  dots: Dots;
  vv: Map<string, number>;
}

export interface MergePlan {
  review: MergeReview;
  target: State;
  /** Values taken from theirs, by my key, with their dots. */
  taken: Map<string, Dot>;
  /** Their line id -> my line id, for lines matched as the same. */
  aliases: [string, string][];
  unresolved: MergeConflict[];
}

const TEXTS = ['name', 'description', 'comment'] as const;
const same = (a: string, b: string) => a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
const place = (l: Line) => `${l.poolId}|${l.parentId ?? ''}|${l.position}`;

/** The other file's lines under my ids (a line matched before as "samme linje" has mine). */
function theirsUnderMyIds(theirs: State, aliases: Map<string, string>): Map<string, Line> {
  const mapped = new Map<string, Line>();
  const my = (id: string | null) => (id === null ? null : (aliases.get(id) ?? id));
  for (const l of theirs.lines.values()) mapped.set(my(l.id)!, { ...l, id: my(l.id)!, parentId: my(l.parentId), amounts: { ...l.amounts } });
  return mapped;
}

export function planMerge(
  mine: Side,
  theirs: Side,
  info: ReceivedInfo,
  aliasRows: Map<string, string>,
  resolutions: Map<string, Resolution>,
  takeAll?: 'mine' | 'theirs',
): MergePlan {
  const target = cloneState(mine.state);
  const theirId = new Map([...aliasRows].map(([t, m]) => [m, t]));
  const tk = (entity: 'line' | 'amount', id: string, field = '') => key(entity, theirId.get(id) ?? id, field);
  const theirLines = theirsUnderMyIds(theirs.state, aliasRows);
  const taken = new Map<string, Dot>();
  const aliases: [string, string][] = [];
  const conflicts: MergeConflict[] = [];
  const unresolved: MergeConflict[] = [];
  const review: MergeReview = {
    fileName: info.fileName,
    from: { region: info.region, title: info.title, sentAt: info.sentBy?.sentAt ?? null, appVersion: info.sentBy?.appVersion ?? null, schemaVersion: info.fileSchemaVersion },
    sharedHistory:
      mine.dots.lineage.origin === theirs.dots.lineage.origin || mine.vv.has(theirs.dots.lineage.replica) || theirs.vv.has(mine.dots.lineage.replica),
    conflicts,
    changes: [],
    onlyTheirs: [],
    onlyMine: [],
    renames: [],
    deletions: [],
    newYears: [],
    newPools: [],
    counts: { fromTheirs: 0, conflicts: 0, unresolved: 0 },
  };
  const poolName = (id: string) => target.pools.get(id)?.name ?? theirs.state.pools.get(id)?.name ?? '';

  /** Which side's value wins for one key (values differ). */
  const decide = (myKey: string, theirKey: string): 'mine' | 'theirs' | 'conflict' => {
    const md = mine.dots.dot(myKey);
    const td = theirs.dots.dot(theirKey);
    if (sameDot(md, td) || covered(td, mine.vv)) return 'mine';
    return covered(md, theirs.vv) ? 'theirs' : 'conflict';
  };
  const resolve = (c: MergeConflict): Resolution | undefined => {
    conflicts.push(c);
    const r = resolutions.get(c.id) ?? (takeAll ? { take: takeAll } : undefined);
    if (!r) unresolved.push(c);
    return r;
  };
  const take = (myKey: string, theirKey: string) => {
    taken.set(myKey, theirs.dots.dot(theirKey));
    review.counts.fromTheirs++;
  };

  // Years and pools: added, never removed.
  const years = new Set(target.years);
  for (const y of theirs.state.years) {
    if (years.has(y)) continue;
    years.add(y);
    review.newYears.push(y);
    take(key('year', String(y)), key('year', String(y)));
  }
  target.years = [...years].sort((a, b) => a - b);
  const addPool = (id: string) => {
    const p = theirs.state.pools.get(id);
    if (!p || target.pools.has(id)) return;
    target.pools.set(id, { ...p });
    review.newPools.push(p.name);
    for (const f of ['', 'name', 'description', 'position']) take(key('pool', id, f), key('pool', id, f));
  };
  for (const [id, p] of theirs.state.pools) {
    const m = target.pools.get(id);
    if (!m) {
      if (!mine.dots.has(key('pool', id))) addPool(id);
      continue;
    }
    for (const f of ['name', 'description', 'position'] as const) {
      if (m[f] === p[f] || decide(key('pool', id, f), key('pool', id, f)) !== 'theirs') continue;
      (m as Record<typeof f, string | number>)[f] = p[f];
      take(key('pool', id, f), key('pool', id, f));
    }
  }

  const addTheirLine = (l: Line, name = l.name) => {
    target.lines.set(l.id, { ...l, name, amounts: { ...l.amounts } });
    for (const f of ['', 'name', 'description', 'comment', 'place']) if (f !== 'name' || name === l.name) take(key('line', l.id, f), tk('line', l.id, f));
    for (const y of Object.keys(l.amounts)) take(key('amount', l.id, y), tk('amount', l.id, y));
  };
  const lineKeys = (l: Line, side: 'mine' | 'theirs'): string[] => {
    const k = side === 'mine' ? (e: 'line' | 'amount', f = '') => key(e, l.id, f) : (e: 'line' | 'amount', f = '') => tk(e, l.id, f);
    const all = ['', ...TEXTS, 'place'].map((f) => k('line', f));
    for (const y of years) all.push(k('amount', String(y)));
    return all;
  };

  // Lines on both sides: value by value.
  for (const [id, t] of theirLines) {
    const m = target.lines.get(id);
    if (!m) continue;
    const base = mine.state.lines.get(id)!;
    const cells: MergeReview['changes'][number]['cells'] = [];
    const conflictOf = (kind: MergeConflict['kind'], year: number | null, mv: Value, tv: Value): MergeConflict => ({
      id: `${kind}:${id}${year === null ? '' : `:${year}`}`,
      kind,
      lineId: id,
      theirLineId: null,
      pool: poolName(m.poolId),
      line: base.name,
      year,
      mine: mv,
      theirs: tv,
    });
    for (const f of TEXTS) {
      const mv = base[f] ?? '';
      const tv = t[f] ?? '';
      if (mv === tv) continue;
      const decided = decide(key('line', id, f), tk('line', id, f));
      let outcome: 'mine' | 'theirs' = decided === 'theirs' ? 'theirs' : 'mine';
      let value: Value = tv;
      if (decided === 'conflict') {
        const r = resolve(conflictOf(f, null, mv, tv));
        if (r?.take === 'theirs') outcome = 'theirs';
        if (r?.take === 'value' && typeof r.value === 'string' && r.value.trim()) [outcome, value] = ['theirs', r.value.trim()];
      }
      if (outcome === 'theirs') {
        m[f] = value as string;
        if (value === tv) take(key('line', id, f), tk('line', id, f));
      }
      cells.push({ field: f, year: null, mine: mv, theirs: tv, outcome: decided });
      if (f === 'name') review.renames.push({ lineId: id, pool: poolName(m.poolId), mine: mv, theirs: tv, outcome: decided });
    }
    if (place(base) !== place(t) && decide(key('line', id, 'place'), tk('line', id, 'place')) === 'theirs') {
      Object.assign(m, { poolId: t.poolId, parentId: t.parentId, position: t.position });
      take(key('line', id, 'place'), tk('line', id, 'place'));
    }
    for (const y of new Set([...Object.keys(base.amounts), ...Object.keys(t.amounts)])) {
      const mv = base.amounts[y] ?? null;
      const tv = t.amounts[y] ?? null;
      if (mv === tv) continue;
      const decided = decide(key('amount', id, y), tk('amount', id, y));
      let outcome: 'mine' | 'theirs' = decided === 'theirs' ? 'theirs' : 'mine';
      let value: Value = tv;
      if (decided === 'conflict') {
        const r = resolve(conflictOf('amount', Number(y), mv, tv));
        if (r?.take === 'theirs') outcome = 'theirs';
        if (r?.take === 'value' && (r.value === null || typeof r.value === 'number')) [outcome, value] = ['theirs', r.value];
      }
      if (outcome === 'theirs') {
        if (value === null) delete m.amounts[y];
        else m.amounts[y] = value as number;
        if (value === tv) take(key('amount', id, y), tk('amount', id, y));
      }
      cells.push({ field: 'amount', year: Number(y), mine: mv, theirs: tv, outcome: decided });
    }
    if (cells.length) review.changes.push({ lineId: id, pool: poolName(m.poolId), line: base.name, cells });
  }

  // Lines on one side only: new, or deleted on the other side.
  const newTheirs: Line[] = [];
  const newMine: Line[] = [];
  for (const [id, t] of theirLines) {
    if (mine.state.lines.has(id)) continue;
    if (!mine.dots.has(key('line', id))) {
      newTheirs.push(t);
      continue;
    }
    if (covered(mine.dots.dot(key('line', id)), theirs.vv)) {
      addTheirLine(t); // they saw my deletion and kept (or restored) the line
      continue;
    }
    const newChild = [...theirLines.values()].some((c) => c.parentId === id && !mine.dots.has(key('line', c.id)));
    if (!newChild && lineKeys(t, 'theirs').every((k) => covered(theirs.dots.dot(k), mine.vv))) continue;
    const r = resolve({ id: `deleted-by-me:${id}`, kind: 'deleted-by-me', lineId: id, theirLineId: null, pool: poolName(t.poolId), line: t.name, year: null, mine: null, theirs: t.name });
    review.deletions.push({ lineId: id, pool: poolName(t.poolId), line: t.name, by: 'mine', outcome: 'conflict' });
    if (r?.take === 'theirs') addTheirLine(t);
  }
  for (const [id, m] of mine.state.lines) {
    if (theirLines.has(id)) continue;
    if (!theirs.dots.has(tk('line', id))) {
      newMine.push(m);
      continue;
    }
    if (covered(theirs.dots.dot(tk('line', id)), mine.vv)) continue; // I saw their deletion and kept it
    const newChild = [...mine.state.lines.values()].some((c) => c.parentId === id && !theirs.dots.has(tk('line', c.id)));
    const pool = poolName(m.poolId);
    if (!newChild && lineKeys(m, 'mine').every((k) => covered(mine.dots.dot(k), theirs.vv))) {
      target.lines.delete(id);
      take(key('line', id), tk('line', id));
      review.deletions.push({ lineId: id, pool, line: m.name, by: 'theirs', outcome: 'theirs' });
      continue;
    }
    const r = resolve({ id: `deleted-by-them:${id}`, kind: 'deleted-by-them', lineId: id, theirLineId: null, pool, line: m.name, year: null, mine: m.name, theirs: null });
    review.deletions.push({ lineId: id, pool, line: m.name, by: 'theirs', outcome: 'conflict' });
    if (r?.take === 'theirs') target.lines.delete(id);
  }

  // "Samme linje?": new lines on both sides, same pool, same level, same name.
  const unpaired = new Set(newMine);
  for (const t of newTheirs) {
    const m = [...unpaired].find((x) => x.poolId === t.poolId && x.parentId === t.parentId && same(x.name, t.name));
    if (!m) {
      addTheirLine(t);
      review.onlyTheirs.push({ lineId: t.id, pool: poolName(t.poolId), line: t.name, parent: t.parentId ? (theirLines.get(t.parentId)?.name ?? null) : null, amounts: t.amounts });
      continue;
    }
    unpaired.delete(m);
    const r = resolve({ id: `same-line:${t.id}`, kind: 'same-line', lineId: m.id, theirLineId: t.id, pool: poolName(t.poolId), line: m.name, year: null, mine: m.name, theirs: t.name });
    if (r?.take === 'value' && typeof r.value === 'string' && !same(r.value, m.name)) {
      addTheirLine(t, r.value.trim());
      continue;
    }
    if (!r) continue;
    aliases.push([t.id, m.id]);
    if (r.take === 'theirs') Object.assign(target.lines.get(m.id)!, { amounts: { ...t.amounts }, description: t.description, comment: t.comment });
  }
  for (const m of unpaired) review.onlyMine.push({ lineId: m.id, pool: poolName(m.poolId), line: m.name });

  keepConsistent(target, mine.state, addPool, (id) => taken.delete(key('line', id)));
  review.conflicts.sort((a, b) => a.pool.localeCompare(b.pool, 'da') || a.line.localeCompare(b.line, 'da'));
  review.counts.conflicts = conflicts.length;
  review.counts.unresolved = unresolved.length;
  return { review, target, taken, aliases, unresolved };
}

/** A sub-line needs its parent and every line its pool: restore a parent of mine or drop the orphan. */
function keepConsistent(target: State, mine: State, addPool: (id: string) => void, kept: (id: string) => void): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of [...target.lines.values()]) {
      if (!target.pools.has(l.poolId)) addPool(l.poolId);
      if (!target.pools.has(l.poolId)) {
        target.lines.delete(l.id);
        changed = true;
      } else if (l.parentId && !target.lines.has(l.parentId)) {
        const parent = mine.lines.get(l.parentId);
        if (parent) {
          target.lines.set(parent.id, { ...parent, amounts: { ...parent.amounts } });
          kept(parent.id);
        }
        else target.lines.delete(l.id);
        changed = true;
      }
    }
  }
}
