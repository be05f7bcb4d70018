/** The portfolio in figures, as `cli summary --json` prints it: thousands of kroner as JSON numbers. */
import { kronerToThousands } from './money';
import type { Line, Pool } from './model';
import { buildRowModel, type RowAmounts } from '../grid/row-model';

export interface SummaryJson {
  years: number[];
  pools: {
    name: string;
    totals: Record<string, number>;
    lines: { name: string; depth: number; amounts: Record<string, number> }[];
  }[];
  totals: Record<string, number>;
}

function thousands(amounts: RowAmounts, years: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const y of years) out[y] = kronerToThousands(amounts[y] ?? 0);
  return out;
}

export function summarize(input: { years: number[]; pools: Pool[]; lines: Line[] }): SummaryJson {
  const { rows, grandTotal } = buildRowModel(input);
  const pools: SummaryJson['pools'] = [];
  for (const row of rows) {
    if (row.kind === 'pool') pools.push({ name: row.name, totals: {}, lines: [] });
    const pool = pools[pools.length - 1];
    if (!pool) continue;
    if (row.kind === 'line')
      pool.lines.push({ name: row.name, depth: row.depth, amounts: thousands(row.amounts, input.years) });
    if (row.kind === 'poolTotal') pool.totals = thousands(row.amounts, input.years);
  }
  return { years: [...input.years], pools, totals: thousands(grandTotal.amounts, input.years) };
}
