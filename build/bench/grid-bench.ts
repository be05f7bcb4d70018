/**
 * The grid in Debian's Chromium against the browser harness (db/web/server.ts), as the e2e
 * tests run it: a 1,000 × 12 paste from paste event to repainted totals, and one typed edit
 * (Enter) to the repainted grand total on a large portfolio. Prints figures, never asserts.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as commands from '../../db/core/commands';
import { createPortfolio } from '../../db/core/create';
import { openSession } from '../../db/index';
import { startWebServer } from '../../db/web/server';
import { toTsv } from '../../shared/grid/tsv';
import { hasChromium, launchChromium, CHROMIUM } from '../../tests/e2e/browser';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface GridBenchOptions {
  dir: string;
  /** A generated portfolio file (copied: the bench edits it) for the edit timing. */
  largePortfolio: string;
  largeLines: number;
  edits: number;
  stats: (samples: number[]) => { median: number; p99: number; max: number };
  ms: (v: number) => string;
}

async function openPage(url: string, page: Page): Promise<void> {
  // tsx (esbuild, keepNames) wraps functions passed to page.evaluate in a __name() helper.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(url);
  await page.waitForSelector('.ag-row[row-index]', { timeout: 120_000 });
}

/** Paste event to repainted: the first pasted cell shows its value and the message says it is done. */
async function timePaste(page: Page, text: string, expected: string): Promise<number> {
  return page.evaluate(
    ([tsv, want]) =>
      new Promise<number>((done) => {
        const data = new DataTransfer();
        data.setData('text/plain', tsv);
        const target = document.activeElement!;
        const t0 = performance.now();
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        const check = () => {
          const cell = document.querySelector('.ag-row[row-index="1"] .ag-cell[col-id="y2025"]');
          const message = document.querySelector('[data-testid="message"]')?.textContent ?? '';
          if (cell?.textContent === want && message.startsWith('Sat ind')) done(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    [text, expected] as const,
  );
}

async function pasteBench(o: GridBenchOptions, page: Page, url: string): Promise<void> {
  await openPage(url, page);
  const years = Array.from({ length: 12 }, (_, i) => 2025 + i);
  const first = page.locator('.ag-row[row-index="1"] .ag-cell[col-id="y2025"]');
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    await first.click();
    const rows = Array.from({ length: 1000 }, (_, r) => years.map((_, c) => String(run * 100 + r + c + 1)));
    samples.push(await timePaste(page, toTsv(rows), String(run * 100 + 1)));
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="message"]')?.textContent?.startsWith('Fortrudt'),
    );
  }
  const s = o.stats(samples);
  console.log(
    `  1,000 × 12 paste (12,000 cells, one amounts.paste), paste event to repainted, 5 runs: median ${o.ms(s.median)} ms, max ${o.ms(s.max)} ms (goal < 1,000 ms)`,
  );
}

async function editBench(o: GridBenchOptions, page: Page, url: string): Promise<void> {
  const t = performance.now();
  await openPage(url, page);
  console.log(
    `  ${o.largeLines.toLocaleString('en-US')} lines: page open to first rows ${o.ms(performance.now() - t)} ms`,
  );
  // Two leaf lines near the top; each edit is typed into one of them and committed with Enter.
  const leaves = await page.evaluate(() =>
    [...document.querySelectorAll('.ag-row.pp-row-line:not(.pp-row-parent)')]
      .map((r) => r.getAttribute('row-index'))
      .filter((x, i, a) => x && a.indexOf(x) === i)
      .slice(0, 2),
  );
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    document.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__t0 = performance.now()), true);
    const total = document.querySelector('.ag-row[row-index="b-0"] .ag-cell[col-id="total"]')!;
    new MutationObserver(() => (w.__t1 = performance.now())).observe(total, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const samples: number[] = [];
  for (let i = 0; i < o.edits + 10; i++) {
    await page.locator(`.ag-row[row-index="${leaves[i % 2]}"] .ag-cell[col-id="y2025"]`).click();
    await page.evaluate(() => ((window as unknown as { __t1: number }).__t1 = 0));
    await page.keyboard.type(String(50_000 + i));
    await page.keyboard.press('Enter');
    const ms = await page.waitForFunction(() => {
      const w = window as unknown as { __t0: number; __t1: number };
      return w.__t1 > 0 && w.__t1 - w.__t0;
    });
    if (i >= 10) samples.push((await ms.jsonValue()) as number); // the first 10 warm up
  }
  const s = o.stats(samples);
  console.log(
    `  one edit (Enter) to repainted grand total, ${o.edits} edits: median ${o.ms(s.median)} ms, p99 ${o.ms(s.p99)} ms, max ${o.ms(s.max)} ms (goal p99 < 50 ms)`,
  );
}

export async function gridBench(o: GridBenchOptions): Promise<void> {
  if (!hasChromium()) return console.log(`  skipped: Chromium is not at ${CHROMIUM}`);
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: ROOT, stdio: 'ignore' });
  }
  // A pool of 1,000 empty lines × 12 years for the paste.
  const small = join(o.dir, 'grid-paste.sqlite');
  createPortfolio(small, {
    title: 'Benchmark paste',
    region: 'RM',
    years: Array.from({ length: 12 }, (_, i) => 2025 + i),
  });
  const session = openSession(small);
  const pool = session.run((db) => commands.addPool(db, { name: 'Pulje 1', afterPoolId: null })).createdId!;
  session.run((db) =>
    commands.pasteCells(db, {
      cells: [],
      renames: [],
      add: { poolId: pool, lines: Array.from({ length: 1000 }, (_, i) => ({ name: `Projekt ${i + 1}`, amounts: {} })) },
    }),
  );
  session.close();
  const large = join(o.dir, 'grid-edit.sqlite');
  copyFileSync(o.largePortfolio, large);

  const browser = await launchChromium();
  try {
    for (const [file, run] of [
      [small, pasteBench],
      [large, editBench],
    ] as const) {
      const server = await startWebServer({ file });
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' });
      try {
        await run(o, page, server.url);
      } finally {
        await page.close();
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
}
