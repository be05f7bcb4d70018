/**
 * The portfolio as one Danish spreadsheet grid on AG Grid Community. Edits are requests
 * (readOnlyEdit): the grid never changes its own data; the store does, from the backend's
 * answer, and the history is ours (AG Grid's undo is cleared by every transaction).
 */
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type GetRowIdParams,
  type GridApi,
  type RowClassParams,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_DK } from '@ag-grid-community/locale';
import type { GridRow } from '../../../shared/row-model';
import type { PortfolioStore } from '../store/portfolio-store';
import { buildColumns, defaultColDef, NAME_COL, type ColumnHandlers } from './columns';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['Segoe UI', 'Calibri', 'Arial', 'sans-serif'],
  fontSize: 13,
  rowHeight: 28,
  headerHeight: 32,
  spacing: 6,
  columnBorder: { color: '#e3e6ea' },
  headerBackgroundColor: '#eef1f5',
  headerFontWeight: 600,
  wrapperBorderRadius: 2,
  accentColor: '#1f6f5c',
  pinnedRowBorder: { width: 2, color: '#1f2933' },
});

export interface GridHandle {
  /** Focuses a cell and scrolls to it; optionally opens its editor. */
  focus(rowId: string, colId?: string, edit?: boolean): void;
  api(): GridApi<GridRow> | null;
}

export interface GridEvents extends Pick<ColumnHandlers, 'onClear'> {
  onEditRequest: (row: GridRow, colId: string, text: string | null) => void;
  onFocusRow: (row: GridRow | null, colId: string | null) => void;
}

interface Props extends GridEvents {
  store: PortfolioStore;
  version: number;
}

function rowClass(p: RowClassParams<GridRow>): string[] {
  const row = p.data;
  if (!row) return [];
  if (row.kind === 'line') return ['pp-row-line', row.hasChildren ? 'pp-row-parent' : '', row.depth ? 'pp-row-sub' : ''].filter(Boolean);
  return [`pp-row-${row.kind}`];
}

export const PortfolioGrid = forwardRef<GridHandle, Props>(function PortfolioGrid({ store, version, onEditRequest, onFocusRow, onClear }, ref) {
  const gridRef = useRef<AgGridReact<GridRow>>(null);
  const handlers = useRef({ onEditRequest, onFocusRow, onClear });
  handlers.current = { onEditRequest, onFocusRow, onClear };
  const toggle = useCallback((id: string) => store.toggleCollapsed(id), [store]);

  const years = store.years;
  const columnDefs = useMemo(
    () => buildColumns(years, { onClear: (r, c) => handlers.current.onClear(r, c), onToggle: toggle }),
    [years, toggle],
  );
  const defaultCol = useMemo(() => defaultColDef({ onClear: (r, c) => handlers.current.onClear(r, c), onToggle: toggle }), [toggle]);
  // `version` is what tells us the store changed; the model itself is cached in the store.
  const model = useMemo(() => store.rowModel, [store, version]);
  const pinned = useMemo(() => [model.grandTotal], [model]);

  useImperativeHandle(ref, () => ({
    api: () => gridRef.current?.api ?? null,
    focus(rowId, colId = NAME_COL, edit = false) {
      // The row may arrive with the next render; try for a few frames before giving up.
      const attempt = (tries: number) => {
        const api = gridRef.current?.api;
        const node = api?.getRowNode(rowId);
        if (!api || !node || node.rowIndex === null || node.rowIndex === undefined) {
          if (tries > 0) requestAnimationFrame(() => attempt(tries - 1));
          return;
        }
        api.ensureIndexVisible(node.rowIndex);
        // startEditingCell focuses the cell itself; focusing it first as well raced with the
        // editor for the keyboard on a busy machine, and the first keys went to the cell.
        if (edit) api.startEditingCell({ rowIndex: node.rowIndex, colKey: colId });
        else api.setFocusedCell(node.rowIndex, colId);
      };
      attempt(10);
    },
  }));

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<GridRow>) => {
    if (!e.data) return;
    const value = e.newValue === null || e.newValue === undefined ? null : String(e.newValue);
    handlers.current.onEditRequest(e.data, e.column.getColId(), value);
  }, []);

  const onCellFocused = useCallback((e: CellFocusedEvent<GridRow>) => {
    if (e.rowPinned || e.rowIndex === null || e.rowIndex === undefined) return handlers.current.onFocusRow(null, null);
    const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
    const colId = typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null);
    handlers.current.onFocusRow(node?.data ?? null, colId);
  }, []);

  return (
    <div className="pp-grid" data-testid="portfolio-grid">
      <AgGridReact<GridRow>
        ref={gridRef}
        theme={theme}
        localeText={AG_GRID_LOCALE_DK}
        rowData={model.rows}
        pinnedBottomRowData={pinned}
        columnDefs={columnDefs}
        defaultColDef={defaultCol}
        getRowId={(p: GetRowIdParams<GridRow>) => p.data.id}
        getRowClass={rowClass}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressColumnVirtualisation={years.length < 30}
        tooltipShowDelay={600}
        animateRows={false}
      />
    </div>
  );
});
