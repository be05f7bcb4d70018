/**
 * What copy, paste, fill and clear do to the grid's rows, as pure functions of the rows shown,
 * the columns shown and a range: the renderer sends the answer as one change (one undo step).
 * Totals, pool headings and lines with sub-lines are computed and never written; values
 * meant for them are skipped and counted, so the user is told.
 */
import { parseEntry } from '../danish/formula';
import { formatAmountPlain } from '../danish/number';
import { sameAmount, type Kroner } from '../domain/money';
import { height, width, type Bounds } from './range';
import type { GridRow } from './row-model';
import { continueSeries } from './fill';

export const NAME_COL = 'name';
export const TOTAL_COL = 'total';
export const yearCol = (year: number) => `y${year}`;
export const yearOfCol = (colId: string): number | null => (/^y\d{4}$/.test(colId) ? Number(colId.slice(1)) : null);
/** A column of amounts (a year or I alt), as against the name and the project columns (project-cols.ts). */
export const isAmountCol = (colId: string): boolean => colId === TOTAL_COL || yearOfCol(colId) !== null;

export const isAmountEditable = (row: GridRow | undefined) => row?.kind === 'line' && !row.hasChildren;
export const isNameEditable = (row: GridRow | undefined) => row?.kind === 'line' || row?.kind === 'pool';

export interface AmountCell {
  lineId: string;
  year: number;
  value: Kroner | null;
}

/** The rows and columns as shown (a filtered pool and hidden years are not there). */
export interface GridView {
  rows: readonly GridRow[];
  cols: readonly string[];
  /** A project column's text on a row ('' when none), for copying (shared/grid/project-cols.ts). */
  projectText?: (row: GridRow, colId: string) => string;
}

/** A cell's value: a name (text), an amount in kroner, or null when empty. */
export function cellValue(row: GridRow, colId: string): string | Kroner | null {
  if (colId === NAME_COL) return row.name;
  if (colId === TOTAL_COL) return row.total ?? null;
  const year = yearOfCol(colId);
  return year === null ? null : (row.amounts[year] ?? null);
}

function* cellsOf(view: GridView, b: Bounds): Generator<{ row: GridRow; colId: string; r: number; c: number }> {
  for (let r = b.top; r <= b.bottom; r++) {
    const row = view.rows[r];
    if (!row) continue;
    for (let c = b.left; c <= b.right; c++) {
      const colId = view.cols[c];
      if (colId) yield { row, colId, r, c };
    }
  }
}

/**
 * An amount cell as the grid shows it (docs/grid.md, «Zeros»): a year without money is 0 on lines
 * and totals; a pool's heading row holds none (null).
 */
export function shownAmount(row: GridRow, colId: string): Kroner | null {
  if (row.kind === 'pool') return null;
  return (cellValue(row, colId) as Kroner | null) ?? 0;
}

/** The amounts in a range as shown (names and project columns left out), for the status bar's sum. */
export function* rangeAmounts(view: GridView, b: Bounds): Generator<Kroner | null> {
  for (const { row, colId } of cellsOf(view, b)) if (isAmountCol(colId)) yield shownAmount(row, colId);
}

const FORMULA_START = /^[=+\-@]/;
const GUARDED = /^'[=+\-@]/;

/**
 * An amount on the clipboard, in thousands as a Danish spreadsheet reads pasted text: a comma
 * for decimals and no thousands separator (`1500`, `1234,5`, `-250`). LibreOffice in Danish
 * (and so Excel) reads `1234.5` as text, which SUM then skips; `1.500` is read both ways.
 */
export const clipboardAmount = (kroner: Kroner | null): string => formatAmountPlain(kroner).replace('.', ',');

/**
 * A name on the clipboard. A spreadsheet makes pasted text that starts with `=`, `+`, `-` or `@`
 * a formula (LibreOffice evaluates `=…` and `"=…"`; Excel all four), so such a name gets a `'`
 * in front, which keeps it text in both (it shows, as OWASP's advice on formula injection has it).
 */
export const clipboardName = (name: string): string => (FORMULA_START.test(name) ? `'${name}` : name);

/** A pasted name: the `'` that clipboardName put in front (here or back from a spreadsheet) is taken off. */
export const pastedName = (text: string): string => {
  const name = text.trim();
  return GUARDED.test(name) ? name.slice(1) : name;
};

/** The range as clipboard text: names and project fields as text (clipboardName), amounts as clipboardAmount (1500, 1234,5). */
export function copyRows(view: GridView, b: Bounds): string[][] {
  const out: string[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = view.rows[r];
    if (!row) continue;
    const cells: string[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const colId = view.cols[c];
      if (!colId) continue;
      if (colId === NAME_COL) cells.push(clipboardName(row.name));
      else if (isAmountCol(colId)) cells.push(clipboardAmount(shownAmount(row, colId)));
      else cells.push(clipboardName(view.projectText?.(row, colId) ?? ''));
    }
    out.push(cells);
  }
  return out;
}

export interface NewLine {
  /** null: the block gave no name; the caller picks a free one. */
  name: string | null;
  amounts: Record<string, Kroner>;
}

export interface EditPlan {
  cells: AmountCell[];
  renames: { lineId: string; name: string }[];
  /** Values that fell on totals, pool headings, lines with sub-lines or outside the table. */
  skipped: number;
}

export interface PastePlan extends EditPlan {
  /** Block rows below the pool's last line: lines to add at the end of `poolId`, if the user agrees. */
  newLines: NewLine[];
  poolId: string | null;
}

export type PasteResult = ({ ok: true } & PastePlan) | { ok: false; message: string };

const where = (name: string, year: number | null) => (year === null ? `«${name}»` : `«${name}», ${year}`);

function refuse(message: string, cellName: string): PasteResult {
  return { ok: false, message: `Intet blev sat ind: ${message.replace(/\.$/, '')} (${cellName}).` };
}

/**
 * A block pasted with its top-left corner at the range's top-left; a single value pasted over
 * a range of several cells fills the range. Block rows go down through the pool's rows (a
 * value on a heading, total or line with sub-lines is skipped); rows beyond the pool's last
 * line become `newLines`. Every value is read as typed entry is (parseEntry: `=100+50` is
 * computed) first: one that does not parse refuses the whole paste, naming the cell, and nothing
 * is applied.
 */
export function planPaste(view: GridView, b: Bounds, block: readonly (readonly string[])[]): PasteResult {
  const plan: PastePlan = { cells: [], renames: [], skipped: 0, newLines: [], poolId: null };
  if (!block.length) return { ok: true, ...plan };
  const isSingle = block.length === 1 && block[0]!.length === 1;
  if (isSingle && (height(b) > 1 || width(b) > 1)) return fillWith(view, b, block[0]![0]!, plan);

  const start = view.rows[b.top];
  plan.poolId = start && start.kind !== 'grandTotal' ? start.poolId : null;
  for (let i = 0; i < block.length; i++) {
    const r = b.top + i;
    const row = view.rows[r];
    const inPool = row && row.kind !== 'grandTotal' && row.kind !== 'poolTotal' && row.poolId === plan.poolId;
    const cells = block[i]!;
    if (!inPool) {
      const added = newLine(view, b.left, cells, plan.newLines.length + 1);
      if ('message' in added) return added;
      plan.skipped += added.skipped;
      plan.newLines.push(added.line);
      continue;
    }
    for (let j = 0; j < cells.length; j++) {
      const result = pasteCell(view, row, view.cols[b.left + j], cells[j]!, plan);
      if (result) return result;
    }
  }
  return { ok: true, ...plan };
}

/** One value onto one existing row; returns a refusal, or nothing when it was planned or skipped. */
function pasteCell(
  view: GridView,
  row: GridRow,
  colId: string | undefined,
  text: string,
  plan: EditPlan,
): PasteResult | void {
  if (colId === NAME_COL) {
    const name = pastedName(text);
    if (row.kind === 'line' && name && name !== row.name) plan.renames.push({ lineId: row.id, name });
    else if (row.kind !== 'line' && name && name !== row.name) plan.skipped++;
    return;
  }
  const year = colId ? yearOfCol(colId) : null;
  if (year === null || !isAmountEditable(row) || row.kind !== 'line') {
    if (text.trim()) plan.skipped++;
    return;
  }
  const parsed = parseEntry(text);
  if (!parsed.ok) return refuse(parsed.message, where(row.name, year));
  if (!sameAmount(row.line.amounts[year], parsed.value)) plan.cells.push({ lineId: row.id, year, value: parsed.value });
}

function newLine(
  view: GridView,
  left: number,
  cells: readonly string[],
  n: number,
): { line: NewLine; skipped: number } | { ok: false; message: string } {
  const line: NewLine = { name: null, amounts: {} };
  let skipped = 0;
  for (let j = 0; j < cells.length; j++) {
    const colId = view.cols[left + j];
    const text = cells[j]!;
    if (colId === NAME_COL) {
      line.name = pastedName(text) || null;
      continue;
    }
    const year = colId ? yearOfCol(colId) : null;
    if (year === null) {
      if (text.trim()) skipped++;
      continue;
    }
    const parsed = parseEntry(text);
    if (!parsed.ok)
      return refuse(parsed.message, where(line.name ?? `ny linje ${n}`, year)) as { ok: false; message: string };
    if (parsed.value !== null) line.amounts[year] = parsed.value;
  }
  return { line, skipped };
}

function fillWith(view: GridView, b: Bounds, text: string, plan: PastePlan): PasteResult {
  const parsed = parseEntry(text);
  for (const { row, colId } of cellsOf(view, b)) {
    const year = yearOfCol(colId);
    if (year === null || row.kind !== 'line' || row.hasChildren) {
      if (text.trim()) plan.skipped++;
      continue;
    }
    if (!parsed.ok) return refuse(parsed.message, where(row.name, year));
    if (!sameAmount(row.line.amounts[year], parsed.value))
      plan.cells.push({ lineId: row.id, year, value: parsed.value });
  }
  return { ok: true, ...plan };
}

/** Delete on a range: every amount that can be written is emptied. */
export function planClear(view: GridView, b: Bounds): EditPlan {
  const plan: EditPlan = { cells: [], renames: [], skipped: 0 };
  for (const { row, colId } of cellsOf(view, b)) {
    const year = yearOfCol(colId);
    if (year === null || row.kind !== 'line' || row.hasChildren) continue;
    if ((row.line.amounts[year] ?? null) !== null) plan.cells.push({ lineId: row.id, year, value: null });
  }
  return plan;
}

/**
 * Fills `target` from the `seed` block inside it (its top rows, or its left columns): down,
 * each column continues its seed's series; right, each row does. Ctrl+D is a fill down from
 * the range's first row (or, on one row, from the row above).
 */
export function planFill(view: GridView, seed: Bounds, target: Bounds): EditPlan {
  const plan: EditPlan = { cells: [], renames: [], skipped: 0 };
  const down = target.bottom > seed.bottom;
  const set = (r: number, c: number, value: string | Kroner | null) => {
    const row = view.rows[r];
    const colId = view.cols[c];
    const year = colId ? yearOfCol(colId) : null;
    if (!row || colId === NAME_COL) return;
    if (year === null || row.kind !== 'line' || row.hasChildren) {
      if (value !== null) plan.skipped++;
      return;
    }
    const v = typeof value === 'number' ? value : null;
    if (!sameAmount(row.line.amounts[year], v)) plan.cells.push({ lineId: row.id, year, value: v });
  };
  const value = (r: number, c: number) => {
    const row = view.rows[r];
    const colId = view.cols[c];
    return row && colId ? cellValue(row, colId) : null;
  };
  if (down) {
    for (let c = target.left; c <= target.right; c++) {
      const values = [];
      for (let r = seed.top; r <= seed.bottom; r++) values.push(value(r, c));
      continueSeries(values, target.bottom - seed.bottom).forEach((v, i) => set(seed.bottom + 1 + i, c, v));
    }
  } else {
    for (let r = target.top; r <= target.bottom; r++) {
      const values = [];
      for (let c = seed.left; c <= seed.right; c++) values.push(value(r, c));
      continueSeries(values, target.right - seed.right).forEach((v, i) => set(r, seed.right + 1 + i, v));
    }
  }
  return plan;
}

/** Ctrl+D: the first row of the range down over the rest; a one-row range takes the row above. */
export function planFillDown(view: GridView, b: Bounds): EditPlan {
  if (b.bottom > b.top) return planFill(view, { ...b, bottom: b.top }, b);
  if (b.top === 0) return { cells: [], renames: [], skipped: 0 };
  return planFill(view, { ...b, top: b.top - 1, bottom: b.top - 1 }, { ...b, top: b.top - 1 });
}
