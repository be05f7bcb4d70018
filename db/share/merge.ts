/**
 * Merging a portfolio file from another region into mine (mine <- theirs).
 *
 * Design: version vectors over the audit log.
 * - Every writing session of a file has its own copy id (an epoch: share_epoch, db/share/epochs.ts;
 *   docs/architecture.md «Identity of a copy»), and the file numbers its changes (audit.change_no):
 *   a local change's copy id is the epoch holding its number. A value (a line's existence, name, description,
 *   comment, place; an amount cell; a pool's fields; a year) was last written by one change of one
 *   copy: its dot (dots.ts). Local changes are read from the audit log; values brought in by a
 *   merge or import keep the other copy's dot in share_dot.
 * - Each file keeps a version vector (share_seen + the last change of each of its own epochs): the
 *   last change of every copy whose work it holds. A merge adds the other file's vector to mine.
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
 * differing value is a conflict. Pools and years one side removed are removed as lines are, as a
 * whole: a conflict when the other side changed something inside since (merge/removals.ts); a
 * place (position) changed on both sides keeps mine.
 */
import type { Result } from '../../shared/contract/contract';
import type { DotRow, Dots } from './dots';
import type { History, Value } from './history';
import { startMerge } from './merge/context';
import { assemblePlan, fillBases, keepConsistent } from './merge/finish';
import { mergeProjects, type ProjectChanges } from './merge/projects';
import { matchNewLines, myOnlyLines, theirOnlyLines } from './merge/one-side';
import { mergePools, mergeYears } from './merge/pools';
import { applyRemovals } from './merge/removals';
import { mergeSharedLines } from './merge/shared-lines';
import type { ProjectValues } from './project-values';
import type { ReceivedInfo } from './rows';
import type { PortfolioById } from './state';

export type MergeReview = Omit<Result<'merge.preview'>, 'token'>;
export type MergeConflict = MergeReview['conflicts'][number];

export interface Resolution {
  take: 'mine' | 'theirs' | 'value';
  value?: Value;
}

/** One file's side of a merge: its portfolio, who wrote each value (dots), its version vector, its audit history. */
export interface Side {
  state: PortfolioById;
  dots: Dots;
  vv: Map<string, number>;
  history: History;
  /** Its project data (project-values.ts). */
  projects: ProjectValues;
}

export interface MergePlan {
  review: MergeReview;
  /** The merged portfolio, except the amounts of lines both sides have: those changes are in `amountChanges`. */
  target: PortfolioById;
  /** Amounts the merge changes in lines both sides have, by line and year (null: emptied). */
  amountChanges: Map<string, Map<string, number | null>>;
  /** Values taken from theirs, under my ids, with their dots; by key (dots.ts). */
  taken: Map<string, DotRow>;
  /** Their line id -> my line id, for lines matched as the same. */
  aliases: [string, string][];
  /** Pools and years of mine the merge removes (they deleted them). */
  removed: { pools: string[]; years: number[] };
  unresolved: MergeConflict[];
  /** Project values and pool kinds the merge changes (merge/projects.ts). */
  projects: ProjectChanges;
}

/**
 * The merge of their file into mine, in phases that share one context (merge/context.ts), in this
 * order (the review lists things in the order they are decided):
 * 1. years and pools are added, pool fields changed where theirs is newer (merge/pools.ts), those one
 *    side removed decided as a whole (merge/removals.ts);
 * 2. lines both sides have are compared value by value, three-way (merge/shared-lines.ts);
 * 3. lines one side has are new, or deleted on the other side (merge/one-side.ts), and
 * 4. new lines on both sides with the same name are offered as "samme linje?" (matchNewLines);
 * 5. pools and years removed are removed (merge/removals.ts applyRemovals), the merged portfolio is
 *    made whole (merge/finish.ts), project data merged (merge/projects.ts), common values are looked
 *    up, the plan assembled.
 * `resolutions` (by conflict id) and `takeAll` answer conflicts; one without an answer is unresolved.
 */
export function planMerge(
  mine: Side,
  theirs: Side,
  info: ReceivedInfo,
  aliasRows: Map<string, string>,
  resolutions: Map<string, Resolution>,
  takeAll?: 'mine' | 'theirs',
): MergePlan {
  const ctx = startMerge(mine, theirs, info, aliasRows, resolutions, takeAll);
  mergeYears(ctx);
  mergePools(ctx);
  mergeSharedLines(ctx);
  const newTheirs = theirOnlyLines(ctx);
  const newMine = myOnlyLines(ctx);
  matchNewLines(ctx, newTheirs, newMine);
  applyRemovals(ctx);
  keepConsistent(ctx);
  const projects = mergeProjects(ctx, mine.projects, theirs.projects);
  fillBases(ctx);
  return { ...assemblePlan(ctx), projects };
}
