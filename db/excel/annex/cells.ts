/**
 * Reading single cells of an annex grid: text, amounts, years, and the labels that mark headers
 * and totals. Amounts go through the one Danish parser (danish-number.ts) whether the sender
 * typed them as numbers or as text; totals are read the same way and only ever compared.
 */
import type { CellInput, GridCell, SheetGrid } from '../../../shared/contract/annex';
import { parseEntry } from '../../../shared/danish/formula';
import { parseYear } from '../../../shared/danish/number';
import { thousandsToKroner, type Kroner } from '../../../shared/domain/money';

/** An annex that cannot be read; the message is Danish and names the sheet and cell when it can. */
export class AnnexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnexError';
  }
}

/** Column number to Excel letters: 1 -> A, 27 -> AA. */
export function columnLetter(col: number): string {
  let out = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

export function address(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

export function cellRef(sheet: SheetGrid, col: number, row: number): string {
  return `${sheet.name}!${address(col, row)}`;
}

// JavaScript's \s includes the no-break (U+00A0), thin (U+2009) and narrow no-break (U+202F) spaces.
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/** Text as a person reads it: no-break and thin spaces become spaces, runs collapse, ends trimmed. */
export function tidy(text: string): string {
  return UNTIDY.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

function isFormula(value: CellInput): value is { formula: string; result?: string | number | null } {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'formula' in value;
}

/** What a cell shows: a formula shows its cached result (or nothing). */
export function shownValue(cell: GridCell | undefined): string | number | boolean | Date | null {
  if (!cell) return null;
  const v = cell.value;
  if (isFormula(v)) return v.result ?? null;
  return v;
}

/** The cell as tidy text ('' when empty). */
export function cellText(cell: GridCell | undefined): string {
  const v = shownValue(cell);
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return tidy(String(v));
}

export function isBlank(cell: GridCell | undefined): boolean {
  const v = shownValue(cell);
  if (typeof v === 'string') return tidy(v) === '';
  return v === null && !(cell && isFormula(cell.value));
}

/** A year cell: a whole number 1900–2200, as a number or as four digits of text. */
export function yearOf(cell: GridCell | undefined): number | null {
  const v = shownValue(cell);
  return typeof v === 'number' || typeof v === 'string' ? parseYear(v) : null;
}

/** A cell read as an amount: whole kroner, null when empty, or a formula without a saved result. */
export type AmountRead = Kroner | null | 'uncached';

/**
 * Reads an amount in thousands of kroner; a cell that is not an amount is an error naming the
 * cell. A total (`total`) may be a number past the largest amount one line's cell may hold.
 */
export function readAmount(sheet: SheetGrid, col: number, row: number, total = false): AmountRead {
  return amountOf(sheet.rows.get(row)?.get(col), sheet, col, row, total);
}

/** readAmount for a cell already at hand. */
export function amountOf(
  cell: GridCell | undefined,
  sheet: SheetGrid,
  col: number,
  row: number,
  total = false,
): AmountRead {
  if (!cell) return null;
  const v = shownValue(cell);
  if (v === null) return isFormula(cell.value) ? 'uncached' : null;
  if (typeof v === 'number') {
    const kroner = thousandsToKroner(v);
    if (kroner !== null) return kroner;
    if (total && Number.isSafeInteger(Math.round(v * 1000))) return Math.round(v * 1000);
  }
  if (typeof v === 'boolean' || v instanceof Date) {
    throw new AnnexError(
      `${cellRef(sheet, col, row)}: «${cellText(cell)}» er ikke et beløb. Skriv fx 1.500 eller -250.`,
    );
  }
  const parsed = parseEntry(v);
  if (!parsed.ok) throw new AnnexError(`${cellRef(sheet, col, row)}: ${parsed.message}`);
  return parsed.value;
}

/**
 * A cell that holds an amount rather than a name: a number, a formula, or text that reads as an
 * amount (`1.500`, `-`). A name that starts with digits (`17-1 KIIT`) is a name.
 */
export function holdsNumber(cell: GridCell | undefined): boolean {
  if (!cell) return false;
  const v = cell.value;
  if (typeof v === 'number' || isFormula(v)) return true;
  if (typeof v !== 'string' || !/\d|^\s*[-\u2212\u2013]\s*$/.test(v)) return false;
  const parsed = parseEntry(v);
  return parsed.ok && parsed.value !== null;
}

const lower = (text: string) => tidy(text).toLowerCase();

/** The header cell of the annex: `Beløb i 1.000 kr`, with or without the period, any case. */
export function isAmountHeader(text: string): boolean {
  return /^beløb i 1[. ]?000 kr\.?$/.test(lower(text));
}

/** The header of the row-total column. */
export function isTotalHeader(text: string): boolean {
  return /^(i alt|total)\.?$/.test(lower(text));
}

/**
 * What a total row's label says: `<pool> i alt` ends its pool, a bare `I alt` ends the table it
 * closes, `Total`/`Total i alt` is the grand total of the pools above.
 */
export type TotalLabel = { kind: 'pool'; pool: string } | { kind: 'bare' } | { kind: 'grand' } | null;

export function totalLabel(text: string): TotalLabel {
  if (!/alt|total|samlet/i.test(text)) return null;
  const t = lower(text).replace(/[.:]$/, '');
  if (/^(total|totalt|total i alt|i alt i alt|samlet|samlet i alt|samlet total|hovedtotal|grand total)$/.test(t)) {
    return { kind: 'grand' };
  }
  if (t === 'i alt') return { kind: 'bare' };
  if (!t.endsWith(' i alt')) return null;
  // `Vestdansk It Samarbejde puljen i alt` names the pool `Vestdansk It Samarbejde`.
  const pool = tidy(text)
    .replace(/[.:]$/, '')
    .slice(0, -' i alt'.length)
    .replace(/\s+puljen$/i, '')
    .replace(/[\s,;:\u2013-]+$/, '');
  return pool ? { kind: 'pool', pool } : { kind: 'bare' };
}

/** A sub-line written the annex's way, `-MUSE EKG fase 1` (also en dash or minus sign). */
export function subLineName(text: string): string | null {
  const m = /^[-\u2013\u2212]\s*(.*)$/.exec(tidy(text));
  return m ? (m[1] ?? '') : null;
}

/** Notes for the preview, at most a few of each kind so a 100,000-line file does not flood it. */
export class Notes {
  private readonly counts = new Map<string, number>();
  readonly list: string[] = [];
  constructor(private readonly perKind = 10) {}

  add(kind: string, text: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= this.perKind) this.list.push(text);
  }

  finish(): string[] {
    const out = [...this.list];
    for (const [kind, n] of this.counts) {
      if (n > this.perKind) out.push(`… og ${n - this.perKind} bemærkninger mere af samme slags (${kind}).`);
    }
    return out;
  }
}
