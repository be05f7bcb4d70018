/**
 * Column definitions: the name column (frozen left), one column per budget year, I alt.
 * Amounts are never inferred as numbers by the grid (its number editor turns `1234,5` into
 * 12345): they are text in the editor and go through the one Danish parser.
 */
import type { CellClassParams, ColDef, EditableCallbackParams, SuppressKeyboardEventParams } from 'ag-grid-community';
import { formatAmount } from '../../../shared/danish-number';
import type { GridRow } from '../../../shared/row-model';
import { NameCell } from './name-cell';

export const NAME_COL = 'name';
export const TOTAL_COL = 'total';
export const yearCol = (year: number) => `y${year}`;
export const yearOfCol = (colId: string): number | null => (/^y\d{4}$/.test(colId) ? Number(colId.slice(1)) : null);

export const isAmountEditable = (row: GridRow | undefined) => row?.kind === 'line' && !row.hasChildren;
export const isNameEditable = (row: GridRow | undefined) => row?.kind === 'line' || row?.kind === 'pool';

export interface ColumnHandlers {
  /** Delete/Backspace-style clearing of a cell that is not being edited. */
  onClear: (row: GridRow, colId: string) => void;
  onToggle: (id: string) => void;
}

function amountClasses(p: CellClassParams<GridRow>): string[] {
  const v = p.value as number | null | undefined;
  const classes = ['pp-amount'];
  if (typeof v === 'number' && v < 0) classes.push('pp-negative');
  if (p.data && !isAmountEditable(p.data)) classes.push('pp-readonly');
  return classes;
}

export function buildColumns(years: readonly number[], handlers: ColumnHandlers): ColDef<GridRow>[] {
  const name: ColDef<GridRow> = {
    colId: NAME_COL,
    headerName: 'Beløb i 1.000 kr',
    valueGetter: (p) => p.data?.name ?? '',
    editable: (p: EditableCallbackParams<GridRow>) => isNameEditable(p.data),
    cellRenderer: NameCell,
    cellRendererParams: { onToggle: handlers.onToggle },
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { maxLength: 300 },
    pinned: 'left',
    lockPinned: true,
    width: 440,
    minWidth: 220,
    resizable: true,
    tooltipValueGetter: (p) => (p.data?.kind === 'line' ? p.data.line.description.slice(0, 400) || undefined : undefined),
  };
  const amount = (colId: string, headerName: string, get: (row: GridRow) => number | null | undefined, editable: boolean): ColDef<GridRow> => ({
    colId,
    headerName,
    valueGetter: (p) => (p.data ? get(p.data) ?? null : null),
    valueFormatter: (p) => formatAmount(p.value as number | null),
    editable: editable ? (p: EditableCallbackParams<GridRow>) => isAmountEditable(p.data) : false,
    cellEditor: 'agTextCellEditor',
    // The editor opens with the Danish text (`1.234,5`), which the parser reads back unchanged.
    cellEditorParams: { useFormatter: true },
    cellClass: amountClasses,
    headerClass: 'pp-amount-header',
    width: 116,
    minWidth: 80,
    resizable: true,
  });
  return [
    name,
    ...years.map((y) => amount(yearCol(y), String(y), (row) => row.amounts[y], true)),
    { ...amount(TOTAL_COL, 'I alt', (row) => row.total, false), cellClass: (p) => [...amountClasses(p), 'pp-total-col'] },
  ];
}

export function defaultColDef(handlers: ColumnHandlers): ColDef<GridRow> {
  return {
    sortable: false,
    suppressMovable: true,
    cellDataType: false,
    suppressHeaderMenuButton: true,
    // Grid callbacks like onCellKeyDown run after the grid acted; this one runs before.
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams<GridRow>) => {
      const e = p.event;
      if (e.type !== 'keydown') return false;
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
      if (e.key === 'Delete' && p.data) {
        handlers.onClear(p.data, p.column.getColId());
        return true;
      }
      // Ctrl/Cmd shortcuts are the app's (undo, redo), not the grid's.
      return (e.ctrlKey || e.metaKey) && ['z', 'y'].includes(e.key.toLowerCase());
    },
  };
}
