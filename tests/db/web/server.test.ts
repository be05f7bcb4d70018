/** The browser harness's file listing for its Filer dialog (db/web/server.ts, POST /web/files). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../db/web/server';

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

const post = (path: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(web.url + path, { method: 'POST', headers, body: '{}' });

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
