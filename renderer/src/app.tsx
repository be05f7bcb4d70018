/** Puljeplan's window: header, command bar, the grid, the side panel and the status line. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { regionName } from '../../shared/domain/model';
import type { StatusReport } from '../../shared/domain/project';
import { count } from '../../shared/danish/text';
import { shownCols } from './grid/columns';
import { NAME_COL } from '../../shared/grid/edit';
import { isProjectCol } from '../../shared/grid/project-cols';
import type { GridRow } from '../../shared/grid/row-model';
import { Actions } from './actions';
import type { Ui } from './ui';
import { EditActions } from './edit-actions';
import { LineActions } from './line-actions';
import { ContextMenu, type MenuEntry } from './components/context-menu';
import { RangeStats } from './components/range-stats';
import { ViewBar, type ViewBarHandle } from './components/view-bar';
import { RangeSelection } from './grid/selection';
import type { Api } from './api/client';
import { dialogUi, useDialogs } from './dialogs';
import { SidePanel } from './components/side-panel';
import { Toolbar } from './components/toolbar';
import { PortfolioGrid, type GridEvents, type GridHandle } from './grid/portfolio-grid';
import { useProjectColumns } from './grid/project-columns';
import { WebFileActions } from './web-file-actions';
import { ViewTabs, type ViewName } from './components/view-tabs';
import type { PortfolioStore } from './store/portfolio-store';
import { StatusView } from './status/status-view';

// The charts (AG Charts) load when the Diagrammer is first opened, not with the window.
const ChartsView = lazy(() => import('./charts/charts-view').then((m) => ({ default: m.ChartsView })));
import { riskFlagsMessage } from '../../shared/domain/project-card';
import { RiskFlagStore } from './project/risk-flags';

interface Message {
  kind: 'error' | 'info';
  text: string;
  /** When it was shown (performance.now(), the clock of an event's timeStamp). */
  at: number;
}

const isTextField = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);

export function App({ api, store }: { api: Api; store: PortfolioStore }) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const [fileName, setFileName] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const grid = useRef<GridHandle>(null);
  // When the last dialog closes, the keyboard goes back where it was: the grid's cell (through the
  // grid, as the cell may have been redrawn), or the field it came from; not if something took it.
  const dialogs = useDialogs((was) => {
    const now = document.activeElement;
    if (now && now !== document.body) return;
    if (was instanceof HTMLElement && was.isConnected && !was.closest('.pp-grid')) was.focus();
    else grid.current?.refocus();
  });
  const [sidePanel, setSidePanel] = useState(true);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [shown, setShown] = useState<ViewName>('grid');
  // The Diagrammer's status charts: the newest month's report, read again after every change.
  const [statusReport, setStatusReport] = useState<StatusReport | null>(null);
  const viewBar = useRef<ViewBarHandle>(null);
  const selectedRef = useRef<string | null>(null);
  const selection = useMemo(() => new RangeSelection(), []);
  const flags = useMemo(() => new RiskFlagStore(api), [api]);
  const flagsVersion = useSyncExternalStore(flags.subscribe, flags.getVersion);

  const findRow = useCallback(
    (id: string | null): GridRow | null => (id ? (store.rowModel.rows.find((r) => r.id === id) ?? null) : null),
    [store],
  );

  const { open } = dialogs;
  const session = useMemo(() => {
    const ui: Ui = {
      ...dialogUi(open),
      notify: (kind, text) => setMessage({ kind, text, at: performance.now() }),
      focus: (rowId, colId, edit) => requestAnimationFrame(() => grid.current?.focus(rowId, colId, edit)),
      selected: () => findRow(selectedRef.current),
      toggleSidePanel: () => setSidePanel((v) => !v),
      busy: setBusy,
    };
    const actions = new Actions(api, store, ui);
    return {
      actions,
      edit: new EditActions(actions, store, ui, () => grid.current, selection),
      lines: new LineActions(actions, store, ui),
      ui,
    };
  }, [api, store, findRow, selection, open]);
  const { actions, edit, lines, ui } = session;
  const projectCols = useProjectColumns(api, store, version, actions, ui);
  // The browser version has no native Filer menu: its own Ny…, Åbn…, Gem som… and Seneste filer.
  const webFiles = useMemo(() => (api.shell === 'web' ? new WebFileActions(ui) : undefined), [api, ui]);

  useEffect(() => {
    actions
      .load()
      .then(() => {
        actions.share.greet();
        return actions.person.askAtStart().catch((err: Error) => ui.notify('error', err.message));
      })
      .catch((err: Error) => setLoadError(err.message));
    api
      .call('app.info', {})
      .then((info) => setFileName(info.fileName))
      .catch(() => undefined);
    return window.puljeplan?.onMenuCommand((command) => actions.run(command));
  }, [actions, api, ui]);

  useEffect(() => {
    if (store.meta) document.title = `Puljeplan — ${fileName || store.meta.title} (${store.meta.region})`;
  }, [version, fileName, store]);

  useEffect(() => {
    // A status message lasts until the user's next action (a key other than a modifier, a click);
    // a message that action shows itself is newer than the event and stays (docs/grid.md, «Messages»).
    const onAction = (e: Event) => {
      if (e instanceof KeyboardEvent && ['Shift', 'Control', 'Alt', 'Meta', 'AltGraph'].includes(e.key)) return;
      setMessage((m) => (m && m.at < e.timeStamp ? null : m));
    };
    window.addEventListener('keydown', onAction, true);
    window.addEventListener('pointerdown', onAction, true);
    return () => {
      window.removeEventListener('keydown', onAction, true);
      window.removeEventListener('pointerdown', onAction, true);
    };
  }, []);

  useEffect(() => {
    // Capture phase: the app's shortcuts win over the grid's, except inside a text field,
    // where Ctrl+Z undoes typing as everywhere else.
    const onKey = (e: KeyboardEvent) => {
      if (dialogs.isOpen || busy) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const inText = isTextField(e.target);
      const run = (fn: () => unknown) => {
        e.preventDefault();
        e.stopPropagation();
        void fn();
      };
      if (mod && !inText && key === 'z' && !e.shiftKey) return run(actions.undo);
      if (mod && !inText && (key === 'y' || (key === 'z' && e.shiftKey))) return run(actions.redo);
      if (mod && !e.shiftKey && key === 'f') return run(() => viewBar.current?.focusFind());
      if (e.key === 'F1') return run(ui.showShortcuts);
      if (mod && !e.shiftKey && key === 'p') return run(() => actions.run('print'));
      if (inText) return;
      if (e.key === 'F3') return run(() => viewBar.current?.findNext(e.shiftKey ? -1 : 1));
      if (e.altKey && e.shiftKey && e.key === 'ArrowRight') return run(lines.indent);
      if (e.altKey && e.shiftKey && e.key === 'ArrowLeft') return run(lines.outdent);
      if (e.altKey && e.key === 'ArrowUp') return run(() => actions.move('up'));
      if (e.altKey && e.key === 'ArrowDown') return run(() => actions.move('down'));
      if (mod && e.key === 'Enter') return run(actions.addLine);
      if (mod && e.key === 'Delete') return run(actions.deleteSelected);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [actions, lines, ui, dialogs.isOpen, busy]);

  // The it-råd flags follow every committed change; a project that an edit brings over the
  // threshold is told in the status line (docs/grid.md «Projects: the card and the it-råd flag»),
  // after what the action itself said («Sat ind: …»), which it must not replace: the flags are read
  // after the change, so their word comes last.
  useEffect(() => {
    if (!store.meta) return;
    flags
      .refresh(store.revision)
      .then((fresh) => {
        if (!fresh.length) return;
        const text = riskFlagsMessage(fresh);
        setMessage((m) =>
          m?.kind === 'info' ? { ...m, text: `${m.text} ${text}` } : { kind: 'info', text, at: performance.now() },
        );
      })
      .catch((err: Error) => ui.notify('error', err.message));
  }, [flags, store, version, ui]);
  useEffect(() => {
    grid.current?.api()?.refreshCells({ columns: [NAME_COL], force: true, suppressFlash: true });
    if (store.projectFilter) store.setProjectFilter(new Set(flags.flags.keys()));
  }, [flags, flagsVersion, store]);
  const riskFilter = {
    count: flags.flags.size,
    on: store.projectFilter !== null,
    toggle: () => store.setProjectFilter(store.projectFilter ? null : new Set(flags.flags.keys())),
  };

  const onFocusRow = useCallback((row: GridRow | null) => {
    selectedRef.current = row?.id ?? null;
    setSelectedId(row?.id ?? null);
  }, []);

  const view = useMemo(() => store.view, [store, version]);
  useEffect(() => {
    if (shown !== 'charts') return;
    let current = true;
    api
      .call('status.report', {})
      .then((r) => current && setStatusReport(r))
      .catch(() => current && setStatusReport(null));
    return () => {
      current = false;
    };
  }, [api, shown, version]);
  const events: GridEvents = {
    onEditRequest: (row, colId, text) =>
      void (isProjectCol(colId) ? projectCols.edit(row, colId, text) : actions.editCell(row, colId, text)),
    onFocusRow,
    onRowDrop: actions.placeLine,
    copy: edit.copy,
    paste: (text) => void edit.paste(text),
    clear: () => void edit.clear(),
    fillDown: () => void edit.fillDown(),
    fill: (s, t) => void edit.fill(s, t),
    contextMenu: (x, y) => setMenu({ x, y }),
  };
  const showFound = (row: GridRow, keepFocus: boolean) => {
    store.reveal(row); // a match in a folded pool unfolds it
    grid.current?.focus(row.id, NAME_COL);
    // The grid takes the keyboard when it focuses the cell; the find field keeps it for Enter/Shift+Enter.
    if (keepFocus) {
      viewBar.current?.focusFind();
      requestAnimationFrame(() => requestAnimationFrame(() => viewBar.current?.focusFind()));
    }
  };

  if (loadError)
    return (
      <div className="pp-fatal" role="alert">
        Porteføljen kunne ikke indlæses: {loadError}
      </div>
    );
  const meta = store.meta;
  if (!meta) return <div className="pp-loading">Indlæser porteføljen …</div>;
  const selected = findRow(selectedId);
  // The side panel follows the pool filter: a selection outside the shown pool gives way to the pool.
  const inFilter = (r: GridRow | null) =>
    !store.poolFilter || (r && r.kind !== 'grandTotal' && r.poolId === store.poolFilter);
  const panelRow = inFilter(selected) ? selected : (view.rows.find((r) => r.kind === 'pool') ?? null);

  // A workbook dragged onto the window is imported (with the same preview as the menu's).
  const hasFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes('Files');
  const dropHandlers = {
    onDragOver: (e: React.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (e: React.DragEvent) => {
      if (e.currentTarget === e.target) setDragging(false);
    },
    onDrop: (e: React.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (file) void actions.importExcel(file);
    },
  };

  return (
    <div className="pp-app" {...dropHandlers}>
      <header className="pp-header">
        <div>
          <h1 data-testid="portfolio-title">{meta.title}</h1>
          <div className="pp-subtitle">
            {regionName(meta.region)} · {fileName} · Beløb i 1.000 kr
          </div>
        </div>
        <div className="pp-saved" title="Hver ændring gemmes i filen, så snart den er foretaget.">
          ✓ Alle ændringer er gemt
        </div>
      </header>
      <Toolbar
        actions={actions}
        lines={lines}
        history={store.history}
        sidePanel={sidePanel}
        projectCols={projectCols.shown}
        onToggleProjectCol={projectCols.toggle}
        webFiles={webFiles}
      />
      <ViewTabs view={shown} onChange={setShown} />
      {shown === 'status' && (
        <StatusView
          api={api}
          actions={actions}
          store={store}
          notify={ui.notify}
          onPrint={(report) => void ui.statusPrintPreview({ report, region: meta.region, fileName })}
        />
      )}
      {shown === 'grid' && (
        <ViewBar ref={viewBar} store={store} rows={view.rows} show={showFound} riskFilter={riskFilter} />
      )}
      {/* Hidden, not unmounted, while another view shows: the grid keeps its scroll, folds and range. */}
      <main className="pp-main" hidden={shown !== 'grid'}>
        <PortfolioGrid
          ref={grid}
          store={store}
          version={version}
          rows={view.rows}
          bottomRow={view.bottom}
          years={view.years}
          selection={selection}
          events={events}
          riskFlag={flags.reasonOf}
          projectCols={projectCols}
        />
        {sidePanel && (
          <SidePanel
            meta={meta}
            selected={panelRow}
            store={store}
            actions={actions}
            api={api}
            flags={flags}
            notify={ui.notify}
          />
        )}
      </main>
      {shown === 'charts' && (
        <main className="pp-main">
          <Suspense fallback={<div className="pp-loading">Indlæser diagrammerne …</div>}>
            <ChartsView store={store} version={version} status={statusReport} onError={(m) => ui.notify('error', m)} />
          </Suspense>
        </main>
      )}
      <footer className="pp-status">
        <span
          role={message?.kind === 'error' ? 'alert' : 'status'}
          className={message ? `pp-message pp-${message.kind}` : 'pp-message'}
          data-testid="message"
          key={message?.at}
        >
          {message?.text ?? 'Klar. Skriv i en celle for at rette et beløb; Enter gemmer og går ned.'}
        </span>
        <RangeStats
          selection={selection}
          view={{ rows: view.rows, cols: shownCols(view.years, projectCols.shown) }}
          version={version}
        />
        <span className="pp-count">
          {count(store.pools.size, 'pulje', 'puljer')} · {count(store.lines.size, 'linje', 'linjer')} ·{' '}
          {store.years.length} år
        </span>
      </footer>
      {dialogs.shown}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          items={menuItems(actions, edit, lines, selected)}
          onClose={() => setMenu(null)}
        />
      )}
      {busy && (
        <div className="pp-busy" role="status" data-testid="busy">
          {busy}
        </div>
      )}
      {dragging && <div className="pp-drop">Slip projektmappen for at importere den</div>}
    </div>
  );
}

/** The grid's context menu, for the line (or cell range) under the pointer. */
function menuItems(actions: Actions, edit: EditActions, lines: LineActions, row: GridRow | null): MenuEntry[] {
  const line = row?.kind === 'line';
  const sub = line && !!row.line.parentId;
  return [
    { label: 'Indsæt linje over', run: actions.addLineAbove, disabled: !row },
    { label: 'Indsæt linje under', keys: 'Ctrl+Enter', run: actions.addLine, disabled: !row },
    { label: 'Indsæt underlinje', run: actions.addSubLine, disabled: !line },
    { label: 'Slet linje', keys: 'Ctrl+Delete', run: actions.deleteSelected, disabled: !line },
    'separator',
    { label: 'Kopiér', keys: 'Ctrl+C', run: edit.copyFromMenu },
    { label: 'Sæt ind', keys: 'Ctrl+V', run: edit.pasteFromMenu },
    { label: 'Ryd beløb', keys: 'Delete', run: edit.clear },
    'separator',
    { label: 'Flyt op', keys: 'Alt+↑', run: () => actions.move('up'), disabled: !line && row?.kind !== 'pool' },
    { label: 'Flyt ned', keys: 'Alt+↓', run: () => actions.move('down'), disabled: !line && row?.kind !== 'pool' },
    { label: 'Flyt til pulje…', run: actions.moveToPool, disabled: !line },
    { label: 'Ryk ind (gør til underlinje)', keys: 'Alt+Shift+→', run: lines.indent, disabled: !line || sub },
    { label: 'Ryk ud (gør til linje)', keys: 'Alt+Shift+←', run: lines.outdent, disabled: !sub },
    { label: 'Sortér puljen…', run: lines.sortPool, disabled: !row || row.kind === 'grandTotal' },
    'separator',
    { label: 'Kommentar…', run: actions.editComment, disabled: !line },
  ];
}
