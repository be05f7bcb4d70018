/**
 * An .xlsx to plain sheet grids (shared/contract/annex.ts), with exceljs's streaming reader. Runs
 * inside the import worker (import-worker.ts), after zip-guard.ts has checked the zip directory.
 *
 * Why streaming: on a 100,000-line × 12-year annex, `workbook.xlsx.load` took 5–7 s and
 * 690–770 MB; the streaming reader 3–3.5 s and 250 MB (measured with exceljs 4.4). It ignores
 * merged ranges, which also disarms the merged-cell bomb of docs/files.md.
 *
 * The streaming reader parses a sheet at once only when the shared strings and workbook parts
 * came before it in the zip; otherwise it writes the sheet to a temporary file. Excel writes the
 * sheets first, so zip-guard.ts hands the parts over in order, inflated within the sizes checked.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs';
import { Readable } from 'node:stream';
import type { CellInput, GridCell, SheetGrid } from '../../shared/contract/annex';
import { UserError } from '../core/errors';
import { storedZipStream } from './zip-guard';

export interface WorkbookLimits {
  /** Rows holding a value, over all sheets; past it the workbook is refused. */
  maxRows: number;
  /** Cells right of this column are not read (noted). */
  maxColumns: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = { maxRows: 200_000, maxColumns: 60 };

export interface WorkbookRead {
  sheets: SheetGrid[];
  /** Danish notes on what was passed over (hidden sheets, far-right cells). */
  notes: string[];
}

/** The parts the stream reader needs before any sheet; sheets come after, in file-name order. */
const FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

type Loose = Record<string, unknown>;

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && Array.isArray((value as Loose).richText)) {
    return ((value as Loose).richText as Loose[]).map((r) => String(r.text ?? '')).join('');
  }
  return value === null || value === undefined ? '' : String(value);
}

function resultOf(result: unknown): string | number | undefined {
  if (typeof result === 'number') return Number.isFinite(result) ? result : undefined;
  if (typeof result === 'string') return result;
  if (typeof result === 'boolean') return String(result);
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  if (result && typeof result === 'object' && 'error' in result) return String((result as Loose).error);
  return undefined;
}

/** exceljs's cell value as the shapes of annex-types.ts. */
export function toCellInput(value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as Loose;
  // A shared formula's followers come back as `{ formula: '', result }`: still a formula.
  if ('formula' in v || 'sharedFormula' in v) {
    const result = resultOf(v.result);
    const formula = String(v.formula ?? v.sharedFormula ?? '');
    return result === undefined ? { formula } : { formula, result };
  }
  if ('hyperlink' in v) return textOf(v.text);
  if ('error' in v) return String(v.error);
  return textOf(v);
}

/** A solid pattern fill's ARGB colour; theme and indexed colours are not resolved (no theme is read). */
function solidFill(fill: ExcelJS.Fill | undefined): string | undefined {
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = fill.fgColor?.argb;
  return typeof argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(argb) ? argb.toUpperCase() : undefined;
}

/**
 * The status workbook's fill colours, also of cells with no value (a light may be its colour
 * alone), which eachCell passes over; only the columns read, so a styled cell far right costs nothing.
 */
function readFills(row: ExcelJS.Row, cells: Map<number, GridCell>, maxColumns: number): void {
  const find = (row as unknown as { findCell(col: number): ExcelJS.Cell | undefined }).findCell.bind(row);
  for (let col = 1; col <= Math.min(row.cellCount, maxColumns); col++) {
    const fill = solidFill(find(col)?.fill);
    if (!fill) continue;
    const grid = cells.get(col);
    if (grid) grid.fill = fill;
    else cells.set(col, { value: null, fill });
  }
}

interface Counter {
  rows: number;
  limits: WorkbookLimits;
  fills: boolean;
}

async function readSheet(
  ws: ExcelJS.stream.xlsx.WorksheetReader,
  name: string,
  count: Counter,
  notes: string[],
): Promise<SheetGrid> {
  const rows = new Map<number, Map<number, GridCell>>();
  let farRight = false;
  for await (const row of ws) {
    const cells = new Map<number, GridCell>();
    row.eachCell((cell, col) => {
      if (col > count.limits.maxColumns) {
        farRight = true;
        return;
      }
      const grid: GridCell = { value: toCellInput(cell.value) };
      if (cell.alignment?.indent) grid.indent = cell.alignment.indent;
      if (cell.font?.bold) grid.bold = true;
      cells.set(col, grid);
    });
    if (count.fills) readFills(row, cells, count.limits.maxColumns);
    if (cells.size === 0) continue;
    if (++count.rows > count.limits.maxRows) {
      throw new UserError(
        `Projektmappen har mere end ${count.limits.maxRows.toLocaleString('da-DK')} udfyldte rækker og er for stor til at blive læst som et bilag.`,
      );
    }
    rows.set(row.number, cells);
  }
  if (farRight) notes.push(`Arket «${name}»: celler til højre for kolonne ${count.limits.maxColumns} blev ikke læst.`);
  return { name, rows, merges: [] };
}

/** Reads every visible sheet, in the workbook's tab order. */
export async function readWorkbook(
  bytes: Uint8Array,
  limits = WORKBOOK_LIMITS,
  fileName = 'projektmappen',
  options: { fills?: boolean } = {},
): Promise<WorkbookRead> {
  const input = Readable.from(
    storedZipStream(bytes, fileName, FIRST, (name) => SHEET.test(name)),
    { objectMode: false },
  );
  // A pipe does not pass its source's errors on, so the reader would wait for ever: race them.
  const failed = new Promise<never>((_, reject) => input.once('error', reject));
  return Promise.race([readSheets(input, limits, options.fills ?? false), failed]);
}

async function readSheets(input: Readable, limits: WorkbookLimits, fills: boolean): Promise<WorkbookRead> {
  const ExcelJS = await loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: SheetGrid[] = [];
  const notes: string[] = [];
  const count: Counter = { rows: 0, limits, fills };
  for await (const ws of reader) {
    const meta = ws as unknown as { name?: string; state?: string };
    const name = meta.name ?? `Ark ${sheets.length + 1}`;
    if (meta.state === 'hidden' || meta.state === 'veryHidden') {
      notes.push(`Arket «${name}» er skjult og blev ikke læst.`);
      for await (const _row of ws) void _row; // the reader needs the sheet consumed before the next
      continue;
    }
    sheets.push(await readSheet(ws, name, count, notes));
  }
  const order = ((reader as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets ?? []).map(
    (s) => s.name,
  );
  const tab = (s: SheetGrid) => (order.includes(s.name) ? order.indexOf(s.name) : order.length);
  return { sheets: sheets.sort((a, b) => tab(a) - tab(b)), notes };
}
