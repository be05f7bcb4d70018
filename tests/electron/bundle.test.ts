/**
 * The built main process and preload, as Electron would load them: bundled to CommonJS, the
 * preload needing nothing but 'electron' (a sandboxed preload can require nothing else), and
 * the main bundle starting and serving the portfolio when run in Node against a fake Electron.
 */
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PRINT_PDF_IPC, ipcName } from '../../shared/contract/channels';
import { CONTENT_SECURITY_POLICY } from '../../electron/app-protocol';

const root = resolve('.');
let dir: string;
let out: string;

function requires(file: string): string[] {
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-bundle-'));
  out = join(dir, 'electron');
  const built = spawnSync(process.execPath, [join(root, 'build', 'build-electron.mjs'), '--outdir', out], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Electron bundles', () => {
  it('the preload needs only electron', () => {
    expect(requires(join(out, 'preload.cjs'))).toEqual(['electron']);
  });

  const builtin = (m: string) => m.startsWith('node:') || builtinModules.includes(m);

  it('the main bundle needs only electron, better-sqlite3 and Node built-ins', () => {
    const outside = requires(join(out, 'main.cjs')).filter((m) => !builtin(m));
    expect(outside).toEqual(['better-sqlite3', 'electron']);
  });

  it('the Excel import worker is its own bundle, needing only Node built-ins', () => {
    expect(requires(join(out, 'excel-worker.cjs')).filter((m) => !builtin(m))).toEqual([]);
  });

  it('the main bundle starts, opens the example and serves the contract', () => {
    const home = join(dir, 'home');
    // The app folder: a stand-in for the built renderer, and a file beside it the page must not reach.
    const appDir = join(dir, 'app');
    mkdirSync(join(appDir, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(appDir, 'dist', 'renderer', 'index.html'), '<p>Puljeplan</p>');
    writeFileSync(join(appDir, 'secret.txt'), 'hemmelig');
    const run = spawnSync(
      process.execPath,
      ['-r', join(root, 'tests', 'electron', 'fake-electron-main.cjs'), join(out, 'main.cjs')],
      {
        cwd: dir,
        encoding: 'utf8',
        // NODE_PATH: the bundle sits in a temporary folder but loads better-sqlite3 from the repo.
        env: {
          ...process.env,
          NODE_PATH: join(root, 'node_modules'),
          PULJEPLAN_FAKE_HOME: home,
          PULJEPLAN_FAKE_APP: appDir,
          PULJEPLAN_FAKE_WORKBOOK: join(root, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx'),
        },
        timeout: 30_000,
      },
    );
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(report.title).toBe('Puljeplan — Bilag 1.sqlite (RM)');
    // The page comes over app://, registered privileged before ready and served once ready.
    expect(report.loadedUrl).toBe('app://puljeplan/index.html');
    expect(report.privileged).toEqual({
      schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
      beforeReady: true,
    });
    expect(report.protocolHandled).toEqual([{ scheme: 'app', afterReady: true }]);
    expect(report.served).toEqual({
      'app://puljeplan/index.html': { status: 200, csp: CONTENT_SECURITY_POLICY, body: '<p>Puljeplan</p>' },
      'app://puljeplan/..%2f..%2fsecret.txt': { status: 404, csp: CONTENT_SECURITY_POLICY, body: 'Ikke fundet' },
    });
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // Every contract channel, and «Gem som PDF…», which main serves itself (electron/print-pdf.ts).
    expect((report.channels as string[]).sort()).toEqual([...CHANNELS.map(ipcName), PRINT_PDF_IPC].sort());
    expect(report.load).toEqual({ ok: true, pools: 3 });
    // The bundled main reads a workbook in dist/electron/excel-worker.cjs, as the app will.
    expect(report.preview).toEqual({
      ok: true,
      pools: ['Nationale projekter', 'Fællesregionale projekter', 'Vestdansk It Samarbejde'],
    });
  });
});
