/**
 * Bilag 1 laid out: pools in order, each with its lines (sub-lines under their parent) and exact
 * totals in kroner. The Excel export (db/excel/export.ts) and the print view (renderer/src/print)
 * are both built from this one layout, so the workbook and the PDF show the same figures.
 */
import { sumKroner, type Kroner } from './money';
import type { Line, Pool } from './model';
import { groupLines } from '../grid/row-model';

export interface TableLine {
  line: Line;
  depth: 0 | 1;
  /** Sub-lines follow their parent directly; a parent's cells are the sums of its sub-lines. */
  childCount: number;
  /** Kroner per chosen year (null: empty cell on a leaf). */
  values: (Kroner | null)[];
  total: Kroner;
}

export interface PoolTable {
  pool: Pool;
  lines: TableLine[];
  hasSubLines: boolean;
  totals: Kroner[];
  total: Kroner;
}

export interface Layout {
  years: number[];
  tables: PoolTable[];
  grandTotals: Kroner[];
  grandTotal: Kroner;
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** Pools in order with their lines (sub-lines under their parent) and exact totals in kroner. */
export function layOut(input: { years: number[]; pools: Pool[]; lines: Iterable<Line> }, years: number[]): Layout {
  const { topByPool, childrenByParent } = groupLines(input.lines);
  const leaf = (line: Line, depth: 0 | 1): TableLine => {
    const values = years.map((y) => line.amounts[y] ?? null);
    return { line, depth, childCount: 0, values, total: sumKroner(values) };
  };
  const tables = [...input.pools].sort(byPosition).map((pool): PoolTable => {
    const lines: TableLine[] = [];
    const tops: TableLine[] = [];
    for (const top of topByPool.get(pool.id) ?? []) {
      const children = (childrenByParent.get(top.id) ?? []).map((c) => leaf(c, 1));
      if (!children.length) {
        const row = leaf(top, 0);
        tops.push(row);
        lines.push(row);
        continue;
      }
      const values = years.map((_, i) => sumKroner(children.map((c) => c.values[i])));
      const parent: TableLine = { line: top, depth: 0, childCount: children.length, values, total: sumKroner(values) };
      tops.push(parent);
      lines.push(parent, ...children);
    }
    const totals = years.map((_, i) => sumKroner(tops.map((t) => t.values[i])));
    return { pool, lines, hasSubLines: lines.length > tops.length, totals, total: sumKroner(totals) };
  });
  const grandTotals = years.map((_, i) => sumKroner(tables.map((t) => t.totals[i])));
  return { years, tables, grandTotals, grandTotal: sumKroner(grandTotals) };
}
