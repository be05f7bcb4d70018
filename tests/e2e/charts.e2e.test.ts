/**
 * The «Diagrammer» view in Debian's Chromium on the example: the charts are drawn, a total a chart
 * shows is the grid's, an edit in the grid moves the chart, «Gem som PNG» saves a PNG, and a
 * screenshot goes to artifacts/charts.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, cell, chromiumMissing, grandTotal, rowId, useApp } from './harness';
import { pngSize } from './png';
import { poolColour } from '../../renderer/src/charts/palette';

/** The portfolio's charts, then the status charts of the example's month (nov. 2023). */
const CHARTS = ['allocation', 'per-year', 'largest', 'by-light', 'by-phase'];

async function openCharts(page: Page) {
  await page.getByTestId('view-charts').click();
  for (const id of CHARTS) await page.locator(`[data-testid="chart-${id}"] canvas`).first().waitFor();
}

/** How many pixels of the chart's canvases are not white: 0 for a blank canvas. */
function inkedPixels(page: Page, id: string): Promise<number> {
  return page.evaluate((chartId) => {
    let inked = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`[data-testid="chart-${chartId}"] canvas`)) {
      if (!canvas.width || !canvas.height) continue;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) continue;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) inked++;
    }
    return inked;
  }, id);
}

/**
 * Moves the pointer along the chart, low in its plot area where every bar is, until the tooltip
 * shows `wanted`; returns the tooltip texts seen on the way when it never does.
 */
async function tooltipShowing(page: Page, id: string, wanted: string): Promise<string> {
  const box = (await page.locator(`[data-testid="chart-${id}"] .pp-chart-canvas`).boundingBox())!;
  const seen = new Set<string>();
  for (let x = 0.08; x < 0.98; x += 0.03) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.72);
    // Read at once: a tooltip can go away between a check and a read.
    const text = await page.evaluate(() => {
      const tips = [...document.querySelectorAll<HTMLElement>('.ag-charts-tooltip')];
      return tips.find((t) => t.checkVisibility() && t.textContent)?.textContent ?? null;
    });
    if (text === null) continue;
    if (text.includes(wanted)) return text;
    seen.add(text);
  }
  return `ikke fundet; set: ${[...seen].join(' | ') || 'ingen tooltip'}`;
}

describe.skipIf(chromiumMissing)('Diagrammer in Chromium', () => {
  let page: Page;
  useApp((_h, p) => {
    page = p;
  });

  it('draws the charts of the example, each canvas with something on it, and a screenshot', async () => {
    await openCharts(page);
    for (const id of CHARTS) await expect.poll(() => inkedPixels(page, id), { message: id }).toBeGreaterThan(2_000);
    // The example has a month's status (nov. 2023): its charts are there, not the note about none.
    expect(await page.getByTestId('charts-no-status').count()).toBe(0);
    await expect.poll(() => page.getByTestId('chart-by-light').textContent()).toContain('Gem som PNG');
    // Tall enough for every chart without scrolling the view.
    await page.setViewportSize({ width: 1440, height: 1400 });
    await page.screenshot({ path: join(ARTIFACTS, 'charts.png') });
  });

  it('a year’s total in the chart is the grid’s total (28.050), in Danish format', async () => {
    const total2022 = await grandTotal(page, 'y2022').textContent();
    expect(total2022).toBe('28.050');
    await openCharts(page);
    // The tooltip follows the pointer a frame later: scan again until it shows (or WAIT runs out).
    await expect.poll(() => tooltipShowing(page, 'per-year', total2022!)).toMatch(/2022[\s\S]*28\.050/);
  });

  it('an edit in the grid moves the chart: 2023 becomes 11.800', async () => {
    const lpr = await rowId(page, 'LPR3 ID3 - Landspatientregister');
    await cell(page, lpr, 'y2023').click();
    await page.keyboard.type('3.000');
    await page.keyboard.press('Enter');
    await expect.poll(() => grandTotal(page, 'y2023').textContent()).toBe('11.800');
    await openCharts(page);
    await expect.poll(() => tooltipShowing(page, 'per-year', '11.800')).toContain('11.800');
    // Back in the grid, the grid is as it was.
    await page.getByTestId('view-grid').click();
    await expect.poll(() => grandTotal(page, 'y2023').textContent()).toBe('11.800');
  });

  it('the grid marks each pool heading with the pool’s chart colour', async () => {
    const swatches = page.getByTestId('pool-swatch');
    await expect.poll(() => swatches.count()).toBe(3);
    const colours = await swatches.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect(colours).toEqual([0, 1, 2].map((i) => rgb(poolColour(i))));
    await page.screenshot({
      path: join(ARTIFACTS, 'charts-grid-colours.png'),
      clip: { x: 0, y: 0, width: 700, height: 420 },
    });
  });

  it('«Gem som PNG» downloads the chart as a PNG named after it', async () => {
    await openCharts(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('save-png-allocation').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Beløb pr. pulje og år.png');
    const bytes = readFileSync((await file.path())!);
    expect(pngSize(bytes)).toEqual({ width: 1600, height: 900 });
  });
});
