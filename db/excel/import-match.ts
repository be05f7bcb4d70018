/**
 * An annex read from a workbook (shared/contract/annex.ts AnnexRead) matched against the portfolio:
 * pools by name, lines by pool and name (both unique, compared as Danish text without case,
 * shared/domain/names.ts nameKey). The preview (import-plan.ts planImport) and the ops (importOps) are
 * both derived from this one matching, so what is previewed is what is applied.
 */
import { isValidCellKroner } from '../../shared/domain/money';
import type { AnnexLine, AnnexPool, AnnexRead } from '../../shared/contract/annex';
import { shortened, textLimitError } from '../../shared/domain/limits';
import type { Line, Pool, Portfolio } from '../../shared/domain/model';
import { groupLines } from '../../shared/grid/row-model';
import { nameKey } from '../../shared/domain/names';
import { UserError } from '../core/errors';
import { proposeRenames, type RenamePair } from './import-renames';

export interface MatchedLine {
  read: AnnexLine;
  name: string;
  /** The portfolio's line of the same pool and name, if there is one. */
  line: Line | null;
  /** The annex line it sits under (a sub-line), or null. */
  parent: MatchedLine | null;
  /** Has sub-lines in the workbook: its own cells are totals and are not imported. */
  isParent: boolean;
}

export interface MatchedPool {
  read: AnnexPool;
  name: string;
  pool: Pool | null;
  lines: MatchedLine[];
}

export interface Matched {
  years: number[];
  newYears: number[];
  pools: MatchedPool[];
  /** Portfolio lines the workbook does not have, in the portfolio's order. */
  missing: Line[];
  /** Matched lines whose portfolio sub-lines are missing, yet must end up without them. */
  conflicts: { line: MatchedLine; pool: string; children: Line[] }[];
  /** Lines that change parent: in Danish, for the preview's notes. */
  moves: string[];
  /** «Samme linje?»: unmatched workbook lines offered as a renamed portfolio line (db/excel/import-renames.ts). */
  renames: RenamePair[];
  /** The workbook lines the user confirmed as renamed: matched to the pair's line, taking the workbook's name. */
  renamed: Set<MatchedLine>;
}

/** Case and spaces do not count: the one rule of shared/domain/names.ts, re-exported for the import's callers. */
export { nameKey };

const where = (l: { sheet: string; row: number }) => `${l.sheet}!A${l.row}`;

function checkName(name: string, what: string, at: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new UserError(`${what} uden navn i projektmappen (${at}).`);
  const tooLong = textLimitError('name', trimmed);
  if (tooLong) throw new UserError(`${what} «${shortened(trimmed, 40)}» i projektmappen (${at}): ${tooLong}`);
  return trimmed;
}

function checkYears(read: AnnexRead): number[] {
  for (const y of read.years) {
    if (!Number.isInteger(y) || y < 1900 || y > 2200)
      throw new UserError(`Projektmappen har et ugyldigt år: ${String(y)}.`);
  }
  if (new Set(read.years).size !== read.years.length)
    throw new UserError('Projektmappen har det samme år i to kolonner.');
  return [...read.years];
}

/** One annex pool's lines, checked: unique names, known years, whole kroner, sub-lines under a line. */
function readLines(pool: AnnexPool, poolName: string, years: Set<string>, byName: Map<string, Line>): MatchedLine[] {
  const seen = new Map<string, AnnexLine>();
  const lines: MatchedLine[] = [];
  let top: MatchedLine | null = null;
  for (const read of pool.lines) {
    const name = checkName(read.name, 'En linje', where(read));
    const key = nameKey(name);
    const twin = seen.get(key);
    if (twin) {
      throw new UserError(
        `«${name}» står to gange i puljen «${poolName}» (${where(twin)} og ${where(read)}). Linjer i samme pulje skal have forskellige navne.`,
      );
    }
    seen.set(key, read);
    for (const [year, value] of Object.entries(read.amounts)) {
      if (!years.has(year))
        throw new UserError(`«${name}» (${where(read)}) har et beløb i år ${year}, som ikke er en kolonne i tabellen.`);
      if (!isValidCellKroner(value)) throw new UserError(`«${name}» (${where(read)}) har et ugyldigt beløb i ${year}.`);
    }
    if (read.depth === 1 && !top)
      throw new UserError(`Underlinjen «${name}» (${where(read)}) står ikke under en linje.`);
    const parent = read.depth === 1 ? top : null;
    const matched: MatchedLine = { read, name, line: byName.get(key) ?? null, parent, isParent: false };
    if (parent) parent.isParent = true;
    else top = matched;
    lines.push(matched);
  }
  return lines;
}

/** Pools in order, each line followed by its sub-lines. */
function inPortfolioOrder(state: Omit<Portfolio, 'meta'>): Line[] {
  const { topByPool, childrenByParent } = groupLines(state.lines);
  const out: Line[] = [];
  for (const pool of [...state.pools].sort((a, b) => a.position - b.position)) {
    for (const top of topByPool.get(pool.id) ?? []) out.push(top, ...(childrenByParent.get(top.id) ?? []));
  }
  return out;
}

/**
 * Matches against the portfolio's years, pools and lines; its meta plays no part (a new file has none yet).
 * `confirmed`: the ids of portfolio lines whose «samme linje?» the user accepted; other pairs stay apart.
 */
export function matchAnnex(
  state: Omit<Portfolio, 'meta'>,
  read: AnnexRead,
  confirmed: ReadonlySet<string> = new Set(),
): Matched {
  const years = checkYears(read);
  const yearKeys = new Set(years.map(String));
  const poolByKey = new Map(state.pools.map((p) => [nameKey(p.name), p]));
  const linesByPool = new Map<string, Map<string, Line>>();
  for (const l of state.lines) {
    let map = linesByPool.get(l.poolId);
    if (!map) linesByPool.set(l.poolId, (map = new Map()));
    map.set(nameKey(l.name), l);
  }
  const seenPools = new Map<string, AnnexPool>();
  const pools = read.pools.map((rp): MatchedPool => {
    const at = `${rp.sheet}!A${rp.headerRow}`;
    const name = checkName(rp.name, 'En pulje', at);
    const twin = seenPools.get(nameKey(name));
    if (twin)
      throw new UserError(
        `Puljen «${name}» står to gange i projektmappen (${twin.sheet}!A${twin.headerRow} og ${at}).`,
      );
    seenPools.set(nameKey(name), rp);
    const pool = poolByKey.get(nameKey(name)) ?? null;
    const lines = readLines(rp, pool?.name ?? name, yearKeys, (pool && linesByPool.get(pool.id)) || new Map());
    return { read: rp, name: pool?.name ?? name, pool, lines };
  });

  const inOrder = inPortfolioOrder(state);
  const matchedIds = new Set<string>();
  for (const p of pools) for (const l of p.lines) if (l.line) matchedIds.add(l.line.id);
  const unmatched = inOrder.filter((l) => !matchedIds.has(l.id));
  const renames = proposeRenames(state, pools, unmatched, years);
  const renamed = new Set<MatchedLine>();
  for (const r of renames) {
    if (!confirmed.has(r.line.id)) continue;
    r.read.line = r.line;
    renamed.add(r.read);
    matchedIds.add(r.line.id);
  }
  if (renamed.size < confirmed.size)
    throw new UserError('Forhåndsvisningen passer ikke længere til porteføljen. Vælg projektmappen igen.', 'conflict');
  const missing = renamed.size ? unmatched.filter((l) => !matchedIds.has(l.id)) : unmatched;

  // A matched line keeps its missing sub-lines unless they are removed; it cannot then take
  // amounts of its own (a leaf in the workbook with figures) or become a sub-line itself.
  const missingByParent = new Map<string, Line[]>();
  for (const l of missing)
    if (l.parentId) missingByParent.set(l.parentId, [...(missingByParent.get(l.parentId) ?? []), l]);
  const conflicts: Matched['conflicts'] = [];
  const moves: string[] = [];
  const lineName = new Map(state.lines.map((l) => [l.id, l.name]));
  const pairedWith = new Map(renames.map((r) => [r.read, r.line.id]));
  for (const p of pools) {
    for (const l of p.lines) {
      if (!l.line) continue;
      const kept = missingByParent.get(l.line.id);
      const hasFigures = Object.keys(l.read.amounts).length > 0;
      if (kept && (l.parent || (!l.isParent && hasFigures))) conflicts.push({ line: l, pool: p.name, children: kept });
      const from = l.line.parentId;
      const to = l.parent?.name ?? null;
      // The same parent: matched (by name or a confirmed pair) to the line it is under now.
      if (from && l.parent?.line?.id === from) continue;
      if (from) {
        // Under a line offered as «samme linje?» with its parent: it moves only if the pair is rejected.
        const ifRejected = l.parent && pairedWith.get(l.parent) === from ? ', hvis de ikke er samme linje' : '';
        moves.push(
          to
            ? `«${l.name}» flyttes fra «${lineName.get(from)}» til «${to}»${ifRejected}.`
            : `«${l.name}» er ikke længere underlinje til «${lineName.get(from)}».`,
        );
      } else if (to) moves.push(`«${l.name}» bliver underlinje til «${to}».`);
    }
  }
  return {
    years,
    newYears: years.filter((y) => !state.years.includes(y)).sort((a, b) => a - b),
    pools,
    missing,
    conflicts,
    moves,
    renames,
    renamed,
  };
}

/** Danish text for a conflict; `remedy` names the dialog's checkbox or the CLI's flag. */
export function conflictMessage(
  c: Matched['conflicts'][number],
  remedy = 'Vælg at fjerne linjer, der ikke er i projektmappen',
): string {
  const names =
    c.children
      .slice(0, 3)
      .map((l) => `«${l.name}»`)
      .join(', ') + (c.children.length > 3 ? ` og ${c.children.length - 3} andre` : '');
  const why = c.line.parent ? `skal være underlinje til «${c.line.parent.name}»` : 'har beløb i projektmappen';
  return `«${c.line.name}» i puljen «${c.pool}» ${why}, men har underlinjer i porteføljen, som projektmappen ikke har (${names}). ${remedy}, eller tilføj underlinjerne i projektmappen.`;
}
