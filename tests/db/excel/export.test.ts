/**
 * The Bilag 1 export (db/excel/export.ts) read back with exceljs: the annex's layout, totals as
 * live formulas whose cached values are what Excel computes and what the portfolio says, user
 * text never a formula, number formats, frozen header, A4 print setup, widths, sheet names.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { exportAnnex, type ExportOptions, type PortfolioData } from '../../../db/excel/export';
import { exportFileName, sheetNames } from '../../../db/excel/export-layout';
import { openSession } from '../../../db/index';
import { UserError } from '../../../db/core/errors';
import { buildRowModel } from '../../../shared/grid/row-model';
import {
  evaluate,
  expectOnlyAddresses,
  formulas,
  generatePortfolio,
  isFormula,
  kroner,
  loadWorkbook,
} from './excel-helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function portfolio(example = true): PortfolioData {
  const path = join(dir, `p${Math.random()}.sqlite`);
  createPortfolio(path, { example });
  const s = openSession(path, { readonly: true });
  const snap = s.snapshot();
  s.db.close();
  return snap;
}

async function exported(data: PortfolioData, options: Partial<ExportOptions> = {}): Promise<ExcelJS.Workbook> {
  const out = join(dir, `out${Math.random()}.xlsx`);
  await exportAnnex(data, { perPool: false, descriptions: false, ...options }, out);
  return loadWorkbook(readFileSync(out));
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) =>
  (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1).map((v) => (isFormula(v) ? (v.result ?? 0) : v));

/** Each formula's cached value equals what its formula computes from the sheet. */
function expectCachedValuesRight(wb: ExcelJS.Workbook): void {
  const names = wb.worksheets.map((w) => w.name);
  for (const { sheet, cell, value } of formulas(wb)) {
    expectOnlyAddresses(value.formula, names);
    // exceljs reads a cached 0 back as no result (it writes <v>0</v>; the raw XML is checked below).
    expect(kroner(Number(value.result ?? 0)), `${sheet.name}!${cell.address} ${value.formula}`).toBe(
      kroner(evaluate(wb, sheet, value.formula)),
    );
  }
}

describe('one sheet', () => {
  it('lays out the example like the annex, with every total a formula whose cached value is right', async () => {
    const data = portfolio();
    const wb = await exported(data);
    const ws = wb.getWorksheet('Bilag 1')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bilag 1']);
    expect(ws.getCell('A1').value).toBe(data.meta.title);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(rowValues(ws, 3)).toEqual(['Nationale projekter']);
    expect(rowValues(ws, 4)).toEqual(['Beløb i 1.000 kr', 2022, 2023, 'I alt']);
    for (const c of ['A3', 'A4', 'B4', 'D4', 'A7', 'B7', 'D7']) expect(ws.getCell(c).font?.bold, c).toBe(true);
    expect(rowValues(ws, 5)).toEqual(['LPR3 ID3 - Landspatientregister', 1500, 2800, 4300]);
    expect(ws.getCell('D5').value).toEqual({ formula: 'SUM(B5:C5)', result: 4300 });
    expect(rowValues(ws, 7)).toEqual(['Nationale projekter i alt', 3600, 2800, 6400]);
    expect(ws.getCell('B7').value).toEqual({ formula: 'SUM(B5:B6)', result: 3600 });
    // The parent line's cells sum its sub-lines; sub-lines are written -name and indented.
    expect(rowValues(ws, 22)).toEqual(['MUSE EKG', 2700, 2300, 5000]);
    expect(rowValues(ws, 23)).toEqual(['-MUSE EKG fase 1', 2700, 0, 2700]);
    expect(ws.getCell('A23').alignment?.indent).toBe(1);
    expect(ws.getCell('A22').alignment?.indent ?? 0).toBe(0);
    expect(rowValues(ws, 28)).toEqual(['Vestdansk It Samarbejde i alt', 13800, 2300, 16100]);
    expect(rowValues(ws, 30)).toEqual(['Total', 28050, 11600, 39650]);
    expect(ws.getCell('B30').value).toEqual({ formula: 'SUM(B7,B17,B28)', result: 28050 });
    expectCachedValuesRight(wb);
  });

  it('caches every total of generated portfolios as the portfolio computes it', async () => {
    for (const seed of [1, 2, 3]) {
      const path = join(dir, `g${seed}.sqlite`);
      generatePortfolio(path, seed, { lines: 30 });
      const s = openSession(path, { readonly: true });
      const data = s.snapshot();
      s.db.close();
      const wb = await exported(data);
      expectCachedValuesRight(wb);
      const ws = wb.worksheets[0]!;
      const { rows, grandTotal } = buildRowModel(data);
      const last = ws.getRow(ws.rowCount);
      expect(last.getCell(1).value).toBe('Total');
      data.years.forEach((y, i) =>
        expect(kroner(Number((last.getCell(i + 2).value as { result?: number }).result ?? 0))).toBe(
          grandTotal.amounts[y],
        ),
      );
      // Each pool's `i alt` row holds the row model's pool totals.
      const totals = rows.filter((r) => r.kind === 'poolTotal');
      const found: (number | null)[][] = [];
      ws.eachRow((row) => {
        if (totals.some((t) => t.name === row.getCell(1).value))
          found.push(
            data.years.map((_, i) => kroner(Number((row.getCell(i + 2).value as { result?: number }).result ?? 0))),
          );
      });
      expect(found).toEqual(totals.map((t) => data.years.map((y) => t.amounts[y] ?? 0)));
    }
  });

  it('writes text from the portfolio as plain strings, never as formulas', async () => {
    const data = portfolio();
    const nasty = ['=SUM(A1)', '+1', '-x', '@cmd', '=HYPERLINK("http://x","klik")', "=cmd|' /C calc'!A0"];
    data.meta = { ...data.meta, title: '=1+1' };
    data.pools = data.pools.map((p, i) => (i === 0 ? { ...p, name: '@SUM(1)', description: '=2+2' } : p));
    data.lines = data.lines.map((l, i) => (i < nasty.length ? { ...l, name: nasty[i]!, description: nasty[i]! } : l));
    for (const perPool of [false, true]) {
      const wb = await exported(data, { perPool, descriptions: true });
      const texts: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'string') texts.push(cell.value);
          }),
        ),
      );
      for (const t of [...nasty.filter((n) => n !== '-x'), '=1+1', '@SUM(1)', '=2+2']) expect(texts).toContain(t);
      expect(texts).toContain('-x');
      // A per-pool total names its sheet ('@SUM(1)'!B7, checked by expectOnlyAddresses); nothing else is text.
      for (const { value } of formulas(wb)) {
        for (const t of [...nasty, '1+1', '@SUM', '2+2'])
          expect(value.formula.replace(/'(?:[^']|'')*'!/g, '')).not.toContain(t);
      }
      expectCachedValuesRight(wb);
    }
  });

  it('formats amounts with thousands separators and decimals only where a value has them', async () => {
    const data = portfolio();
    const lpr = data.lines.find((l) => l.name.startsWith('LPR3'))!;
    lpr.amounts = { 2022: 1_234_500, 2023: -250_000 };
    const wb = await exported(data);
    const ws = wb.getWorksheet('Bilag 1')!;
    expect(ws.getCell('B5').value).toBe(1234.5);
    expect(ws.getCell('B5').numFmt).toBe('#,##0.0##');
    expect(ws.getCell('C5').value).toBe(-250);
    expect(ws.getCell('C5').numFmt).toBe('#,##0');
    expect(ws.getCell('D5').numFmt).toBe('#,##0.0##'); // 984,5
    expect(ws.getCell('B6').numFmt).toBe('#,##0');
    expect(ws.getCell('B7').numFmt).toBe('#,##0.0##');
    expect(ws.getCell('B4').numFmt ?? 'General').not.toContain('#'); // 2022, not 2.022
    expectCachedValuesRight(wb);
  });

  it('right-aligns each header cell over numbers (years, I alt), on every sheet, so a print does not read `2023I alt`', async () => {
    const data = portfolio();
    const horizontal = (ws: ExcelJS.Worksheet, a: string) => ws.getCell(a).alignment?.horizontal;
    const one = (await exported(data)).getWorksheet('Bilag 1')!;
    for (const r of [4, 11, 21]) {
      expect(rowValues(one, r)).toEqual(['Beløb i 1.000 kr', 2022, 2023, 'I alt']);
      for (const c of ['B', 'C', 'D']) expect(horizontal(one, `${c}${r}`), `${c}${r}`).toBe('right');
      expect(horizontal(one, `A${r}`)).toBeUndefined(); // over the names: left, as they are
      expect(one.getCell(`D${r}`).font?.bold).toBe(true);
    }
    // Total rows: text over the names only, numbers right-aligned as numbers are.
    for (const a of ['A7', 'A30']) expect(horizontal(one, a)).toBeUndefined();
    const perPool = await exported(data, { perPool: true, descriptions: true });
    for (const ws of perPool.worksheets.filter((w) => w.name !== 'Beskrivelser')) {
      const r = ws.name === 'Total' ? 3 : 4;
      expect(ws.getCell(`D${r}`).value, ws.name).toBe('I alt');
      for (const c of ['B', 'C', 'D']) expect(horizontal(ws, `${c}${r}`), `${ws.name}!${c}${r}`).toBe('right');
    }
  });

  it('freezes the header, prints A4 portrait fit to width with the header repeated, and sizes the columns', async () => {
    const data = portfolio();
    const wb = await exported(data);
    const ws = wb.getWorksheet('Bilag 1')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    });
    const longest = Math.max(...data.lines.map((l) => l.name.length));
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(longest);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(80);
    for (const c of [2, 3, 4]) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(10);
  });

  it('writes the chosen years in the chosen order, and refuses a year the portfolio lacks', async () => {
    const data = portfolio();
    const wb = await exported(data, { years: [2023, 2022] });
    const ws = wb.getWorksheet('Bilag 1')!;
    expect(rowValues(ws, 4)).toEqual(['Beløb i 1.000 kr', 2023, 2022, 'I alt']);
    expect(rowValues(ws, 5)).toEqual(['LPR3 ID3 - Landspatientregister', 2800, 1500, 4300]);
    expectCachedValuesRight(wb);
    const one = (await exported(data, { years: [2023] })).getWorksheet('Bilag 1')!;
    expect(rowValues(one, 4)).toEqual(['Beløb i 1.000 kr', 2023, 'I alt']);
    expect(rowValues(one, 30)).toEqual(['Total', 11600, 11600]);
    await expect(
      exportAnnex(data, { perPool: false, descriptions: false, years: [2030] }, join(dir, 'x.xlsx')),
    ).rejects.toThrow(UserError);
    await expect(
      exportAnnex(data, { perPool: false, descriptions: false, years: [] }, join(dir, 'x.xlsx')),
    ).rejects.toThrow(/mindst ét år/);
  });

  it('writes an empty portfolio and an empty pool without formulas over nothing', async () => {
    const data = portfolio(false);
    const wb = await exported({ ...data, pools: [{ id: 'p', name: 'Tom pulje', position: 1, description: '' }] });
    const ws = wb.getWorksheet('Bilag 1')!;
    expect(rowValues(ws, 5)).toEqual(['Tom pulje i alt', 0, 0, 0]);
    expectCachedValuesRight(wb);
    expectCachedValuesRight(await exported(data));
  });

  it('writes to a stream as well as to a file', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) });
    await exportAnnex(portfolio(), { perPool: false, descriptions: false }, sink);
    const wb = await loadWorkbook(Buffer.concat(chunks));
    expect(wb.getWorksheet('Bilag 1')!.getCell('A30').value).toBe('Total');
  });
});

describe('one sheet per pool', () => {
  it('names sheets validly and uniquely, and totals them on a Total sheet', async () => {
    const data = portfolio();
    const names = [
      'Nationale: [projekter]/*?\\',
      'Fællesregionale projekter med et meget langt navn',
      "Vestdansk 'It' Samarbejde",
    ];
    data.pools = data.pools.map((p, i) => ({ ...p, name: names[i]! }));
    data.pools.push({
      id: 'x',
      name: 'Fællesregionale projekter med et meget langt navn II',
      position: 99_999,
      description: '',
    });
    const wb = await exported(data, { perPool: true });
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets).toHaveLength(5);
    expect(sheets.at(-1)).toBe('Total');
    for (const n of sheets) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/^'|'$/);
    }
    expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(5);
    const first = wb.worksheets[0]!;
    expect(first.getCell('A3').value).toBe(names[0]);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(first.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    const total = wb.getWorksheet('Total')!;
    expect(rowValues(total, total.rowCount)).toEqual(['Total', 28050, 11600, 39650]);
    expect(String((total.getCell('B4').value as { formula: string }).formula)).toMatch(/^'.+'!B7$/);
    expectCachedValuesRight(wb);
  });

  it('makes sheet names valid: length, characters, apostrophes, reserved and repeated names', () => {
    const names = sheetNames(
      ['Total', 'a'.repeat(40), 'a'.repeat(40), "'quoted'", 'History', '', '😀'.repeat(20)],
      ['Total'],
    );
    expect(names[0]).toBe('Total (2)');
    expect(names[1]).toBe('a'.repeat(31));
    expect(names[2]).toBe(`${'a'.repeat(27)} (2)`);
    expect(names[3]).toBe('’quoted’');
    expect(names[4]).not.toBe('History');
    expect(names[5]).toBe('Pulje');
    expect(names[6]).toBe('😀'.repeat(15)); // Excel counts UTF-16 units; no half surrogate pair
  });
});

describe('descriptions and file name', () => {
  it('adds a Beskrivelser sheet with pool, project and description', async () => {
    const data = portfolio();
    const wb = await exported(data, { descriptions: true });
    const ws = wb.getWorksheet('Beskrivelser')!;
    expect(rowValues(ws, 1)).toEqual(['Pulje', 'Projekt', 'Beskrivelse']);
    const rows = new Map<string, string>();
    ws.eachRow(
      (row, r) =>
        r > 1 && row.getCell(2).value && rows.set(String(row.getCell(2).value), String(row.getCell(3).value ?? '')),
    );
    const kiit = data.lines.find((l) => l.name.startsWith('Klinisk'))!;
    expect(rows.get(kiit.name)).toBe(kiit.description);
    expect(rows.size).toBe(data.lines.length);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('names the file after the whole title and the date, safe for any file system', () => {
    expect(
      exportFileName('Bilag 1. Udmøntning af midler til nationale og tværregionale projekter (RM)', '2026-11-22'),
    ).toBe('Bilag 1 Udmøntning af midler til nationale og tværregionale projekter (RM) 2026-11-22.xlsx');
    // Only a title longer than any annex's is cut: after a whole word, and it says so with «…».
    const long = exportFileName(`Bilag 1 ${'Meget lang titel '.repeat(12)}`, '2026-11-22');
    expect(long).toMatch(/^Bilag 1 Meget lang titel .*titel… 2026-11-22\.xlsx$/);
    expect(long.length).toBeLessThan(150);
    expect(exportFileName('RM: budget/2026?', '2026-11-22')).toBe('Bilag 1 RM budget 2026 2026-11-22.xlsx');
    expect(exportFileName('', '2026-11-22')).toBe('Bilag 1 2026-11-22.xlsx');
  });
});

it('writes a cached value for every formula in the raw XML, zeros included', async () => {
  const out = join(dir, 'raw.xlsx');
  await exportAnnex(portfolio(), { perPool: false, descriptions: false }, out);
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(out));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const cells = xml.match(/<c [^>]*>(?:(?!<\/c>).)*<f>(?:(?!<\/c>).)*<\/c>/g) ?? [];
  expect(cells.length).toBe(27); // 13 lines' I alt, the parent's 2 years, 3 pool totals and Total x 3 columns
  for (const c of cells) expect(c, c).toMatch(/<\/f><v>-?[\d.]+<\/v><\/c>$/);
});
