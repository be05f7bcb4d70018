/**
 * The Status view (docs/grid.md «The Status view»): one row per project with the month's four
 * lights, Samlet, the month before beside them and Bemærkninger, on AG Grid like Bilag 1. The
 * grid never changes its own data: a typed key, a pick from the list or a paste is sent to the
 * backend (one undo step), and the projects the answer names are read again and repainted.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, CellFocusedEvent, ColDef, GetRowIdParams, GridApi } from 'ag-grid-community';
import { AG_GRID_LOCALE_DK } from '@ag-grid-community/locale';
import { formatMonth, nextMonth, previousMonth } from '../../../shared/danish/month';
import { parseLight } from '../../../shared/domain/project';
import type { Api } from '../api/client';
import type { Actions } from '../actions';
import { copiedMessage } from '../edit-actions';
import { theme } from '../grid/portfolio-grid';
import type { PortfolioStore } from '../store/portfolio-store';
import type { Ui } from '../ui';
import { statusColumns } from './status-columns';
import { inBlock, sameCell, statusCopy, shownColumns, stepped, type CellAt } from './status-copy';
import { StatusFilters } from './status-filters';
import {
  isStatusField,
  lightOfKey,
  NO_FILTER,
  pastedCells,
  shownRows,
  type StatusCellValue,
  type StatusReport,
  type StatusRow,
  type StatusSort,
} from './status-rows';

interface Props {
  api: Api;
  actions: Actions;
  store: PortfolioStore;
  notify: Ui['notify'];
  /** «Udskriv…»: the shown month's report in the print view. */
  onPrint: (report: StatusReport) => void;
}

const isTextField = (t: Element | null) =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

export function StatusView({ api, actions, store, notify, onPrint }: Props) {
  const [report, setReport] = useState<StatusReport | null>(null);
  const [filter, setFilter] = useState(NO_FILTER);
  const [sort, setSort] = useState<StatusSort>('order');
  const gridRef = useRef<AgGridReact<StatusRow>>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const month = report?.month ?? null;
  const monthRef = useRef<string | null>(null);
  monthRef.current = month;

  const load = useCallback(
    (at?: string) =>
      api
        .call('status.report', at ? { month: at } : {})
        .then(setReport)
        .catch((err: Error) => notify('error', err.message)),
    [api, notify],
  );
  useEffect(() => void load(), [load]);

  // What the backend changed comes back as a Change (store.projectsTouched): read those projects
  // again, or the whole month after a change of lines (names, totals, order).
  useEffect(() => {
    let pending: Set<string> | 'all' | null = null;
    const refresh = async () => {
      const at = monthRef.current;
      const ids = pending;
      pending = null;
      if (!at || !ids) return;
      if (ids === 'all') return void (await load(at));
      try {
        const part = await api.call('status.report', { month: at, lineIds: [...ids] });
        if (part.month !== monthRef.current) return;
        const fresh = new Map(part.projects.map((p) => [p.lineId, p]));
        setReport((r) => r && { ...r, projects: r.projects.map((p) => fresh.get(p.lineId) ?? p) });
      } catch (err) {
        notify('error', (err as Error).message);
      }
    };
    return store.subscribe(() => {
      const t = store.projectsTouched;
      // A light set here comes back with its rows (setCells patches them): nothing to read again.
      const own = ownSet.current;
      ownSet.current = null;
      if (own && t !== 'all' && t.every((id) => own.has(id))) return;
      if (!pending) queueMicrotask(() => void refresh());
      if (t === 'all' || pending === 'all') pending = 'all';
      else pending = new Set([...(pending ?? []), ...t]);
    });
  }, [api, store, load, notify]);

  const rows = useMemo(() => (report ? shownRows(report.projects, filter, sort) : []), [report, filter, sort]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const columnDefs = useMemo(() => statusColumns(), []);

  // One round trip per light (docs/grid.md «The Status view»): status.set answers with the changed rows.
  const ownSet = useRef<Set<string> | null>(null);
  const setCells = useCallback(
    async (cells: StatusCellValue[]) => {
      const at = monthRef.current;
      if (!at || !cells.length) return;
      ownSet.current = new Set(cells.map((c) => c.lineId));
      const reply = await actions.change('status.set', { month: at, cells });
      ownSet.current = null;
      if (!reply || at !== monthRef.current) return;
      const fresh = new Map(reply.projects.map((p) => [p.lineId, p]));
      setReport((r) => r && { ...r, projects: r.projects.map((p) => fresh.get(p.lineId) ?? p) });
    },
    [actions],
  );

  // The copy block's first corner: moved by a click or a key, kept by a Shift+click.
  // The focused cell is the block's other corner; the block is marked while it is more than one cell.
  const anchor = useRef<CellAt | null>(null);
  const focused = useRef<CellAt | null>(null);
  const shiftClick = useRef(false);
  const onCellFocused = useCallback((e: CellFocusedEvent<StatusRow>) => {
    const colId = typeof e.column === 'string' ? e.column : e.column?.getColId();
    if (e.rowIndex === null || e.rowIndex === undefined || !colId || e.rowPinned) return;
    const pos = { row: e.rowIndex, colId };
    // The grid repeats the event on the DOM's focusin, sometimes after the focus has moved on.
    const now = e.api.getFocusedCell();
    if (sameCell(pos, focused.current) || (now && (now.rowIndex !== pos.row || now.column.getColId() !== colId)))
      return;
    const wasBlock = !sameCell(anchor.current, focused.current);
    if (!shiftClick.current || !anchor.current) anchor.current = pos;
    focused.current = pos;
    shiftClick.current = false;
    if (wasBlock || !sameCell(anchor.current, pos)) e.api.refreshCells({ force: true });
  }, []);
  const defaultColDef = useMemo<ColDef<StatusRow>>(
    () => ({
      sortable: false,
      resizable: true,
      suppressMovable: true,
      cellClassRules: {
        'pp-sel': (p) =>
          p.node.rowIndex !== null &&
          !sameCell(anchor.current, focused.current) &&
          inBlock(shownColumns(p.api), anchor.current, focused.current, {
            row: p.node.rowIndex,
            colId: p.column.getColId(),
          }),
      },
    }),
    [],
  );

  // The grid's element exists once the first report is in: attach the keys and paste then.
  const ready = report !== null;
  // Keys on a light: g grøn, y/u gul, r rød, - or Delete ikke vurderet; a paste from Excel from the focused cell.
  useEffect(() => {
    const el = wrapRef.current;
    const gridApi = (): GridApi<StatusRow> | null => gridRef.current?.api ?? null;
    if (!el) return;
    const focusedCell = () => {
      const a = gridApi();
      const f = a?.getFocusedCell();
      if (!a || !f || f.rowPinned || a.getEditingCells().length || isTextField(document.activeElement)) return null;
      return { api: a, row: f.rowIndex, colId: f.column.getColId() };
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const at = focusedCell();
      const to =
        e.shiftKey && at && focused.current
          ? stepped(shownColumns(at.api), rowsRef.current.length, focused.current, e.key)
          : null;
      if (at && to) {
        // Shift+arrow stretches the block from its anchor, as in Bilag 1 (Community's grid has no ranges).
        e.preventDefault();
        e.stopPropagation();
        // The block first, then the focus: the focus event for `to` then finds it already done.
        anchor.current ??= focused.current;
        focused.current = to;
        at.api.refreshCells({ force: true });
        at.api.ensureIndexVisible(to.row);
        at.api.ensureColumnVisible(to.colId);
        at.api.setFocusedCell(to.row, to.colId);
        return;
      }
      const light = lightOfKey(e.key);
      if (!at || light === undefined || !isStatusField(at.colId)) return;
      const row = rowsRef.current[at.row];
      if (!row) return;
      e.preventDefault();
      e.stopPropagation();
      void setCells([{ lineId: row.lineId, field: at.colId, value: light }]);
    };
    // Ctrl+C: the block from the anchor (the cell clicked or reached without Shift) to the focused cell.
    const onMouseDown = (e: MouseEvent) => (shiftClick.current = e.shiftKey);
    const onCopy = (e: ClipboardEvent) => {
      const at = focusedCell();
      if (!at || !el.contains(document.activeElement) || !e.clipboardData) return;
      const focus = { row: at.row, colId: at.colId };
      const copied = statusCopy(rowsRef.current, shownColumns(at.api), anchor.current ?? focus, focus);
      e.clipboardData.setData('text/plain', copied.text);
      e.preventDefault();
      notify('info', copiedMessage(copied.cells));
    };
    const onPaste = (e: ClipboardEvent) => {
      const at = focusedCell();
      if (!at || !el.contains(document.activeElement) || !e.clipboardData) return;
      e.preventDefault();
      const cols = shownColumns(at.api);
      const pasted = pastedCells(
        e.clipboardData.getData('text/plain'),
        { row: at.row, col: cols.indexOf(at.colId) },
        rowsRef.current,
        cols,
      );
      if (!pasted.ok) return notify('error', pasted.message);
      if (!pasted.cells.length) return notify('info', 'Der kan kun sættes status (grøn, gul, rød, -) ind her.');
      void setCells(pasted.cells);
    };
    el.addEventListener('keydown', onKey, true);
    el.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    return () => {
      el.removeEventListener('keydown', onKey, true);
      el.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
    };
  }, [setCells, notify, ready]);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<StatusRow>) => {
      const at = monthRef.current;
      const colId = e.column.getColId();
      if (!e.data || !at) return;
      const text = e.newValue === null || e.newValue === undefined ? '' : String(e.newValue);
      if (colId === 'remark')
        return void actions.change('status.setRemark', { lineId: e.data.lineId, month: at, remark: text });
      if (!isStatusField(colId)) return;
      const parsed = parseLight(text);
      if (!parsed.ok) return notify('error', parsed.message);
      void setCells([{ lineId: e.data.lineId, field: colId, value: parsed.value }]);
    },
    [actions, notify, setCells],
  );

  const newMonth = async () => {
    if (!month) return;
    const next = nextMonth(month);
    const change = await actions.change('status.newMonth', { month: next, from: month });
    if (!change) return;
    await load(next);
    notify('info', `Ny statusmåned: ${formatMonth(next)} er startet fra ${formatMonth(month)}.`);
  };

  if (!report) return <div className="pp-loading">Indlæser status …</div>;
  const projects = report.projects;
  return (
    <section className="pp-status-view" aria-label="Status">
      <div className="pp-viewbar">
        <div className="pp-inline" role="group" aria-label="Statusmåned">
          <button type="button" onClick={() => void load(previousMonth(report.month))} aria-label="Forrige måned">
            ‹
          </button>
          <input
            type="month"
            aria-label="Måned"
            value={report.month}
            onChange={(e) => e.target.value && void load(e.target.value)}
          />
          <button type="button" onClick={() => void load(nextMonth(report.month))} aria-label="Næste måned">
            ›
          </button>
          <strong data-testid="status-month">{formatMonth(report.month)}</strong>
        </div>
        <StatusFilters
          projects={projects}
          filter={filter}
          onFilter={setFilter}
          sort={sort}
          onSort={setSort}
          shown={rows.length}
        />
        <button type="button" className="pp-new-month" onClick={() => void newMonth()}>
          Ny statusmåned
        </button>
        <button type="button" className="pp-new-month" onClick={() => onPrint(report)}>
          Udskriv…
        </button>
      </div>
      <div className="pp-grid" data-testid="status-grid" ref={wrapRef}>
        <AgGridReact<StatusRow>
          ref={gridRef}
          theme={theme}
          localeText={AG_GRID_LOCALE_DK}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={(p: GetRowIdParams<StatusRow>) => p.data.lineId}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onCellFocused={onCellFocused}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={600}
          animateRows={false}
        />
      </div>
    </section>
  );
}
