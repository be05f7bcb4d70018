/**
 * Reading Bilag 1 from workbooks made elsewhere (db/excel/read-annex-file.ts, read-workbook.ts,
 * zip-guard.ts, db/excel/annex/read.ts): the fixture gives exactly the figures of docs/domain.md;
 * variants a sender might make give the same; and totals that disagree are listed, never imported.
 * Refused files: refused-files.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnnexRead, GridCell, SheetGrid } from '../../../shared/contract/annex';
import { readAnnex } from '../../../db/excel/annex/read';
import { EXAMPLE_FIGURES, EXAMPLE_LINES, expectExample, lineList, poolFigures } from './annex-expect';
import { readAnnexFile } from '../../../db/excel/read-annex-file';
import { readWorkbook } from '../../../db/excel/read-workbook';
import { EXAMPLE, exampleWorkbook, type Variant } from './workbooks';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURE = readFileSync(join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx'));

/** The workbook read in this process (the worker adds nothing to what is read). */
async function read(bytes: Buffer): Promise<AnnexRead> {
  const { sheets, notes } = await readWorkbook(bytes);
  const annex = readAnnex(sheets);
  return { ...annex, notes: [...notes, ...annex.notes] };
}

describe('the Bilag 1 fixture', () => {
  it('imports to exactly the figures of docs/domain.md, through the worker', async () => {
    const annex = await readAnnexFile(FIXTURE, 'bilag1-2022-2023.xlsx');
    expectExample(annex);
    expect(annex.title).toBe('Bilag 1. Udmøntning af midler til nationale og tværregionale projekter');
    expect(annex.pools.map((p) => [p.name, p.sheet, p.headerRow])).toEqual([
      ['Nationale projekter', 'Bilag 1', 4],
      ['Fællesregionale projekter', 'Bilag 1', 11],
      ['Vestdansk It Samarbejde', 'Bilag 1', 21],
    ]);
    const vis = annex.pools[2]?.lines ?? [];
    expect(vis.slice(0, 3)).toEqual([
      { name: 'MUSE EKG', depth: 0, amounts: {}, sheet: 'Bilag 1', row: 22 },
      { name: 'MUSE EKG fase 1', depth: 1, amounts: { 2022: 2_700_000, 2023: 0 }, sheet: 'Bilag 1', row: 23 },
      { name: 'MUSE EKG fase 2', depth: 1, amounts: { 2022: 0, 2023: 2_300_000 }, sheet: 'Bilag 1', row: 24 },
    ]);
    expect(annex.notes).toEqual([]);
  });

  it('reads the same in this process as in the worker', async () => {
    expect(await read(FIXTURE)).toEqual(await readAnnexFile(FIXTURE, 'bilag.xlsx'));
  });
});

describe('variants a sender might make', () => {
  const same: [string, Variant][] = [
    ['amounts as Danish text (1.500, - for zero, a no-break space, stray spaces)', { textAmounts: true }],
    ['one sheet per pool, without headings', { perPool: true, headings: false }],
    ['one sheet per pool, with headings', { perPool: true }],
    ['totals as plain numbers', { totals: 'values' }],
    ['sub-lines marked by indenting the cell', { subLines: 'indent' }],
    ['a header cell with a trailing period', { headerLabel: 'Beløb i 1.000 kr.' }],
    ['a header cell in another letter case', { headerLabel: 'BELØB I 1.000 KR' }],
    ['the table in column B', { offset: 1 }],
    ['a header of years only, with I alt', { headerLabel: null }],
    ['years as text in the header', { yearsAsText: true }],
    ['no I alt column', { iAlt: false }],
    ['a header of years only and no I alt column', { headerLabel: null, iAlt: false }],
    ['no title above the first table', { title: false }],
    ['blank rows and rows of spaces inside the tables', { blankRows: true }],
    ['a right grand total row after the tables', { grandTotal: 'right' }],
    [
      'a line name in rich text',
      {
        cells: { A5: { richText: [{ text: 'LPR3 ID3 - ' }, { font: { bold: true }, text: 'Landspatientregister' }] } },
      },
    ],
    [
      'shared formulas in the I alt column',
      {
        cells: {
          D5: { formula: 'SUM(B5:C5)', result: 4300, shareType: 'shared', ref: 'D5:D6', date1904: false } as never,
          D6: { sharedFormula: 'D5', result: 2100, date1904: false } as never,
        },
      },
    ],
  ];
  for (const [what, variant] of same) {
    it(`gives the example's figures: ${what}`, async () => {
      const annex = await read(await exampleWorkbook(variant));
      expectExample(annex);
      if (variant.perPool) expect(annex.pools.map((p) => p.sheet)).toEqual(EXAMPLE.map((p) => p.pool));
    });
  }

  it('a hidden sheet is not read, and the preview says so', async () => {
    const annex = await read(await exampleWorkbook({ hiddenOldSheet: true }));
    expectExample(annex);
    expect(annex.notes).toEqual(['Arket «Gammel» er skjult og blev ikke læst.']);
  });

  it('names the pool by its `… i alt` row when there is no heading, not by the merged title', async () => {
    const annex = await read(await exampleWorkbook({ headings: false }));
    expect(annex.pools.map((p) => p.name)).toEqual(EXAMPLE.map((p) => p.pool));
  });

  it('formulas without cached results: no mismatch, and the totals still come from the lines', async () => {
    const annex = await read(await exampleWorkbook({ totals: 'uncached' }));
    expectExample(annex);
    expect(annex.notes).toEqual([]);
  });

  it('a line cell with a formula but no cached result is read as empty, with a note naming it', async () => {
    const annex = await read(await exampleWorkbook({ cells: { C5: { formula: '2000+800', date1904: false } } }));
    expect(annex.pools[0]?.lines[0]?.amounts).toEqual({ 2022: 1_500_000 });
    expect(annex.notes).toEqual([expect.stringMatching(/^Bilag 1!C5: formlen har intet gemt resultat/)]);
    // The totals the sender saved still count the 2.800 that could not be read: the user sees it.
    expect(annex.mismatches.map((m) => m.message)).toEqual([
      'Bilag 1!D5: 4.300, men linjerne giver 1.500',
      'Bilag 1!C7: 2.800, men linjerne giver 0',
      'Bilag 1!D7: 6.400, men linjerne giver 3.600',
    ]);
  });

  it('a line cell with a formula and a cached result is that result', async () => {
    const annex = await read(
      await exampleWorkbook({ cells: { C5: { formula: '2000+800', result: 2800, date1904: false } } }),
    );
    expectExample(annex);
  });

  it('a text cell that reads as a typed formula (=2.000+800) is computed by the same parser as the grid', async () => {
    expectExample(await read(await exampleWorkbook({ cells: { C5: '=2.000+800' } })));
  });

  it('an added year column (2024) is read as a year', async () => {
    const annex = await read(await exampleWorkbook({ extraYear: true, grandTotal: 'right' }));
    expect(annex.years).toEqual([2022, 2023, 2024]);
    expect(annex.pools[0]?.lines[1]?.amounts).toEqual({ 2022: 2_100_000, 2023: 0, 2024: 10_000 });
    expect(poolFigures(annex).map(([, f]) => f[2024])).toEqual(['10', '100', '150']);
    expect(annex.mismatches).toEqual([]);
  });
});

describe('totals that disagree with their lines', () => {
  it('a wrong pool subtotal is a mismatch with sheet, cell, both figures and a Danish message', async () => {
    const annex = await read(
      await exampleWorkbook({ cells: { B17: { formula: 'SUM(B12:B16)', result: 10600, date1904: false } } }),
    );
    expect(annex.mismatches).toEqual([
      {
        sheet: 'Bilag 1',
        cell: 'B17',
        found: 10_600_000,
        computed: 10_650_000,
        message: 'Bilag 1!B17: 10.600, men linjerne giver 10.650',
      },
    ]);
    expect(poolFigures(annex)).toEqual(EXAMPLE_FIGURES);
  });

  it("a line's I alt, a parent's own figure and the grand total are checked too", async () => {
    const annex = await read(await exampleWorkbook({ grandTotal: 'wrong', cells: { D6: 2000, B22: 2600 } }));
    expect(annex.mismatches.map((m) => m.message)).toEqual([
      'Bilag 1!D6: 2.000, men linjerne giver 2.100',
      'Bilag 1!B22: 2.600, men linjerne giver 2.700',
      'Bilag 1!B30: 28.000, men linjerne giver 28.050',
      'Bilag 1!D30: 39.600, men linjerne giver 39.650',
    ]);
    expect(lineList(annex)).toEqual(EXAMPLE_LINES); // the parent keeps no figures of its own
    expect(annex.pools.map((p) => p.name)).not.toContain('Total');
  });
});

describe('what readAnnex does with a grid', () => {
  const grid = (rows: (string | number | null)[][], merges: string[] = []): SheetGrid => ({
    name: 'Ark1',
    merges,
    rows: new Map(
      rows.map((cells, r) => [
        r + 1,
        new Map(cells.flatMap((value, c): [number, GridCell][] => (value === null ? [] : [[c + 1, { value }]]))),
      ]),
    ),
  });

  it('a title merged across the columns is not a header, even when it reads like one', () => {
    const annex = readAnnex([
      grid(
        [['Beløb i 1.000 kr', null, null], [], ['Pulje A'], ['Beløb i 1.000 kr', 2022, 'I alt'], ['Linje', 5, 5]],
        ['A1:C1'],
      ),
    ]);
    expect(annex.pools.map((p) => [p.name, p.headerRow])).toEqual([['Pulje A', 4]]);
    expect(annex.notes).toEqual([]);
  });

  it('a table without an `… i alt` row ends where the next heading begins', () => {
    const annex = readAnnex([
      grid([['A'], ['Beløb i 1.000 kr', 2022], ['x', 1], ['B'], ['Beløb i 1.000 kr', 2022], ['y', 2]]),
    ]);
    expect(annex.pools.map((p) => [p.name, p.lines.map((l) => l.name)])).toEqual([
      ['A', ['x']],
      ['B', ['y']],
    ]);
  });

  it('a line of amounts that look like years is not a header', () => {
    const annex = readAnnex([
      grid([
        ['Beløb i 1.000 kr', 2022, 2023],
        ['Projekt', 2000, 2001],
        ['Andet', 1, 2],
      ]),
    ]);
    expect(annex.pools[0]?.lines.map((l) => [l.name, l.amounts])).toEqual([
      ['Projekt', { 2022: 2_000_000, 2023: 2_001_000 }],
      ['Andet', { 2022: 1000, 2023: 2000 }],
    ]);
  });

  it('a bare `I alt` after the pool subtotals, or `Total i alt`, is the grand total: checked, not a pool', () => {
    const rows = [
      ['A'],
      ['Beløb i 1.000 kr', 2022],
      ['x', 1],
      ['A i alt', 1],
      [],
      ['B'],
      ['Beløb i 1.000 kr', 2022],
      ['y', 2],
      ['B i alt', 2],
    ];
    const right = readAnnex([grid([...rows, [], ['I alt', 3]])]);
    expect([right.pools.map((p) => p.name), right.mismatches]).toEqual([['A', 'B'], []]);
    const wrong = readAnnex([grid([...rows, [], ['Total i alt', 4]])]);
    expect(wrong.pools.map((p) => p.name)).toEqual(['A', 'B']);
    expect(wrong.mismatches.map((m) => m.message)).toEqual(['Ark1!B11: 4, men linjerne giver 3']);
  });

  it('the grand total counts the pools of every sheet before it', () => {
    const first = grid([
      ['Beløb i 1.000 kr', 2022],
      ['x', 1],
      ['A i alt', 1],
    ]);
    const second = {
      ...grid([
        ['Beløb i 1.000 kr', 2022],
        ['y', 2],
        ['B i alt', 2],
        ['Total', 3],
      ]),
      name: 'Ark2',
    };
    expect(readAnnex([first, second]).mismatches).toEqual([]);
  });

  it('a year that appears twice in a header is an error naming the cell', () => {
    expect(() =>
      readAnnex([
        grid([
          ['Beløb i 1.000 kr', 2022, 2022],
          ['x', 1, 1],
        ]),
      ]),
    ).toThrow(/^Ark1!C1: året 2022 står to gange/);
  });
});
