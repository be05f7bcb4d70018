/**
 * «Samme linje?» in the import (docs/files.md, «Import fra Excel»): a line of the workbook that
 * matches no line by name, and a line of the portfolio the workbook lacks, in the same pool under
 * the same parent, are offered as one renamed line. Names are matched first by the one rule of
 * shared/domain/names.ts, as in the merge; what is left is paired, deterministically, when
 *  1. both have the same amounts to the krone in the years both have (not all empty or 0; a new
 *     year of the workbook plays no part), and no other unmatched line on either side has them; or else
 *  2. each is the only unmatched line on its side after the same line matched by name (or at the
 *     start of the list): the same place.
 * The user confirms or rejects each pair; a confirmed one keeps the portfolio line's id.
 */
import type { Amounts, Line, Portfolio } from '../../shared/domain/model';
import type { MatchedLine, MatchedPool } from './import-match';

export interface RenamePair {
  read: MatchedLine;
  line: Line;
  pool: string;
}

/** The amounts in the years both have as one key; '' when they are all empty or 0. */
function amountKey(amounts: Amounts, years: number[]): string {
  const values = years.map((y) => amounts[y] ?? 0);
  return values.every((v) => v === 0) ? '' : values.join(',');
}

function groupBy<T>(list: T[], keyOf: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const key = keyOf(t);
    if (key === undefined) continue;
    const group = out.get(key);
    if (group) group.push(t);
    else out.set(key, [t]);
  }
  return out;
}

/** Open entries grouped by the last anchor before them ('' at the start); groupBy reads the list in order. */
function bySlot<T>(list: T[], anchor: (t: T) => string | undefined, open: (t: T) => boolean): Map<string, T[]> {
  let at = '';
  return groupBy(list, (t) => {
    const a = anchor(t);
    if (a !== undefined) at = a;
    else if (open(t)) return at;
    return undefined;
  });
}

/** One group of siblings: the workbook's in its order, the portfolio's in its order. */
function pairGroup(
  book: MatchedLine[],
  portfolio: Line[],
  missing: Set<string>,
  years: number[],
): [MatchedLine, Line][] {
  const free = book.filter((l) => !l.line);
  const gone = portfolio.filter((l) => missing.has(l.id));
  if (!free.length || !gone.length) return [];
  const pairs = new Map<MatchedLine, Line>();
  const goneByKey = groupBy(gone, (l) => amountKey(l.amounts, years) || undefined);
  for (const [key, lines] of groupBy(free, (l) => amountKey(l.read.amounts, years) || undefined)) {
    const others = goneByKey.get(key);
    if (lines.length === 1 && others?.length === 1) pairs.set(lines[0]!, others[0]!);
  }
  const taken = new Set(pairs.values());
  const goneBySlot = bySlot(
    portfolio,
    (l) => (missing.has(l.id) ? undefined : l.id),
    (l) => !taken.has(l),
  );
  const freeBySlot = bySlot(
    book,
    (l) => l.line?.id,
    (l) => !pairs.has(l),
  );
  for (const [slot, lines] of freeBySlot) {
    const others = goneBySlot.get(slot);
    if (lines.length === 1 && others?.length === 1) pairs.set(lines[0]!, others[0]!);
  }
  return free.filter((l) => pairs.has(l)).map((l) => [l, pairs.get(l)!]);
}

/**
 * The pairs to offer, in the workbook's order. Sub-lines are paired only under a line matched by
 * name (a pair under a pair would hang on the user's answer to the first).
 */
export function proposeRenames(
  state: Omit<Portfolio, 'meta'>,
  pools: MatchedPool[],
  missing: Line[],
  years: number[],
): RenamePair[] {
  if (!missing.length) return []; // the common case: every line matched by name
  const missingIds = new Set(missing.map((l) => l.id));
  const shared = years.filter((y) => state.years.includes(y));
  const siblings = groupBy(
    [...state.lines].sort((a, b) => a.position - b.position),
    (l) => `${l.poolId}/${l.parentId ?? ''}`,
  );
  const out: RenamePair[] = [];
  for (const p of pools) {
    if (!p.pool) continue;
    const poolId = p.pool.id;
    const groups = groupBy(p.lines, (l) => {
      if (!l.parent) return `${poolId}/`;
      return l.parent.line ? `${poolId}/${l.parent.line.id}` : undefined;
    });
    for (const [key, book] of groups) {
      for (const [read, line] of pairGroup(book, siblings.get(key) ?? [], missingIds, shared))
        out.push({ read, line, pool: p.name });
    }
  }
  return out;
}
