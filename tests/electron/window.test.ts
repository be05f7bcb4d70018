/**
 * The window a user gets: locked-down web preferences, our page over app://puljeplan/ (not
 * file://), and a page that cannot be taken elsewhere, open windows, get permissions or load
 * anything from the network or the disk.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, FakeWebContents, resetFakeElectron } from './fake-electron';
import { appPaths, createMainWindow, windowTitle } from '../../electron/window';
import { appPageUrl, isAllowedRequest, isAppPage } from '../../electron/security';

vi.mock('electron', () => import('./fake-electron'));

const paths = appPaths(resolve('/opt/puljeplan/app'));
const ownPage = 'app://puljeplan/index.html';

function open(): { win: BrowserWindow; contents: FakeWebContents } {
  createMainWindow(paths, windowTitle('Bilag 1.sqlite', 'RH'));
  const win = BrowserWindow.instances.at(-1)!;
  return { win, contents: win.webContents };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => resetFakeElectron());

describe('the window', () => {
  it('runs the page sandboxed and isolated, without Node, with our preload', () => {
    const { win } = open();
    expect(win.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(resolve('/opt/puljeplan/app'), 'dist', 'electron', 'preload.cjs'),
      spellcheck: false,
    });
  });

  it('loads the built renderer over app:// and shows itself only when drawn', () => {
    const { win } = open();
    expect(win.loadedUrl).toBe('app://puljeplan/index.html');
    expect(win.options.show).toBe(false);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('names the file and region in the title, and the page cannot replace it', () => {
    const { win } = open();
    expect(win.getTitle()).toBe('Puljeplan — Bilag 1.sqlite (RH)');
    const event = { preventDefault: vi.fn() };
    win.emit('page-title-updated', event, 'Puljeplan');
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s to another site or file is stopped', (name) => {
    const { contents } = open();
    const fileUrlOfOurPage = pathToFileURL(join(paths.rendererDir, 'index.html')).href;
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5719/',
      'file:///etc/passwd',
      fileUrlOfOurPage,
      'app://puljeplan/other.html',
      'app://evil/index.html',
      'app://puljeplan:8080/index.html',
    ]) {
      const event = navigationEvent(url);
      contents.emit(name, event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it.each(['will-navigate', 'will-redirect'])('%s to our own page is allowed', (name) => {
    const { contents } = open();
    for (const url of [ownPage, `${ownPage}#/pulje`, `${ownPage}?x=1`]) {
      const event = navigationEvent(url);
      contents.emit(name, event, url);
      expect(event.preventDefault, url).not.toHaveBeenCalled();
    }
  });

  it('window.open is denied', () => {
    const { contents } = open();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: ownPage })).toEqual({ action: 'deny' });
  });

  it('a <webview> is never attached', () => {
    const { contents } = open();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions and requests', () => {
  it('every permission request and check is refused', () => {
    const { contents } = open();
    const callback = vi.fn();
    const request = contents.session.permissionRequestHandler as (
      w: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal'])
      request({}, permission, callback);
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false]]);
    const check = contents.session.permissionCheckHandler as (w: unknown, p: string, origin: string) => boolean;
    expect(check({}, 'clipboard-read', ownPage)).toBe(false);
  });

  function cancelled(contents: FakeWebContents, url: string): boolean | undefined {
    let response: { cancel?: boolean } | undefined;
    const listener = contents.session.beforeRequest as (
      d: { url: string },
      cb: (r: { cancel?: boolean }) => void,
    ) => void;
    listener({ url }, (r) => (response = r));
    return response?.cancel;
  }

  function download(contents: FakeWebContents, url: string, filename: string) {
    const item = { getURL: () => url, getFilename: () => filename, cancel: vi.fn(), setSavePath: vi.fn() };
    contents.session.emit('will-download', {}, item, contents);
    return item;
  }

  it('an exported workbook is saved where the user picks in the native save dialog, offering .xlsx', () => {
    const { contents } = open();
    const chosen = join(tmpdir(), 'Bilag 1 RM.xlsx');
    dialog.showSaveDialogSync.mockReturnValueOnce(chosen);
    const item = download(contents, 'blob:app://puljeplan/3f1c…', 'Bilag 1 RM.xlsx');
    expect(item.cancel).not.toHaveBeenCalled();
    expect(dialog.showSaveDialogSync).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Eksportér til Excel',
        defaultPath: 'Bilag 1 RM.xlsx',
        filters: [{ name: 'Excel-projektmappe', extensions: ['xlsx'] }],
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    );
    expect(item.setSavePath).toHaveBeenCalledWith(chosen);
  });

  it('an export never replaces a portfolio: picking one is refused in Danish and the dialog asks again', () => {
    const { contents } = open();
    const dir = mkdtempSync(join(tmpdir(), 'puljeplan-export-'));
    try {
      const portfolio = join(dir, 'p.sqlite');
      writeFileSync(portfolio, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84)]));
      const before = readFileSync(portfolio);
      dialog.showSaveDialogSync.mockReturnValueOnce(portfolio).mockReturnValueOnce(join(dir, 'bilag.xlsx'));
      const item = download(contents, 'blob:app://puljeplan/3f1c…', 'Bilag 1 RM.xlsx');
      expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(
        expect.objectContaining({ message: expect.stringMatching(/p\.sqlite.*erstattes aldrig af en eksport/) }),
      );
      expect(item.setSavePath).toHaveBeenCalledTimes(1);
      expect(item.setSavePath).toHaveBeenCalledWith(join(dir, 'bilag.xlsx'));
      expect(readFileSync(portfolio).equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cancelling the save dialog cancels the export', () => {
    const { contents } = open();
    const item = download(contents, 'blob:app://puljeplan/3f1c…', 'Bilag 1 RM.xlsx');
    expect(item.cancel).toHaveBeenCalled();
    expect(item.setSavePath).not.toHaveBeenCalled();
  });

  it('any other download is cancelled', () => {
    const { contents } = open();
    for (const [url, name] of [
      ['https://evil.example/x.xlsx', 'x.xlsx'],
      ['blob:app://puljeplan/1', 'run.exe'],
      ['blob:file:///1', 'x.xlsx'],
      ['file:///etc/passwd', 'passwd'],
    ] as const) {
      const item = download(contents, url, name);
      expect(item.cancel, url).toHaveBeenCalled();
      expect(item.setSavePath).not.toHaveBeenCalled();
      expect(dialog.showSaveDialogSync).not.toHaveBeenCalled();
    }
  });

  it('remote requests are cancelled', () => {
    const { contents } = open();
    for (const url of [
      'https://evil.example/x.js',
      'http://localhost:5719/api/portfolio.load',
      'wss://evil.example/',
      'ftp://evil.example/',
    ]) {
      expect(cancelled(contents, url), url).toBe(true);
    }
  });

  it("the app's own origin is allowed (its handler keeps to the renderer folder); another app:// host is not", () => {
    const { contents } = open();
    expect(cancelled(contents, ownPage)).toBe(false);
    expect(cancelled(contents, 'app://puljeplan/assets/index.js')).toBe(false);
    expect(cancelled(contents, 'devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(cancelled(contents, 'data:image/svg+xml,%3Csvg%3E')).toBe(false);
    expect(cancelled(contents, 'app://evil/index.html')).toBe(true);
    expect(cancelled(contents, 'app://user@puljeplan/index.html')).toBe(true);
  });

  it('file: is refused, even inside the renderer folder', () => {
    const { contents } = open();
    const base = pathToFileURL(paths.rendererDir).href;
    expect(cancelled(contents, `${base}/index.html`)).toBe(true);
    expect(cancelled(contents, `${base}/assets/index.js`)).toBe(true);
    expect(cancelled(contents, 'file:///etc/passwd')).toBe(true);
    expect(cancelled(contents, `${base}/../../../../etc/passwd`)).toBe(true);
    expect(cancelled(contents, `${base}/%2e%2e/%2e%2e/secret.sqlite`)).toBe(true);
  });

  it('URLs that cannot be parsed are refused', () => {
    expect(isAllowedRequest('not a url')).toBe(false);
  });
});

describe('our own page', () => {
  it('is app://puljeplan/index.html, with any query or fragment, and nothing else', () => {
    const own = appPageUrl();
    expect(own).toBe('app://puljeplan/index.html');
    expect(isAppPage(own, own)).toBe(true);
    expect(isAppPage(`${own}?x=1#/pulje`, own)).toBe(true);
    expect(isAppPage('app://puljeplan/evil.html', own)).toBe(false);
    expect(isAppPage('app://evil.example/index.html', own)).toBe(false);
    expect(isAppPage('app://puljeplan:1/index.html', own)).toBe(false);
    expect(isAppPage('https://puljeplan/index.html', own)).toBe(false);
    // Wherever the app is installed, the file URL of its page is not the page.
    expect(isAppPage(pathToFileURL(resolve('/home/Søren Ø/Puljeplan app/dist/renderer/index.html')).href, own)).toBe(
      false,
    );
    expect(isAppPage('not a url', own)).toBe(false);
  });
});
