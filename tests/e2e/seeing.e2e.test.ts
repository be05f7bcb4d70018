/**
 * Seeing the portfolio at an ordinary laptop's width (issue 15): I alt and the names stay on
 * screen, the toolbar is one row, dragged column widths come back, the pool filter's bottom row is
 * that pool's total, and Find opens folded pools.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addYear } from '../../db/core/commands';
import { ARTIFACTS, cell, chromiumMissing, grandTotal, rowId, useApp, type Harness } from './harness';
import { LABREK, center } from './grid-helpers';

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe.skipIf(chromiumMissing)('seeing the portfolio in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('at 1.024 px with 3 years, and at 1.400 px with 12, I alt and the names are on screen; the toolbar is one row', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    h.server.session.run((db) => addYear(db));
    await page.reload();
    await page.waitForSelector('.ag-header-cell[col-id="y2024"]');
    const total = await box(page, '.ag-header-cell[col-id="total"]');
    expect(total.x + total.width).toBeLessThanOrEqual(1024);
    expect(await grandTotal(page, 'total').textContent()).toBe('39.650');
    expect((await grandTotal(page, 'total').boundingBox())!.x).toBeGreaterThan(0);
    // One row of buttons: every button's top is the first one's.
    const tops = await page
      .getByRole('toolbar')
      .locator('button')
      .evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'seeing-1024.png') });

    await page.setViewportSize({ width: 1400, height: 800 });
    for (let i = 0; i < 9; i++) h.server.session.run((db) => addYear(db));
    await page.reload();
    await page.waitForSelector('.ag-header-cell[col-id="y2033"]');
    const total12 = await box(page, '.ag-header-cell[col-id="total"]');
    expect(total12.x + total12.width).toBeLessThanOrEqual(1400);
    const name = await box(page, '.ag-header-cell[col-id="name"]');
    expect(name.x).toBeGreaterThanOrEqual(0);
  });

  it('a dragged column width is kept for this portfolio and comes back when it is opened again', async () => {
    const before = (await box(page, '.ag-header-cell[col-id="name"]')).width;
    const handle = await center(page.locator('.ag-header-cell[col-id="name"] .ag-header-cell-resize'));
    await page.mouse.move(handle.x, handle.y);
    await page.mouse.down();
    await page.mouse.move(handle.x + 60, handle.y, { steps: 4 });
    await page.mouse.move(handle.x + 120, handle.y, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(async () => Math.round((await box(page, '.ag-header-cell[col-id="name"]')).width))
      .toBe(Math.round(before + 120));
    await page.reload();
    await page.waitForSelector('.ag-row[row-index]');
    await expect
      .poll(async () => Math.round((await box(page, '.ag-header-cell[col-id="name"]')).width))
      .toBe(Math.round(before + 120));
  });

  it('with one pool chosen, the bottom row is that pool’s total, labelled, and the side panel shows the pool', async () => {
    await page.getByTestId('pool-filter').selectOption({ label: 'Fællesregionale projekter' });
    const bottomName = grandTotal(page, 'name');
    await expect.poll(() => bottomName.textContent()).toContain('Fællesregionale projekter i alt');
    expect(await grandTotal(page, 'y2022').textContent()).toBe('10.650');
    expect(await grandTotal(page, 'total').textContent()).toBe('17.150');
    expect(await page.getByTestId('pool-description').count()).toBe(1);
    // An edit in the pool is in its total at once.
    await cell(page, await rowId(page, LABREK), 'y2022').click();
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await expect.poll(() => grandTotal(page, 'y2022').textContent()).toBe('10.750');
    await page.getByTestId('pool-filter').selectOption({ label: 'Alle puljer' });
    await expect.poll(() => bottomName.textContent()).toContain('Total');
    expect(await grandTotal(page, 'y2022').textContent()).toBe('28.150');
  });

  it('Find opens a folded pool to show the match', async () => {
    const pool = await rowId(page, 'Vestdansk It Samarbejde');
    await page.locator(`.ag-row[row-id="${pool}"] .pp-fold`).click();
    await expect.poll(() => page.locator('.ag-cell[col-id="name"]', { hasText: 'RIAS udbudsprojekt' }).count()).toBe(0);
    await page.keyboard.press('Control+f');
    await page.keyboard.type('RIAS');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ag-cell[col-id="name"]', { hasText: 'RIAS udbudsprojekt' }).count()).toBe(1);
  });
});
