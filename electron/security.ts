/**
 * The window's guards, as plain functions so tests can call them without Electron. The page
 * only ever shows our own built renderer, served as app://puljeplan/ (app-protocol.ts): no
 * navigation elsewhere, no new windows, no webviews, no permissions, no network, no file://.
 * Follows Electron's security checklist (electronjs.org/docs/latest/tutorial/security, items
 * 4, 5, 13, 14, 15, 18).
 */
import { dialog, type Session, type WebContents } from 'electron';
import { isSqliteFile, TargetIsPortfolioError } from '../db/index';
import { APP_HOST, APP_PAGE_URL, APP_SCHEME } from './app-protocol';

/** The URL of the renderer's index.html: the only page that may load and call the backend. */
export function appPageUrl(): string {
  return APP_PAGE_URL;
}

/**
 * An app:// URL without query and fragment, or null for anything else (another scheme or host, a
 * port, user info). Chromium canonicalises a standard scheme's URL before we see it.
 */
function appPage(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password)
      return null;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return null;
  }
}

/** Whether `url` is our own page. Query and fragment are ignored (the page may use them); the page must be ours. */
export function isAppPage(url: string, appUrl: string): boolean {
  const target = appPage(url);
  return target !== null && target === appPage(appUrl);
}

/** A minimal view of Electron's navigation event, so tests can pass a plain object. */
export interface NavigationEvent {
  url?: string;
  preventDefault(): void;
}

/** will-navigate / will-redirect: anything but our own page is stopped (a link or a redirect must not replace the app). */
export function guardNavigation(event: NavigationEvent, url: string | undefined, appUrl: string): void {
  // Electron 25+ puts the target on the event; the second argument is its deprecated twin.
  const target = event.url ?? url ?? '';
  if (!isAppPage(target, appUrl)) event.preventDefault();
}

/** window.open and target=_blank: the app never opens a second browser window. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** <webview>: never, whatever the page asks for. */
export function preventWebview(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** Camera, notifications, clipboard-read …: the app needs none, so every request is refused. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/**
 * Which requests the page may make: our own origin (app://puljeplan/, whose handler serves only
 * files inside the renderer folder), DevTools' own pages, and in-memory data:/blob: URLs (the
 * grid's CSS embeds its icons as data: URLs; neither carries anything from outside). Everything
 * else — http(s), ws, file: — is refused.
 */
export function isAllowedRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case `${APP_SCHEME}:`:
      return appPage(url) !== null;
    default:
      return false;
  }
}

/** The webRequest listener: cancels every request isAllowedRequest refuses. */
export function requestFilter() {
  return (details: { url: string }, callback: (response: { cancel?: boolean }) => void): void => {
    callback({ cancel: !isAllowedRequest(details.url) });
  };
}

/** A minimal view of Electron's DownloadItem, so tests can pass a plain object. */
export interface DownloadLike {
  getURL(): string;
  getFilename(): string;
  cancel(): void;
  setSavePath(path: string): void;
}

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

/** Where an export goes: the user's choice in the native save dialog, and a refusal shown to them. */
export interface SavePrompt {
  /** The chosen path, or undefined when the user cancelled. The dialog itself asks «Erstat?». */
  choose(options: SaveDialogOptions): string | undefined;
  refuse(message: string): void;
}

export const nativeSavePrompt: SavePrompt = {
  choose: (options) =>
    dialog.showSaveDialogSync({ ...options, properties: ['showOverwriteConfirmation', 'createDirectory'] }),
  refuse: (message) => void dialog.showMessageBoxSync({ type: 'warning', title: 'Puljeplan', message }),
};

/**
 * will-download: the only downloads are the workbooks the page itself makes (an export, as a
 * blob: URL of our origin); they go where the user picks in the native save dialog, offering
 * .xlsx. A portfolio (an SQLite file) is never replaced by an export (docs/files.md): picking one
 * says so and asks again. Anything else is cancelled.
 */
export function guardDownload(item: DownloadLike, prompt: SavePrompt = nativeSavePrompt): void {
  if (
    !item.getURL().startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`) ||
    !item.getFilename().toLowerCase().endsWith('.xlsx')
  ) {
    item.cancel();
    return;
  }
  const options: SaveDialogOptions = {
    title: 'Eksportér til Excel',
    defaultPath: item.getFilename(),
    filters: [{ name: 'Excel-projektmappe', extensions: ['xlsx'] }],
  };
  for (;;) {
    const path = prompt.choose(options);
    if (path === undefined || path === '') {
      item.cancel();
      return;
    }
    if (!isSqliteFile(path)) {
      item.setSavePath(path);
      return;
    }
    prompt.refuse(new TargetIsPortfolioError(path).message);
  }
}

/** Session-wide guards: they also cover DevTools and anything the page might spawn. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onBeforeRequest(requestFilter());
  session.on('will-download', (_event, item) => guardDownload(item));
}

/** Per-window guards on the page's WebContents. */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, appUrl));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, appUrl));
  contents.on('will-attach-webview', preventWebview);
  contents.setWindowOpenHandler(denyWindowOpen);
}
