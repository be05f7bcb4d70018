/**
 * What the phases of one merge (db/share/merge.ts planMerge) share: both sides, the merged
 * portfolio being built, the review being filled in, and the few questions every phase asks
 * (which side wins a value, what the user chose for a conflict, what was taken from theirs).
 */
import type { Line } from '../../../shared/domain/model';
import { covered, dotRow, key, sameDot, type Dot, type DotRow, type Entity } from '../dots';
import type { Field } from '../history';
import type { MergeConflict, MergeReview, Resolution, Side } from '../merge';
import type { ReceivedInfo } from '../rows';
import type { PortfolioById } from '../state';

export type Cell = MergeReview['changes'][number]['cells'][number];

/** A pool or year removed on one side (`by`) and still held by the other: removed, or kept as the other has it. */
export interface Removal {
  by: 'mine' | 'theirs';
  outcome: 'remove' | 'keep';
  /** The deletion's dot, to tell lines deleted with a pool from lines deleted before it. */
  dot: Dot;
}

/**
 * The merged portfolio starts as mine, sharing my line objects: a line is copied only when the merge
 * changes it (copying 20,000 lines with their amounts for a merge that changes a tenth of them
 * cost more than the merge). Amounts are keyed by year, which V8 keeps as a slow dictionary (a
 * copy costs ~8 µs): a changed amount of a line both sides have is noted in `amountChanges`,
 * and the line keeps its amounts object; amounts are read by the portfolio's years, never iterated.
 */
export class Target {
  readonly state: PortfolioById;
  readonly amountChanges = new Map<string, Map<string, number | null>>();
  private readonly own = new Set<string>();

  constructor(mine: PortfolioById) {
    this.state = {
      meta: { ...mine.meta },
      years: [...mine.years],
      pools: new Map([...mine.pools].map(([id, p]) => [id, { ...p }])),
      lines: new Map(mine.lines),
    };
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

/** One merge in progress: read by every phase, written by the phase that decides a thing. */
export interface MergeContext {
  mine: Side;
  theirs: Side;
  /** The user's choices by conflict id, and a choice for every conflict not among them. */
  resolutions: Map<string, Resolution>;
  takeAll?: 'mine' | 'theirs';
  target: Target;
  /** Their lines under my ids (a line matched before as "samme linje" has mine). */
  theirLines: Map<string, Line>;
  /** My line id -> their line id, for lines matched before as the same. */
  theirId: Map<string, string>;
  /** Whether the files share history, so that "seen" tells which side changed a value. */
  sharedHistory: boolean;
  review: MergeReview;
  /** Values taken from theirs, under my ids, with their dots; by key (dots.ts). */
  taken: Map<string, DotRow>;
  /** Their line id -> my line id, for lines matched as the same in this merge. */
  aliases: [string, string][];
  /** Pools and years of mine they deleted, removed by the merge (removals.ts applyRemovals). */
  removed: { pools: string[]; years: number[] };
  /** Pools and years one side removed and the other still has, decided as a whole (removals.ts). */
  removals: { pools: Map<string, Removal>; years: Map<number, Removal> };
  unresolved: MergeConflict[];
  /** Conflicting values whose common value the histories may tell, filled in at the end (bases.ts). */
  unknownBase: { field: Field; shown: (Cell | MergeConflict)[] }[];
}

/** The other file's lines under my ids; unchanged lines are shared, not copied. */
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

/**
 * A merge about to start: the merged portfolio is mine, the review is empty. The files share
 * history when they come from the same first copy or either has taken the other's changes.
 */
export function startMerge(
  mine: Side,
  theirs: Side,
  info: ReceivedInfo,
  aliasRows: Map<string, string>,
  resolutions: Map<string, Resolution>,
  takeAll?: 'mine' | 'theirs',
): MergeContext {
  const sharedHistory =
    mine.dots.lineage.origin === theirs.dots.lineage.origin ||
    theirs.dots.lineage.ranges.some((r) => mine.vv.has(r.replica)) ||
    mine.dots.lineage.ranges.some((r) => theirs.vv.has(r.replica));
  const review: MergeReview = {
    fileName: info.fileName,
    from: {
      region: info.sentBy?.region ?? info.region,
      title: info.title,
      sentAt: info.sentBy?.sentAt ?? null,
      appVersion: info.sentBy?.appVersion ?? null,
      schemaVersion: info.fileSchemaVersion,
    },
    sharedHistory,
    conflicts: [],
    changes: [],
    onlyTheirs: [],
    onlyMine: [],
    renames: [],
    deletions: [],
    newYears: [],
    newPools: [],
    counts: { fromTheirs: 0, conflicts: 0, unresolved: 0 },
  };
  return {
    mine,
    theirs,
    resolutions,
    takeAll,
    target: new Target(mine.state),
    theirLines: theirsUnderMyIds(theirs.state, aliasRows),
    theirId: new Map([...aliasRows].map(([t, m]) => [m, t])),
    sharedHistory,
    review,
    taken: new Map(),
    aliases: [],
    removed: { pools: [], years: [] },
    removals: { pools: new Map(), years: new Map() },
    unresolved: [],
    unknownBase: [],
  };
}

/** Their id of a line of mine (the same, unless the line was matched as "samme linje"). */
export function theirIdOf(ctx: MergeContext, id: string): string {
  return ctx.theirId.get(id) ?? id;
}

/** Their id of a value of mine: lines and amounts may be aliased, pools and years never are. */
function theirKey(ctx: MergeContext, entity: Entity, id: string): string {
  return entity === 'line' || entity === 'amount' ? theirIdOf(ctx, id) : id;
}

/** A pool's name, in the merged portfolio or else theirs. */
export function poolName(ctx: MergeContext, id: string): string {
  return ctx.target.state.pools.get(id)?.name ?? ctx.theirs.state.pools.get(id)?.name ?? '';
}

/**
 * Which side's value wins for one value of a line, pool or year that differs (my id): mine if I
 * have seen their dot, theirs if they have seen mine, else both changed it: a conflict.
 */
export function decide(ctx: MergeContext, entity: Entity, id: string, field = ''): 'mine' | 'theirs' | 'conflict' {
  const md = ctx.mine.dots.dot(entity, id, field);
  const td = ctx.theirs.dots.dot(entity, theirKey(ctx, entity, id), field);
  if (sameDot(md, td) || covered(td, ctx.mine.vv)) return 'mine';
  return covered(md, ctx.theirs.vv) ? 'theirs' : 'conflict';
}

/** Records a conflict and returns the user's choice for it (or the choice for all); none leaves it unresolved. */
export function resolve(ctx: MergeContext, c: MergeConflict): Resolution | undefined {
  ctx.review.conflicts.push(c);
  const r = ctx.resolutions.get(c.id) ?? (ctx.takeAll ? { take: ctx.takeAll } : undefined);
  if (!r) ctx.unresolved.push(c);
  return r;
}

/** Notes a value taken from theirs (under my id) with their dot, so the merged file knows who wrote it. */
export function take(ctx: MergeContext, entity: Entity, id: string, field = ''): void {
  ctx.taken.set(
    key(entity, id, field),
    dotRow(entity, id, field, ctx.theirs.dots.dot(entity, theirKey(ctx, entity, id), field)),
  );
  ctx.review.counts.fromTheirs++;
}
