/**
 * Who wrote each value, for the three-way merge (merge.ts has the design). A value is addressed by
 * (entity, id, field); its "dot" is the change that wrote it: (copy, change number, time).
 * Changes made in this copy are read from the audit log (nothing else records them); values that
 * came from another copy carry the dot recorded by the merge or import that brought them.
 * A merge that was undone counts as never made: its change and the undo's are left out
 * (lineage.ts records them), so merging the same file again applies it again.
 */
import type { RegionCode } from '../../shared/domain/model';
import type { DB } from '../core/open';
import { localProjectChanges } from './project-values';

export interface Dot {
  replica: string;
  counter: number;
  at: string;
}

export type Entity = 'line' | 'amount' | 'pool' | 'year';
const ENTITIES: readonly Entity[] = ['line', 'amount', 'pool', 'year'];

/** A value's address as one string (the merge's list of values taken). Existence of a line, pool or year has the field ''. */
export const key = (entity: Entity, id: string, field = ''): string => `${entity}\u0001${id}\u0001${field}`;

/** A value's address and its dot, as share_dot stores it (less the change that brought it). */
export type DotRow = [entity: Entity, id: string, field: string, replica: string, counter: number, at: string];
export const dotRow = (entity: Entity, id: string, field: string, d: Dot): DotRow => [
  entity,
  id,
  field,
  d.replica,
  d.counter,
  d.at,
];

/** A run of this file's own change numbers written under one copy id (an epoch: epochs.ts). */
export interface Range {
  replica: string;
  first: number;
  /** The last change number of the run this file holds. */
  last: number;
  region: RegionCode;
}

export interface Lineage {
  /** The copy id of the newest run (the one this file's next change would be near). */
  replica: string;
  origin: string;
  since: number;
  /** The portfolio's own region (the annex owner's). */
  region: RegionCode;
  createdAt: string;
  /** The last change number of this copy. */
  last: number;
  /** This file's own changes after `since`, by copy id, in order. */
  ranges: Range[];
  /** Other copies whose changes are in this one: last change number merged, and region. */
  seen: Map<string, { counter: number; region: RegionCode }>;
}

export function readLineage(db: DB): Lineage {
  const r = db
    .prepare<[], { id: string; origin: string; since: number }>('SELECT id, origin, since FROM share_replica')
    .get()!;
  const meta = db
    .prepare<[], { region: RegionCode; created_at: string }>('SELECT region, created_at FROM portfolio')
    .get()!;
  const last = Math.max((db.prepare('SELECT max(change_no) FROM audit').pluck().get() as number | null) ?? 0, r.since);
  const seen = new Map<string, { counter: number; region: RegionCode }>();
  for (const s of db
    .prepare<[], { replica: string; counter: number; region: RegionCode }>(
      'SELECT replica, counter, region FROM share_seen',
    )
    .all()) {
    seen.set(s.replica, { counter: s.counter, region: s.region });
  }
  const epochs = db
    .prepare<[number], { replica: string; first: number; region: RegionCode }>(
      'SELECT replica, first_change AS first, region FROM share_epoch WHERE first_change > ? ORDER BY first_change',
    )
    .all(r.since);
  // The file's own id (share_replica) comes first: changes after `since` made before the first
  // epoch are its (migration 0060 made it an existing file's first epoch). In a new file it holds
  // no change, but stays in the vector: the origin's initial values have its dot (origin, 0).
  if (epochs[0]?.replica !== r.id) epochs.unshift({ replica: r.id, first: r.since + 1, region: meta.region });
  const ranges = epochs.map((e, i) => ({
    ...e,
    last: Math.max(e.first - 1, i + 1 < epochs.length ? epochs[i + 1]!.first - 1 : last),
  }));
  return {
    replica: ranges[ranges.length - 1]!.replica,
    origin: r.origin,
    since: r.since,
    region: meta.region,
    createdAt: meta.created_at,
    last,
    ranges,
    seen,
  };
}

/** The copy id and region of one of this file's own change numbers (after `since`). */
export function rangeOf(l: Lineage, changeNo: number): Range {
  const rs = l.ranges;
  let lo = 0;
  let hi = rs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rs[mid]!.first <= changeNo) lo = mid;
    else hi = mid - 1;
  }
  return rs[lo]!;
}

/** The version vector: for each copy, the last of its changes this file holds. */
export function versionVector(l: Lineage): Map<string, number> {
  const vv = new Map<string, number>();
  for (const [replica, s] of l.seen) vv.set(replica, s.counter);
  for (const r of l.ranges) vv.set(r.replica, Math.max(vv.get(r.replica) ?? -1, r.last));
  return vv;
}

/**
 * The last change number n of `l`'s own such that every own change up to n is in `vv` (the other
 * side's vector): the point of my history the other side took; undefined if it took none of it.
 */
export function takenUpTo(l: Lineage, vv: Map<string, number>): number | undefined {
  let upTo: number | undefined;
  for (const r of l.ranges) {
    const v = vv.get(r.replica);
    if (v === undefined || v < r.first - 1) break;
    upTo = Math.min(v, r.last);
    if (v < r.last) break;
  }
  return upTo;
}

export const covered = (dot: Dot, vv: Map<string, number>): boolean => dot.counter <= (vv.get(dot.replica) ?? -1);
export const sameDot = (a: Dot, b: Dot): boolean => a.replica === b.replica && a.counter === b.counter;

/**
 * Change numbers of merges that were undone, and of their undos (share_merge.summary carries
 * `undoneBy`; lineage.ts). In a received file the summary is whatever the sender wrote: only a
 * well-formed number counts.
 */
export function cancelledChanges(db: DB): number[] {
  const out: number[] = [];
  for (const r of db
    .prepare<[], { change_no: number; summary: string }>('SELECT change_no, summary FROM share_merge')
    .all()) {
    let undoneBy: unknown;
    try {
      undoneBy = (JSON.parse(r.summary) as { undoneBy?: unknown } | null)?.undoneBy;
    } catch {
      continue;
    }
    if (typeof undoneBy === 'number' && Number.isSafeInteger(undoneBy)) out.push(r.change_no, undoneBy);
  }
  return out;
}

/**
 * Values by (entity, id, field), in maps per entity and id rather than by one joined string: the
 * merge of two 20,000-line files asks ~100,000 times, and joining, splitting and hashing the
 * strings took a large part of its time.
 */
export class ValueMap<T> {
  private readonly maps: Record<Entity, Map<string, Map<string, T>>> = {
    line: new Map(),
    amount: new Map(),
    pool: new Map(),
    year: new Map(),
  };

  /** The values of one line, pool or year, by field. */
  fields(entity: Entity, id: string): Map<string, T> | undefined {
    return this.maps[entity].get(id);
  }

  get(entity: Entity, id: string, field: string): T | undefined {
    return this.maps[entity].get(id)?.get(field);
  }

  set(entity: Entity, id: string, field: string, value: T): void {
    const byId = this.maps[entity];
    let fields = byId.get(id);
    if (!fields) byId.set(id, (fields = new Map()));
    fields.set(field, value);
  }

  *entries(): IterableIterator<[Entity, string, string, T]> {
    for (const entity of ENTITIES)
      for (const [id, fields] of this.maps[entity]) for (const [field, v] of fields) yield [entity, id, field, v];
  }
}

interface Local {
  n: number;
  at: string;
}

/** A dot stored in share_dot, with the local change that brought it. */
export interface StoredDot extends Dot {
  changeNo: number;
}

const isEntity = (e: string): e is Entity => (ENTITIES as readonly string[]).includes(e);

/** The dots of one file, read once; `dot(entity, id, field)` answers for any value. */
export class Dots {
  private readonly local = new ValueMap<Local>();
  private readonly stored = new ValueMap<StoredDot>();
  readonly lineage: Lineage;

  constructor(db: DB) {
    this.lineage = readLineage(db);
    const cancelled = JSON.stringify(cancelledChanges(db));
    const rows = db
      .prepare<[number, string], [string, string | null, string | null, number, string]>(
        // SQLite returns the bare column `at` from the row holding max(change_no).
        'SELECT entity, entity_id, field, max(change_no), at FROM audit WHERE change_no > ? AND change_no NOT IN (SELECT value FROM json_each(?)) GROUP BY entity, entity_id, field',
      )
      .raw(true)
      .all(this.lineage.since, cancelled);
    for (const [entity, id, field, n, at] of rows) {
      // A pool's place is its field 'position'; the portfolio's own fields are not merged.
      if (id !== null && isEntity(entity)) this.local.set(entity, id, field ?? '', { n, at });
    }
    // Project data: fields of its line (and a pool's kind), project-values.ts.
    for (const [entity, id, field, n, at] of localProjectChanges(db, this.lineage.since, cancelled))
      this.local.set(entity, id, field, { n, at });
    const dots = db
      .prepare<[], [Entity, string, string, string, number, string, number]>(
        'SELECT entity, entity_id, field, replica, counter, at, change_no FROM share_dot',
      )
      .raw(true)
      .all();
    for (const [entity, id, field, replica, counter, at, changeNo] of dots)
      this.stored.set(entity, id, field, { replica, counter, at, changeNo });
  }

  /** The dot of the value's last write a merge or import brought from another copy, with that local change. */
  brought(entity: Entity, id: string, field = ''): StoredDot | undefined {
    return this.stored.get(entity, id, field);
  }

  /** Whether this file has any record of the value (a local change or a stored dot). */
  has(entity: Entity, id: string, field = ''): boolean {
    return this.localOf(entity, id, field) !== undefined || this.stored.get(entity, id, field) !== undefined;
  }

  /** A line's or pool's existence row (insert/delete) also writes every field of it. */
  private localOf(entity: Entity, id: string, field: string): Local | undefined {
    const own = this.local.get(entity, id, field);
    if (field === '' && entity !== 'amount') return own;
    const parent = entity === 'amount' ? this.local.get('line', id, '') : this.local.fields(entity, id)?.get('');
    if (!parent) return own;
    return !own || parent.n > own.n ? parent : own;
  }

  dot(entity: Entity, id: string, field = ''): Dot {
    const loc = this.localOf(entity, id, field);
    const st = this.stored.get(entity, id, field);
    const l = this.lineage;
    if (loc && (!st || loc.n > st.changeNo)) {
      // A field only the existence row wrote, of a line or pool a merge took from another copy:
      // written by that copy with the existence (not by the merge here).
      if (loc !== this.local.get(entity, id, field)) {
        const existence = this.stored.get(entity === 'amount' ? 'line' : entity, id, '');
        if (existence && existence.changeNo >= loc.n)
          return { replica: existence.replica, counter: existence.counter, at: existence.at };
      }
      return { replica: rangeOf(l, loc.n).replica, counter: loc.n, at: loc.at };
    }
    if (st) return { replica: st.replica, counter: st.counter, at: st.at };
    // Never written since the portfolio was made: the origin copy's initial value.
    return { replica: l.origin, counter: 0, at: l.createdAt };
  }

  /** Every value this file has a record of (for an import that gives the file a new identity). */
  *recorded(): IterableIterator<[Entity, string, string]> {
    for (const [entity, id, field] of this.local.entries()) yield [entity, id, field];
    for (const [entity, id, field] of this.stored.entries())
      if (!this.local.get(entity, id, field)) yield [entity, id, field];
  }

  regionOf(replica: string): RegionCode {
    return regionOfReplica(this.lineage, replica);
  }
}

/**
 * Writes dots of values that came from another copy, brought by local change `changeNo`: one
 * statement for all of them, given as a JSON array of DotRows (a merge of 20,000 lines takes ~20,000).
 */
export function storeDots(db: DB, rows: string, changeNo: number): void {
  db.prepare(
    'INSERT OR REPLACE INTO share_dot (entity, entity_id, field, replica, counter, at, change_no) ' +
      "SELECT value->>'$[0]', value->>'$[1]', value->>'$[2]', value->>'$[3]', value->>'$[4]', value->>'$[5]', ? FROM json_each(?)",
  ).run(changeNo, rows);
}

/** Adds another copy's version vector to ours (after a merge, all of its changes are known here). */
export function mergeSeen(db: DB, mine: Lineage, theirs: Lineage): void {
  const put = db.prepare(
    'INSERT INTO share_seen (replica, counter, region) VALUES (?, ?, ?) ON CONFLICT (replica) DO UPDATE SET counter = max(counter, excluded.counter), region = excluded.region',
  );
  for (const [r, counter, region] of seenEntries(mine, theirs)) put.run(r, counter, region);
}

/** The region of a copy id: one of this file's runs, or a copy it has seen; else the portfolio's. */
export function regionOfReplica(l: Lineage, replica: string): RegionCode {
  return l.ranges.find((r) => r.replica === replica)?.region ?? l.seen.get(replica)?.region ?? l.region;
}

/**
 * The share_seen rows a merge of `theirs` into `mine` writes (before taking the max with what is
 * there). A run of mine they also hold (a copy holds a prefix of its origin's runs) stays in:
 * they may hold more of it than I do.
 */
export function seenEntries(mine: Lineage, theirs: Lineage): [string, number, RegionCode][] {
  const entries: [string, number, RegionCode][] = theirs.ranges.map((r) => [r.replica, r.last, r.region]);
  for (const [r, s] of theirs.seen) entries.push([r, s.counter, s.region]);
  if (!theirs.ranges.some((r) => r.replica === theirs.origin) && !theirs.seen.has(theirs.origin))
    entries.push([theirs.origin, 0, theirs.region]);
  const own = new Map(mine.ranges.map((r) => [r.replica, r.last]));
  return entries.filter(([r, counter]) => counter > (own.get(r) ?? -1));
}
