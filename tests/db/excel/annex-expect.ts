/**
 * What the annex tests expect of a read annex: its figures per pool and in all, its lines as text,
 * and `expectExample`, the example annex of docs/domain.md exactly (read-annex.test.ts,
 * refused-files.test.ts).
 */
import { expect } from 'vitest';
import type { AnnexRead } from '../../../shared/contract/annex';
import { formatAmount } from '../../../shared/danish/number';
import { EXAMPLE } from './workbooks';

/** Per pool: its name and its sums by year as Danish text, from the lines (a parent has none of its own). */
export function poolFigures(annex: AnnexRead): [string, Record<string, string>][] {
  return annex.pools.map((pool) => {
    const sums: Record<string, number> = {};
    for (const line of pool.lines)
      for (const [year, v] of Object.entries(line.amounts)) sums[year] = (sums[year] ?? 0) + v;
    return [pool.name, Object.fromEntries(Object.entries(sums).map(([y, v]) => [y, formatAmount(v)]))];
  });
}

export function grandFigures(annex: AnnexRead): Record<string, string> {
  const sums: Record<string, number> = {};
  for (const line of annex.pools.flatMap((p) => p.lines))
    for (const [y, v] of Object.entries(line.amounts)) sums[y] = (sums[y] ?? 0) + v;
  return Object.fromEntries(Object.entries(sums).map(([y, v]) => [y, formatAmount(v)]));
}

export const EXAMPLE_FIGURES: [string, Record<string, string>][] = [
  ['Nationale projekter', { 2022: '3.600', 2023: '2.800' }],
  ['Fællesregionale projekter', { 2022: '10.650', 2023: '6.500' }],
  ['Vestdansk It Samarbejde', { 2022: '13.800', 2023: '2.300' }],
];

/** Lines as `name depth` with their amounts in thousands, in order. */
export function lineList(annex: AnnexRead): string[] {
  return annex.pools.flatMap((p) =>
    p.lines.map((l) => {
      const amounts = Object.entries(l.amounts)
        .map(([y, v]) => `${y}=${formatAmount(v)}`)
        .join(' ');
      return `${p.name} | ${l.depth ? '  ' : ''}${l.name} | ${amounts}`;
    }),
  );
}

export const EXAMPLE_LINES = EXAMPLE.flatMap((p) =>
  p.lines.map(
    (l) =>
      `${p.pool} | ${l.sub ? '  ' : ''}${l.name} | ${(l.amounts ?? []).map((a, i) => `${2022 + i}=${formatAmount(a * 1000)}`).join(' ')}`,
  ),
);

export function expectExample(annex: AnnexRead): void {
  expect(annex.years).toEqual([2022, 2023]);
  expect(poolFigures(annex)).toEqual(EXAMPLE_FIGURES);
  expect(grandFigures(annex)).toEqual({ 2022: '28.050', 2023: '11.600' });
  expect(lineList(annex)).toEqual(EXAMPLE_LINES);
  expect(annex.mismatches).toEqual([]);
}
