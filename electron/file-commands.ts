/**
 * Filer's own items: Ny…, Åbn…, Gem som… and Seneste filer. A native dialog, then a file made or
 * copied by db/, which becomes the open portfolio (as Excel's Save As, the copy is what you go on
 * working in). Whatever fails, the user is told in Danish and the portfolio that was open stays open.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { basename, dirname, extname, join } from 'node:path';
import { createPortfolio, portfolioRegion, saveCopyOf, UserError, type PortfolioHost } from '../db/index';
import type { FileMenuActions } from './menu';

const FILTERS = [{ name: 'Puljeplan-portefølje', extensions: ['sqlite'] }];

/** db/'s errors (PortfolioFileError is one) already speak Danish and say what to do. */
export function messageOf(err: unknown, path: string, verb = 'åbnes'): string {
  if (err instanceof UserError) return err.message;
  return `«${basename(path)}» kunne ikke ${verb}: ${err instanceof Error ? err.message : String(err)}`;
}

export interface FileCommandDeps {
  host: PortfolioHost;
  window: () => BrowserWindow | null;
  /** Makes `path` the open portfolio and shows it (title, page reloaded); says why if it cannot. */
  openFile: (path: string) => void;
  /** The folder to offer when no portfolio is open. */
  documentsDir: () => string;
  clearRecent: () => void;
}

/** `.sqlite` added when missing: Linux's save dialog does not add the filter's extension (electron#21935). */
function withExtension(path: string): string {
  return extname(path).toLowerCase() === '.sqlite' ? path : `${path}.sqlite`;
}

export function fileCommands(d: FileCommandDeps): FileMenuActions {
  const folder = () => (d.host.session ? dirname(d.host.session.path) : d.documentsDir());

  const askSave = async (options: SaveDialogOptions): Promise<string | null> => {
    const win = d.window();
    const all = { ...options, filters: FILTERS, properties: ['createDirectory' as const] };
    const r = await (win ? dialog.showSaveDialog(win, all) : dialog.showSaveDialog(all));
    return r.canceled || !r.filePath ? null : withExtension(r.filePath);
  };

  const askOpen = async (): Promise<string | null> => {
    const win = d.window();
    const options: OpenDialogOptions = {
      title: 'Åbn portefølje',
      defaultPath: folder(),
      buttonLabel: 'Åbn',
      filters: FILTERS,
      properties: ['openFile'],
    };
    const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };

  /** Makes the file with `make`, then opens it; a failure is shown and nothing else changes. */
  const makeThenOpen = (path: string, title: string, verb: string, make: () => void) => {
    try {
      make();
    } catch (err) {
      dialog.showErrorBox(title, `${messageOf(err, path, verb)}\n\nDen portefølje, der var åben, er stadig åben.`);
      return;
    }
    d.openFile(path);
  };

  return {
    newFile: async () => {
      const path = await askSave({
        title: 'Ny portefølje',
        defaultPath: join(folder(), 'Ny portefølje.sqlite'),
        buttonLabel: 'Opret',
      });
      if (!path) return;
      // The new file is for the same region as the one open, and named as its file.
      const region = d.host.session ? portfolioRegion(d.host.session) : undefined;
      makeThenOpen(path, 'Porteføljen kunne ikke oprettes', 'oprettes', () =>
        createPortfolio(path, { region, title: basename(path, extname(path)) }),
      );
    },
    open: async () => {
      const path = await askOpen();
      if (path) d.openFile(path);
    },
    saveAs: async () => {
      const shown = d.host.session;
      if (!shown) return;
      const stem = basename(shown.path, extname(shown.path));
      const path = await askSave({
        title: 'Gem som',
        defaultPath: join(dirname(shown.path), `${stem} (kopi).sqlite`),
        buttonLabel: 'Gem',
      });
      // The portfolio open when the dialog closes is the one copied (a second start may have switched it).
      const session = d.host.session;
      if (!path || !session) return;
      makeThenOpen(path, 'Kopien kunne ikke gemmes', 'gemmes', () => saveCopyOf(session, path));
    },
    openRecent: (path) => d.openFile(path),
    clearRecent: () => d.clearRecent(),
  };
}
