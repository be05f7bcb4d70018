/** The browser harness's Filer endpoints (db/web/file-routes.ts: POST /web/files, /web/open, /web/new, /web/saveAs). */
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
type Answer = { ok: boolean; value?: { fileName: string }; error?: { code: string; message: string } };
const call = async (path: string, name: unknown) => (await (await post(path, undefined, { name })).json()) as Answer;
const open = (name: string) => call('/web/open', name);
const files = async () =>
  ((await (await post('/web/files')).json()) as { value: { name: string; bytes: number; open: boolean }[] }).value;

describe('POST /web/files', () => {
  it('lists the portfolio files in the data folder by name, not those beside it', async () => {
    expect((await post('/web/files')).status).toBe(200);
    const listed = await files();
    expect(listed.map((f) => f.name)).toEqual(['Bilag 1.sqlite']);
    expect(listed[0]!.bytes).toBeGreaterThan(0);
    expect(listed[0]!.open).toBe(true);
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

describe('POST /web/new and /web/saveAs', () => {
  it('Ny… makes an empty portfolio of the open one’s region, titled as its file, and opens it', async () => {
    const region = web.session.snapshot().meta.region;
    expect(await call('/web/new', ' Plan 2025 ')).toEqual({ ok: true, value: { fileName: 'Plan 2025.sqlite' } });
    const made = web.session.snapshot();
    expect(made.meta).toMatchObject({ title: 'Plan 2025', region });
    expect(made.lines).toEqual([]);
    expect((await files()).find((f) => f.open)!.name).toBe('Plan 2025.sqlite');
  });

  it('Gem som… copies the portfolio whole, goes on in the copy, and the original is unchanged', async () => {
    const before = web.session.snapshot();
    expect(await call('/web/saveAs', 'Bilag 1 (kopi).sqlite')).toEqual({
      ok: true,
      value: { fileName: 'Bilag 1 (kopi).sqlite' },
    });
    expect(web.session.path).toMatch(/Bilag 1 \(kopi\)\.sqlite$/);
    expect(web.session.snapshot().lines).toEqual(before.lines);
    expect((await files()).map((f) => f.name).sort()).toEqual(['Bilag 1 (kopi).sqlite', 'Bilag 1.sqlite']);
  });

  it('never replaces a file, and refuses names that cannot be files, in Danish; the open one stays open', async () => {
    for (const path of ['/web/new', '/web/saveAs']) {
      const taken = await call(path, 'bilag 1');
      expect(taken.error).toEqual({
        code: 'conflict',
        message: '«bilag 1.sqlite» findes allerede i mappen. Vælg et andet navn; Puljeplan overskriver aldrig en fil.',
      });
      for (const name of ['', '   ', 'a/b', '..\\x', 'x:y', 'a\u0007b', '.skjult', 'x'.repeat(200), 42]) {
        const res = await call(path, name);
        expect(res.ok).toBe(false);
        expect(res.error!.code).toBe('invalid-args');
      }
      expect((await call(path, 'a/b')).error!.message).toContain('kan ikke bruges som filnavn');
    }
    expect(web.session.path).toMatch(/Bilag 1\.sqlite$/);
    expect((await files()).map((f) => f.name)).toEqual(['Bilag 1.sqlite']);
  });
});
