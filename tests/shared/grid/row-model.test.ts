/**
 * The grid's rows (shared/grid/row-model.ts): pool heading, lines with sub-lines under their
 * parent, `<pool> i alt`, and the grand total — laid out as the annex (docs/domain.md).
 */
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../../shared/danish/number';
import type { Line, Pool } from '../../../shared/domain/model';
import { buildRowModel, RowCache, type GridRow } from '../../../shared/grid/row-model';
import { k, line } from './lines';

const YEARS = [2022, 2023];

const pools: Pool[] = [
  // Stored out of order on purpose: the grid follows `position`, not array order.
  { id: 'vis', name: 'Vestdansk It Samarbejde', position: 3072, description: '' },
  { id: 'nat', name: 'Nationale projekter', position: 1024, description: '' },
];

function example(): Line[] {
  return [
    line('ras', 'vis', 'RIAS udbudsprojekt', 2048, { 2022: k(400), 2023: 0 }),
    line('f2', 'vis', 'MUSE EKG fase 2', 2048, { 2022: 0, 2023: k(2300) }, 'muse'),
    line('ecpr', 'nat', 'Integration til national eCPR', 2048, { 2022: k(2100), 2023: 0 }),
    line('muse', 'vis', 'MUSE EKG', 1024, {}),
    line('f1', 'vis', 'MUSE EKG fase 1', 1024, { 2022: k(2700), 2023: 0 }, 'muse'),
    line('lpr', 'nat', 'LPR3 ID3 - Landspatientregister', 1024, { 2022: k(1500), 2023: k(2800) }),
  ];
}

const inPool = (rows: GridRow[], poolId: string) => rows.filter((r) => r.kind !== 'grandTotal' && r.poolId === poolId);

/** What a user sees in the grid: the name column (sub-lines indented) and the figures. */
function table(rows: GridRow[]): string[] {
  return rows.map((r) => {
    const indent = r.kind === 'line' && r.depth === 1 ? '  -' : '';
    const figures =
      r.kind === 'pool'
        ? ''
        : ` | ${YEARS.map((y) => formatAmount(r.amounts[y])).join(' | ')} | ${formatAmount(r.total)}`;
    return `${indent}${r.name}${figures}`;
  });
}

describe('buildRowModel', () => {
  it('lays the rows out as the annex: heading, lines, sub-lines under their parent, "i alt"', () => {
    const { rows, grandTotal } = buildRowModel({ years: YEARS, pools, lines: example() });
    expect(table(rows)).toEqual([
      'Nationale projekter',
      'LPR3 ID3 - Landspatientregister | 1.500 | 2.800 | 4.300',
      'Integration til national eCPR | 2.100 | 0 | 2.100',
      'Nationale projekter i alt | 3.600 | 2.800 | 6.400',
      'Vestdansk It Samarbejde',
      'MUSE EKG | 2.700 | 2.300 | 5.000',
      '  -MUSE EKG fase 1 | 2.700 | 0 | 2.700',
      '  -MUSE EKG fase 2 | 0 | 2.300 | 2.300',
      'RIAS udbudsprojekt | 400 | 0 | 400',
      'Vestdansk It Samarbejde i alt | 3.100 | 2.300 | 5.400',
    ]);
    expect(table([grandTotal])).toEqual(['Total | 6.700 | 5.100 | 11.800']);
    expect(rows.map((r) => r.kind)).toEqual([
      'pool',
      'line',
      'line',
      'poolTotal',
      'pool',
      'line',
      'line',
      'line',
      'line',
      'poolTotal',
    ]);
  });

  it("a parent's figures are the sum of its sub-lines, and follow them when one changes", () => {
    const lines = example().map((l) => (l.id === 'f2' ? { ...l, amounts: { 2022: k(1.5), 2023: k(2300) } } : l));
    const { rows } = buildRowModel({ years: YEARS, pools, lines });
    const muse = rows.find((r) => r.id === 'muse')!;
    expect(muse.kind === 'line' && muse.hasChildren).toBe(true);
    expect(formatAmount(muse.amounts[2022])).toBe('2.701,5');
    expect(formatAmount(muse.total)).toBe('5.001,5');
    expect(formatAmount(rows.find((r) => r.id === 'total:vis')!.amounts[2022])).toBe('3.101,5');
  });

  it('a sub-line counts once in the pool total (through its parent), not twice', () => {
    const { rows } = buildRowModel({ years: YEARS, pools, lines: example() });
    expect(rows.find((r) => r.id === 'total:vis')!.amounts[2023]).toBe(k(2300));
  });

  it('an empty cell stays empty on a line; a line with no amounts at all has an empty I alt', () => {
    const lines = [line('new', 'nat', 'Ny linje', 1, {}), line('half', 'nat', 'Halv', 2, { 2023: k(5) })];
    const { rows } = buildRowModel({ years: YEARS, pools, lines });
    // What each year's cell shows: a missing year is an empty cell, not 0.
    const shown = (id: string) => {
      const row = rows.find((r) => r.id === id)!;
      return { cells: YEARS.map((y) => row.amounts[y] ?? null), total: row.total };
    };
    expect(shown('new')).toEqual({ cells: [null, null], total: null });
    expect(shown('half')).toEqual({ cells: [null, k(5)], total: k(5) });
    // An empty pool still has its heading and a zero "i alt", as in the annex.
    expect(table(inPool(rows, 'vis'))).toEqual([
      'Vestdansk It Samarbejde',
      'Vestdansk It Samarbejde i alt | 0 | 0 | 0',
    ]);
  });

  it('a collapsed pool hides its lines but keeps its heading and its "i alt" row, and totals do not change', () => {
    const open = buildRowModel({ years: YEARS, pools, lines: example() });
    const { rows, grandTotal } = buildRowModel({ years: YEARS, pools, lines: example() }, new Set(['vis']));
    expect(table(rows)).toEqual([
      'Nationale projekter',
      'LPR3 ID3 - Landspatientregister | 1.500 | 2.800 | 4.300',
      'Integration til national eCPR | 2.100 | 0 | 2.100',
      'Nationale projekter i alt | 3.600 | 2.800 | 6.400',
      'Vestdansk It Samarbejde',
      'Vestdansk It Samarbejde i alt | 3.100 | 2.300 | 5.400',
    ]);
    expect(rows.find((r) => r.id === 'pool:vis')).toMatchObject({ collapsed: true });
    expect(grandTotal).toEqual(open.grandTotal);
  });

  it('a collapsed parent hides its sub-lines and still shows their sum', () => {
    const { rows } = buildRowModel({ years: YEARS, pools, lines: example() }, new Set(['muse']));
    expect(table(inPool(rows, 'vis'))).toEqual([
      'Vestdansk It Samarbejde',
      'MUSE EKG | 2.700 | 2.300 | 5.000',
      'RIAS udbudsprojekt | 400 | 0 | 400',
      'Vestdansk It Samarbejde i alt | 3.100 | 2.300 | 5.400',
    ]);
    expect(rows.find((r) => r.id === 'muse')).toMatchObject({ collapsed: true, hasChildren: true });
  });

  it('row ids are stable and distinct for headings, lines and totals', () => {
    const { rows, grandTotal } = buildRowModel({ years: YEARS, pools, lines: example() });
    const ids = [...rows, grandTotal].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('pool:nat');
    expect(ids).toContain('total:nat');
    expect(grandTotal.id).toBe('grand-total');
  });
});

describe('RowCache', () => {
  it('reuses the row object of every unchanged line and builds a new one for the changed line', () => {
    const cache = new RowCache();
    const lines = example();
    const first = buildRowModel({ years: YEARS, pools, lines }, new Set(), cache);
    const edited = lines.map((l) => (l.id === 'lpr' ? { ...l, amounts: { ...l.amounts, 2023: k(3000) } } : l));
    const second = buildRowModel({ years: YEARS, pools, lines: edited }, new Set(), cache);
    const row = (m: typeof first, id: string) => m.rows.find((r) => r.id === id)!;

    for (const id of ['ecpr', 'f1', 'f2', 'ras']) expect(row(second, id), id).toBe(row(first, id));
    expect(row(second, 'lpr')).not.toBe(row(first, 'lpr'));
    expect(formatAmount(row(second, 'lpr').amounts[2023])).toBe('3.000');
    expect(formatAmount(row(second, 'total:nat').amounts[2023])).toBe('3.000');
    expect(formatAmount(second.grandTotal.amounts[2023])).toBe('5.300');
  });

  it('builds every row anew when the years change, so a new year column is not missing', () => {
    const cache = new RowCache();
    const lines = example();
    const first = buildRowModel({ years: YEARS, pools, lines }, new Set(), cache);
    const years = [...YEARS, 2024];
    const second = buildRowModel({ years, pools, lines }, new Set(), cache);
    const lpr = second.rows.find((r) => r.id === 'lpr')!;
    expect(lpr).not.toBe(first.rows.find((r) => r.id === 'lpr'));
    expect(years.map((y) => lpr.amounts[y] ?? null)).toEqual([k(1500), k(2800), null]);
    expect(lpr.total).toBe(k(4300));
  });
});
