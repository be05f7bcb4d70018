/**
 * Paste, fill, clear and copy on the grid's rows (shared/grid/edit.ts): Danish values from
 * Excel and from our own copy, names kept text, read-only rows skipped, a bad value refusing all.
 */
import { describe, expect, it } from 'vitest';
import type { Pool } from '../../../shared/domain/model';
import { buildRowModel } from '../../../shared/grid/row-model';
import {
  clipboardAmount,
  clipboardName,
  copyRows,
  planClear,
  planFill,
  planFillDown,
  planPaste,
  rangeAmounts,
  type GridView,
} from '../../../shared/grid/edit';
import { parseTsv, toTsv } from '../../../shared/grid/tsv';
import { parseAmount } from '../../../shared/danish/number';
import { k, line } from './lines';

const pools: Pool[] = [
  { id: 'nat', name: 'Nationale projekter', position: 1, description: '' },
  { id: 'vis', name: 'Vestdansk It Samarbejde', position: 2, description: '' },
];
const lines = [
  line('lpr', 'nat', 'LPR3', 1, { 2022: k(1500), 2023: k(2800) }),
  line('ecpr', 'nat', 'eCPR', 2, { 2022: k(2100), 2023: 0 }),
  line('muse', 'vis', 'MUSE EKG', 1, {}),
  line('f1', 'vis', 'MUSE EKG fase 1', 1, { 2022: k(2700) }, 'muse'),
  line('rias', 'vis', 'RIAS', 2, { 2022: k(400) }),
];
const cols = ['name', 'y2022', 'y2023', 'total'];
// rows: 0 Nationale (pool), 1 LPR3, 2 eCPR, 3 Nat i alt, 4 VIS (pool), 5 MUSE (parent), 6 fase 1, 7 RIAS, 8 VIS i alt
const view: GridView = { rows: buildRowModel({ years: [2022, 2023], pools, lines }).rows, cols };
const at = (top: number, left: number, bottom = top, right = left) => ({ top, bottom, left, right });

describe('planPaste', () => {
  it('a Danish block from Excel lands at the top-left cell, only changed cells are sent', () => {
    const plan = planPaste(view, at(1, 1), parseTsv('1.500\t3.000\r\n1.234,5\t-250\r\n'));
    expect(plan).toMatchObject({ ok: true, skipped: 0, newLines: [] });
    if (!plan.ok) return;
    expect(plan.cells).toEqual([
      { lineId: 'lpr', year: 2023, value: k(3000) },
      { lineId: 'ecpr', year: 2022, value: 1_234_500 },
      { lineId: 'ecpr', year: 2023, value: -250_000 },
    ]);
  });
  it('parses Danish values: spaces, no-break spaces, a lone dash, an empty cell', () => {
    const plan = planPaste(view, at(1, 1), [
      ['1 600', '-'],
      ['2\u00a0100,25', ''],
    ]);
    expect(plan.ok && plan.cells).toEqual([
      { lineId: 'lpr', year: 2022, value: k(1600) },
      { lineId: 'lpr', year: 2023, value: 0 },
      { lineId: 'ecpr', year: 2022, value: 2_100_250 },
      // eCPR's 2023 is a stored 0: an empty cell over it is no change (docs/grid.md, «Zeros»).
    ]);
    const emptied = planPaste(view, at(1, 2), [['']]);
    expect(emptied.ok && emptied.cells).toEqual([{ lineId: 'lpr', year: 2023, value: null }]);
  });
  it('one value that does not parse refuses the whole paste and names the cell', () => {
    const plan = planPaste(view, at(1, 1), parseTsv('1\t2\r\n3\tabc\r\n'));
    expect(plan).toEqual({
      ok: false,
      message: 'Intet blev sat ind: «abc» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250 («eCPR», 2023).',
    });
    expect(planPaste(view, at(1, 1), [['1.5.0']]).ok).toBe(false);
  });
  it('a pasted formula is computed as typed entry is (=100+50 -> 150), in cells, new lines and a fill', () => {
    const plan = planPaste(view, at(1, 1), parseTsv('=100+50\t=1.500*2\r\n=(2.700+300)/2\t2\r\n'));
    expect(plan.ok && plan.cells).toEqual([
      { lineId: 'lpr', year: 2022, value: k(150) },
      { lineId: 'lpr', year: 2023, value: k(3000) },
      { lineId: 'ecpr', year: 2022, value: k(1500) },
      { lineId: 'ecpr', year: 2023, value: k(2) },
    ]);
    const added = planPaste(view, at(2, 0), [['eCPR'], ['SDP', '=2*3']]);
    expect(added.ok && added.newLines).toEqual([{ name: 'SDP', amounts: { 2022: k(6) } }]);
    const filled = planPaste(view, at(1, 1, 2, 1), [['=10*10']]);
    expect(filled.ok && filled.cells.map((c) => c.value)).toEqual([k(100), k(100)]);
    expect(planPaste(view, at(1, 1), [['1', '=100/0']])).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Intet blev sat ind: Formlen «=100\/0» kan ikke regnes ud: .*\(«LPR3», 2023\)\.$/,
      ),
    });
  });
  it('totals, pool headings, parents and I alt are skipped and counted', () => {
    // From MUSE EKG (a parent) down: parent skipped, fase 1 written, RIAS written; I alt skipped.
    const plan = planPaste(view, at(5, 1), [
      ['9', '9', '99'],
      ['1', '2', '3'],
      ['4', '', ''],
    ]);
    expect(plan.ok && plan.skipped).toBe(4);
    expect(plan.ok && plan.cells).toEqual([
      { lineId: 'f1', year: 2022, value: k(1) },
      { lineId: 'f1', year: 2023, value: k(2) },
      { lineId: 'rias', year: 2022, value: k(4) },
    ]);
  });
  it('rows below the pool become new lines (with names when the block has them)', () => {
    const plan = planPaste(view, at(2, 0), [
      ['eCPR', '1', '2'],
      ['SDP', '3', '4'],
      ['', '5', ''],
    ]);
    expect(plan.ok && plan).toMatchObject({
      poolId: 'nat',
      newLines: [
        { name: 'SDP', amounts: { 2022: k(3), 2023: k(4) } },
        { name: null, amounts: { 2022: k(5) } },
      ],
      renames: [],
    });
  });
  it('a bad value in a new line names it', () => {
    const plan = planPaste(view, at(2, 0), [
      ['eCPR', '1', '2'],
      ['SDP', 'x', '4'],
    ]);
    expect(plan.ok || plan.message).toContain('(«SDP», 2022)');
  });
  it('names pasted over lines rename them', () => {
    const plan = planPaste(view, at(1, 0), [['LPR3 ID3'], ['eCPR']]);
    expect(plan.ok && plan.renames).toEqual([{ lineId: 'lpr', name: 'LPR3 ID3' }]);
  });
  it('one value over a range fills every writable cell of it', () => {
    const plan = planPaste(view, at(1, 1, 3, 2), [['7']]);
    expect(plan.ok && plan.cells.map((c) => `${c.lineId}:${c.year}=${c.value}`)).toEqual([
      'lpr:2022=7000',
      'lpr:2023=7000',
      'ecpr:2022=7000',
      'ecpr:2023=7000',
    ]);
    expect(plan.ok && plan.skipped).toBe(2);
  });
  it('our own copy pastes back exactly: Danish numbers without a thousands separator', () => {
    const text = toTsv(copyRows(view, at(1, 0, 2, 3)));
    expect(text).toBe('LPR3\t1500\t2800\t4300\r\neCPR\t2100\t0\t2100\r\n');
    const plan = planPaste(view, at(1, 0), parseTsv(text));
    expect(plan).toMatchObject({ ok: true, cells: [], renames: [], skipped: 2 });
  });
  it('copies decimals with a comma, as a Danish spreadsheet reads them, and reads them back exactly', () => {
    expect([1_500_000, 1_234_500, -250_000, 1_234, -1, 0, 99_999_999_999, null].map(clipboardAmount)).toEqual([
      '1500',
      '1234,5',
      '-250',
      '1,234',
      '-0,001',
      '0',
      '99999999,999',
      '',
    ]);
    for (const kroner of [1_500_000, 1_234_500, -250_000, 1_234, -1, 0, 99_999_999_999, 1_000_001]) {
      expect(parseAmount(clipboardAmount(kroner))).toEqual({ ok: true, value: kroner });
    }
    const decimals = line('dec', 'nat', 'Decimaler', 3, { 2022: 1_234_500, 2023: -250_500 });
    const v: GridView = { rows: buildRowModel({ years: [2022, 2023], pools, lines: [...lines, decimals] }).rows, cols };
    const text = toTsv(copyRows(v, at(3, 0, 3, 3)));
    expect(text).toBe('Decimaler\t1234,5\t-250,5\t984\r\n');
    expect(planPaste(v, at(3, 0), parseTsv(text))).toMatchObject({ ok: true, cells: [], renames: [], skipped: 1 });
    // Onto other lines, the same figures arrive.
    const onto = planPaste(v, at(1, 1), [['1234,5', '-250,5']]);
    expect(onto.ok && onto.cells).toEqual([
      { lineId: 'lpr', year: 2022, value: 1_234_500 },
      { lineId: 'lpr', year: 2023, value: -250_500 },
    ]);
    // From elsewhere `1.500` is Danish: one thousand five hundred (thousands).
    expect(parseAmount('1.500')).toEqual({ ok: true, value: k(1500) });
  });
  it("a name that a spreadsheet would make a formula is copied with a ' in front, and pasted back without it", () => {
    const nasty = ['=SUM(A1)', '+1', '-Drift', '@cmd', '=HYPERLINK("http://x";"klik")'];
    for (const n of nasty) expect(clipboardName(n)).toBe(`'${n}`);
    for (const n of ['LPR3', "'quoted", ' =not first', 'a=b', '1500']) expect(clipboardName(n)).toBe(n);
    const named = nasty.map((n, i) => line(`n${i}`, 'nat', n, 10 + i, { 2022: k(i) }));
    const v: GridView = { rows: buildRowModel({ years: [2022, 2023], pools, lines: [...lines, ...named] }).rows, cols };
    const text = toTsv(copyRows(v, at(3, 0, 7, 1)));
    expect(parseTsv(text).map((r) => r[0])).toEqual(nasty.map((n) => `'${n}`));
    // Back here (also as a spreadsheet gives it back), the names are unchanged.
    expect(planPaste(v, at(3, 0), parseTsv(text))).toMatchObject({ ok: true, cells: [], renames: [], skipped: 0 });
    const renamed = planPaste(v, at(1, 0), [["'=1+2"], ["'-x"]]);
    expect(renamed.ok && renamed.renames).toEqual([
      { lineId: 'lpr', name: '=1+2' },
      { lineId: 'ecpr', name: '-x' },
    ]);
    const added = planPaste(v, at(7, 0), [
      ['=HYPERLINK("http://x";"klik")', '4'],
      ["'@new", '1'],
    ]);
    expect(added.ok && added.newLines.map((l) => l.name)).toEqual(['@new']);
  });
});

describe('fill, clear and the status bar', () => {
  it('Ctrl+D copies the first row down; a one-row range takes the row above', () => {
    expect(planFillDown(view, at(1, 1, 2, 2)).cells).toEqual([
      { lineId: 'ecpr', year: 2022, value: k(1500) },
      { lineId: 'ecpr', year: 2023, value: k(2800) },
    ]);
    expect(planFillDown(view, at(2, 1)).cells).toEqual([{ lineId: 'ecpr', year: 2022, value: k(1500) }]);
  });
  it('the fill handle continues a series down: 1.500, 2.100 -> 2.700 on the next line', () => {
    const plan = planFill(view, at(6, 1, 7, 1), at(6, 1, 8, 1));
    expect(plan.cells).toEqual([]);
    expect(plan.skipped).toBe(1); // the pool total
    const lpr = planFill(view, at(1, 1, 1, 1), at(1, 1, 1, 2));
    expect(lpr.cells).toEqual([{ lineId: 'lpr', year: 2023, value: k(1500) }]);
  });
  it('a series across lines: 100, 200 -> 300, 400', () => {
    const series = ['a', 'b', 'c', 'd'].map((id, i) => line(id, 'nat', id, i, i < 2 ? { 2022: k(100 * (i + 1)) } : {}));
    const v: GridView = { rows: buildRowModel({ years: [2022, 2023], pools, lines: series }).rows, cols };
    const plan = planFill(v, at(1, 1, 2, 1), at(1, 1, 4, 1));
    expect(plan.cells).toEqual([
      { lineId: 'c', year: 2022, value: k(300) },
      { lineId: 'd', year: 2022, value: k(400) },
    ]);
  });
  it('Delete empties the writable amounts of a range, not names or totals', () => {
    expect(planClear(view, at(0, 0, 3, 3)).cells).toEqual([
      { lineId: 'lpr', year: 2022, value: null },
      { lineId: 'lpr', year: 2023, value: null },
      { lineId: 'ecpr', year: 2022, value: null },
      { lineId: 'ecpr', year: 2023, value: null },
    ]);
  });
  it('rangeAmounts gives the amounts of the range for Sum, Gennemsnit and Antal', () => {
    expect([...rangeAmounts(view, at(1, 0, 2, 2))]).toEqual([k(1500), k(2800), k(2100), 0]);
  });
  it('counts and copies an empty year as the 0 it shows, and a pool heading as nothing (one rule for zeros)', () => {
    // RIAS has nothing in 2023; the pool heading above MUSE holds no amounts.
    expect([...rangeAmounts(view, at(7, 1, 7, 3))]).toEqual([k(400), 0, k(400)]);
    expect([...rangeAmounts(view, at(4, 1, 4, 2))]).toEqual([null, null]);
    expect(toTsv(copyRows(view, at(7, 0, 7, 3)))).toBe('RIAS\t400\t0\t400\r\n');
  });
});
