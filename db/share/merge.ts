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
 * - The review shows the common value (`base`) where that history tells it: the side that has not
 *   changed a value holds it; for a conflict, my audit log has the value I had when they last took
 *   my changes (history.ts), or theirs the value they had when I last took theirs.
 * - Lines: present on one side only, a line is new (the other side has no record of it), or was
 *   deleted there (the other side has a record): a deletion applies when its side had seen the
 *   line's last changes, else it is a conflict (deleted on one side, edited on the other).
 * - New lines on both sides in the same pool with the same name are offered as "samme linje?";
 *   a match is remembered (share_alias), so the next merge compares them as one line.
 * - Taken values keep their dots and the vectors are merged, so merging the same file again finds
 *   nothing to do, and the other region merging my file back takes my newer values. Undoing a
 *   merge undoes that record too (lineage.ts), so merging the file again applies it again.
 * Files that share no history (made apart, or copied before schema 40) merge two-way: every
 * differing value is a conflict. Pools and years are only added by a merge, never removed;
 * a place (position) changed on both sides keeps mine.
 */
import type { Result } from '../../shared/contract/contract';
import type { Line } from '../../shared/domain/model';
import { covered, dotRow, key, sameDot, type DotRow, type Dots, type Entity } from './dots';
import type { Field, History, Value } from './history';
import type { PortfolioById } from './state';
import type { ReceivedInfo } from './rows';

export type MergeReview = Omit<Result<'merge.preview'>, 'token'>;
export type MergeConflict = MergeReview['conflicts'][number];
type Cell = MergeReview['changes'][number]['cells'][number];

export interface Resolution {
  take: 'mine' | 'theirs' | 'value';
  value?: Value;
}

export interface Side {
  state: PortfolioById;
  dots: Dots;
  vv: Map<string, number>;
  history: History;
}

export interface MergePlan {
  review: MergeReview;
  /** The merged state, except the amounts of lines both sides have: those changes are in `amountChanges`. */
  target: PortfolioById;
  /** Amounts the merge changes in lines both sides have, by line and year (null: emptied). */
  amountChanges: Map<string, Map<string, number | null>>;
  /** Values taken from theirs, under my ids, with their dots; by key (dots.ts). */
  taken: Map<string, DotRow>;
  /** Their line id -> my line id, for lines matched as the same. */
  aliases: [string, string][];
  unresolved: MergeConflict[];
}

const TEXTS = ['name', 'description', 'comment'] as const;
const collator = new Intl.Collator('da');
const same = (a: string, b: string) => a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
const samePlace = (a: Line, b: Line) => a.poolId === b.poolId && a.parentId === b.parentId && a.position === b.position;

/** The other file's lines under my ids (a line matched before as "samme linje" has mine); unchanged lines are shared, not copied. */
function theirsUnderMyIds(theirs: PortfolioById, aliases: Map<string, string>): Map<string, Line> {
  if (!aliases.size) return theirs.lines;
  const mapped = new Map<string, Line>();
  const my = (id: string | null) => (id === null ? null : (aliases.get(id) ?? id));
  for (const l of theirs.lines.values()) {
    const id = my(l.id)!;
    const parentId = my(l.parentId);
    mapped.set(id, id === l.id && parentId === l.parentId ? l : { ...l, id, parentId });
  }
  return mapped;
}

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

/**
 * The merged state starts as mine, sharing my line objects: a line is copied only when the merge
 * changes it (copying 20,000 lines with their amounts for a merge that changes a tenth of them
 * cost more than the merge). Amounts are keyed by year, which V8 keeps as a slow dictionary (a
 * copy costs ~8 µs): a changed amount of a line both sides have is noted in `amountChanges`,
 * and the line keeps its amounts object; amounts are read by the portfolio's years, never iterated.
 */
class Target {
  readonly state: PortfolioById;
  readonly amountChanges = new Map<string, Map<string, number | null>>();
  private readonly own = new Set<string>();

  constructor(mine: PortfolioById) {
    this.state = { meta: { ...mine.meta }, years: [...mine.years], pools: new Map([...mine.pools].map(([id, p]) => [id, { ...p }])), lines: new Map(mine.lines) };
  }

  /** The line, to change its other fields. */
  edit(id: string): Line {
    const l = this.state.lines.get(id)!;
    if (this.own.has(id)) return l;
    const copy = { ...l };
    this.state.lines.set(id, copy);
    this.own.add(id);
    return copy;
  }

  setAmount(id: string, year: string, value: number | null): void {
    let changes = this.amountChanges.get(id);
    if (!changes) this.amountChanges.set(id, (changes = new Map()));
    changes.set(year, value);
  }

  put(l: Line): void {
    this.state.lines.set(l.id, l);
    this.own.add(l.id);
  }
}

export function planMerge(
  mine: Side,
  theirs: Side,
  info: ReceivedInfo,
  aliasRows: Map<string, string>,
  resolutions: Map<string, Resolution>,
  takeAll?: 'mine' | 'theirs',
): MergePlan {
  let yearKeys: string[] = [];
  const target = new Target(mine.state);
  const lines = target.state.lines;
  const theirId = new Map([...aliasRows].map(([t, m]) => [m, t]));
  const tid = (id: string) => theirId.get(id) ?? id;
  const theirLines = theirsUnderMyIds(theirs.state, aliasRows);
  const taken = new Map<string, DotRow>();
  const aliases: [string, string][] = [];
  const conflicts: MergeConflict[] = [];
  const unresolved: MergeConflict[] = [];
  const sharedHistory =
    mine.dots.lineage.origin === theirs.dots.lineage.origin || mine.vv.has(theirs.dots.lineage.replica) || theirs.vv.has(mine.dots.lineage.replica);
  const review: MergeReview = {
    fileName: info.fileName,
    from: { region: info.region, title: info.title, sentAt: info.sentBy?.sentAt ?? null, appVersion: info.sentBy?.appVersion ?? null, schemaVersion: info.fileSchemaVersion },
    sharedHistory,
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
  const poolName = (id: string) => target.state.pools.get(id)?.name ?? theirs.state.pools.get(id)?.name ?? '';

  /** Which side's value wins for one value of a line, pool or year (values differ); my id. */
  const decide = (entity: Entity, id: string, field = ''): 'mine' | 'theirs' | 'conflict' => {
    const md = mine.dots.dot(entity, id, field);
    const td = theirs.dots.dot(entity, entity === 'line' || entity === 'amount' ? tid(id) : id, field);
    if (sameDot(md, td) || covered(td, mine.vv)) return 'mine';
    return covered(md, theirs.vv) ? 'theirs' : 'conflict';
  };
  const resolve = (c: MergeConflict): Resolution | undefined => {
    conflicts.push(c);
    const r = resolutions.get(c.id) ?? (takeAll ? { take: takeAll } : undefined);
    if (!r) unresolved.push(c);
    return r;
  };
  const take = (entity: Entity, id: string, field = '') => {
    taken.set(key(entity, id, field), dotRow(entity, id, field, theirs.dots.dot(entity, entity === 'line' || entity === 'amount' ? tid(id) : id, field)));
    review.counts.fromTheirs++;
  };
  /** Conflicting values whose common value the histories may tell, filled in at the end. */
  const unknownBase: { field: Field; shown: (Cell | MergeConflict)[] }[] = [];

  // Years and pools: added, never removed.
  const years = new Set(target.state.years);
  for (const y of theirs.state.years) {
    if (years.has(y)) continue;
    years.add(y);
    review.newYears.push(y);
    take('year', String(y));
  }
  target.state.years = [...years].sort((a, b) => a - b);
  yearKeys = target.state.years.map(String);
  const addPool = (id: string) => {
    const p = theirs.state.pools.get(id);
    if (!p || target.state.pools.has(id)) return;
    target.state.pools.set(id, { ...p });
    review.newPools.push(p.name);
    for (const f of ['', 'name', 'description', 'position']) take('pool', id, f);
  };
  for (const [id, p] of theirs.state.pools) {
    const m = target.state.pools.get(id);
    if (!m) {
      if (!mine.dots.has('pool', id)) addPool(id);
      continue;
    }
    for (const f of ['name', 'description', 'position'] as const) {
      if (m[f] === p[f] || decide('pool', id, f) !== 'theirs') continue;
      (m as Record<typeof f, string | number>)[f] = p[f];
      take('pool', id, f);
    }
  }

  const addTheirLine = (l: Line, name = l.name) => {
    target.put({ ...l, name, amounts: { ...l.amounts } });
    for (const f of ['', 'name', 'description', 'comment', 'place']) if (f !== 'name' || name === l.name) take('line', l.id, f);
    for (const y of Object.keys(l.amounts)) take('amount', l.id, y);
  };
  /** Whether every value of a line on `side` is known to the other side (its vector covers the dots). */
  const allSeen = (l: Line, side: Side, other: Side, id: (id: string) => string) => {
    const d = side.dots;
    const lid = id(l.id);
    if (!['', ...TEXTS, 'place'].every((f) => covered(d.dot('line', lid, f), other.vv))) return false;
    for (const y of years) if (!covered(d.dot('amount', lid, String(y)), other.vv)) return false;
    return true;
  };

  /** One differing value of a line both sides have (a text field, or an amount of `year`): decided, resolved, applied; its review cell. */
  const compareValue = (id: string, line: string, field: Cell['field'], year: string | null, mv: Value, tv: Value): Cell => {
    const entity = year === null ? 'line' : 'amount';
    const f = year ?? field;
    const decided = decide(entity, id, f);
    const cell: Cell = { field, year: year === null ? null : Number(year), mine: mv, theirs: tv, outcome: decided };
    let outcome: 'mine' | 'theirs' = decided === 'theirs' ? 'theirs' : 'mine';
    let value: Value = tv;
    if (decided !== 'conflict') {
      if (sharedHistory) cell.base = decided === 'theirs' ? mv : tv;
    } else {
      const c: MergeConflict = { id: `${field}:${id}${year === null ? '' : `:${year}`}`, kind: field, lineId: id, theirLineId: null, pool: poolName(lines.get(id)!.poolId), line, year: cell.year, mine: mv, theirs: tv };
      if (sharedHistory) unknownBase.push({ field: { entity, id, field: f }, shown: [c, cell] });
      const r = resolve(c);
      if (r?.take === 'theirs') outcome = 'theirs';
      if (r?.take === 'value' && year === null && typeof r.value === 'string' && r.value.trim()) [outcome, value] = ['theirs', r.value.trim()];
      if (r?.take === 'value' && year !== null && (r.value === null || typeof r.value === 'number')) [outcome, value] = ['theirs', r.value];
    }
    if (outcome === 'theirs') {
      if (year === null) target.edit(id)[field as (typeof TEXTS)[number]] = value as string;
      else target.setAmount(id, year, value as number | null);
      if (value === tv) take(entity, id, f);
    }
    return cell;
  };

  // Lines on both sides: value by value.
  for (const [id, t] of theirLines) {
    const base = mine.state.lines.get(id);
    if (!base) continue;
    const cells: Cell[] = [];
    for (const f of TEXTS) {
      const mv = base[f] ?? '';
      const tv = t[f] ?? '';
      if (mv === tv) continue;
      const cell = compareValue(id, base.name, f, null, mv, tv);
      cells.push(cell);
      // The line's pool in the merged state (a place taken from theirs may have moved it) in what follows.
      if (f === 'name') review.renames.push({ lineId: id, pool: poolName(lines.get(id)!.poolId), mine: mv, theirs: tv, outcome: cell.outcome });
    }
    if (!samePlace(base, t) && decide('line', id, 'place') === 'theirs') {
      Object.assign(target.edit(id), { poolId: t.poolId, parentId: t.parentId, position: t.position });
      take('line', id, 'place');
    }
    for (const y of yearKeys) {
      const mv = base.amounts[y] ?? null;
      const tv = t.amounts[y] ?? null;
      if (mv !== tv) cells.push(compareValue(id, base.name, 'amount', y, mv, tv));
    }
    if (cells.length) review.changes.push({ lineId: id, pool: poolName(lines.get(id)!.poolId), line: base.name, cells });
  }

  // Lines on one side only: new, or deleted on the other side.
  const newTheirs: Line[] = [];
  const newMine: Line[] = [];
  const theirChildren = childrenOf(theirLines);
  for (const [id, t] of theirLines) {
    if (mine.state.lines.has(id)) continue;
    if (!mine.dots.has('line', id)) {
      newTheirs.push(t);
      continue;
    }
    if (covered(mine.dots.dot('line', id), theirs.vv)) {
      addTheirLine(t); // they saw my deletion and kept (or restored) the line
      continue;
    }
    const newChild = (theirChildren.get(id) ?? []).some((c) => !mine.dots.has('line', c.id));
    if (!newChild && allSeen(t, theirs, mine, tid)) continue;
    const r = resolve({ id: `deleted-by-me:${id}`, kind: 'deleted-by-me', lineId: id, theirLineId: null, pool: poolName(t.poolId), line: t.name, year: null, mine: null, theirs: t.name });
    review.deletions.push({ lineId: id, pool: poolName(t.poolId), line: t.name, by: 'mine', outcome: 'conflict' });
    if (r?.take === 'theirs') addTheirLine(t);
  }
  const myChildren = childrenOf(mine.state.lines);
  for (const [id, m] of mine.state.lines) {
    if (theirLines.has(id)) continue;
    if (!theirs.dots.has('line', tid(id))) {
      newMine.push(m);
      continue;
    }
    if (covered(theirs.dots.dot('line', tid(id)), mine.vv)) continue; // I saw their deletion and kept it
    const newChild = (myChildren.get(id) ?? []).some((c) => !theirs.dots.has('line', tid(c.id)));
    const pool = poolName(m.poolId);
    if (!newChild && allSeen(m, mine, theirs, (x) => x)) {
      lines.delete(id);
      take('line', id);
      review.deletions.push({ lineId: id, pool, line: m.name, by: 'theirs', outcome: 'theirs' });
      continue;
    }
    const r = resolve({ id: `deleted-by-them:${id}`, kind: 'deleted-by-them', lineId: id, theirLineId: null, pool, line: m.name, year: null, mine: m.name, theirs: null });
    review.deletions.push({ lineId: id, pool, line: m.name, by: 'theirs', outcome: 'conflict' });
    if (r?.take === 'theirs') lines.delete(id);
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
    if (r.take === 'theirs') {
      Object.assign(target.edit(m.id), { description: t.description, comment: t.comment });
      for (const y of yearKeys) if ((m.amounts[y] ?? null) !== (t.amounts[y] ?? null)) target.setAmount(m.id, y, t.amounts[y] ?? null);
    }
  }
  for (const m of unpaired) review.onlyMine.push({ lineId: m.id, pool: poolName(m.poolId), line: m.name });

  keepConsistent(target, mine.state, addPool, (id) => taken.delete(key('line', id)));
  fillBases(mine, theirs, tid, unknownBase);
  review.conflicts.sort((a, b) => collator.compare(a.pool, b.pool) || collator.compare(a.line, b.line));
  review.counts.conflicts = conflicts.length;
  review.counts.unresolved = unresolved.length;
  return { review, target: target.state, amountChanges: target.amountChanges, taken, aliases, unresolved };
}

/**
 * The common value of values both sides changed: mine just after the last of my changes they took
 * (my log holds what came after), else theirs just after the last of theirs I took; if neither
 * took the other's changes, the value both had when their copies began, where both logs agree.
 */
function fillBases(mine: Side, theirs: Side, tid: (id: string) => string, wanted: { field: Field; shown: { base?: Value }[] }[]): void {
  if (!wanted.length) return;
  const mineFields = wanted.map((w) => w.field);
  const theirFields = mineFields.map((f) => ({ ...f, id: tid(f.id) }));
  const theyTookMine = theirs.vv.get(mine.dots.lineage.replica);
  const iTookTheirs = mine.vv.get(theirs.dots.lineage.replica);
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

/** A sub-line needs its parent and every line its pool: restore a parent of mine or drop the orphan. */
function keepConsistent(target: Target, mine: PortfolioById, addPool: (id: string) => void, kept: (id: string) => void): void {
  const lines = target.state.lines;
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of [...lines.values()]) {
      if (!target.state.pools.has(l.poolId)) addPool(l.poolId);
      if (!target.state.pools.has(l.poolId)) {
        lines.delete(l.id);
        changed = true;
      } else if (l.parentId && !lines.has(l.parentId)) {
        const parent = mine.lines.get(l.parentId);
        if (parent) {
          lines.set(parent.id, parent); // mine, unchanged (shared, as all unchanged lines are)
          kept(parent.id);
        } else lines.delete(l.id);
        changed = true;
      }
    }
  }
}
