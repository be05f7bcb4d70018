/**
 * The page's own origin, app://puljeplan/ (electron/app-protocol.ts): registered privileged
 * before the app is ready, served from the renderer folder only, every response with the
 * Content-Security-Policy, and the only origin the window loads and IPC answers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcName } from '../../shared/contract/channels';
import { APP_PAGE_URL, CONTENT_SECURITY_POLICY, appProtocolHandler, resolveAppFile } from '../../electron/app-protocol';
import { REFUSED } from '../../electron/ipc';
import { appHarness } from './app-harness';
import { app, ipcMain, protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const h = appHarness();

let dir: string;
let rendererDir: string;
const serve = (url: string, init?: RequestInit) => appProtocolHandler(rendererDir)(new Request(url, init));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-protocol-'));
  rendererDir = join(dir, 'dist', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><p>Puljeplan</p>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'p{}');
  writeFileSync(join(dir, 'secret.sqlite'), 'hemmelig');
  // A sibling folder whose name starts like ours is not inside it.
  mkdirSync(join(dir, 'dist', 'renderer-evil'));
  writeFileSync(join(dir, 'dist', 'renderer-evil', 'x.js'), 'hemmelig');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the app:// handler', () => {
  it('serves index.html with the Content-Security-Policy header', async () => {
    const response = await serve('app://puljeplan/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><p>Puljeplan</p>');
    expect(await (await serve('app://puljeplan/')).text()).toBe('<!doctype html><p>Puljeplan</p>');
  });

  it('serves the built assets with their types', async () => {
    const script = await serve('app://puljeplan/assets/index-abc.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await serve('app://puljeplan/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  const outside = [
    'app://puljeplan/../../secret.sqlite',
    'app://puljeplan/../../etc/passwd',
    'app://puljeplan/%2e%2e/%2e%2e/secret.sqlite',
    'app://puljeplan/..%2f..%2fsecret.sqlite',
    'app://puljeplan/..%5c..%5csecret.sqlite',
    'app://puljeplan/assets/..%2f..%2f..%2fsecret.sqlite',
    'app://puljeplan/..%2frenderer-evil%2fx.js',
    // An absolute path, encoded (the folder is known only when the tests run).
    'app://puljeplan/%2F{dir}%2Fsecret.sqlite',
    'app://puljeplan/index.html%00.js',
    'app://puljeplan/%E0%A4%A',
  ];
  it.each(outside)('refuses %s (nothing outside the renderer folder)', async (url) => {
    const response = await serve(url.replace('{dir}', encodeURIComponent(dir)));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('hemmelig');
  });

  it('refuses other hosts and schemes, folders and missing files', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://puljeplan:8080/index.html',
      'file:///etc/passwd',
      'https://puljeplan/index.html',
      'app://puljeplan/assets',
      'app://puljeplan/nope.js',
    ]) {
      expect((await serve(url)).status, url).toBe(404);
    }
    expect(resolveAppFile('app://evil/index.html', rendererDir)).toBeNull();
    expect(resolveAppFile('app://user@puljeplan/index.html', rendererDir)).toBeNull();
    expect(resolveAppFile('not a url', rendererDir)).toBeNull();
    expect(resolveAppFile('app://puljeplan/assets/index-abc.js', rendererDir)).toBe(
      join(resolve(rendererDir), 'assets', 'index-abc.js'),
    );
  });

  it('answers only GET and HEAD', async () => {
    const post = await serve('app://puljeplan/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    const head = await serve('app://puljeplan/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it("sends the same policy as the page's <meta>, plus frame-ancestors (which only a header can set)", () => {
    const html = readFileSync(resolve('renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(`${meta}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the app started', () => {
  it('registers app:// as a standard, secure scheme before ready, and serves it once ready', async () => {
    expect(app.ready).toBe(false);
    await h.start();
    // The fake, like Electron, accepts the registration only before ready.
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
  });

  it('loads app://puljeplan/index.html in the window, served from dist/renderer of the app', async () => {
    const win = await h.start();
    expect(win?.loadedUrl).toBe(APP_PAGE_URL);
    const missing = await protocol.handlers.get('app')!(new Request('app://puljeplan/../secret.sqlite'));
    expect(missing.status).toBe(404);
  });

  it('answers IPC from its own page only: not from file://, not from another origin', async () => {
    await h.start();
    expect((await h.call('app.info')).ok).toBe(true);
    const handler = ipcMain.handlers.get(ipcName('app.info')) as (e: unknown, a: unknown) => Promise<unknown>;
    const fileUrl = pathToFileURL(join(app.getAppPath(), 'dist', 'renderer', 'index.html')).href;
    for (const url of [fileUrl, 'app://evil/index.html', 'https://evil.example/', 'app://puljeplan/other.html']) {
      expect(await handler({ senderFrame: { url, parent: null } }, {}), url).toEqual(REFUSED);
    }
  });
});
