/**
 * Reads the annex (Bilag 1) from plain sheet grids: finds its tables on one sheet or many, reads
 * pools, lines and sub-lines as whole kroner, and checks every total the workbook states against
 * the sum of its lines (a total that disagrees is an error in the workbook, not a fact to import).
 * Pure: the grids come from db/excel/read-workbook.ts.
 */
import type { AnnexRead, Mismatch, SheetGrid } from '../../../shared/contract/annex';
import { AnnexError, cellRef, cellText, holdsNumber, Notes, totalLabel } from './cells';
import { findHeaders, sheetRows, type SheetRow, type TableHeader } from './headers';
import { checkTotalRow, headingText, readTable, type SheetContext, type TableRead } from './table';
import { packTables, unpackAnnex, type PackedAnnex, type TableLines } from './transfer';
import type { Kroner } from '../../../shared/domain/money';
import { textLimitError } from '../../../shared/domain/limits';

export { AnnexError } from './cells';

export const NO_TABLE_MESSAGE =
  'Der blev ikke fundet nogen bilagstabel i projektmappen (en række med «Beløb i 1.000 kr» eller med årstal). ' +
  'Kontrollér, at filen er Bilag 1, og at tabellen har en overskriftsrække.';

/** Pools read since the last grand total: what the next `Total` row adds up. */
type Pending = Map<number, Kroner>[];

function addByYear(pending: Pending): Map<number, Kroner> {
  const sums = new Map<number, Kroner>();
  for (const byYear of pending) for (const [year, v] of byYear) sums.set(year, (sums.get(year) ?? 0) + v);
  return sums;
}

/** The text that labels a row after a table: in the label column, or the first text in the row. */
function rowLabel(at: SheetRow, header: TableHeader): string {
  const own = cellText(at.cells.get(header.labelCol));
  if (own) return own;
  const first = [...at.cells].sort((a, b) => a[0] - b[0]).find(([, c]) => cellText(c) !== '' && !holdsNumber(c));
  return first ? cellText(first[1]) : '';
}

/** Rows between a table's end and the next table: a grand total is checked, numbers are noted. */
function readGap(ctx: SheetContext, header: TableHeader, from: number, to: number, pending: Pending): void {
  for (let i = from; i < to; i++) {
    const at = ctx.rows[i];
    if (!at) return;
    const label = totalLabel(rowLabel(at, header));
    if (label && label.kind !== 'pool' && pending.length > 0) {
      checkTotalRow(ctx, header, at.row, addByYear(pending));
      pending.length = 0;
    } else if (header.years.some((y) => holdsNumber(at.cells.get(y.col)))) {
      ctx.notes.add(
        'rækker',
        `${cellRef(ctx.sheet, header.labelCol, at.row)}: rækken står uden for tabellerne og blev ikke læst.`,
      );
    }
  }
}

/** Where the table under `header` begins, counting its heading row; `floor` is the previous header. */
function headingIndex(ctx: SheetContext, header: TableHeader, floor: number): number | null {
  const i = header.index - 1;
  return i > floor && headingText(ctx, i) !== null ? i : null;
}

function poolName(ctx: SheetContext, heading: number | null, table: TableRead): string {
  if (heading !== null) return headingText(ctx, heading) ?? ctx.sheet.name;
  if (table.ending?.kind === 'pool') return table.ending.pool;
  return ctx.sheet.name;
}

/**
 * The first row of text alone above the first table: the annex's title (`Bilag 1. Udmøntning af …`).
 * A title past the limit of a portfolio's title is refused here, where its cell is known.
 */
function titleAbove(ctx: SheetContext, end: number): string | undefined {
  for (let i = 0; i < end; i++) {
    const row = ctx.rows[i];
    const cells = [...(row?.cells ?? [])].sort((a, b) => a[0] - b[0]);
    if (!row || cells.some(([, c]) => holdsNumber(c))) continue;
    const found = cells.map(([col, c]) => ({ col, text: cellText(c) })).find((t) => t.text !== '');
    if (!found) continue;
    const tooLong = textLimitError('title', found.text.trim());
    if (tooLong)
      throw new AnnexError(
        `${cellRef(ctx.sheet, found.col, row.row)}: projektmappens titel er for lang. ${tooLong} Gør den kortere i projektmappen.`,
      );
    return found.text;
  }
  return undefined;
}

function readSheet(
  ctx: SheetContext,
  pools: TableLines[],
  years: Set<number>,
  pending: Pending,
  titles: string[],
): void {
  const headers = findHeaders(ctx.sheet, ctx.rows, ctx.notes);
  const first = headers[0];
  if (first && pools.length === 0) {
    const title = titleAbove(ctx, headingIndex(ctx, first, -1) ?? first.index);
    if (title) titles.push(title);
  }
  headers.forEach((header, k) => {
    const previous = headers[k - 1]?.index ?? -1;
    const next = headers[k + 1];
    const end = next ? (headingIndex(ctx, next, header.index) ?? next.index) : ctx.rows.length;
    const table = readTable(ctx, header, end);
    const name = poolName(ctx, headingIndex(ctx, header, previous), table);
    if (table.lines.length === 0)
      ctx.notes.add(
        'tabeller',
        `${cellRef(ctx.sheet, header.labelCol, header.row)}: tabellen «${name}» har ingen linjer.`,
      );
    pools.push({
      name,
      lines: table.lines,
      sheet: ctx.sheet.name,
      headerRow: header.row,
      years: header.years.map((y) => y.year),
    });
    for (const y of header.years) years.add(y.year);
    pending.push(table.byYear);
    const endRow = ctx.rows[table.endIndex];
    if (table.ending?.kind === 'grand' && endRow) {
      checkTotalRow(ctx, header, endRow.row, addByYear(pending));
      pending.length = 0;
    }
    readGap(ctx, header, table.endIndex + 1, end, pending);
  });
}

/** The annex in `sheets` (in tab order); throws AnnexError with a Danish message. */
export function readAnnex(sheets: SheetGrid[]): AnnexRead {
  return unpackAnnex(readAnnexPacked(sheets));
}

/** readAnnex in columns (annex-transfer.ts), for the import worker to hand over. */
export function readAnnexPacked(sheets: SheetGrid[], readerNotes: string[] = []): PackedAnnex {
  const notes = new Notes();
  for (const note of readerNotes) notes.add('indlæsning', note);
  const mismatches: Mismatch[] = [];
  const pools: TableLines[] = [];
  const years = new Set<number>();
  const pending: Pending = [];
  const titles: string[] = [];
  try {
    for (const sheet of sheets)
      readSheet({ sheet, rows: sheetRows(sheet), notes, mismatches }, pools, years, pending, titles);
  } catch (error) {
    // sumKroner refuses a sum past 2^53 kroner rather than round it.
    if (error instanceof RangeError) throw new AnnexError(error.message);
    throw error;
  }
  if (pools.length === 0) throw new AnnexError(NO_TABLE_MESSAGE);
  return packTables(
    pools,
    [...years].sort((a, b) => a - b),
    mismatches,
    notes.finish(),
    titles[0],
  );
}
