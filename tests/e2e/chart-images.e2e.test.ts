/**
 * The charts as print images (renderer/src/charts/image.ts), in Debian's Chromium: the module is
 * bundled alone into a blank page and given the example portfolio and its status report of
 * November 2023; every image is a PNG of the fixed print size with something drawn on it. The
 * images go to artifacts/chart-print-*.png to be looked at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatusReport } from '../../db/core/project-queries';
import { launchChromium } from './browser';
import { ARTIFACTS, chromiumMissing, ROOT, startHarness, WAIT, type Harness } from './harness';
import { pngSize } from './png';

interface Image {
  title: string;
  dataUrl: string;
}

describe.skipIf(chromiumMissing)('chart images for print in Chromium', () => {
  let browser: Browser;
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(ROOT, 'renderer', 'src', 'charts', 'image.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'chartsForPrint',
      write: false,
      logLevel: 'silent',
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    h = await startHarness(browser);
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.setDefaultTimeout(WAIT);
    await page.setContent('<!doctype html><html lang="da"><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });
  afterAll(async () => {
    await page?.close();
    await h?.close();
    await browser?.close();
  });

  it('gives every chart of the example, status too, as a 1600 × 900 PNG with the chart drawn', async () => {
    const portfolio = h.server.session.snapshot();
    const report = readStatusReport(h.server.session.db, '2023-11');
    const images = await page.evaluate(
      ([input, status]) =>
        (
          window as unknown as { chartsForPrint: { chartImages: (...a: unknown[]) => Promise<Image[]> } }
        ).chartsForPrint.chartImages(input, status),
      [{ years: portfolio.years, pools: portfolio.pools, lines: portfolio.lines }, report] as const,
    );
    expect(images.map((i) => i.title)).toEqual([
      'Beløb pr. pulje og år',
      'I alt pr. år',
      'De største projekter',
      'Projekter efter samlet status',
      'Projekter efter fase',
    ]);
    for (const [i, image] of images.entries()) {
      expect(image.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
      const png = Buffer.from(image.dataUrl.slice('data:image/png;base64,'.length), 'base64');
      expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
      writeFileSync(join(ARTIFACTS, `chart-print-${i + 1}.png`), png);
    }
    // Drawn, not blank: a blank 1600 × 900 PNG compresses to a few kB.
    for (const image of images) expect(image.dataUrl.length).toBeGreaterThan(20_000);
    // Nothing is left behind on the page.
    expect(await page.locator('body > *').count()).toBe(0);
  });
});
