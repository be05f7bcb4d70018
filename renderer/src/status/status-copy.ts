/**
 * Ctrl+C in the Status view (docs/grid.md «The Status view»): the block between the cell clicked
 * last and the focused cell (Shift+click stretches it) as tab-separated Danish text, as Bilag 1
 * copies, lights as words (`ikke vurderet`, never a colour), so Excel and a paste back both read it.
 */
import type { GridApi } from 'ag-grid-community';
import { formatMonth } from '../../../shared/danish/month';
import { toTsv } from '../../../shared/grid/tsv';
import type { LightText } from '../../../shared/domain/project';
import { isStatusField, type StatusRow } from './status-rows';

export interface CellAt {
  row: number;
  colId: string;
}

const lightWord = (l: LightText | null | undefined) => (l === '-' || !l ? 'ikke vurderet' : l);

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

/** The block from `anchor` to `focus` over the shown rows and columns: its text and how many cells. */
export function statusCopy(
  rows: readonly StatusRow[],
  cols: readonly string[],
  anchor: CellAt,
  focus: CellAt,
): { text: string; cells: number } {
  const [top, bottom] = [Math.min(anchor.row, focus.row), Math.max(anchor.row, focus.row)];
  const a = Math.max(0, cols.indexOf(anchor.colId));
  const f = Math.max(0, cols.indexOf(focus.colId));
  const shownCols = cols.slice(Math.min(a, f), Math.max(a, f) + 1);
  const block = rows.slice(top, bottom + 1).map((r) => shownCols.map((c) => statusCellText(r, c)));
  return { text: toTsv(block), cells: block.length * shownCols.length };
}

/** The shown columns' ids in the order on screen (pinned first), as a copy and a paste count them. */
export const shownColumns = (api: GridApi<StatusRow>) => api.getAllDisplayedColumns().map((c) => c.getColId());

/** The same cell (both given). */
export const sameCell = (a: CellAt | null, b: CellAt | null) => !!a && !!b && a.row === b.row && a.colId === b.colId;

/** Whether a cell is in the marked block (anchor to focus), shown only while the block is more than one cell. */
export function inBlock(cols: readonly string[], anchor: CellAt | null, focus: CellAt | null, at: CellAt): boolean {
  if (!anchor || !focus || sameCell(anchor, focus)) return false;
  const [a, f, c] = [cols.indexOf(anchor.colId), cols.indexOf(focus.colId), cols.indexOf(at.colId)];
  return (
    at.row >= Math.min(anchor.row, focus.row) &&
    at.row <= Math.max(anchor.row, focus.row) &&
    c >= Math.min(a, f) &&
    c <= Math.max(a, f)
  );
}

/** Shift+arrow: the cell the block's far corner moves to, kept inside the shown rows and columns. */
export function stepped(cols: readonly string[], rows: number, from: CellAt, key: string): CellAt | null {
  const d = ({ ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] } as const)[
    key as 'ArrowUp'
  ];
  if (!d || !rows || !cols.length) return null;
  const col = Math.max(0, Math.min(cols.length - 1, cols.indexOf(from.colId) + d[1]));
  return { row: Math.max(0, Math.min(rows - 1, from.row + d[0])), colId: cols[col]! };
}
