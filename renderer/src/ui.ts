/**
 * What the actions (actions.ts, share-actions.ts, edit-actions.ts) may ask of the window:
 * messages, dialogs that answer, the busy notice, the grid's focus. The window (app.tsx) gives
 * one; every dialog is opened through the one dialog host (dialogs.tsx).
 */
import type { ImportPreview } from '../../shared/contract/annex';
import type { StatusImportPreviewData } from '../../shared/contract/status-import';
import type { RegionCode } from '../../shared/domain/model';
import type { GridRow } from '../../shared/grid/row-model';
import type { Backup } from './components/backup-dialog';
import type { Details } from './components/dialog';
import type { ExportOptions } from './components/export-dialog';
import type { ImportOptions } from './import-review';
import type { MergeReview, Resolution } from './merge-review';
import type { PrintPreviewInput } from './print/print-preview';
import type { StatusPrintInput } from './print/status-print-preview';
import type { WebFile, WebFileMode } from './components/web-file-dialog';

export interface Ui {
  notify(kind: 'error' | 'info', text: string): void;
  confirm(title: string, text: string, confirmLabel: string, details?: Details): Promise<boolean>;
  /** A message the user must see (and close), with facts such as a file and its folder. */
  notice(title: string, text: string, details?: Details): Promise<void>;
  choose(
    title: string,
    label: string,
    options: { value: string; label: string }[],
    confirmLabel: string,
  ): Promise<string | null>;
  /** Asks for a line of text; resolves null when cancelled. */
  prompt(title: string, label: string, value: string, confirmLabel: string): Promise<string | null>;
  showShortcuts(): void;
  focus(rowId: string, colId?: string, edit?: boolean): void;
  selected(): GridRow | null;
  toggleSidePanel(): void;
  /** Shows (or with null, hides) that long work is under way. */
  busy(text: string | null): void;
  reviewImport(preview: ImportPreview): Promise<ImportOptions | null>;
  chooseExport(years: readonly number[]): Promise<ExportOptions | null>;
  /** The merge review; resolves with a resolution for every conflict, or null when cancelled. */
  reviewMerge(review: MergeReview): Promise<Resolution[] | null>;
  chooseBackup(backups: readonly Backup[]): Promise<Backup | null>;
  /** The person's region: asked at first start (`current` null: no way round it), changed in Indstillinger. */
  chooseRegion(current: RegionCode | null): Promise<RegionCode | null>;
  /** Bilag 1 in the print view, to print or save as PDF; resolves when closed. */
  printPreview(input: PrintPreviewInput): Promise<void>;
  /** The month's status report in the print view (the Status view's «Udskriv…»). */
  statusPrintPreview(input: StatusPrintInput): Promise<void>;
  /** The status workbook's preview (status/status-import-dialog.tsx); true: import it. */
  reviewStatusImport(preview: StatusImportPreviewData): Promise<boolean>;
  /** The browser's Filer dialog (web-file-actions.ts): `run` does the work and gives a refusal to show, or null. */
  webFile(input: {
    mode: WebFileMode;
    files: readonly WebFile[];
    suggested: string;
    run: (name: string) => Promise<string | null>;
  }): Promise<void>;
}
