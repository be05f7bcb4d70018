/**
 * The portfolio as one Danish spreadsheet grid on AG Grid Community. Edits are requests
 * (readOnlyEdit): the grid never changes its own data; the store does, from the backend's
 * answer, and the history is ours (AG Grid's undo is cleared by every transaction). The cell
 * range, clipboard and fill are ours too (range-controller.ts), as Community has none.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type ColumnResizedEvent,
  type GetRowIdParams,
  type GridApi,
  type RowClassParams,
  type RowDragEndEvent,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_DK } from '@ag-grid-community/locale';
import { single, type Bounds } from '../../../shared/grid/range';
import type { GridView } from '../../../shared/grid/edit';
import { projectCol, projectText } from '../../../shared/grid/project-cols';
import type { GridRow, GrandTotalRow, PoolTotalRow } from '../../../shared/grid/row-model';
import { keepWidths, readWidths } from './column-widths';
import type { PortfolioStore } from '../store/portfolio-store';
import { provenanceText } from '../danish-text';
import { useCellError } from './cell-error';
import { buildColumns, defaultColDef, isProjectRow, NAME_COL, shownCols } from './columns';
import type { ProjectColumns } from './project-columns';
import { attachRangeEditing, type RangeCommands, type RangeEditing } from './range-controller';
import type { RangeSelection } from './selection';

ModuleRegistry.registerModules([AllCommunityModule]);

/** The grid look, shared with the Status view (renderer/src/status/status-view.tsx). */
export const theme = themeQuartz.withParams({
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
  /** Gives the keyboard back to the grid's focused cell (after a dialog), or its first cell. */
  refocus(): void;
  api(): GridApi<GridRow> | null;
  /** The rows and columns as shown, for range commands. */
  view(): GridView;
}

export interface GridEvents extends RangeCommands {
  onEditRequest: (row: GridRow, colId: string, text: string | null) => void;
  onFocusRow: (row: GridRow | null, colId: string | null) => void;
  onRowDrop: (lineId: string, targetLineId: string, where: 'before' | 'after') => void;
}

interface Props {
  store: PortfolioStore;
  version: number;
  /** The rows shown (the row model, or one pool of it). */
  rows: GridRow[];
  /** Pinned at the bottom: the Total, or the filtered pool's «… i alt». */
  bottomRow: GrandTotalRow | PoolTotalRow;
  /** The years shown as columns. */
  years: readonly number[];
  selection: RangeSelection;
  events: GridEvents;
  /** The it-råd flag's reason for a project, or null (renderer/src/project/risk-flags.ts). */
  riskFlag?: (lineId: string) => string | null;
  /** The project columns shown and their values (project-columns.ts). */
  projectCols?: Pick<ProjectColumns, 'shown' | 'fieldsOf' | 'fieldsVersion'>;
}

const NO_PROJECT_COLS: readonly string[] = [];

function rowClass(p: RowClassParams<GridRow>): string[] {
  const row = p.data;
  if (!row) return [];
  if (row.kind === 'line')
    return ['pp-row-line', row.hasChildren ? 'pp-row-parent' : '', row.depth ? 'pp-row-sub' : ''].filter(Boolean);
  return [`pp-row-${row.kind}`];
}

export const PortfolioGrid = forwardRef<GridHandle, Props>(function PortfolioGrid(
  { store, version, rows, bottomRow, years, selection, events, riskFlag, projectCols },
  ref,
) {
  const gridRef = useRef<AgGridReact<GridRow>>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const handlers = useRef(events);
  handlers.current = events;
  const toggle = useCallback((id: string) => store.toggleCollapsed(id), [store]);
  const projectShown = projectCols?.shown ?? NO_PROJECT_COLS;
  const projectFields = projectCols?.fieldsOf;
  const cols = useMemo(() => shownCols(years, projectShown), [years, projectShown]);
  const projectCellText = useCallback(
    (row: GridRow, colId: string) => {
      const col = projectCol(colId);
      return col && isProjectRow(row) ? projectText(projectFields?.(row.id), col.field) : '';
    },
    [projectFields],
  );
  const view = useRef<GridView>({ rows, cols, projectText: projectCellText });
  view.current = { rows, cols, projectText: projectCellText };
  const editing = useRef<RangeEditing | null>(null);
  /** The cell focused last: focus given back to it (after a dialog) keeps the range it had. */
  const lastFocus = useRef<{ row: number; col: number } | null>(null);
  const cellError = useCellError(wrapRef);

  const provenance = useCallback((id: string) => provenanceText(store.lineInfo.get(id)), [store]);
  // Widths the user dragged are kept per portfolio and given back when it is opened again.
  const portfolioId = store.meta?.id;
  const widths = useMemo(() => readWidths(portfolioId), [portfolioId]);
  const poolIndex = useCallback((id: string) => store.poolList().findIndex((p) => p.id === id), [store]);
  const columnDefs = useMemo(
    () =>
      buildColumns(years, {
        onToggle: toggle,
        selection,
        provenance,
        widths,
        poolIndex,
        riskFlag,
        projectCols: projectShown,
        projectText: projectCellText,
      }),
    [years, toggle, selection, provenance, widths, poolIndex, riskFlag, projectShown, projectCellText],
  );
  // The projects' fields were read again: repaint the project columns' cells on screen.
  const fieldsVersion = projectCols?.fieldsVersion;
  useEffect(() => {
    if (projectShown.length) gridRef.current?.api?.refreshCells({ columns: [...projectShown], force: true });
  }, [fieldsVersion, projectShown]);
  const onColumnResized = useCallback(
    (e: ColumnResizedEvent<GridRow>) => {
      if (!e.finished || e.source !== 'uiColumnResized') return;
      for (const c of e.columns ?? []) widths[c.getColId()] = c.getActualWidth();
      keepWidths(portfolioId, widths);
    },
    [portfolioId, widths],
  );
  const defaultCol = useMemo(() => defaultColDef(), []);
  const pinned = useMemo(() => [bottomRow], [bottomRow]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const e = attachRangeEditing(el, {
      selection,
      api: () => gridRef.current?.api ?? null,
      view: () => view.current,
      copy: (b) => handlers.current.copy(b),
      paste: (t) => handlers.current.paste(t),
      clear: () => handlers.current.clear(),
      fillDown: () => handlers.current.fillDown(),
      fill: (s, t) => handlers.current.fill(s, t),
      contextMenu: (x, y) => handlers.current.contextMenu(x, y),
    });
    editing.current = e;
    // The highlight is cell classes: when the range changes, repaint the rendered rows it left or
    // entered. Forcing every rendered cell instead re-ran every cell renderer on each arrow key or
    // Enter (a few hundred cells), in the way of the edit that Enter had just committed.
    let painted: Bounds[] = [];
    const unsubscribe = selection.subscribe(() => {
      const now = [selection.bounds(), selection.fillPreview].filter((b): b is Bounds => b !== null);
      const spans = [...painted, ...now];
      painted = now;
      const api = gridRef.current?.api;
      if (!api) return;
      const rowNodes = api
        .getRenderedNodes()
        .filter((n) => n.rowIndex !== null && spans.some((b) => n.rowIndex! >= b.top && n.rowIndex! <= b.bottom));
      if (rowNodes.length) api.refreshCells({ rowNodes, force: true, suppressFlash: true });
    });
    return () => {
      unsubscribe();
      e.detach();
    };
  }, [selection]);

  // Rows the store replaced in place (an edit of amounts): give just those nodes their new data.
  // A new rowData array costs the grid a diff of every row, and even a transaction re-runs the
  // row model over all rows (positions, flattening): 150–300 ms at 100,000 lines. updateData
  // repaints only the changed cells of rows on screen; the order of rows cannot have changed.
  useEffect(() => {
    const patch = store.takePatch();
    const api = gridRef.current?.api;
    if (!patch.length || !api) return;
    for (const row of patch) api.getRowNode(row.id)?.updateData(row);
  }, [store, version]);

  /**
   * A row inserted above the focused one takes the grid's focus index, and the grid (or a closing
   * menu) puts the keyboard back on a cell after its update — on a busy machine well after the
   * next frame, and AG Grid may replace the editor's input as the rows move. So until the user
   * presses a key or clicks, whenever focus lands on a cell or on nothing, or the grid's DOM
   * changes, an open editor gets the keyboard back; then the user is in control.
   */
  const keepKeyboardOnEditor = () => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    let frame = 0;
    const refocus = () => {
      frame = 0;
      const input = wrap.querySelector<HTMLInputElement>('.ag-cell-inline-editing input');
      const active = document.activeElement;
      if (input && active !== input && (active === null || active === document.body || wrap.contains(active)))
        input.focus();
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(refocus);
    };
    const changes = new MutationObserver(soon);
    const stop = () => {
      changes.disconnect();
      if (frame) cancelAnimationFrame(frame);
      wrap.removeEventListener('focusin', refocus, true);
      wrap.removeEventListener('focusout', soon, true);
      document.removeEventListener('keydown', stop, true);
      document.removeEventListener('pointerdown', stop, true);
    };
    changes.observe(wrap, { childList: true, subtree: true });
    wrap.addEventListener('focusin', refocus, true);
    wrap.addEventListener('focusout', soon, true);
    document.addEventListener('keydown', stop, true);
    document.addEventListener('pointerdown', stop, true);
    soon();
  };

  useImperativeHandle(ref, () => ({
    api: () => gridRef.current?.api ?? null,
    view: () => view.current,
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
        if (!edit) return api.setFocusedCell(node.rowIndex, colId);
        api.startEditingCell({ rowIndex: node.rowIndex, colKey: colId });
        keepKeyboardOnEditor();
      };
      attempt(10);
    },
    refocus() {
      const api = gridRef.current?.api;
      if (!api) return;
      const cell = api.getFocusedCell();
      if (cell) api.setFocusedCell(cell.rowIndex, cell.column, cell.rowPinned);
      else if (api.getDisplayedRowCount()) api.setFocusedCell(0, NAME_COL);
    },
  }));

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<GridRow>) => {
    if (!e.data) return;
    const value = e.newValue === null || e.newValue === undefined ? null : String(e.newValue);
    handlers.current.onEditRequest(e.data, e.column.getColId(), value);
  }, []);

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<GridRow>) => {
      const colId = typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null);
      if (e.rowPinned || e.rowIndex === null || e.rowIndex === undefined) {
        selection.set(null);
        return handlers.current.onFocusRow(null, null);
      }
      // Focus moved by the keyboard (or the app): the range becomes the focused cell, as in Excel.
      const col = colId ? view.current.cols.indexOf(colId) : -1;
      // Focus given back to the same cell (after a dialog about the range) is no move: the range stays.
      const same = lastFocus.current?.row === e.rowIndex && lastFocus.current.col === col;
      lastFocus.current = { row: e.rowIndex, col };
      if (!editing.current?.mouseOwnsFocus() && !same && col >= 0) selection.set(single({ row: e.rowIndex, col }));
      const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
      handlers.current.onFocusRow(node?.data ?? null, colId);
    },
    [selection],
  );

  const onRowDragEnd = useCallback((e: RowDragEndEvent<GridRow>) => {
    const dragged = e.node.data;
    const over = e.overNode?.data;
    if (dragged?.kind !== 'line' || !over || over.id === dragged.id || e.node.rowIndex === null) return;
    handlers.current.onRowDrop(dragged.id, over.id, e.overIndex > e.node.rowIndex ? 'after' : 'before');
  }, []);

  return (
    <div className="pp-grid" data-testid="portfolio-grid" ref={wrapRef}>
      <AgGridReact<GridRow>
        ref={gridRef}
        theme={theme}
        localeText={AG_GRID_LOCALE_DK}
        rowData={rows}
        pinnedBottomRowData={pinned}
        columnDefs={columnDefs}
        defaultColDef={defaultCol}
        getRowId={(p: GetRowIdParams<GridRow>) => p.data.id}
        getRowClass={rowClass}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onCellEditingStopped={cellError.hide}
        invalidEditValueMode="block"
        onRowDragEnd={onRowDragEnd}
        onColumnResized={onColumnResized}
        preventDefaultOnContextMenu
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressColumnVirtualisation={years.length < 30}
        tooltipShowDelay={600}
        animateRows={false}
      />
      {cellError.element}
    </div>
  );
});
