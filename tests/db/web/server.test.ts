/** The browser harness's Filer dialog endpoints (db/web/server.ts, POST /web/files and /web/open). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../db/web/server';
import { createPortfolio } from '../../../db/index';

let dir: string;
let web: WebServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-web-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'Hemmelig.sqlite'), '');
  web = await startWebServer({
    file: join(dir, 'data', 'Bilag 1.sqlite'),
    createExample: true,
    distDir: join(dir, 'dist'),
    settingsDir: join(dir, 'settings'),
  });
});
afterEach(async () => {
  await web.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }, body = {}) =>
  fetch(web.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
const open = async (name: string) =>
  (await (await post('/web/open', undefined, { name })).json()) as {
    ok: boolean;
    value?: { fileName: string };
    error?: { message: string };
  };

describe('POST /web/files', () => {
  it('lists the portfolio files in the data folder by name, not those beside it', async () => {
    const res = await post('/web/files');
    expect(res.status).toBe(200);
    const files = (await res.json()) as { name: string; bytes: number }[];
    expect(files.map((f) => f.name)).toEqual(['Bilag 1.sqlite']);
    expect(files[0]!.bytes).toBeGreaterThan(0);
  });

  it('is refused to a GET, a form post and a page from elsewhere, like the API', async () => {
    expect((await fetch(web.url + '/web/files')).status).toBe(405);
    expect((await post('/web/files', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const other = await post('/web/files', { 'Content-Type': 'application/json', Origin: 'http://evil.example' });
    expect(other.status).toBe(403);
  });
});

describe('POST /web/open', () => {
  it('opens another portfolio in the data folder by name', async () => {
    createPortfolio(join(dir, 'data', 'Nord.sqlite'), { example: true });
    expect(await open('Nord.sqlite')).toEqual({ ok: true, value: { fileName: 'Nord.sqlite' } });
    expect(web.session.path).toMatch(/Nord\.sqlite$/);
  });

  it('refuses `..` and absolute paths out of the data folder, and the open portfolio stays open', async () => {
    createPortfolio(join(dir, 'Hemmelig2.sqlite'), { example: true });
    for (const name of ['../Hemmelig2.sqlite', join(dir, 'Hemmelig2.sqlite'), '../../etc/passwd']) {
      const res = await open(name);
      expect(res.ok).toBe(false);
      expect(res.error!.message).toMatch(/ligger uden for mappen/);
    }
    expect(web.session.path).toMatch(/Bilag 1\.sqlite$/);
  });

  it('checks the file like one from elsewhere: a file that is no portfolio is refused, the open one stays', async () => {
    writeFileSync(join(dir, 'data', 'Falsk.sqlite'), 'ikke en database');
    const res = await open('Falsk.sqlite');
    expect(res.ok).toBe(false);
    expect(res.error!.message).toMatch(/Falsk\.sqlite/);
    expect(web.session.path).toMatch(/Bilag 1\.sqlite$/);
    expect((await post('/api/portfolio.load')).status).toBe(200);
  });
});
