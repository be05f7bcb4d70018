/**
 * The window's guards, as plain functions so tests can call them without Electron. The page
 * only ever shows our own built renderer from disk: no navigation elsewhere, no new windows,
 * no webviews, no permissions, no network. Follows Electron's security checklist
 * (electronjs.org/docs/latest/tutorial/security, items 4, 5, 13, 14, 15).
 */
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';

/** The file URL of the renderer's index.html: the only page that may load and call the backend. */
export function appPageUrl(indexHtmlPath: string): string {
  return pathToFileURL(indexHtmlPath).href;
}

/**
 * The local path of a file: URL, or null. Decoding first means two spellings of one path (%20,
 * %C3%98 …) compare equal. A host is kept only where it names a real place (a UNC share on
 * Windows, where the app may be installed); elsewhere fileURLToPath refuses it.
 */
function localPath(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? fileURLToPath(parsed) : null;
  } catch {
    return null;
  }
}

/** Whether `url` is our own page. Query and fragment are ignored (the page may use them); the file must be ours. */
export function isAppPage(url: string, appUrl: string): boolean {
  const target = localPath(url);
  return target !== null && target === localPath(appUrl);
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
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/**
 * Which requests the page may make: files inside the built renderer folder, DevTools' own
 * pages, and in-memory data:/blob: URLs (the grid's CSS embeds its icons as data: URLs; neither
 * carries anything from outside). Everything else — http(s), ws, other local files — is refused.
 */
export function isAllowedRequest(url: string, rendererDir: string): boolean {
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
    case 'file:': {
      const path = localPath(url);
      const root = rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep;
      return path !== null && path.startsWith(root);
    }
    default:
      return false;
  }
}

/** The webRequest listener: cancels every request isAllowedRequest refuses. */
export function requestFilter(rendererDir: string) {
  return (details: { url: string }, callback: (response: { cancel?: boolean }) => void): void => {
    callback({ cancel: !isAllowedRequest(details.url, rendererDir) });
  };
}

/** A minimal view of Electron's DownloadItem, so tests can pass a plain object. */
export interface DownloadLike {
  getURL(): string;
  getFilename(): string;
  cancel(): void;
  setSaveDialogOptions(options: { title?: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[] }): void;
}

/**
 * will-download: the only downloads are the workbooks the page itself makes (an export, as a
 * blob: URL); they get the native save dialog, offering .xlsx. Anything else is cancelled.
 */
export function guardDownload(item: DownloadLike): void {
  if (!item.getURL().startsWith('blob:') || !item.getFilename().toLowerCase().endsWith('.xlsx')) {
    item.cancel();
    return;
  }
  item.setSaveDialogOptions({
    title: 'Eksportér til Excel',
    defaultPath: item.getFilename(),
    filters: [{ name: 'Excel-projektmappe', extensions: ['xlsx'] }],
  });
}

/** Session-wide guards: they also cover DevTools and anything the page might spawn. */
export function hardenSession(session: Session, rendererDir: string): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onBeforeRequest(requestFilter(rendererDir));
  session.on('will-download', (_event, item) => guardDownload(item));
}

/** Per-window guards on the page's WebContents. */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, appUrl));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, appUrl));
  contents.on('will-attach-webview', preventWebview);
  contents.setWindowOpenHandler(denyWindowOpen);
}
