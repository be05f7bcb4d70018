/**
 * Shared set-up for the end-to-end suites: a built renderer, Debian's Chromium (one per file),
 * and for every test its own example portfolio in its own temp folder, served by its own browser
 * harness on a free port and opened in a fresh browser context. So no test sees what another
 * test did, and one slow test cannot make the next one fail. Where Chromium is missing the
 * suites are skipped with a printed reason (CI installs it).
 *
 * Nothing here sleeps for a fixed time: every wait is for a condition, with the one generous
 * limit WAIT (a loaded 2-core machine stalls for seconds).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { errors, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { settingsFile } from '../../db/index';
import { startWebServer, type WebServer } from '../../db/web/server';
import type { RegionCode } from '../../shared/domain/model';
import { hasChromium, launchChromium, CHROMIUM } from './browser';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'artifacts');

/**
 * How long any wait for something on the page may take, in ms: `expect.poll`, Playwright's
 * actions, locators and events, and the helpers below. PULJEPLAN_E2E_WAIT_MS overrides it. Keep
 * it well under vitest's testTimeout (60 s, vitest.config.ts) so a failing wait names itself.
 */
export const WAIT = Number(process.env.PULJEPLAN_E2E_WAIT_MS) || 30_000;
/** How often a condition is checked again while waiting for it. */
const POLL_INTERVAL = 50;

export const chromiumMissing = !hasChromium();
if (chromiumMissing) {
  console.log(`E2E-suiten er sprunget over: Chromium findes ikke på ${CHROMIUM} (installér Debians pakke «chromium»).`);
}

export function ensureRendererBuilt(): void {
  // Both pages: the app, and the print page the CLI prints with (docs/print.md).
  if (['index.html', 'print.html'].every((f) => existsSync(join(ROOT, 'dist', 'renderer', f)))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

/** One test's own portfolio: its server, its folder and file, and the browser its page runs in. */
export interface Harness {
  server: WebServer;
  browser: Browser;
  /** The test's own temp folder, holding `file`; removed after the test. */
  dir: string;
  file: string;
  /** Where the person's region is kept (Indstillinger), in `dir`. */
  settingsDir: string;
  close(): Promise<void>;
}

/**
 * A fresh example portfolio in a new temp folder, served on a free port; the person's region
 * (kept in the folder too) is `region`, or none yet (the app asks at start).
 */
export async function startHarness(browser: Browser, region: RegionCode | null = 'RM'): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-e2e-'));
  const file = join(dir, 'Bilag 1.sqlite');
  const settingsDir = join(dir, 'indstillinger');
  if (region) settingsFile(settingsDir).setRegion(region);
  const server = await startWebServer({ file, createExample: true, settingsDir });
  return {
    server,
    browser,
    dir,
    file,
    settingsDir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface AppOptions {
  /** Let the page read and write the system clipboard (Ctrl+C/Ctrl+V tests). */
  clipboard?: boolean;
  /** The person's region (Indstillinger) before the page opens; null: a first start. Default Region Midtjylland. */
  region?: RegionCode | null;
}

/** The app in a new browser context (nothing kept from another test), once the grid shows rows. */
export async function openApp(h: Harness, options: AppOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  if (options.clipboard)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.url });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('Fejl på siden:', e.message));
  await page.goto(h.server.url);
  await page.waitForSelector('.ag-row[row-index]');
  return { context, page };
}

/** The row id of the line, pool heading or total row showing this name (waits up to WAIT for it). */
export async function rowId(page: Page, name: string): Promise<string> {
  try {
    const found = await page.waitForFunction(
      (n) => {
        for (const cell of document.querySelectorAll('.ag-cell[col-id="name"]')) {
          const text = cell.querySelector('.pp-name-text')?.textContent ?? cell.textContent;
          if (text === n) return cell.closest('.ag-row')?.getAttribute('row-id') ?? null;
        }
        return null;
      },
      name,
      { timeout: WAIT, polling: POLL_INTERVAL },
    );
    return (await found.jsonValue()) as string;
  } catch (err) {
    if (err instanceof errors.TimeoutError) throw new Error(`Ingen række viser «${name}» (ventede ${WAIT} ms)`);
    throw err;
  }
}

export function cell(page: Page, id: string, colId: string) {
  return page.locator(`.ag-row[row-id="${id}"] .ag-cell[col-id="${colId}"]`);
}

export function grandTotal(page: Page, colId: string) {
  return page.locator(`.ag-row[row-index="b-0"] .ag-cell[col-id="${colId}"]`);
}

/** What the backend holds, read through the same contract the page uses. */
export async function backendAmount(h: Harness, lineName: string, year: number): Promise<number | null> {
  const snap = h.server.session.snapshot();
  const line = snap.lines.find((l) => l.name === lineName);
  return line ? (line.amounts[year] ?? null) : null;
}

/**
 * Waits until a cell editor is open and has the keyboard focus. On a timeout it says where the
 * keyboard was and whether an editor was open at all (an editor that lost the keyboard is a
 * race in the app, not a slow machine).
 */
export async function waitForEditor(page: Page): Promise<void> {
  try {
    // The editing cell has the class itself: wait for its input to hold the focus.
    await page.waitForFunction(
      () =>
        document.activeElement?.tagName === 'INPUT' &&
        document.activeElement.closest('.ag-cell-inline-editing') != null,
      undefined,
      { timeout: WAIT, polling: POLL_INTERVAL },
    );
  } catch (err) {
    if (!(err instanceof errors.TimeoutError)) throw err;
    const seen = await page.evaluate(() => {
      const a = document.activeElement;
      const where = a
        ? `${a.tagName.toLowerCase()}.${[...a.classList].join('.')} «${(a.textContent ?? '').slice(0, 60)}»`
        : 'intet';
      return { where, editorOpen: document.querySelector('.ag-cell-inline-editing') != null };
    });
    throw new Error(
      `Ingen celle-editor fik tastaturet inden for ${WAIT} ms (fokus: ${seen.where}; en editor er ${seen.editorOpen ? '' : 'ikke '}åben)`,
      { cause: err },
    );
  }
}

/**
 * Registers a suite's set-up: Chromium for the file, and before each test its own example
 * portfolio and a fresh page on it, handed to `ready`; all closed again after.
 */
export function useApp(ready: (h: Harness, page: Page) => void, options: AppOptions = {}): void {
  let browser: Browser | undefined;
  let h: Harness | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    // expect.poll's own default limit is 1 s: far too short beside other work on 2 cores.
    vi.setConfig({ expect: { poll: { timeout: WAIT, interval: POLL_INTERVAL } } });
    ensureRendererBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  beforeEach(async () => {
    h = await startHarness(browser!, options.region);
    const app = await openApp(h, options);
    context = app.context;
    ready(h, app.page);
  });
  afterEach(async () => {
    await context?.close();
    await h?.close();
    context = h = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
}
