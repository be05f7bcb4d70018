/**
 * Reading one annex table: its lines and sub-lines, and every total it states (each line's
 * I alt, a parent's own figures, the `… i alt` row) checked against the sum of the lines.
 * Totals are never imported: the lines are the facts, a total that disagrees is a Mismatch.
 */
import type { Mismatch, SheetGrid } from '../../../shared/contract/annex';
import type { LineRead } from './transfer';
import {
  address,
  amountOf,
  cellRef,
  cellText,
  holdsNumber,
  Notes,
  readAmount,
  subLineName,
  tidy,
  totalLabel,
  type AmountRead,
} from './cells';
import type { SheetRow, TableHeader } from './headers';
import { formatAmount } from '../../../shared/danish/number';
import { sumKroner, type Kroner } from '../../../shared/domain/money';

export interface SheetContext {
  sheet: SheetGrid;
  rows: SheetRow[];
  notes: Notes;
  mismatches: Mismatch[];
}

interface Draft {
  name: string;
  depth: 0 | 1;
  row: number;
  indent: number;
  /** One read per year column of the header, in its order. */
  values: AmountRead[];
  total: AmountRead;
  children: Draft[];
}

export interface TableRead {
  /** Each line's values follow the header's year columns. */
  lines: LineRead[];
  /** Sum of the lines per year, whole kroner. */
  byYear: Map<number, Kroner>;
  /** Index (into the sheet's rows) of the row that ended the table, or of its last line. */
  endIndex: number;
  /** How the table ended: `<pool> i alt`, a bare `I alt`, a grand total, or just stopping. */
  ending: { kind: 'pool'; pool: string } | { kind: 'bare' } | { kind: 'grand' } | null;
}

/** Compares a total the workbook states with the sum of its lines. */
export function checkTotal(ctx: SheetContext, col: number, row: number, found: AmountRead, computed: Kroner): void {
  // A formula without a saved result ('uncached') states nothing, so it cannot disagree.
  if (found === null || found === 'uncached' || found === computed) return;
  const cell = address(col, row);
  ctx.mismatches.push({
    sheet: ctx.sheet.name,
    cell,
    found,
    computed,
    message: `${ctx.sheet.name}!${cell}: ${formatAmount(found)}, men linjerne giver ${formatAmount(computed)}`,
  });
}

function readDraft(ctx: SheetContext, header: TableHeader, at: SheetRow, name: string, lastTop: Draft | null): Draft {
  const labelCell = at.cells.get(header.labelCol);
  const indent = labelCell?.indent ?? 0;
  const marked = subLineName(name);
  // A sub-line is written `-name` in the annex, or indented further than the line it belongs to.
  const sub = marked !== null || (lastTop !== null && indent > lastTop.indent);
  return {
    name: marked ?? name,
    depth: sub && lastTop ? 1 : 0,
    row: at.row,
    indent,
    values: header.years.map(({ col }) => amountOf(at.cells.get(col), ctx.sheet, col, at.row)),
    total:
      header.totalCol === null
        ? null
        : amountOf(at.cells.get(header.totalCol), ctx.sheet, header.totalCol, at.row, true),
    children: [],
  };
}

/** The columns a table reads or has already noted. */
function knownColumns(header: TableHeader): Set<number> {
  const known = new Set([header.labelCol, ...header.years.map((y) => y.col), ...header.otherCols]);
  if (header.totalCol !== null) known.add(header.totalCol);
  return known;
}

/** Notes, once per column, content in a column the header does not name. */
function noteStrayCells(ctx: SheetContext, at: SheetRow, seen: Set<number>): void {
  for (const [col, cell] of at.cells) {
    if (seen.has(col) || cellText(cell) === '') continue;
    seen.add(col);
    ctx.notes.add(
      'kolonner',
      `${cellRef(ctx.sheet, col, at.row)}: kolonnen har ingen overskrift i tabellen og blev ikke læst.`,
    );
  }
}

/** Reads the lines from the header down to the `… i alt` row (or to `end`, exclusive). */
function readDrafts(
  ctx: SheetContext,
  header: TableHeader,
  end: number,
): { drafts: Draft[]; endIndex: number; ending: TableRead['ending'] } {
  const drafts: Draft[] = [];
  const seen = knownColumns(header);
  let lastTop: Draft | null = null;
  for (let i = header.index + 1; i < end; i++) {
    const at = ctx.rows[i];
    if (!at) break;
    const label = cellText(at.cells.get(header.labelCol));
    const ending = label ? totalLabel(label) : null;
    if (ending) return { drafts, endIndex: i, ending };
    noteStrayCells(ctx, at, seen);
    if (!label || subLineName(label) === '') {
      if (header.years.some((y) => holdsNumber(at.cells.get(y.col)))) {
        ctx.notes.add(
          'rækker',
          `${cellRef(ctx.sheet, header.labelCol, at.row)}: rækken har beløb men intet navn og blev ikke læst.`,
        );
      }
      continue;
    }
    const draft = readDraft(ctx, header, at, label, lastTop);
    if (draft.depth === 1 && lastTop) lastTop.children.push(draft);
    else {
      if (subLineName(label) !== null) {
        ctx.notes.add(
          'underlinjer',
          `${cellRef(ctx.sheet, header.labelCol, at.row)}: underlinjen «${draft.name}» har ingen linje over sig og er læst som en linje.`,
        );
      }
      lastTop = draft;
    }
    drafts.push(draft);
  }
  return { drafts, endIndex: Math.min(end, ctx.rows.length) - 1, ending: null };
}

/** Sums of the lines' values per year column, in one pass (a table can have 100,000 lines). */
function sumColumns(lines: Draft[], width: number): Kroner[] {
  const sums: Kroner[] = new Array<Kroner>(width).fill(0);
  for (const line of lines) {
    line.values.forEach((v, i) => {
      if (typeof v === 'number') sums[i] = (sums[i] ?? 0) + v;
    });
  }
  if (!sums.every(Number.isSafeInteger)) throw new RangeError('Summen er for stor til at blive regnet præcist.');
  return sums;
}

/** A line's own amounts; a formula without a saved result counts as empty, with a note. */
function leafValues(ctx: SheetContext, header: TableHeader, draft: Draft): (Kroner | null)[] {
  return draft.values.map((v, i) => {
    if (v !== 'uncached') return v;
    const col = header.years[i]?.col ?? header.labelCol;
    ctx.notes.add(
      'formler',
      `${cellRef(ctx.sheet, col, draft.row)}: formlen har intet gemt resultat og er læst som tom. Åbn og gem filen i Excel, så kommer resultatet med.`,
    );
    return null;
  });
}

/** A parent's own figures are totals of its sub-lines: checked, never kept. */
function finishParent(ctx: SheetContext, header: TableHeader, draft: Draft): void {
  const sums = sumColumns(draft.children, header.years.length);
  header.years.forEach(({ col }, i) => checkTotal(ctx, col, draft.row, draft.values[i] ?? null, sums[i] ?? 0));
  if (header.totalCol !== null) checkTotal(ctx, header.totalCol, draft.row, draft.total, sumKroner(sums));
}

function toLine(ctx: SheetContext, header: TableHeader, draft: Draft): LineRead {
  if (draft.children.length > 0) {
    finishParent(ctx, header, draft);
    return { name: draft.name, depth: draft.depth, row: draft.row, values: draft.values.map(() => null) };
  }
  const values = leafValues(ctx, header, draft);
  if (header.totalCol !== null) checkTotal(ctx, header.totalCol, draft.row, draft.total, sumKroner(values));
  return { name: draft.name, depth: draft.depth, row: draft.row, values };
}

/** Lines are matched by name within their pool (sub-lines within their parent): note twins. */
function noteDuplicates(ctx: SheetContext, lines: LineRead[]): void {
  const seen = new Map<string, LineRead>();
  let parent = '';
  for (const line of lines) {
    if (line.depth === 0) parent = line.name.toLowerCase();
    const key = line.depth === 0 ? parent : `${parent}\u0000${line.name.toLowerCase()}`;
    const first = seen.get(key);
    if (first)
      ctx.notes.add(
        'dubletter',
        `${ctx.sheet.name}: linjen «${line.name}» står to gange (række ${first.row} og ${line.row}).`,
      );
    else seen.set(key, line);
  }
}

/** Reads the table under `header`, stopping at its `… i alt` row or before row index `end`. */
export function readTable(ctx: SheetContext, header: TableHeader, end: number): TableRead {
  const { drafts, endIndex, ending } = readDrafts(ctx, header, end);
  const lines = drafts.map((d) => toLine(ctx, header, d));
  noteDuplicates(ctx, lines);
  const leaves = drafts.filter((d) => d.children.length === 0);
  const sums = sumColumns(leaves, header.years.length);
  const byYear = new Map(header.years.map((y, i) => [y.year, sums[i] ?? 0] as const));
  const endRow = ctx.rows[endIndex];
  if (ending && ending.kind !== 'grand' && endRow) checkTotalRow(ctx, header, endRow.row, byYear);
  return { lines, byYear, endIndex, ending };
}

/** Checks a total row (`… i alt`, `Total`) per year and its I alt against sums by year. */
export function checkTotalRow(ctx: SheetContext, header: TableHeader, row: number, byYear: Map<number, Kroner>): void {
  for (const { year, col } of header.years)
    checkTotal(ctx, col, row, readAmount(ctx.sheet, col, row, true), byYear.get(year) ?? 0);
  if (header.totalCol !== null) {
    checkTotal(
      ctx,
      header.totalCol,
      row,
      readAmount(ctx.sheet, header.totalCol, row, true),
      sumKroner(byYear.values()),
    );
  }
}

/** The pool heading: the text row right above the header, unless it is the annex's own title. */
export function headingText(ctx: SheetContext, index: number): string | null {
  const at = ctx.rows[index];
  if (!at) return null;
  let text: string | null = null;
  for (const cell of [...at.cells].sort((a, b) => a[0] - b[0]).map(([, c]) => c)) {
    if (holdsNumber(cell)) return null;
    const t = cellText(cell);
    if (t && text === null) text = t;
  }
  if (!text || totalLabel(text) || /^bilag\b/i.test(tidy(text))) return null;
  return text;
}
