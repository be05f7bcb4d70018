/**
 * Filer's Ny…, Åbn…, Gem som… and Seneste filer in the browser version (docs/architecture.md «The
 * browser's Filer»), where the native menu and dialogs of the app are missing: over the harness's
 * data folder (db/web/file-routes.ts). A file that becomes the open one reloads the page, as
 * file.open does in the app.
 */
import { ApiFailure, webCall } from './api/client';
import type { WebFile, WebFileMode } from './components/web-file-dialog';
import { reloadWith } from './share-actions';
import { Versioned } from './store/versioned';
import type { Ui } from './ui';

const ROUTE: Record<WebFileMode, 'web/open' | 'web/new' | 'web/saveAs'> = {
  open: 'web/open',
  new: 'web/new',
  saveAs: 'web/saveAs',
};

const DONE: Record<WebFileMode, (name: string) => string> = {
  open: (name) => `«${name}» er åben.`,
  new: (name) => `Den nye portefølje «${name}» er oprettet og åben.`,
  saveAs: (name) => `Kopien «${name}» er gemt og åben; du arbejder nu i den.`,
};

/** How many of the folder's newest files the Filer menu offers under Seneste filer. */
const RECENT = 5;

export class WebFileActions extends Versioned {
  /** The data folder's portfolio files, newest first, as last read. */
  files: readonly WebFile[] = [];

  constructor(private readonly ui: Ui) {
    super();
  }

  /** Reads the folder; a failure leaves the list as it was and is thrown on. */
  private async read(): Promise<readonly WebFile[]> {
    this.files = await webCall<WebFile[]>('web/files', {});
    this.notify();
    return this.files;
  }

  /** Reads the folder again (when the Filer menu opens); the menu then offers what it had if that fails. */
  refresh = (): Promise<void> =>
    this.read().then(
      () => undefined,
      () => undefined, // Åbn… says what is wrong
    );

  /** Seneste filer: the newest files that are not the open one. */
  recent(): WebFile[] {
    return this.files.filter((f) => !f.open).slice(0, RECENT);
  }

  newFile = () => this.ask('new', 'Ny portefølje');

  open = () => this.ask('open', '');

  saveAs = () => {
    const open = this.files.find((f) => f.open)?.name.replace(/\.sqlite$/i, '');
    return this.ask('saveAs', `${open ?? 'Portefølje'} (kopi)`);
  };

  /** A file of Seneste filer: opened at once, as a recent file is in the app; a refusal is a dialog. */
  openNamed = async (name: string): Promise<void> => {
    const refusal = await this.run('open', name);
    if (refusal) await this.ui.notice(`«${name}» kunne ikke åbnes`, refusal);
  };

  private async ask(mode: WebFileMode, suggested: string): Promise<void> {
    let files: readonly WebFile[];
    try {
      files = await this.read();
    } catch (err) {
      return this.ui.notice('Mappen kunne ikke læses', (err as Error).message);
    }
    await this.ui.webFile({ mode, files, suggested, run: (name) => this.run(mode, name) });
  }

  /** Makes or opens the file; null when done (the page reloads), else the refusal in Danish. */
  private async run(mode: WebFileMode, name: string): Promise<string | null> {
    try {
      const { fileName } = await webCall<{ fileName: string }>(ROUTE[mode], { name });
      reloadWith(DONE[mode](fileName));
      return null;
    } catch (err) {
      if (err instanceof ApiFailure) return `${err.message} Den åbne portefølje er stadig åben.`;
      return `Uventet fejl: ${(err as Error).message}`;
    }
  }
}
