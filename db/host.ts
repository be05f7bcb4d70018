/**
 * The one open portfolio of a running app (Electron) or browser harness (db/web/server.ts).
 * Switching files opens the new one first, so a
 * file that cannot be opened leaves the current one open; the old session is then closed,
 * which checkpoints its WAL into one self-contained file.
 */
import type { Backend } from './core/backend';
import { UserError } from './core/errors';
import { sameFile } from './core/same-file';
import type { Session } from './core/session';

export interface HostDeps {
  openSession: (path: string) => Session;
  /** Called after a file opened, to remember it for next start (and in Seneste filer). */
  remember?: (path: string) => void;
  /** Called after another file became the open portfolio (the window title names it). */
  switched?: (session: Session) => void;
}

export class PortfolioHost {
  private current: Session | null = null;

  constructor(private readonly deps: HostDeps) {}

  get session(): Session | null {
    return this.current;
  }

  /** Whether `path` is the open portfolio. */
  isOpen(path: string): boolean {
    return !!this.current && sameFile(this.current.path, path);
  }

  /**
   * Opens `path` and makes it the open portfolio; throws (PortfolioFileError) and changes nothing
   * if it cannot. The open file itself is kept as it is: the session holds it exclusively
   * (db/core/open.ts), so a second open of it would be refused as "open elsewhere".
   */
  open(path: string): Session {
    if (this.current && this.isOpen(path)) return this.current;
    const next = this.deps.openSession(path);
    this.close();
    this.current = next;
    try {
      this.deps.remember?.(path);
    } catch (err) {
      // Not remembering the file costs the user one click next time; not worth failing the open.
      console.error('Kunne ikke gemme indstillingerne:', err);
    }
    this.deps.switched?.(next);
    return next;
  }

  close(): void {
    const s = this.current;
    this.current = null;
    s?.close();
  }

  /** The dispatcher's backend: file.open switches files here; the page reloads itself afterwards. */
  backend(appVersion: string, shell: Backend['shell'] = 'electron'): Backend {
    return {
      shell,
      appVersion,
      session: () => {
        if (!this.current) throw new UserError('Ingen portefølje er åben. Åbn en fil og prøv igen.');
        return this.current;
      },
      open: (path) => this.open(path),
    };
  }
}
