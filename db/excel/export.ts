/**
 * Bilag 1 as an Excel workbook, laid out like the annex (tests/fixtures: bilag1-2022-2023.xlsx):
 * the title, per pool a heading, the header `Beløb i 1.000 kr | years | I alt`, its lines
 * (sub-lines with a leading `-`, indented), `<pool> i alt`, and a `Total`. Totals are live
 * formulas with the values cached, so the file shows figures before Excel recalculates.
 *
 * exceljs's streaming WorkbookWriter is used because its in-memory Workbook keeps every cell as
 * an object (~2 GB for 100,000 lines); the streaming one writes each row as it is committed.
 * Text from the portfolio is always a plain string cell, never a formula, whatever it starts
 * with (docs/files.md; OWASP "formula injection").
 */
import { rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs';
import type { Line, Pool, PortfolioMeta } from '../../shared/domain/model';
import type { Kroner } from '../../shared/domain/money';
import {
  chooseYears,
  col,
  columnSum,
  columnWidths,
  layOut,
  numFmtFor,
  range,
  rowRange,
  sheetNames,
  sheetRef,
  sumOf,
  thousands,
  type Layout,
  type PoolTable,
} from './export-layout';

export interface ExportOptions {
  /** One sheet per pool (and a Total sheet) instead of one sheet with every pool. */
  perPool: boolean;
  /** The years to write, in this order; all of the portfolio's by default. */
  years?: number[];
  /** Add a sheet "Beskrivelser" with each pool's and project's description. */
  descriptions: boolean;
}

export interface PortfolioData {
  meta: PortfolioMeta;
  years: number[];
  pools: Pool[];
  lines: Line[];
}
/** A Session (db/core/session.ts) or a snapshot of one. */
export type ExportSource = PortfolioData | { snapshot(): PortfolioData };

type Sheet = ExcelJS.Worksheet;
type Style = Partial<ExcelJS.Style>;

// Shared, never-mutated style objects: exceljs maps a style object to its id through a WeakMap,
// so one object per look keeps 1.4 million cells from making 1.4 million style lookups.
const BOLD: Style = Object.freeze({ font: { bold: true } });
/** A header over a column of numbers (the years, I alt): right-aligned like them, so `2023` and `I alt` do not run together. */
const BOLD_RIGHT: Style = Object.freeze({ font: { bold: true }, alignment: { horizontal: 'right' as const } });
const INDENT: Style = Object.freeze({ alignment: { indent: 1 } });
const WRAP: Style = Object.freeze({ alignment: { wrapText: true, vertical: 'top' as const } });
const NUMBER: Record<string, Style> = {
  '#,##0': Object.freeze({ numFmt: '#,##0' }),
  '#,##0.0##': Object.freeze({ numFmt: '#,##0.0##' }),
};
const NUMBER_BOLD: Record<string, Style> = {
  '#,##0': Object.freeze({ numFmt: '#,##0', font: { bold: true } }),
  '#,##0.0##': Object.freeze({ numFmt: '#,##0.0##', font: { bold: true } }),
};

const TOTAL_SHEET = 'Total';
const DESCRIPTION_SHEET = 'Beskrivelser';
/**
 * Rows between waits for the zip stream to take what is written. Measured at 100,000 lines x 12
 * years: 1,000 peaked at ~455 MB RSS, 250 at ~405 MB in the same ~5 s, 50 was slower and no smaller.
 */
const ROWS_PER_TICK = 250;

type Pipe = NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } };

/**
 * exceljs pipes a sheet's XML into archiver without heeding backpressure, so a fast writer
 * buffered the whole 54 MB sheet of 100,000 lines before zlib compressed any of it. Waiting for
 * the pipe (a readable-stream PassThrough inside exceljs 4.4) to drain keeps the buffer small;
 * if the internals are not there, or the stream stops, it just lets the event loop turn.
 */
function drained(ws: Sheet): Promise<void> {
  const pipe = (ws as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes?.[0];
  if (!pipe?._writableState?.needDrain) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const event of ['drain', 'close', 'error']) pipe.off(event, done);
      resolve();
    };
    const timer = setTimeout(done, 5000);
    for (const event of ['drain', 'close', 'error']) pipe.once(event, done);
  });
}

function pageSetup(titleRows: string): Partial<ExcelJS.PageSetup> {
  // A4 portrait, as wide as the page and as many pages down as it takes, header rows on each.
  return {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
  };
}

function frozen(ySplit: number, xSplit = 1): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: 'frozen', xSplit, ySplit }];
}

/** Writes rows in order, committing each so the streaming writer can let go of it. */
class Rows {
  n = 0;
  constructor(readonly ws: Sheet) {}

  async add(fill: (row: ExcelJS.Row) => void): Promise<number> {
    const row = this.ws.getRow(++this.n);
    fill(row);
    row.commit();
    if (this.n % ROWS_PER_TICK === 0) await drained(this.ws);
    return this.n;
  }

  skip(count: number): void {
    this.n += count;
  }
}

function text(row: ExcelJS.Row, column: number, value: string, style?: Style): void {
  const cell = row.getCell(column);
  cell.value = String(value); // a string cell: Excel never reads it as a formula
  if (style) cell.style = style;
}

function amount(row: ExcelJS.Row, column: number, kroner: Kroner, bold = false): void {
  const cell = row.getCell(column);
  cell.value = thousands(kroner);
  cell.style = (bold ? NUMBER_BOLD : NUMBER)[numFmtFor(kroner)]!;
}

/** A total: the formula from addresses only, with its value cached for readers that do not recalculate. */
function total(row: ExcelJS.Row, column: number, formula: string, kroner: Kroner, bold = false): void {
  const cell = row.getCell(column);
  cell.value = { formula, result: thousands(kroner) };
  cell.style = (bold ? NUMBER_BOLD : NUMBER)[numFmtFor(kroner)]!;
}

/** A table's header: its label over the names, then the years and `I alt` right-aligned over their numbers. */
function header(row: ExcelJS.Row, first: string, years: number[]): void {
  text(row, 1, first, BOLD);
  years.forEach((y, i) => {
    row.getCell(i + 2).value = y;
    row.getCell(i + 2).style = BOLD_RIGHT;
  });
  text(row, years.length + 2, 'I alt', BOLD_RIGHT);
}

/** One pool's table; returns the row of its `<pool> i alt`. */
async function writeTable(rows: Rows, table: PoolTable, years: number[]): Promise<number> {
  const last = years.length + 1; // the last year's column; I alt is the one after it
  const sumCol = last + 1;
  await rows.add((row) => text(row, 1, table.pool.name, BOLD));
  await rows.add((row) => header(row, 'Beløb i 1.000 kr', years));
  const first = rows.n + 1;
  for (const l of table.lines) {
    await rows.add((row) => {
      const r = row.number;
      if (l.depth) text(row, 1, `-${l.line.name}`, INDENT);
      else text(row, 1, l.line.name);
      if (l.childCount) {
        const sub = (c: number) => columnSum(true, range(c, r + 1, r + l.childCount));
        l.values.forEach((v, i) => total(row, i + 2, sub(i + 2), v ?? 0));
        total(row, sumCol, sub(sumCol), l.total);
        return;
      }
      // One rule for zeros (docs/grid.md): a year without money is 0, as the grid shows it.
      l.values.forEach((v, i) => amount(row, i + 2, v ?? 0));
      total(row, sumCol, `SUM(${rowRange(r, 2, last)})`, l.total);
    });
  }
  const end = rows.n;
  return rows.add((row) => {
    text(row, 1, `${table.pool.name} i alt`, BOLD);
    const put = (c: number, kroner: Kroner) =>
      end >= first
        ? total(row, c, columnSum(table.hasSubLines, range(c, first, end)), kroner, true)
        : amount(row, c, kroner, true);
    table.totals.forEach((v, i) => put(i + 2, v));
    put(sumCol, table.total);
  });
}

function addSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  widths: number[],
  ySplit: number,
  titleRows: string,
): Sheet {
  const ws = wb.addWorksheet(name, { views: frozen(ySplit), pageSetup: pageSetup(titleRows) });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

async function writeOneSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  data: PortfolioData,
  layout: Layout,
  widths: number[],
): Promise<void> {
  // Frozen and repeated on each printed page: the header row of the first table (every table's is the same).
  const ws = addSheet(wb, 'Bilag 1', widths, 4, '4:4');
  const rows = new Rows(ws);
  await rows.add((row) => text(row, 1, data.meta.title, BOLD));
  rows.skip(1);
  const poolTotals: number[] = [];
  for (const [i, table] of layout.tables.entries()) {
    if (i > 0) rows.skip(2);
    poolTotals.push(await writeTable(rows, table, layout.years));
  }
  rows.skip(1);
  await rows.add((row) => {
    text(row, 1, 'Total', BOLD);
    const put = (c: number, kroner: Kroner) =>
      poolTotals.length
        ? total(row, c, sumOf(poolTotals.map((r) => `${col(c)}${r}`)), kroner, true)
        : amount(row, c, kroner, true);
    layout.grandTotals.forEach((v, i) => put(i + 2, v));
    put(layout.years.length + 2, layout.grandTotal);
  });
  ws.commit();
}

async function writePerPool(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  data: PortfolioData,
  layout: Layout,
  widths: number[],
): Promise<void> {
  const names = sheetNames(
    layout.tables.map((t) => t.pool.name),
    [TOTAL_SHEET, DESCRIPTION_SHEET],
  );
  const totalRows: number[] = [];
  for (const [i, table] of layout.tables.entries()) {
    const ws = addSheet(wb, names[i]!, widths, 4, '3:4');
    const rows = new Rows(ws);
    await rows.add((row) => text(row, 1, data.meta.title, BOLD));
    rows.skip(1);
    totalRows.push(await writeTable(rows, table, layout.years));
    ws.commit();
  }
  // The Total sheet: each `<pool> i alt` fetched from its sheet, and their sum. Its header is not
  // `Beløb i 1.000 kr` and its rows are total rows, so a reader (db/excel/annex/read.ts) sees no table here.
  const ws = addSheet(wb, TOTAL_SHEET, widths, 3, '3:3');
  const rows = new Rows(ws);
  await rows.add((row) => text(row, 1, data.meta.title, BOLD));
  rows.skip(1);
  await rows.add((row) => header(row, 'Puljer (beløb i 1.000 kr)', layout.years));
  const sumCol = layout.years.length + 2;
  for (const [i, table] of layout.tables.entries()) {
    await rows.add((row) => {
      text(row, 1, `${table.pool.name} i alt`);
      const ref = (c: number) => sheetRef(names[i]!, `${col(c)}${totalRows[i]}`);
      table.totals.forEach((v, j) => total(row, j + 2, ref(j + 2), v));
      total(row, sumCol, ref(sumCol), table.total);
    });
  }
  const first = 4;
  const end = rows.n;
  await rows.add((row) => {
    text(row, 1, 'Total', BOLD);
    const put = (c: number, kroner: Kroner) =>
      end >= first ? total(row, c, `SUM(${range(c, first, end)})`, kroner, true) : amount(row, c, kroner, true);
    layout.grandTotals.forEach((v, j) => put(j + 2, v));
    put(sumCol, layout.grandTotal);
  });
  ws.commit();
}

async function writeDescriptions(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  layout: Layout,
  nameWidth: number,
): Promise<void> {
  const ws = addSheet(wb, DESCRIPTION_SHEET, [30, nameWidth, 100], 1, '1:1');
  const rows = new Rows(ws);
  await rows.add((row) => ['Pulje', 'Projekt', 'Beskrivelse'].forEach((h, i) => text(row, i + 1, h, BOLD)));
  for (const table of layout.tables) {
    if (table.pool.description) {
      await rows.add((row) => {
        text(row, 1, table.pool.name, BOLD);
        text(row, 3, table.pool.description, WRAP);
      });
    }
    for (const l of table.lines) {
      await rows.add((row) => {
        text(row, 1, table.pool.name);
        text(row, 2, l.line.name, l.depth ? INDENT : undefined);
        text(row, 3, l.line.description, WRAP);
      });
    }
  }
  ws.commit();
}

function portfolioData(source: ExportSource): PortfolioData {
  return 'snapshot' in source && typeof source.snapshot === 'function' ? source.snapshot() : (source as PortfolioData);
}

/** Writes the annex to a file path or a stream; resolves when the last byte is written. */
export async function exportAnnex(
  source: ExportSource,
  options: ExportOptions,
  target: string | Writable,
): Promise<void> {
  const data = portfolioData(source);
  const layout = layOut(data, chooseYears(data.years, options.years));
  const widths = columnWidths(layout);
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    // Shared strings are how Excel itself stores text (and keep leading spaces and tabs intact).
    useSharedStrings: true,
    useStyles: true,
  });
  wb.creator = 'Puljeplan';
  wb.title = data.meta.title;
  try {
    if (options.perPool) await writePerPool(wb, data, layout, widths);
    else await writeOneSheet(wb, data, layout, widths);
    if (options.descriptions) await writeDescriptions(wb, layout, widths[0]!);
    await wb.commit();
  } catch (err) {
    if (typeof target === 'string') rmSync(target, { force: true });
    throw err;
  }
}
