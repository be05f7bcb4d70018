/**
 * The foundation, as a finance officer uses it, in Debian's Chromium against `npm run web`'s
 * server: open the example, edit like in Excel, undo, shape the portfolio, reload.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatAmount, parseAmount } from '../../shared/danish/number';
import {
  ARTIFACTS,
  backendAmount,
  cell,
  chromiumMissing,
  grandTotal,
  rowId,
  useApp,
  waitForEditor,
  type Harness,
} from './harness';

const LPR3 = 'LPR3 ID3 - Landspatientregister';

describe.skipIf(chromiumMissing)('grid in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('opens the example as the annex: pools, lines, totals in Danish format', async () => {
    expect(await page.getByTestId('portfolio-title').textContent()).toBe(
      'Bilag 1. Udmøntning af midler til nationale og tværregionale projekter',
    );
    const nat = await rowId(page, 'Nationale projekter i alt');
    expect(await cell(page, nat, 'y2022').textContent()).toBe('3.600');
    expect(await cell(page, nat, 'y2023').textContent()).toBe('2.800');
    expect(await cell(page, nat, 'total').textContent()).toBe('6.400');
    const vis = await rowId(page, 'Vestdansk It Samarbejde i alt');
    expect(await cell(page, vis, 'total').textContent()).toBe('16.100');
    const muse = await rowId(page, 'MUSE EKG');
    expect(await cell(page, muse, 'y2022').textContent()).toBe('2.700');
    expect(await cell(page, muse, 'y2023').textContent()).toBe('2.300');
    expect(await grandTotal(page, 'y2022').textContent()).toBe('28.050');
    expect(await grandTotal(page, 'y2023').textContent()).toBe('11.600');
    expect(await grandTotal(page, 'total').textContent()).toBe('39.650');
    await page.screenshot({ path: join(ARTIFACTS, 'grid.png') });
  });

  it('typing 3.000 updates the line, the pool total and the grand total; Ctrl+Z brings back 2.800', async () => {
    const lpr = await rowId(page, LPR3);
    const nat = await rowId(page, 'Nationale projekter i alt');
    await cell(page, lpr, 'y2023').click();
    await page.keyboard.type('3.000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('3.000');
    expect(await cell(page, lpr, 'total').textContent()).toBe('4.500');
    expect(await cell(page, nat, 'y2023').textContent()).toBe('3.000');
    expect(await grandTotal(page, 'y2023').textContent()).toBe('11.800');
    expect(await backendAmount(h, LPR3, 2023)).toBe(3_000_000);
    // Enter moved down, as in Excel.
    const ecpr = await rowId(page, 'Integration til national eCPR');
    await expect.poll(() => cell(page, ecpr, 'y2023').getAttribute('class')).toContain('ag-cell-focus');

    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('2.800');
    expect(await grandTotal(page, 'y2023').textContent()).toBe('11.600');
    expect(await backendAmount(h, LPR3, 2023)).toBe(2_800_000);
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('3.000');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('2.800');
  });

  it('refuses 1,2,3 and abc with a Danish message beside the cell and changes nothing', async () => {
    const lpr = await rowId(page, LPR3);
    for (const bad of ['1,2,3', 'abc']) {
      await cell(page, lpr, 'y2022').click();
      await page.keyboard.type(bad);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('cell-error').textContent()).toContain(`«${bad}» er ikke et beløb`);
      await page.keyboard.press('Escape');
      await expect.poll(() => cell(page, lpr, 'y2022').textContent()).toBe('1.500');
      expect(await backendAmount(h, LPR3, 2022)).toBe(1_500_000);
    }
  });

  it('accepts 1500, 1.234,5 and -250; Delete clears; F2 then Esc cancels', async () => {
    const labrek = await rowId(page, 'Labrek (Laboratorie)');
    const c = cell(page, labrek, 'y2023');
    await c.click();
    await page.keyboard.type('1.234,5');
    await page.keyboard.press('Enter');
    await expect.poll(() => c.textContent()).toBe('1.234,5');
    expect(await cell(page, labrek, 'total').textContent()).toBe('1.634,5');
    await c.click();
    await page.keyboard.type('-250');
    await page.keyboard.press('Tab');
    await expect.poll(() => c.textContent()).toBe('-250');
    // Tab moved right, to I alt.
    await expect.poll(() => cell(page, labrek, 'total').getAttribute('class')).toContain('ag-cell-focus');
    await c.click();
    await page.keyboard.press('F2');
    await waitForEditor(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('999');
    await page.keyboard.press('Escape');
    await expect.poll(() => c.textContent()).toBe('-250');
    expect(await backendAmount(h, 'Labrek (Laboratorie)', 2023)).toBe(-250_000);
    await page.keyboard.press('Delete');
    // An emptied cell shows 0, as a stored zero does (docs/grid.md, «Zeros»).
    await expect.poll(() => c.textContent()).toBe('0');
    expect(await backendAmount(h, 'Labrek (Laboratorie)', 2023)).toBeNull();
    await c.click();
    await page.keyboard.type('1500');
    await page.keyboard.press('Enter');
    await expect.poll(() => c.textContent()).toBe('1.500');
  });

  it('a parent line shows the sum of its sub-lines and is not typed into', async () => {
    const muse = await rowId(page, 'MUSE EKG');
    await cell(page, muse, 'y2022').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    expect(await cell(page, muse, 'y2022').textContent()).toBe('2.700');
    const fase1 = await rowId(page, 'MUSE EKG fase 1');
    await cell(page, fase1, 'y2022').click();
    await page.keyboard.type('3.000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, muse, 'y2022').textContent()).toBe('3.000');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, muse, 'y2022').textContent()).toBe('2.700');
  });

  it('collapses and expands a pool and a parent', async () => {
    const poolRow = await rowId(page, 'Vestdansk It Samarbejde');
    await page.locator(`.ag-row[row-id="${poolRow}"] .pp-fold`).click();
    await expect.poll(() => page.locator('.pp-name-text', { hasText: 'RIAS udbudsprojekt' }).count()).toBe(0);
    expect(await rowId(page, 'Vestdansk It Samarbejde i alt')).toBeTruthy();
    await page.locator(`.ag-row[row-id="${poolRow}"] .pp-fold`).click();
    const muse = await rowId(page, 'MUSE EKG');
    await page.locator(`.ag-row[row-id="${muse}"] .pp-fold`).click();
    await expect.poll(() => page.locator('.pp-name-text', { hasText: 'MUSE EKG fase 1' }).count()).toBe(0);
    await page.locator(`.ag-row[row-id="${muse}"] .pp-fold`).click();
    await expect.poll(() => page.locator('.pp-name-text', { hasText: 'MUSE EKG fase 1' }).count()).toBe(1);
  });

  it('adds a line, renames it, and everything is still there after a reload', async () => {
    const lpr = await rowId(page, LPR3);
    const grandBefore = await grandTotal(page, 'y2023').textContent();
    const grandAfter = formatAmount(
      (parseAmount(grandBefore).ok ? (parseAmount(grandBefore) as { value: number }).value : NaN) + 750_000,
    );
    await cell(page, lpr, 'name').click();
    await page.getByRole('button', { name: '+ Ny linje' }).click();
    await waitForEditor(page);
    expect(await page.locator('.ag-cell-inline-editing input').inputValue()).toBe('Ny linje');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Sikker Digital Post');
    await page.keyboard.press('Enter');
    const added = await rowId(page, 'Sikker Digital Post');
    await cell(page, added, 'y2023').click();
    await page.keyboard.type('750');
    await page.keyboard.press('Enter');
    await expect.poll(() => grandTotal(page, 'y2023').textContent()).toBe(grandAfter);
    // Renamed through the grid like in Excel: type over the name.
    await cell(page, added, 'name').click();
    await page.keyboard.press('F2');
    await waitForEditor(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Sikker Digital Post (SDP)');
    await page.keyboard.press('Enter');
    await expect.poll(() => rowId(page, 'Sikker Digital Post (SDP)').catch(() => null)).toBe(added);

    await page.reload();
    await page.waitForSelector('.ag-row[row-index]');
    const again = await rowId(page, 'Sikker Digital Post (SDP)');
    expect(again).toBe(added);
    expect(await cell(page, again, 'y2023').textContent()).toBe('750');
    // It sits right under LPR3, in Nationale projekter.
    const lprAgain = await rowId(page, LPR3);
    const index = (id: string) => page.locator(`.ag-row[row-id="${id}"]`).first().getAttribute('row-index');
    expect(Number(await index(again))).toBe(Number(await index(lprAgain)) + 1);
    const nat = await rowId(page, 'Nationale projekter i alt');
    expect(await cell(page, nat, 'y2023').textContent()).toBe('3.550');
    expect(await grandTotal(page, 'y2023').textContent()).toBe(grandAfter);
  });

  it('asks before deleting a line that holds amounts; Ctrl+Z brings it back', async () => {
    const fut = 'Fællesregional og kommunal udvikling af Telemedicinsk løsninger (FUT)';
    let id = await rowId(page, fut);
    await cell(page, id, 'name').click();
    await page.getByRole('button', { name: 'Slet', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('har beløb (i alt 3.700)');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    expect(await rowId(page, fut)).toBe(id);
    await cell(page, id, 'name').click();
    await page.getByRole('button', { name: 'Slet', exact: true }).click();
    await dialog.getByRole('button', { name: 'Slet' }).click();
    await expect.poll(() => page.locator('.pp-name-text', { hasText: 'Telemedicinsk' }).count()).toBe(0);
    const fr = await rowId(page, 'Fællesregionale projekter i alt');
    expect(await cell(page, fr, 'y2022').textContent()).toBe('6.950');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, fr, 'y2022').textContent()).toBe('10.650');
    id = await rowId(page, fut);
    expect(await cell(page, id, 'y2022').textContent()).toBe('3.700');
  });
});
