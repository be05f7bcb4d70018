/**
 * The real app in a real Electron (playwright-core's _electron). Runs only where the Electron
 * binary exists; the build machines install npm packages with ELECTRON_SKIP_BINARY_DOWNLOAD,
 * so there it says plainly that it was skipped. Everything else is covered against a fake
 * Electron in the other tests of this folder, and the page itself by the browser e2e suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortfolio } from '../../db/core/create';

const root = resolve('.');

/**
 * The binary's path, or null where it was never downloaded. Read from node_modules/electron/path.txt
 * rather than require('electron'): since Electron 42 that require downloads the binary when it is
 * missing, and a test must not fetch anything.
 */
function electronBinary(): string | null {
  try {
    const pkg = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
    const path = join(pkg, 'dist', readFileSync(join(pkg, 'path.txt'), 'utf8').trim());
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * better-sqlite3 is native and built for one ABI at a time: build/scripts/setup.sh builds it for
 * Node (the other tests), `npm start` for Electron. Ask Electron itself whether it can load it.
 */
function sqliteLoadsInElectron(binary: string): boolean {
  const probe = spawnSync(binary, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 30_000,
  });
  return probe.status === 0;
}

const binary = electronBinary();
const skipReason = !binary
  ? 'Electron-suiten er sprunget over: Electron-programmet findes ikke på denne maskine (ELECTRON_SKIP_BINARY_DOWNLOAD).'
  : !sqliteLoadsInElectron(binary)
    ? 'Electron-suiten er sprunget over: better-sqlite3 er bygget til Node, ikke til Electron. Kør først: npx electron-builder install-app-deps'
    : null;
if (skipReason) console.log(skipReason);

describe.skipIf(skipReason !== null)('Puljeplan in Electron', () => {
  let dir: string;
  let electronApp: ElectronApplication;
  let page: Page;
  const fileName = 'Launch-test.sqlite';

  beforeAll(async () => {
    for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} mangler. Byg først: npm run build`);
    }
    dir = mkdtempSync(join(tmpdir(), 'puljeplan-electron-'));
    const home = join(dir, 'home');
    mkdirSync(home);
    const file = join(dir, fileName);
    createPortfolio(file, { example: true });
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env))
      if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
    // A throwaway home and user-data folder, so the test neither reads nor overwrites the user's
    // settings or Documents, and its single-instance lock (kept in userData) is not a running app's.
    Object.assign(env, {
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      APPDATA: join(home, 'AppData'),
      USERPROFILE: home,
    });
    const userData = `--user-data-dir=${join(home, 'userData')}`;
    // Chromium refuses to run its sandbox as root (e.g. in a container); only then is it turned off.
    const rootUser = process.getuid?.() === 0;
    electronApp = await _electron.launch({
      executablePath: binary!,
      args: [...(rootUser ? ['--no-sandbox'] : []), userData, root, file],
      cwd: root,
      env,
      timeout: 60_000,
    });
    page = await electronApp.firstWindow();
  });

  afterAll(async () => {
    await electronApp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names the open file in the window title', async () => {
    const title = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
    expect(title).toContain(fileName);
    expect(title).toMatch(/^Puljeplan — /);
  });

  it('shows its page over app://, not file://', () => {
    expect(page.url()).toBe('app://puljeplan/index.html');
  });

  it('shows the portfolio in the grid', async () => {
    await page.getByText('Nationale projekter i alt').first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('gives the page the bridge and nothing from Node', async () => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = (w.puljeplan ?? {}) as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        bridgeKeys: Object.keys(bridge).sort(),
        bridgeRequire: typeof bridge.require,
        bridgeProcess: typeof bridge.process,
      };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridgeKeys: ['channels', 'onMenuCommand'],
      bridgeRequire: 'undefined',
      bridgeProcess: 'undefined',
    });
  });
});
