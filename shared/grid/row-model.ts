/**
 * The grid's rows, derived from the portfolio: per pool a heading, its lines with sub-lines
 * under their parent, and a `<pool> i alt` row; plus the grand total. AG Grid Community has
 * no tree data or aggregation, so the hierarchy and every total are computed here, in exact
 * integer kroner. The CLI's summary and the grid use this one function.
 */
import { sumKroner, type Kroner } from '../domain/money';
import type { Line, Pool } from '../domain/model';

/** Amounts by year; a year that is missing (or null) is an empty cell. */
export type RowAmounts = Readonly<Record<string, Kroner | null | undefined>>;

export interface RowBase {
  id: string;
  name: string;
  amounts: RowAmounts;
  total: Kroner | null;
}
export interface PoolRow extends RowBase {
  kind: 'pool';
  poolId: string;
  collapsed: boolean;
}
export interface LineRow extends RowBase {
  kind: 'line';
  poolId: string;
  line: Line;
  depth: 0 | 1;
  hasChildren: boolean;
  collapsed: boolean;
}
export interface PoolTotalRow extends RowBase {
  kind: 'poolTotal';
  poolId: string;
}
export interface GrandTotalRow extends RowBase {
  kind: 'grandTotal';
}
export type GridRow = PoolRow | LineRow | PoolTotalRow | GrandTotalRow;

export interface RowModelInput {
  years: readonly number[];
  pools: readonly Pool[];
  lines: Iterable<Line>;
}

export interface RowModel {
  rows: GridRow[];
  grandTotal: GrandTotalRow;
}

/** Reuses the row of a leaf line whose object did not change, so the grid repaints only changed rows. */
export class RowCache {
  private years: readonly number[] | null = null;
  private leaves = new WeakMap<Line, LineRow>();
  leaf(line: Line, years: readonly number[], build: () => LineRow): LineRow {
    if (years !== this.years) {
      this.years = years;
      this.leaves = new WeakMap();
    }
    let row = this.leaves.get(line);
    if (!row) {
      row = build();
      this.leaves.set(line, row);
    }
    return row;
  }
}

export const poolRowId = (poolId: string) => `pool:${poolId}`;
export const poolTotalRowId = (poolId: string) => `total:${poolId}`;
export const GRAND_TOTAL_ROW_ID = 'grand-total';

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** A leaf shows its own amounts object as it is (a missing year reads as an empty cell): no copy per line. */
function leafAmounts(line: Line, years: readonly number[]): { amounts: RowAmounts; total: Kroner | null } {
  let total = 0;
  let any = false;
  for (const y of years) {
    const v = line.amounts[y];
    if (v !== undefined) {
      total += v;
      any = true;
    }
  }
  return { amounts: line.amounts, total: any ? total : null };
}

function sumRows(rows: readonly RowBase[], years: readonly number[]): { amounts: RowAmounts; total: Kroner } {
  const amounts: Record<string, Kroner> = {};
  for (const y of years) amounts[y] = sumKroner(rows.map((r) => r.amounts[y]));
  return { amounts, total: sumKroner(rows.map((r) => r.total)) };
}

/** Lines grouped by pool and by parent, each group in portfolio order. */
export function groupLines(lines: Iterable<Line>) {
  const topByPool = new Map<string, Line[]>();
  const childrenByParent = new Map<string, Line[]>();
  for (const line of lines) {
    const map = line.parentId ? childrenByParent : topByPool;
    const key = line.parentId ?? line.poolId;
    const list = map.get(key);
    if (list) list.push(line);
    else map.set(key, [line]);
  }
  for (const list of topByPool.values()) list.sort(byPosition);
  for (const list of childrenByParent.values()) list.sort(byPosition);
  return { topByPool, childrenByParent };
}

/** The row of a line without sub-lines (reused from the cache while the line object is the same). */
export function leafRow(line: Line, depth: 0 | 1, years: readonly number[], cache: RowCache): LineRow {
  return cache.leaf(line, years, () => ({
    kind: 'line',
    id: line.id,
    poolId: line.poolId,
    name: line.name,
    line,
    depth,
    hasChildren: false,
    collapsed: false,
    ...leafAmounts(line, years),
  }));
}

/**
 * A total row with `delta` (kroner by year) added: how one edited line moves its parent, its
 * pool's total and the grand total without summing the portfolio again. Null if a sum would
 * leave the exact integer range (the caller then rebuilds the model, which reports it).
 */
export function addToTotal<R extends RowBase>(row: R, delta: ReadonlyMap<number, Kroner>): R | null {
  const amounts: Record<string, Kroner | null | undefined> = { ...row.amounts };
  let total = row.total ?? 0;
  for (const [year, d] of delta) {
    const v = (amounts[year] ?? 0) + d;
    total += d;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(total)) return null;
    amounts[year] = v;
  }
  return { ...row, amounts, total };
}

export function buildRowModel(
  input: RowModelInput,
  collapsed: ReadonlySet<string> = new Set(),
  cache: RowCache = new RowCache(),
): RowModel {
  const { years } = input;
  const { topByPool, childrenByParent } = groupLines(input.lines);
  const rows: GridRow[] = [];
  const poolTotals: PoolTotalRow[] = [];
  const leaf = (line: Line, depth: 0 | 1): LineRow => leafRow(line, depth, years, cache);

  for (const pool of [...input.pools].sort(byPosition)) {
    const poolCollapsed = collapsed.has(pool.id);
    rows.push({
      kind: 'pool',
      id: poolRowId(pool.id),
      poolId: pool.id,
      name: pool.name,
      collapsed: poolCollapsed,
      amounts: {},
      total: null,
    });
    const topRows: LineRow[] = [];
    for (const line of topByPool.get(pool.id) ?? []) {
      const children = childrenByParent.get(line.id);
      if (!children?.length) {
        const row = leaf(line, 0);
        topRows.push(row);
        if (!poolCollapsed) rows.push(row);
        continue;
      }
      const childRows = children.map((c) => leaf(c, 1));
      const lineCollapsed = collapsed.has(line.id);
      const parent: LineRow = {
        kind: 'line',
        id: line.id,
        poolId: pool.id,
        name: line.name,
        line,
        depth: 0,
        hasChildren: true,
        collapsed: lineCollapsed,
        ...sumRows(childRows, years),
      };
      topRows.push(parent);
      if (!poolCollapsed) {
        rows.push(parent);
        if (!lineCollapsed) rows.push(...childRows);
      }
    }
    const total: PoolTotalRow = {
      kind: 'poolTotal',
      id: poolTotalRowId(pool.id),
      poolId: pool.id,
      name: `${pool.name} i alt`,
      ...sumRows(topRows, years),
    };
    poolTotals.push(total);
    rows.push(total);
  }
  const grandTotal: GrandTotalRow = {
    kind: 'grandTotal',
    id: GRAND_TOTAL_ROW_ID,
    name: 'Total',
    ...sumRows(poolTotals, years),
  };
  return { rows, grandTotal };
}
