/**
 * Who wrote each value, for the three-way merge (merge.ts has the design). A value is addressed by
 * a key (entity, id, field); its "dot" is the change that wrote it: (copy, change number, time).
 * Changes made in this copy are read from the audit log (nothing else records them); values that
 * came from another copy carry the dot recorded by the merge or import that brought them.
 */
import type { RegionCode } from '../../shared/model';
import type { DB } from '../open';

export interface Dot {
  replica: string;
  counter: number;
  at: string;
}

export type Entity = 'line' | 'amount' | 'pool' | 'year';

/** A value's address. Existence of a line, pool or year has the field ''. */
export const key = (entity: Entity, id: string, field = ''): string => `${entity}\u0001${id}\u0001${field}`;

export interface Lineage {
  replica: string;
  origin: string;
  since: number;
  region: RegionCode;
  createdAt: string;
  /** The last change number of this copy. */
  last: number;
  /** Other copies whose changes are in this one: last change number merged, and region. */
  seen: Map<string, { counter: number; region: RegionCode }>;
}

export function readLineage(db: DB): Lineage {
  const r = db.prepare<[], { id: string; origin: string; since: number }>('SELECT id, origin, since FROM share_replica').get()!;
  const meta = db.prepare<[], { region: RegionCode; created_at: string }>('SELECT region, created_at FROM portfolio').get()!;
  const last = (db.prepare('SELECT max(change_no) FROM audit').pluck().get() as number | null) ?? 0;
  const seen = new Map<string, { counter: number; region: RegionCode }>();
  for (const s of db.prepare<[], { replica: string; counter: number; region: RegionCode }>('SELECT replica, counter, region FROM share_seen').all()) {
    seen.set(s.replica, { counter: s.counter, region: s.region });
  }
  return { replica: r.id, origin: r.origin, since: r.since, region: meta.region, createdAt: meta.created_at, last: Math.max(last, r.since), seen };
}

/** The version vector: for each copy, the last of its changes this file holds. */
export function versionVector(l: Lineage): Map<string, number> {
  const vv = new Map<string, number>();
  for (const [replica, s] of l.seen) vv.set(replica, s.counter);
  vv.set(l.replica, l.last);
  return vv;
}

export const covered = (dot: Dot, vv: Map<string, number>): boolean => dot.counter <= (vv.get(dot.replica) ?? -1);
export const sameDot = (a: Dot, b: Dot): boolean => a.replica === b.replica && a.counter === b.counter;

interface Local {
  n: number;
  at: string;
}

/** The audit entity and field of a key (amount years and line/pool fields map one to one). */
function auditKey(entity: string, id: string, field: string | null): string | null {
  if (entity === 'portfolio') return null;
  if (entity === 'pool' && field === 'position') return key('pool', id, 'position');
  return key(entity as Entity, id, field ?? '');
}

/** The dots of one file, read once; `dot(k)` answers for any key. */
export class Dots {
  private readonly local = new Map<string, Local>();
  private readonly stored = new Map<string, Dot & { changeNo: number }>();
  readonly lineage: Lineage;

  constructor(db: DB) {
    this.lineage = readLineage(db);
    const rows = db
      .prepare<[number], { entity: string; entity_id: string | null; field: string | null; n: number; at: string }>(
        // SQLite returns the bare column `at` from the row holding max(change_no).
        'SELECT entity, entity_id, field, max(change_no) AS n, at FROM audit WHERE change_no > ? GROUP BY entity, entity_id, field',
      )
      .all(this.lineage.since);
    for (const r of rows) {
      const k = r.entity_id === null ? null : auditKey(r.entity, r.entity_id, r.field);
      if (k) this.local.set(k, { n: r.n, at: r.at });
    }
    for (const d of db
      .prepare<[], { entity: Entity; entity_id: string; field: string; replica: string; counter: number; at: string; change_no: number }>('SELECT * FROM share_dot')
      .all()) {
      this.stored.set(key(d.entity, d.entity_id, d.field), { replica: d.replica, counter: d.counter, at: d.at, changeNo: d.change_no });
    }
  }

  /** Whether this file has any record of the key (a local change or a stored dot). */
  has(k: string): boolean {
    return this.localOf(k) !== undefined || this.stored.has(k);
  }

  /** A line's or pool's existence row (insert/delete) also writes every field of it. */
  private localOf(k: string): Local | undefined {
    const own = this.local.get(k);
    const [entity, id, field] = k.split('\u0001') as [string, string, string];
    if (field === '' && entity !== 'amount') return own;
    const parent = this.local.get(key(entity === 'amount' ? 'line' : (entity as Entity), id));
    if (!parent) return own;
    return !own || parent.n > own.n ? parent : own;
  }

  dot(k: string): Dot {
    const loc = this.localOf(k);
    const st = this.stored.get(k);
    const l = this.lineage;
    if (loc && (!st || loc.n > st.changeNo)) return { replica: l.replica, counter: loc.n, at: loc.at };
    if (st) return { replica: st.replica, counter: st.counter, at: st.at };
    // Never written since the portfolio was made: the origin copy's initial value.
    return { replica: l.origin, counter: 0, at: l.createdAt };
  }

  /** Every key this file has a record of (for an import that gives the file a new identity). */
  keys(): string[] {
    const all = new Set<string>(this.local.keys());
    for (const k of this.stored.keys()) all.add(k);
    return [...all];
  }

  regionOf(replica: string): RegionCode {
    if (replica === this.lineage.replica) return this.lineage.region;
    return this.lineage.seen.get(replica)?.region ?? this.lineage.region;
  }
}

export function splitKey(k: string): { entity: Entity; id: string; field: string } {
  const [entity, id, field] = k.split('\u0001') as [Entity, string, string];
  return { entity, id, field };
}

/** Writes dots of values that came from another copy, brought by local change `changeNo`. */
export function storeDots(db: DB, dots: [string, Dot][], changeNo: number): void {
  const put = db.prepare(
    'INSERT OR REPLACE INTO share_dot (entity, entity_id, field, replica, counter, at, change_no) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [k, d] of dots) {
    const { entity, id, field } = splitKey(k);
    put.run(entity, id, field, d.replica, d.counter, d.at, changeNo);
  }
}

/** Adds another copy's version vector to ours (after a merge, all of its changes are known here). */
export function mergeSeen(db: DB, mine: Lineage, theirs: Lineage): void {
  const put = db.prepare(
    'INSERT INTO share_seen (replica, counter, region) VALUES (?, ?, ?) ON CONFLICT (replica) DO UPDATE SET counter = max(counter, excluded.counter), region = excluded.region',
  );
  const entries: [string, number, RegionCode][] = [[theirs.replica, theirs.last, theirs.region]];
  for (const [r, s] of theirs.seen) entries.push([r, s.counter, s.region]);
  if (theirs.origin !== theirs.replica && !theirs.seen.has(theirs.origin)) entries.push([theirs.origin, 0, theirs.region]);
  for (const [r, counter, region] of entries) if (r !== mine.replica) put.run(r, counter, region);
}
