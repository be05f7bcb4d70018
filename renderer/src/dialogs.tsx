/**
 * The one way a dialog opens: `open(render)` shows what `render` draws until the dialog calls
 * `close(answer)`, and resolves with that answer. Every dialog of the window is shown by the one
 * host (`useDialogs().shown`), stacked in the order they opened; the Ui's dialogs are built on it.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { TEXT_LIMITS } from '../../shared/domain/model';
import { BackupDialog } from './components/backup-dialog';
import { Dialog } from './components/dialog';
import { ExportDialog } from './components/export-dialog';
import { FocusScope } from './components/focus-scope';
import { PrintPreview } from './print/print-preview';
import { StatusPrintPreview } from './print/status-print-preview';
import { StatusImportDialog } from './status/status-import-dialog';
import { ImportDialog } from './components/import-dialog';
import { MergeDialog } from './components/merge-dialog';
import { RegionDialog } from './components/region-dialog';
import { ShortcutsDialog } from './components/shortcuts-dialog';
import { WebFileDialog } from './components/web-file-dialog';
import type { Ui } from './ui';

/** Draws a dialog, which calls `close` with its answer; that also takes it off the screen. */
export type DialogRender<T> = (close: (answer: T) => void) => ReactElement;
export type OpenDialog = <T>(render: DialogRender<T>) => Promise<T>;

/**
 * `giveBack`: puts the keyboard back where it was before the first dialog opened, once the last
 * one has closed (the grid's cell, through the grid: the cell's element may have been redrawn).
 */
export function useDialogs(giveBack: (before: Element | null) => void = () => undefined): {
  open: OpenDialog;
  shown: ReactElement;
  isOpen: boolean;
} {
  const [stack, setStack] = useState<{ id: number; element: ReactElement }[]>([]);
  const lastId = useRef(0);
  const before = useRef<Element | null>(null);
  const giveBackRef = useRef(giveBack);
  giveBackRef.current = giveBack;
  useEffect(() => {
    if (stack.length) return;
    const was = before.current;
    before.current = null;
    if (was) requestAnimationFrame(() => giveBackRef.current(was));
  }, [stack.length]);
  const open = useCallback<OpenDialog>(
    <T,>(render: DialogRender<T>) =>
      new Promise<T>((resolve) => {
        const id = ++lastId.current;
        let closed = false;
        const close = (answer: T) => {
          if (closed) return;
          closed = true;
          setStack((s) => s.filter((d) => d.id !== id));
          resolve(answer);
        };
        const element = render(close);
        setStack((s) => {
          if (!s.length) before.current = document.activeElement;
          return [...s, { id, element }];
        });
      }),
    [],
  );
  const shown = (
    <>
      {stack.map((d) => (
        <FocusScope key={d.id}>{d.element}</FocusScope>
      ))}
    </>
  );
  return { open, shown, isOpen: stack.length > 0 };
}

type DialogUi = Pick<
  Ui,
  | 'confirm'
  | 'notice'
  | 'choose'
  | 'prompt'
  | 'showShortcuts'
  | 'reviewImport'
  | 'chooseExport'
  | 'reviewMerge'
  | 'chooseBackup'
  | 'chooseRegion'
  | 'printPreview'
  | 'reviewStatusImport'
  | 'statusPrintPreview'
  | 'webFile'
>;

/** The dialogs the actions ask for, each opened with `open`. */
export function dialogUi(open: OpenDialog): DialogUi {
  let shortcutsShown = false;
  return {
    confirm: (title, text, confirmLabel, details) =>
      open<boolean>((close) => (
        <Dialog spec={{ kind: 'confirm', title, text, details, confirmLabel }} close={(ok) => close(ok)} />
      )),
    notice: (title, text, details) =>
      open<void>((close) => <Dialog spec={{ kind: 'notice', title, text, details }} close={() => close()} />),
    choose: (title, label, options, confirmLabel) =>
      open<string | null>((close) => (
        <Dialog
          spec={{ kind: 'choose', title, label, options, confirmLabel }}
          close={(ok, value) => close(ok ? value : null)}
        />
      )),
    prompt: (title, label, value, confirmLabel) =>
      open<string | null>((close) => (
        <Dialog
          spec={{ kind: 'text', title, label, value, confirmLabel, maxLength: TEXT_LIMITS.comment }}
          close={(ok, text) => close(ok ? text : null)}
        />
      )),
    // Asked again while it is open (F1, the native menu), the list stays as it is.
    showShortcuts: () => {
      if (shortcutsShown) return;
      shortcutsShown = true;
      void open<void>((close) => <ShortcutsDialog onClose={() => close()} />).then(() => (shortcutsShown = false));
    },
    reviewImport: (preview) =>
      open((close) => <ImportDialog preview={preview} onApply={close} onCancel={() => close(null)} />),
    chooseExport: (years) =>
      open((close) => <ExportDialog years={years} onExport={close} onCancel={() => close(null)} />),
    reviewMerge: (review) =>
      open((close) => <MergeDialog review={review} onApply={close} onCancel={() => close(null)} />),
    chooseBackup: (backups) =>
      open((close) => <BackupDialog backups={backups} onChoose={close} onCancel={() => close(null)} />),
    chooseRegion: (current) =>
      open((close) => <RegionDialog current={current} onChoose={close} onCancel={() => close(null)} />),
    printPreview: (input) => open<void>((close) => <PrintPreview input={input} onClose={() => close()} />),
    statusPrintPreview: (input) => open<void>((close) => <StatusPrintPreview input={input} onClose={() => close()} />),
    reviewStatusImport: (preview) =>
      open<boolean>((close) => (
        <StatusImportDialog preview={preview} onApply={() => close(true)} onCancel={() => close(false)} />
      )),
    webFile: (input) => open<void>((close) => <WebFileDialog {...input} onCancel={() => close()} />),
  };
}
