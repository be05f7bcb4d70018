/**
 * Column definitions: the name column (frozen left), one column per shown budget year, I alt.
 * Amounts are never inferred as numbers by the grid (its number editor turns `1234,5` into
 * 12345): they are text in the editor and go through the one Danish parser.
 */
import type {
  CellClassParams,
  CellClassRules,
  ColDef,
  EditableCallbackParams,
  SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { formatAmount } from '../../../shared/danish/number';
import { shorten } from '../../../shared/danish/text';
import { isAmountEditable, isNameEditable, NAME_COL, TOTAL_COL, yearCol } from '../../../shared/grid/edit';
import { PROJECT_COLS } from '../../../shared/grid/project-cols';
import type { GridRow } from '../../../shared/grid/row-model';
import { entryError, openEditor } from './cell-error';
import { NameCell } from './name-cell';
import type { RangeSelection } from './selection';

export { isAmountEditable, isNameEditable, NAME_COL, TOTAL_COL, yearCol, yearOfCol } from '../../../shared/grid/edit';

export interface ColumnHandlers {
  onToggle: (id: string) => void;
  selection: RangeSelection;
  /** Who made the line and who changed it last, for the name's tooltip (null when not known). */
  provenance: (lineId: string) => string | null;
  /** Widths the user dragged, by column id (column-widths.ts). */
  widths?: Readonly<Record<string, number>>;
  /** The pool's place in pool order: its colour, the same as in the charts (renderer/src/charts/palette.ts). */
  poolIndex: (poolId: string) => number;
  /** The it-råd flag's reason for a project, or null (the name cell's mark). */
  riskFlag?: (lineId: string) => string | null;
  /** The project columns shown (shared/grid/project-cols.ts), and a row's text in one (the grid view's projectText). */
  projectCols?: readonly string[];
  projectText?: (row: GridRow, colId: string) => string;
}

/** The column ids shown, in order: what a range's column index counts. */
export const shownCols = (years: readonly number[], projectCols: readonly string[] = []) => [
  NAME_COL,
  ...PROJECT_COLS.filter((c) => projectCols.includes(c.colId)).map((c) => c.colId),
  ...years.map(yearCol),
  TOTAL_COL,
];

/** A project column's cell can be edited on a project: a top-level line. */
export const isProjectRow = (row: GridRow | undefined): boolean => row?.kind === 'line' && row.depth === 0;

function amountClasses(p: CellClassParams<GridRow>): string[] {
  const v = p.value as number | null | undefined;
  const classes = ['pp-amount'];
  if (typeof v === 'number' && v < 0) classes.push('pp-negative');
  if (p.data && !isAmountEditable(p.data)) classes.push('pp-readonly');
  return classes;
}

/** The range's highlight, re-evaluated by refreshCells when the range changes. */
function rangeClassRules(selection: RangeSelection, col: number): CellClassRules<GridRow> {
  const rules: CellClassRules<GridRow> = {};
  for (const name of Object.keys(selection.classesAt(0, 0))) {
    rules[name] = (p) =>
      !p.node.rowPinned && p.node.rowIndex !== null && selection.classesAt(p.node.rowIndex, col)[name] === true;
  }
  return rules;
}

/**
 * The grid's check before it ends an edit. Until the user types, the editor's value is the
 * stored one (a number), which is valid.
 */
const validate =
  (colId: string) =>
  ({ value }: { value: unknown }): string[] | null => {
    const error = typeof value === 'string' ? entryError(colId, value) : null;
    return error ? [error] : null;
  };

export function buildColumns(years: readonly number[], handlers: ColumnHandlers): ColDef<GridRow>[] {
  const name: ColDef<GridRow> = {
    colId: NAME_COL,
    headerName: 'Beløb i 1.000 kr',
    valueGetter: (p) => p.data?.name ?? '',
    editable: (p: EditableCallbackParams<GridRow>) => isNameEditable(p.data),
    cellRenderer: NameCell,
    cellRendererParams: { onToggle: handlers.onToggle, poolIndex: handlers.poolIndex, riskFlag: handlers.riskFlag },
    // The cell shows more than the name (the comment marker): a row replaced in place
    // (rowNode.updateData) with the same name must still repaint it.
    equals: () => false,
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { maxLength: 300, getValidationErrors: validate(NAME_COL) },
    cellClassRules: rangeClassRules(handlers.selection, 0),
    // Rows are dragged by their name (lines only); the drop is a lines.place request.
    rowDrag: (p) => p.data?.kind === 'line',
    pinned: 'left',
    lockPinned: true,
    width: handlers.widths?.[NAME_COL] ?? 340,
    minWidth: 220,
    resizable: true,
    tooltipValueGetter: (p) => {
      if (p.data?.kind !== 'line') return undefined;
      const { comment, description } = p.data.line;
      const text = [
        handlers.provenance(p.data.id) ?? '',
        comment ? `Kommentar: ${comment}` : '',
        shorten(description, 400),
      ]
        .filter(Boolean)
        .join('\n\n');
      return text || undefined;
    },
  };
  const amount = (
    colId: string,
    col: number,
    headerName: string,
    get: (row: GridRow) => number | null | undefined,
    editable: boolean,
  ): ColDef<GridRow> => ({
    colId,
    headerName,
    valueGetter: (p) => (p.data ? (get(p.data) ?? null) : null),
    // One rule for zeros (docs/grid.md): a year without money shows 0 on lines and totals,
    // whether the cell is empty or holds a stored 0; a pool's heading row shows nothing.
    valueFormatter: (p) => (p.data?.kind === 'pool' ? '' : formatAmount((p.value as number | null) ?? 0)),
    editable: editable ? (p: EditableCallbackParams<GridRow>) => isAmountEditable(p.data) : false,
    cellEditor: 'agTextCellEditor',
    // The editor opens with the Danish text (`1.234,5`), which the parser reads back unchanged.
    // What cannot be saved keeps the editor open (invalidEditValueMode 'block', cell-error.tsx).
    cellEditorParams: { useFormatter: true, getValidationErrors: validate(colId) },
    cellClass: amountClasses,
    cellClassRules: rangeClassRules(handlers.selection, col),
    headerClass: 'pp-amount-header',
    width: handlers.widths?.[colId] ?? 116,
    minWidth: 80,
    resizable: true,
  });
  // The project card's fields, text between the name and the years (docs/grid.md «Project columns»).
  const projects = PROJECT_COLS.filter((c) => handlers.projectCols?.includes(c.colId)).map((c, i): ColDef<GridRow> => ({
    colId: c.colId,
    headerName: c.header,
    headerTooltip: c.title,
    valueGetter: (p) => (p.data ? (handlers.projectText?.(p.data, c.colId) ?? '') : ''),
    editable: (p: EditableCallbackParams<GridRow>) => isProjectRow(p.data),
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { getValidationErrors: validate(c.colId) },
    cellClass: (p) => ['pp-project-col', ...(isProjectRow(p.data) ? [] : ['pp-readonly'])],
    cellClassRules: rangeClassRules(handlers.selection, i + 1),
    width: handlers.widths?.[c.colId] ?? c.width,
    minWidth: 56,
    resizable: true,
  }));
  const first = projects.length + 1;
  return [
    name,
    ...projects,
    ...years.map((y, i) => amount(yearCol(y), first + i, String(y), (row) => row.amounts[y], true)),
    {
      ...amount(TOTAL_COL, first + years.length, 'I alt', (row) => row.total, false),
      // I alt stays on screen however many years there are (issue 15), as the name column does.
      pinned: 'right',
      lockPinned: true,
      cellClass: (p) => [...amountClasses(p), 'pp-total-col'],
    },
  ];
}

export function defaultColDef(): ColDef<GridRow> {
  return {
    sortable: false,
    suppressMovable: true,
    cellDataType: false,
    suppressHeaderMenuButton: true,
    // Grid callbacks like onCellKeyDown run after the grid acted; this one runs before.
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams<GridRow>) => {
      const e = p.event;
      if (e.type !== 'keydown') return false;
      if (p.editing && (e.key === 'Tab' || e.key === 'Enter')) {
        // An entry that cannot be saved keeps its editor open; the reason shows beside it (cell-error.tsx).
        const editor = openEditor(e.target);
        if (editor && entryError(editor.colId, editor.input.value)) {
          e.preventDefault();
          return true;
        }
      }
      if (p.editing && e.key === 'Tab') {
        // Excel: Tab commits and moves one cell right (Shift+Tab left), without editing it.
        // The grid would instead jump to the next editable cell and open its editor.
        const cols = p.api.getAllDisplayedColumns();
        const next = cols[cols.indexOf(p.column) + (e.shiftKey ? -1 : 1)];
        const rowIndex = p.node.rowIndex;
        p.api.stopEditing();
        if (next && rowIndex !== null) p.api.setFocusedCell(rowIndex, next, p.node.rowPinned);
        e.preventDefault();
        return true;
      }
      if (p.editing) return false;
      // Ctrl/Cmd shortcuts are the app's (undo, redo, copy, paste, fill, find), not the grid's.
      // Delete, Backspace and Shift+arrows are taken before the grid sees them (range-controller.ts).
      return (e.ctrlKey || e.metaKey) && ['z', 'y', 'c', 'v', 'x', 'd', 'f', 'a'].includes(e.key.toLowerCase());
    },
  };
}
