/**
 * Finding the annex tables in a sheet. A table starts at a header row, recognised either by its
 * `Beløb i 1.000 kr` cell (any column, any case, with or without the period) or, when the sender
 * left that out, by a row of years followed by lines. A title merged across the columns (A1:D1)
 * is never a header.
 */
import type { GridCell, SheetGrid } from '../../../shared/contract/annex';
import {
  AnnexError,
  cellRef,
  cellText,
  holdsNumber,
  isAmountHeader,
  isBlank,
  isTotalHeader,
  Notes,
  totalLabel,
  yearOf,
} from './cells';

/** A row that holds something, with its cells by column. */
export interface SheetRow {
  row: number;
  cells: Map<number, GridCell>;
}

export interface YearColumn {
  col: number;
  year: number;
}

export interface TableHeader {
  /** Index into the sheet's non-blank rows. */
  index: number;
  row: number;
  /** The column of the line names. */
  labelCol: number;
  years: YearColumn[];
  totalCol: number | null;
  /** Columns with a heading the annex does not have (e.g. «Bemærkninger»): not read. */
  otherCols: number[];
}

/** The rows that hold something, in row order (blank rows are skipped). */
export function sheetRows(sheet: SheetGrid): SheetRow[] {
  const out: SheetRow[] = [];
  for (const [row, cells] of sheet.rows) {
    for (const cell of cells.values()) {
      if (!isBlank(cell)) {
        out.push({ row, cells });
        break;
      }
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

/** Non-blank cells of a row, by column. */
export function filledCells(cells: Map<number, GridCell>): [number, GridCell][] {
  return [...cells].filter(([, c]) => !isBlank(c)).sort((a, b) => a[0] - b[0]);
}

interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function letterToCol(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Merged ranges more than one column wide: titles, not headers. */
export function wideMerges(sheet: SheetGrid): Range[] {
  const out: Range[] = [];
  for (const ref of sheet.merges) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
    if (!m) continue;
    const [c1, c2] = [letterToCol(m[1] ?? 'A'), letterToCol(m[3] ?? 'A')];
    if (c2 > c1) out.push({ r1: Number(m[2]), c1, r2: Number(m[4]), c2 });
  }
  return out;
}

function inMerge(merges: Range[], row: number, col: number): boolean {
  return merges.some((m) => row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2);
}

/** Reads the columns right of the label: years, the I alt column, and others. */
function headerColumns(
  sheet: SheetGrid,
  at: SheetRow,
  labelCol: number,
  notes: Notes,
): Omit<TableHeader, 'index' | 'labelCol'> {
  const years: YearColumn[] = [];
  const otherCols: number[] = [];
  let totalCol: number | null = null;
  for (const [col, cell] of filledCells(at.cells)) {
    if (col <= labelCol) continue;
    const year = yearOf(cell);
    if (year !== null) {
      const twice = years.find((y) => y.year === year);
      if (twice) {
        throw new AnnexError(
          `${cellRef(sheet, col, at.row)}: året ${year} står to gange i overskriften. Ret kolonnerne, og prøv igen.`,
        );
      }
      years.push({ col, year });
    } else if (totalCol === null && isTotalHeader(cellText(cell))) totalCol = col;
    else otherCols.push(col);
  }
  if (otherCols.length > 0) {
    const names = otherCols.map((c) => `${cellRef(sheet, c, at.row)} «${cellText(at.cells.get(c))}»`).join(', ');
    notes.add('kolonner', `Kolonner som bilaget ikke kender, blev ikke læst: ${names}.`);
  }
  return { row: at.row, years, totalCol, otherCols };
}

function amountHeaderCol(at: SheetRow, merges: Range[]): number | null {
  for (const [col, cell] of filledCells(at.cells)) {
    if (typeof cell.value === 'string' && isAmountHeader(cell.value) && !inMerge(merges, at.row, col)) return col;
  }
  return null;
}

/** The column of a line's name: the first text left of the years, in the row below the header. */
function lineLabelCol(next: SheetRow | undefined, firstYearCol: number): number | null {
  if (!next) return null;
  for (const [col, cell] of filledCells(next.cells)) {
    if (col >= firstYearCol) return null;
    if (!holdsNumber(cell)) return totalLabel(cellText(cell)) ? null : col;
  }
  return null;
}

/**
 * A row of years: years (rising), optionally an `I alt` and other headings to their right, and
 * at most a label left of them. A line such as `Projekt | 2000 | 2001` also looks like that, so a
 * row with a label counts only when it also has the `I alt` heading; and lines must follow.
 */
function yearRowLabelCol(rows: SheetRow[], index: number, merges: Range[]): number | null {
  const at = rows[index];
  if (!at) return null;
  const cells = filledCells(at.cells);
  const yearCols = cells.filter(([col, c]) => yearOf(c) !== null && !inMerge(merges, at.row, col));
  const first = yearCols[0];
  if (!first) return null;
  const yearValues = yearCols.map(([, c]) => yearOf(c) ?? 0);
  if (yearValues.some((y, i) => i > 0 && y <= (yearValues[i - 1] ?? 0))) return null;
  let leftLabel = false;
  let hasTotal = false;
  for (const [col, cell] of cells) {
    if (yearOf(cell) !== null) continue;
    if (holdsNumber(cell)) return null;
    if (col < first[0]) leftLabel = true;
    else if (isTotalHeader(cellText(cell))) hasTotal = true;
  }
  if (leftLabel && !hasTotal) return null;
  return lineLabelCol(rows[index + 1], first[0]);
}

/** A cheap first look: only a row with a `Beløb` text, or with years and no other numbers, can be a header. */
function mayBeHeader(cells: Map<number, GridCell>): boolean {
  let years = false;
  let otherNumber = false;
  for (const cell of cells.values()) {
    if (typeof cell.value === 'string' && /bel[øo]b/i.test(cell.value)) return true;
    if (yearOf(cell) !== null) years = true;
    else if (holdsNumber(cell)) otherNumber = true;
  }
  return years && !otherNumber;
}

/** Every table header in the sheet, in row order. */
export function findHeaders(sheet: SheetGrid, rows: SheetRow[], notes: Notes): TableHeader[] {
  const merges = wideMerges(sheet);
  const headers: TableHeader[] = [];
  rows.forEach((at, index) => {
    if (!mayBeHeader(at.cells)) return;
    const labelCol = amountHeaderCol(at, merges) ?? yearRowLabelCol(rows, index, merges);
    if (labelCol === null) return;
    const header = { index, labelCol, ...headerColumns(sheet, at, labelCol, notes) };
    if (header.years.length === 0) {
      notes.add(
        'overskrifter',
        `${cellRef(sheet, labelCol, at.row)}: overskriften har ingen årstal; tabellen blev ikke læst.`,
      );
      return;
    }
    headers.push(header);
  });
  return headers;
}
