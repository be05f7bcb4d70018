/**
 * Reading Bilag 1 from workbooks made elsewhere (db/excel/read-annex-file.ts, read-workbook.ts,
 * zip-guard.ts, db/excel/annex/read.ts): the fixture gives exactly the figures of docs/domain.md;
 * variants a sender might make give the same; totals that disagree are listed, never imported;
 * and bad files are refused in Danish while the process lives on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnnexRead, GridCell, SheetGrid } from '../../../shared/contract/annex';
import { AnnexError, readAnnex } from '../../../db/excel/annex/read';
import { formatAmount } from '../../../shared/danish/number';
import { UserError } from '../../../db/core/errors';
import { importWorkerStart, readAnnexFile } from '../../../db/excel/read-annex-file';
import { readWorkbook } from '../../../db/excel/read-workbook';
import { checkZip } from '../../../db/excel/zip-guard';
import { EXAMPLE, exampleWorkbook, lyingZip, minimalXlsx, rowsWorkbook, zip, zipBomb, type Variant } from './workbooks';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURE = readFileSync(join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx'));

/** The workbook read in this process (the worker adds nothing to what is read). */
async function read(bytes: Buffer): Promise<AnnexRead> {
  const { sheets, notes } = await readWorkbook(bytes);
  const annex = readAnnex(sheets);
  return { ...annex, notes: [...notes, ...annex.notes] };
}

/** Per pool: its name and its sums by year as Danish text, from the lines (a parent has none of its own). */
function poolFigures(annex: AnnexRead): [string, Record<string, string>][] {
  return annex.pools.map((pool) => {
    const sums: Record<string, number> = {};
    for (const line of pool.lines) for (const [year, v] of Object.entries(line.amounts)) sums[year] = (sums[year] ?? 0) + v;
    return [pool.name, Object.fromEntries(Object.entries(sums).map(([y, v]) => [y, formatAmount(v)]))];
  });
}

function grandFigures(annex: AnnexRead): Record<string, string> {
  const sums: Record<string, number> = {};
  for (const line of annex.pools.flatMap((p) => p.lines)) for (const [y, v] of Object.entries(line.amounts)) sums[y] = (sums[y] ?? 0) + v;
  return Object.fromEntries(Object.entries(sums).map(([y, v]) => [y, formatAmount(v)]));
}

const EXAMPLE_FIGURES: [string, Record<string, string>][] = [
  ['Nationale projekter', { 2022: '3.600', 2023: '2.800' }],
  ['Fællesregionale projekter', { 2022: '10.650', 2023: '6.500' }],
  ['Vestdansk It Samarbejde', { 2022: '13.800', 2023: '2.300' }],
];

/** Lines as `name depth` with their amounts in thousands, in order. */
function lineList(annex: AnnexRead): string[] {
  return annex.pools.flatMap((p) => p.lines.map((l) => {
    const amounts = Object.entries(l.amounts).map(([y, v]) => `${y}=${formatAmount(v)}`).join(' ');
    return `${p.name} | ${l.depth ? '  ' : ''}${l.name} | ${amounts}`;
  }));
}

const EXAMPLE_LINES = EXAMPLE.flatMap((p) => p.lines.map((l) =>
  `${p.pool} | ${l.sub ? '  ' : ''}${l.name} | ${(l.amounts ?? []).map((a, i) => `${2022 + i}=${formatAmount(a * 1000)}`).join(' ')}`));

function expectExample(annex: AnnexRead): void {
  expect(annex.years).toEqual([2022, 2023]);
  expect(poolFigures(annex)).toEqual(EXAMPLE_FIGURES);
  expect(grandFigures(annex)).toEqual({ 2022: '28.050', 2023: '11.600' });
  expect(lineList(annex)).toEqual(EXAMPLE_LINES);
  expect(annex.mismatches).toEqual([]);
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
    ['a line name in rich text', { cells: { A5: { richText: [{ text: 'LPR3 ID3 - ' }, { font: { bold: true }, text: 'Landspatientregister' }] } } }],
    ['shared formulas in the I alt column', {
      cells: {
        D5: { formula: 'SUM(B5:C5)', result: 4300, shareType: 'shared', ref: 'D5:D6', date1904: false } as never,
        D6: { sharedFormula: 'D5', result: 2100, date1904: false } as never,
      },
    }],
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
    const annex = await read(await exampleWorkbook({ cells: { C5: { formula: '2000+800', result: 2800, date1904: false } } }));
    expectExample(annex);
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
    const annex = await read(await exampleWorkbook({ cells: { B17: { formula: 'SUM(B12:B16)', result: 10600, date1904: false } } }));
    expect(annex.mismatches).toEqual([
      { sheet: 'Bilag 1', cell: 'B17', found: 10_600_000, computed: 10_650_000, message: 'Bilag 1!B17: 10.600, men linjerne giver 10.650' },
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
    rows: new Map(rows.map((cells, r) => [r + 1, new Map(cells.flatMap((value, c): [number, GridCell][] => (value === null ? [] : [[c + 1, { value }]])))])),
  });

  it('a title merged across the columns is not a header, even when it reads like one', () => {
    const annex = readAnnex([grid([['Beløb i 1.000 kr', null, null], [], ['Pulje A'], ['Beløb i 1.000 kr', 2022, 'I alt'], ['Linje', 5, 5]], ['A1:C1'])]);
    expect(annex.pools.map((p) => [p.name, p.headerRow])).toEqual([['Pulje A', 4]]);
    expect(annex.notes).toEqual([]);
  });

  it('a table without an `… i alt` row ends where the next heading begins', () => {
    const annex = readAnnex([grid([['A'], ['Beløb i 1.000 kr', 2022], ['x', 1], ['B'], ['Beløb i 1.000 kr', 2022], ['y', 2]])]);
    expect(annex.pools.map((p) => [p.name, p.lines.map((l) => l.name)])).toEqual([['A', ['x']], ['B', ['y']]]);
  });

  it('a line of amounts that look like years is not a header', () => {
    const annex = readAnnex([grid([['Beløb i 1.000 kr', 2022, 2023], ['Projekt', 2000, 2001], ['Andet', 1, 2]])]);
    expect(annex.pools[0]?.lines.map((l) => [l.name, l.amounts])).toEqual([
      ['Projekt', { 2022: 2_000_000, 2023: 2_001_000 }],
      ['Andet', { 2022: 1000, 2023: 2000 }],
    ]);
  });

  it('a bare `I alt` after the pool subtotals, or `Total i alt`, is the grand total: checked, not a pool', () => {
    const rows = [['A'], ['Beløb i 1.000 kr', 2022], ['x', 1], ['A i alt', 1], [], ['B'], ['Beløb i 1.000 kr', 2022], ['y', 2], ['B i alt', 2]];
    const right = readAnnex([grid([...rows, [], ['I alt', 3]])]);
    expect([right.pools.map((p) => p.name), right.mismatches]).toEqual([['A', 'B'], []]);
    const wrong = readAnnex([grid([...rows, [], ['Total i alt', 4]])]);
    expect(wrong.pools.map((p) => p.name)).toEqual(['A', 'B']);
    expect(wrong.mismatches.map((m) => m.message)).toEqual(['Ark1!B11: 4, men linjerne giver 3']);
  });

  it('the grand total counts the pools of every sheet before it', () => {
    const first = grid([['Beløb i 1.000 kr', 2022], ['x', 1], ['A i alt', 1]]);
    const second = { ...grid([['Beløb i 1.000 kr', 2022], ['y', 2], ['B i alt', 2], ['Total', 3]]), name: 'Ark2' };
    expect(readAnnex([first, second]).mismatches).toEqual([]);
  });

  it('a year that appears twice in a header is an error naming the cell', () => {
    expect(() => readAnnex([grid([['Beløb i 1.000 kr', 2022, 2022], ['x', 1, 1]])])).toThrow(/^Ark1!C1: året 2022 står to gange/);
  });
});

describe('files that are refused, in Danish, with the app alive', () => {
  async function refusal(bytes: Uint8Array, options = {}): Promise<string> {
    const error = await readAnnexFile(bytes, 'bilag.xlsx', options).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  }

  it('a truncated zip', async () => {
    expect(await refusal(FIXTURE.subarray(0, Math.floor(FIXTURE.length / 2)))).toMatch(/^«bilag\.xlsx» er beskadiget \(.+\)/);
    expect(await refusal(FIXTURE.subarray(0, FIXTURE.length - 10))).toMatch(/er beskadiget/);
  });

  it('a text file named .xlsx, and an empty file', async () => {
    const text = Buffer.from('Beløb i 1.000 kr;2022;2023\nLPR3;1.500;2.800\n');
    expect(await refusal(text)).toBe('«bilag.xlsx» er ikke en Excel-projektmappe (.xlsx). Åbn filen i Excel, gem den som «Excel-projektmappe (*.xlsx)», og prøv igen.');
    expect(await refusal(new Uint8Array(0))).toMatch(/er ikke en Excel-projektmappe \(\.xlsx\)/);
  });

  it('an old .xls or password-protected workbook (an OLE container)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refusal(ole)).toMatch(/ældre Excel-fil \(\.xls\) eller en projektmappe med adgangskode/);
  });

  it('an OpenDocument spreadsheet (.ods) is named as such, with how to save it as .xlsx in LibreOffice', async () => {
    const ods = zip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
      { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' },
    ]);
    expect(await refusal(ods)).toBe(
      '«bilag.xlsx» er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe. Åbn den i LibreOffice, vælg Filer → Gem som, gem den som «Excel-projektmappe (.xlsx)», og prøv igen.',
    );
    // An OpenDocument text document is not a spreadsheet: the general message.
    const odt = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<x/>' }]);
    expect(await refusal(odt)).toMatch(/er ikke en Excel-projektmappe \(\.xlsx\)/);
  });

  it('a zip that is not a workbook', async () => {
    expect(await refusal(zip([{ name: 'word/document.xml', data: '<w/>' }]))).toMatch(/er ikke en Excel-projektmappe/);
  });

  it('a zip bomb (400 MB of XML from a few hundred KB) is refused from its directory, before inflating', async () => {
    const bomb = zipBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(bomb)).toMatch(/^«bilag\.xlsx» er for stor til at blive læst som et bilag: .*zip-bombe/);
    expect(() => checkZip(zipBomb(2), 'lille.xlsx')).toThrow(/pakkes ud til .* gange sin størrelse/);
  });

  it('a part that inflates past the size its directory declares, or has a wrong checksum, is damaged', async () => {
    expect(await refusal(lyingZip(50))).toBe(
      '«bilag.xlsx» er beskadiget (delen «xl/worksheets/sheet1.xml» fylder mere end zip-indholdsfortegnelsen siger) og kan ikke læses. Bed afsenderen om at sende filen igen.',
    );
    const flipped = Buffer.from(FIXTURE);
    const directory = flipped.readUInt32LE(flipped.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    const sheet = flipped.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), directory);
    flipped.writeUInt32LE(flipped.readUInt32LE(sheet - 30) ^ 1, sheet - 30); // the CRC-32 in its central directory entry
    expect(await refusal(flipped)).toMatch(/delen «xl\/worksheets\/sheet1\.xml» har en forkert kontrolsum/);
  });

  it('an encrypted entry and ZIP64 are refused with a clear message', async () => {
    const encrypted = Buffer.from(FIXTURE);
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    expect(await refusal(encrypted)).toMatch(/er krypteret/);
    const zip64 = Buffer.from(FIXTURE);
    zip64.writeUInt32LE(0xffffffff, zip64.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    expect(await refusal(zip64)).toMatch(/ZIP64/);
  });

  it('a merged-cell bomb (A1:Z200000 in a tiny workbook) does not hold the import up', async () => {
    const rows = [['Nationale projekter'], ['Beløb i 1.000 kr', 2022, 2023, 'I alt'], ['LPR3', 1500, 2800, 4300]];
    const bomb = minimalXlsx(rows, '<mergeCells count="1"><mergeCell ref="A1:Z200000"/></mergeCells>');
    expect(bomb.length).toBeLessThan(4096);
    const started = Date.now();
    const annex = await readAnnexFile(bomb, 'bombe.xlsx', { timeoutMs: 20_000 });
    expect(annex.pools.map((p) => [p.name, p.lines.length])).toEqual([['Nationale projekter', 1]]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a worker past its time or memory ends with «for stor eller for kompleks», not the app', async () => {
    expect(await refusal(FIXTURE, { timeoutMs: 1 })).toMatch(/^Projektmappen er for stor eller for kompleks til at blive læst \(læsningen tog mere end 1 sekund\)/);
    const big = await rowsWorkbook([
      ['Beløb i 1.000 kr', 2022, 'I alt'],
      ...Array.from({ length: 3000 }, (_, i) => [`Linje ${i} ${'x'.repeat(200)}`, i, i]),
    ]);
    expect(await refusal(big, { maxOldGenerationSizeMb: 8 })).toMatch(/^Projektmappen er for stor eller for kompleks til at blive læst \(den kræver for meget hukommelse\)/);
  });

  it('a workbook with no annex table', async () => {
    const none = await rowsWorkbook([['Budgetnotat'], ['Tekst', 'mere tekst'], [1, 2, 3]]);
    expect(await refusal(none)).toMatch(/^Der blev ikke fundet nogen bilagstabel i projektmappen \(en række med «Beløb i 1\.000 kr» eller med årstal\)/);
  });

  it('a cell that is not an amount, naming sheet and cell', async () => {
    expect(await refusal(await exampleWorkbook({ cells: { C5: '1,2,3' } }))).toBe(
      'Bilag 1!C5: «1,2,3» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250.',
    );
  });

  it('more rows than the cap', async () => {
    expect(await refusal(FIXTURE, { maxRows: 10 })).toMatch(/mere end 10 udfyldte rækker/);
  });

  it('and after all that, the next workbook is read as usual', async () => {
    expectExample(await readAnnexFile(FIXTURE, 'bilag.xlsx'));
  });
});

describe('the worker in the Electron bundle', () => {
  it('is excel-worker.cjs beside main.cjs; from TypeScript it is import-worker.ts through tsx', () => {
    expect(importWorkerStart('file:///app/resources/app.asar/dist/electron/main.cjs')).toEqual({
      script: fileURLToPath('file:///app/resources/app.asar/dist/electron/excel-worker.cjs'),
      eval: false,
    });
    const fromSource = importWorkerStart(new URL('../../../db/excel/read-annex-file.ts', import.meta.url).href);
    expect(fromSource.eval).toBe(true);
    expect(fromSource.script).toContain(join(ROOT, 'db', 'excel', 'import-worker.ts'));
  });

  it('AnnexError is what readAnnex throws', () => {
    expect(() => readAnnex([])).toThrow(AnnexError);
  });
});
