/**
 * Shared set-up for the end-to-end suites: a built renderer, the browser harness on a free
 * port over a fresh example portfolio, and Debian's Chromium. Where Chromium is missing the
 * suites are skipped with a printed reason (CI installs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startWebServer, type WebServer } from '../../db/web/server';
import { hasChromium, launchChromium, CHROMIUM } from './browser';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'artifacts');

export const chromiumMissing = !hasChromium();
if (chromiumMissing) {
  console.log(`E2E-suiten er sprunget over: Chromium findes ikke på ${CHROMIUM} (installér Debians pakke «chromium»).`);
}

export function ensureRendererBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

export interface Harness {
  server: WebServer;
  browser: Browser;
  file: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  ensureRendererBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-e2e-'));
  const file = join(dir, 'Bilag 1.sqlite');
  const server = await startWebServer({ file, createExample: true });
  const browser = await launchChromium();
  return { server, browser, file, close: async () => void (await Promise.all([browser.close(), server.close()])) };
}

export async function openApp(h: Harness): Promise<Page> {
  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' });
  page.on('pageerror', (e) => console.error('Fejl på siden:', e.message));
  await page.goto(h.server.url);
  await page.waitForSelector('.ag-row[row-index]');
  return page;
}

/** The row id of the line, pool heading or total row showing this name (waits up to 5 s for it). */
export async function rowId(page: Page, name: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const id = await page.evaluate((n) => {
      for (const cell of document.querySelectorAll('.ag-cell[col-id="name"]')) {
        const text = cell.querySelector('.pp-name-text')?.textContent ?? cell.textContent;
        if (text === n) return cell.closest('.ag-row')?.getAttribute('row-id') ?? null;
      }
      return null;
    }, name);
    if (id) return id;
    if (Date.now() > deadline) throw new Error(`Ingen række viser «${name}»`);
    await page.waitForTimeout(50);
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

/** Waits until a cell editor is open and has the keyboard focus. */
export async function waitForEditor(page: Page): Promise<void> {
  // The editing cell has the class itself: wait for its input to hold the focus.
  await page.waitForFunction(
    () => document.activeElement?.tagName === 'INPUT' && document.activeElement.closest('.ag-cell-inline-editing') != null,
    undefined,
    { timeout: 5000 },
  );
}

/** Registers a suite's set-up: one harness and one open page, handed to `ready`; closed after. */
export function useApp(ready: (h: Harness, page: Page) => void): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
    ready(h, await openApp(h));
  });
  afterAll(async () => {
    await h?.close();
  });
}
