/**
 * The one application window: locked-down web preferences, the guards from security.ts, and a
 * title that names the open file and its region (so two regions' files are not confused).
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { appPageUrl, hardenSession, hardenWebContents } from './security';

/** Where the built app lives; all paths derive from the app folder (the repo, or app.asar when packaged). */
export interface AppPaths {
  /** The built renderer, served as app://puljeplan/ (app-protocol.ts). */
  rendererDir: string;
  preload: string;
}

export function appPaths(appDir: string): AppPaths {
  return { rendererDir: join(appDir, 'dist', 'renderer'), preload: join(appDir, 'dist', 'electron', 'preload.cjs') };
}

export function windowTitle(fileName: string, region: string): string {
  return `Puljeplan — ${fileName} (${region})`;
}

export function windowOptions(paths: AppPaths, title: string): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    // Shown on ready-to-show so the user never sees a white, half-drawn window.
    show: false,
    webPreferences: {
      // The page gets only what the preload exposes, in an isolated world, from a sandboxed renderer.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: paths.preload,
      spellcheck: false,
    },
  };
}

export function createMainWindow(paths: AppPaths, title: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(paths, title));
  hardenSession(win.webContents.session);
  hardenWebContents(win.webContents, appPageUrl());
  // Keep our title (file and region) instead of the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  // Over our own protocol, not file:// (app-protocol.ts serves paths.rendererDir).
  win.loadURL(appPageUrl()).catch((err: unknown) => {
    // Without the page there is no ready-to-show; show the window anyway rather than nothing at all.
    console.error('Brugerfladen kunne ikke indlæses:', err);
    win.show();
  });
  return win;
}
