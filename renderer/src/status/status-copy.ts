/**
 * Ctrl+C in the Status view (docs/grid.md «The Status view»): the block between the cell clicked
 * last and the focused cell (Shift+click stretches it) as tab-separated Danish text, as Bilag 1
 * copies, lights as words (`ikke vurderet`, never a colour), so Excel and a paste back both read it.
 */
import type { GridApi } from 'ag-grid-community';
import { formatMonth } from '../../../shared/danish/month';
import { bounds, contains, extend, type CellRange } from '../../../shared/grid/range';
import { toTsv } from '../../../shared/grid/tsv';
import { isStatusField, lightWord, type StatusRow } from './status-rows';

export interface CellAt {
  row: number;
  colId: string;
}

/** A cell's text as the view shows it in words. */
export function statusCellText(row: StatusRow, colId: string): string {
  if (isStatusField(colId)) return lightWord(row.status[colId]);
  switch (colId) {
    case 'number':
      return row.number ?? '';
    case 'name':
      return row.name;
    case 'phase':
      return row.phase ?? '';
    case 'end':
      return formatMonth(row.end);
    case 'responsible':
      return row.responsible;
    case 'previous':
      return row.previous ? lightWord(row.previous.overall) : 'ingen';
    case 'remark':
      return row.remark;
    default:
      return '';
  }
}

/** The block from `anchor` to `focus` as a range of shown rows and shown columns' indices (shared/grid/range.ts). */
function rangeOf(cols: readonly string[], anchor: CellAt, focus: CellAt): CellRange {
  const at = (c: CellAt) => ({ row: c.row, col: Math.max(0, cols.indexOf(c.colId)) });
  return { anchor: at(anchor), focus: at(focus) };
}

/** The block from `anchor` to `focus` over the shown rows and columns: its text and how many cells. */
export function statusCopy(
  rows: readonly StatusRow[],
  cols: readonly string[],
  anchor: CellAt,
  focus: CellAt,
): { text: string; cells: number } {
  const b = bounds(rangeOf(cols, anchor, focus));
  const shownCols = cols.slice(b.left, b.right + 1);
  const block = rows.slice(b.top, b.bottom + 1).map((r) => shownCols.map((c) => statusCellText(r, c)));
  return { text: toTsv(block), cells: block.length * shownCols.length };
}

/** The shown columns' ids in the order on screen (pinned first), as a copy and a paste count them. */
export const shownColumns = (api: GridApi<StatusRow>) => api.getAllDisplayedColumns().map((c) => c.getColId());

/** The same cell (both given). */
export const sameCell = (a: CellAt | null, b: CellAt | null) => !!a && !!b && a.row === b.row && a.colId === b.colId;

/** Whether a cell is in the marked block (anchor to focus), shown only while the block is more than one cell. */
export function inBlock(cols: readonly string[], anchor: CellAt | null, focus: CellAt | null, at: CellAt): boolean {
  if (!anchor || !focus || sameCell(anchor, focus)) return false;
  return contains(bounds(rangeOf(cols, anchor, focus)), at.row, cols.indexOf(at.colId));
}

const ARROWS: Partial<Record<string, [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Shift+arrow: the cell the block's far corner moves to, kept inside the shown rows and columns. */
export function stepped(cols: readonly string[], rows: number, from: CellAt, key: string): CellAt | null {
  const d = ARROWS[key];
  if (!d || !rows || !cols.length) return null;
  const { focus } = extend(rangeOf(cols, from, from), d[0], d[1], rows, cols.length);
  return { row: focus.row, colId: cols[focus.col]! };
}
