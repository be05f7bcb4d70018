/** Puljeplan's window: header, command bar, the grid, the side panel and the status line. */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { regionName } from '../../shared/model';
import type { GridRow } from '../../shared/row-model';
import { Actions, type Ui } from './actions';
import type { Api } from './api/client';
import { Dialog, type DialogSpec } from './components/dialog';
import { ExportDialog, type ExportOptions } from './components/export-dialog';
import { ImportDialog } from './components/import-dialog';
import type { ImportPreview } from '../../shared/annex-types';
import { SidePanel } from './components/side-panel';
import { Toolbar } from './components/toolbar';
import { PortfolioGrid, type GridHandle } from './grid/portfolio-grid';
import type { PortfolioStore } from './store/portfolio-store';

interface Message {
  kind: 'error' | 'info';
  text: string;
  at: number;
}

const isTextField = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);

export function App({ api, store }: { api: Api; store: PortfolioStore }) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const [fileName, setFileName] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [dialog, setDialog] = useState<DialogSpec | null>(null);
  const [sidePanel, setSidePanel] = useState(true);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  type Review = { preview: ImportPreview; resolve: (o: { removeMissing: boolean; acceptMismatches: boolean } | null) => void };
  const [review, setReview] = useState<Review | null>(null);
  const [exporting, setExporting] = useState<{ resolve: (o: ExportOptions | null) => void } | null>(null);
  const grid = useRef<GridHandle>(null);
  const selectedRef = useRef<string | null>(null);

  const findRow = useCallback((id: string | null): GridRow | null => (id ? (store.rowModel.rows.find((r) => r.id === id) ?? null) : null), [store]);

  const actions = useMemo(() => {
    const ui: Ui = {
      notify: (kind, text) => setMessage({ kind, text, at: Date.now() }),
      confirm: (title, text, confirmLabel) => new Promise((resolve) => setDialog({ kind: 'confirm', title, text, confirmLabel, resolve })),
      choose: (title, label, options, confirmLabel) => new Promise((resolve) => setDialog({ kind: 'choose', title, label, options, confirmLabel, resolve })),
      focus: (rowId, colId, edit) => requestAnimationFrame(() => grid.current?.focus(rowId, colId, edit)),
      selected: () => findRow(selectedRef.current),
      toggleSidePanel: () => setSidePanel((v) => !v),
      busy: setBusy,
      reviewImport: (preview) => new Promise((resolve) => setReview({ preview, resolve })),
      chooseExport: () => new Promise((resolve) => setExporting({ resolve })),
    };
    return new Actions(api, store, ui);
  }, [api, store, findRow]);

  useEffect(() => {
    actions.load().catch((err: Error) => setLoadError(err.message));
    api.call('app.info', {}).then((info) => setFileName(info.fileName)).catch(() => undefined);
    return window.puljeplan?.onMenuCommand((command) => actions.run(command));
  }, [actions, api]);

  useEffect(() => {
    if (store.meta) document.title = `Puljeplan — ${fileName || store.meta.title} (${store.meta.region})`;
  }, [version, fileName, store]);

  useEffect(() => {
    // Capture phase: the app's shortcuts win over the grid's, except inside a text field,
    // where Ctrl+Z undoes typing as everywhere else.
    const onKey = (e: KeyboardEvent) => {
      if (dialog || review || exporting || busy) return;
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
      if (inText) return;
      if (e.altKey && e.key === 'ArrowUp') return run(() => actions.move('up'));
      if (e.altKey && e.key === 'ArrowDown') return run(() => actions.move('down'));
      if (mod && e.key === 'Enter') return run(actions.addLine);
      if (mod && e.key === 'Delete') return run(actions.deleteSelected);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [actions, dialog, review, exporting, busy]);

  const onFocusRow = useCallback((row: GridRow | null) => {
    selectedRef.current = row?.id ?? null;
    setSelectedId(row?.id ?? null);
  }, []);

  if (loadError) return <div className="pp-fatal" role="alert">Porteføljen kunne ikke indlæses: {loadError}</div>;
  const meta = store.meta;
  if (!meta) return <div className="pp-loading">Indlæser porteføljen …</div>;
  const selected = findRow(selectedId);

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
        <div className="pp-saved" title="Hver ændring gemmes i filen, så snart den er foretaget.">✓ Alle ændringer er gemt</div>
      </header>
      <Toolbar actions={actions} history={store.history} sidePanel={sidePanel} />
      <main className="pp-main">
        <PortfolioGrid ref={grid} store={store} version={version} onEditRequest={actions.editCell} onClear={actions.clearCell} onFocusRow={onFocusRow} />
        {sidePanel && <SidePanel meta={meta} selected={selected} store={store} actions={actions} />}
      </main>
      <footer className="pp-status">
        <span role={message?.kind === 'error' ? 'alert' : 'status'} className={message ? `pp-message pp-${message.kind}` : 'pp-message'} data-testid="message" key={message?.at}>
          {message?.text ?? 'Klar. Skriv i en celle for at rette et beløb; Enter gemmer og går ned.'}
        </span>
        <span className="pp-count">
          {store.pools.size} puljer · {store.lines.size} linjer · {store.years.length} år
        </span>
      </footer>
      {dialog && <Dialog spec={dialog} onClose={() => setDialog(null)} />}
      {review && (
        <ImportDialog
          preview={review.preview}
          onApply={(o) => {
            review.resolve(o);
            setReview(null);
          }}
          onCancel={() => {
            review.resolve(null);
            setReview(null);
          }}
        />
      )}
      {exporting && (
        <ExportDialog
          years={store.years}
          onExport={(o) => {
            exporting.resolve(o);
            setExporting(null);
          }}
          onCancel={() => {
            exporting.resolve(null);
            setExporting(null);
          }}
        />
      )}
      {busy && <div className="pp-busy" role="status" data-testid="busy">{busy}</div>}
      {dragging && <div className="pp-drop">Slip projektmappen for at importere den</div>}
    </div>
  );
}
