/**
 * The pure parts of the Bilag 1 export: what each pool's table holds and sums to, sheet names
 * Excel accepts, number formats, column widths and the total formulas. export.ts streams them out.
 * Every formula here is built from cell addresses, function names and (for the per-pool total
 * sheet) a sheet name that sheetNames() has cleaned; never from a line's or pool's text.
 */
import { shorten } from '../../shared/danish/text';
import { formatAmount } from '../../shared/danish/number';
import { layOut, type Layout, type PoolTable, type TableLine } from '../../shared/domain/annex-layout';
import type { Kroner } from '../../shared/domain/money';
import { UserError } from '../core/errors';

export { layOut, type Layout, type PoolTable, type TableLine };

/** The years to write, in the order asked for; each must be a year of the portfolio. */
export function chooseYears(all: readonly number[], wanted: readonly number[] | undefined): number[] {
  if (wanted === undefined) return [...all];
  const years = [...new Set(wanted)];
  if (!years.length) throw new UserError('Vælg mindst ét år til eksporten.', 'invalid-args');
  const unknown = years.filter((y) => !all.includes(y));
  if (unknown.length)
    throw new UserError(`År ${unknown.join(', ')} findes ikke i porteføljen (${all.join(', ')}).`, 'invalid-args');
  return years;
}

// ---------- sheet names ----------

/** Excel's own rule for a sheet name: 1-31 characters, none of []:*?/\, not starting or ending with '. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]/g;
const MAX_SHEET_NAME = 31;

/** At most `length` UTF-16 units (what Excel counts), cut between code points: never half a surrogate pair. */
function truncate(text: string, length: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > length) break;
    out += ch;
  }
  return out.trim();
}

/**
 * A valid, unique sheet name for each wanted name. An apostrophe becomes ’: exceljs writes the
 * print-titles name as '<sheet>'!$3:$4 without doubling it, and a bare ' would break the workbook.
 * "History" is reserved by Excel (its change-tracking sheet).
 */
export function sheetNames(wanted: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((n) => n.toLocaleLowerCase('da')));
  return wanted.map((raw) => {
    let base =
      truncate(raw.replace(FORBIDDEN, '-').replace(/'/g, '’').replace(/\s+/g, ' ').trim(), MAX_SHEET_NAME) || 'Pulje';
    if (base.toLocaleLowerCase('da') === 'history') base = 'History (pulje)';
    let name = base;
    for (let i = 2; taken.has(name.toLocaleLowerCase('da')); i++) {
      const suffix = ` (${i})`;
      name = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(name.toLocaleLowerCase('da'));
    return name;
  });
}

// ---------- formulas ----------

/** Column letters for a 1-based column number (1 -> A, 27 -> AA). */
export function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A column's cells from one row to another (B5:B9, or B5 for one). */
export const range = (column: number, from: number, to: number) =>
  from === to ? `${col(column)}${from}` : `${col(column)}${from}:${col(column)}${to}`;

/** A row's cells from one column to another (B5:M5, or B5 for one). */
export const rowRange = (row: number, from: number, to: number) =>
  from === to ? `${col(from)}${row}` : `${col(from)}${row}:${col(to)}${row}`;

/** Excel's limits: 255 arguments to a function, 8,192 characters in a formula. */
const MAX_ARGS = 255;
const MAX_FORMULA = 8192;

/** SUM over any number of references, nested so that no SUM has more than 255 arguments. */
export function sumOf(refs: readonly string[]): string {
  let parts = [...refs];
  while (parts.length > MAX_ARGS) {
    const next: string[] = [];
    for (let i = 0; i < parts.length; i += MAX_ARGS) next.push(`SUM(${parts.slice(i, i + MAX_ARGS).join(',')})`);
    parts = next;
  }
  const formula = `SUM(${parts.join(',')})`;
  if (formula.length > MAX_FORMULA) {
    throw new UserError('Der er for mange puljer til én samlet total i ét ark. Eksportér med ét ark pr. pulje.');
  }
  return formula;
}

/**
 * The sum of a column of a table. In a table with sub-lines a parent's cells are themselves
 * totals, so a plain SUM would count its sub-lines twice; SUBTOTAL(9, …) sums the same range
 * but skips other SUBTOTAL cells in it (Excel and LibreOffice documentation), however many
 * parents there are, where a SUM over the top-level rows alone could exceed 255 arguments.
 */
export const columnSum = (withSubLines: boolean, ref: string) => (withSubLines ? `SUBTOTAL(9,${ref})` : `SUM(${ref})`);

/** A reference to a cell on another sheet; the name is quoted with '' doubled (Excel's grammar). */
export const sheetRef = (sheet: string, address: string) => `'${sheet.replace(/'/g, "''")}'!${address}`;

// ---------- formats and widths ----------

/** Danish Excel shows #,##0 as 1.500; decimals only where the value has them (1.234,5). */
export const numFmtFor = (kroner: Kroner) => (kroner % 1000 === 0 ? '#,##0' : '#,##0.0##');

/** Kroner as the number written in the cell: thousands of kroner, as the annex shows them. */
export const thousands = (kroner: Kroner) => kroner / 1000;

const MIN_NAME_WIDTH = 30;
const MAX_NAME_WIDTH = 80;
const MIN_AMOUNT_WIDTH = 10;

/**
 * Column widths in Excel's units (about one digit each): names fit, bold a little wider. The
 * title is left out: it runs over the empty cells to its right, as in the annex.
 */
export function columnWidths(layout: Layout): number[] {
  let name = 'Beløb i 1.000 kr'.length;
  let widest = 0;
  for (const t of layout.tables) {
    name = Math.max(name, Math.ceil(`${t.pool.name} i alt`.length * 1.1));
    for (const l of t.lines) {
      name = Math.max(name, l.line.name.length + l.depth * 3);
      for (const v of l.values) if (v !== null) widest = Math.max(widest, Math.abs(v));
    }
    for (const v of t.totals) widest = Math.max(widest, Math.abs(v));
  }
  for (const v of layout.grandTotals) widest = Math.max(widest, Math.abs(v));
  const amount = Math.max(MIN_AMOUNT_WIDTH, formatAmount(-widest).length + 3);
  return [Math.min(MAX_NAME_WIDTH, Math.max(MIN_NAME_WIDTH, name + 2)), ...layout.years.map(() => amount), amount];
}

// ---------- file name ----------

/** Characters Windows does not allow in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const NOT_IN_FILE_NAMES = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/**
 * `Bilag 1 <title> 2026-11-22.xlsx`: the title whole, cleaned for any file system; only a title over
 * 120 characters is cut, after a whole word and with `…`, so the name never silently drops words.
 */
export function exportFileName(title: string, date: string): string {
  let t = title.replace(NOT_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim();
  t = t.replace(/^bilag\s*1\b[.:\s-]*/i, ''); // the annex's own title starts with it already
  t = shorten(t, 120);
  t = t.replace(/[.\s]+$/, ''); // Windows drops trailing dots and spaces
  return `Bilag 1${t ? ` ${t}` : ''} ${date}.xlsx`;
}
