/**
 * The Status view in Debian's Chromium against the browser harness (docs/grid.md «The Status
 * view»): a month's lights set by keyboard are in the file after a reload, the month before shows
 * beside them, «Kun røde/gule» filters, «Ny statusmåned» starts from the month before as one undo
 * step, and a paste of words from Excel sets several lights at once.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { statusReport } from '../../db/index';
import { ARTIFACTS, chromiumMissing, useApp, type Harness } from './harness';
import { clipboard, KIIT, message, PPJ, setClipboard, undoLabel } from './grid-helpers';

describe.skipIf(chromiumMissing)('The Status view in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp(
    (harness, p) => {
      h = harness;
      page = p;
    },
    { clipboard: true },
  );

  const lineOf = (name: string) => statusReport(h.server.session, '2023-11').projects.find((p) => p.name === name)!;
  const stored = (name: string, month: string) =>
    statusReport(h.server.session, month).projects.find((p) => p.name === name)!;
  const light = (name: string, field: string) =>
    page.locator(`[data-testid="status-grid"] .ag-row[row-id="${lineOf(name).lineId}"] .ag-cell[col-id="${field}"]`);
  const monthShown = () => page.getByTestId('status-month').textContent();

  async function openStatus() {
    await page.getByRole('tab', { name: 'Status' }).click();
    await expect.poll(monthShown).toBe('nov. 2023');
    await light(KIIT, 'deliveries').waitFor();
  }

  it("shows the example's November 2023 with each light's word beside its colour", async () => {
    await openStatus();
    expect(await light(KIIT, 'deliveries').textContent()).toBe('rød');
    expect(await light(KIIT, 'resources').textContent()).toBe('–');
    expect(await light(KIIT, 'overall').textContent()).toBe('rød');
    expect(await light(KIIT, 'end').textContent()).toBe('mar. 2024');
    await page.screenshot({ path: join(ARTIFACTS, 'status-view.png') });
  });

  it('sets lights by keyboard (y, →, g); they are in the file after a reload, and Ctrl+Z takes one back', async () => {
    await openStatus();
    await light(PPJ, 'deliveries').click();
    await page.keyboard.press('y');
    await expect.poll(() => light(PPJ, 'deliveries').textContent()).toBe('gul');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('g');
    await expect.poll(() => light(PPJ, 'time').textContent()).toBe('grøn');
    expect(await light(PPJ, 'overall').textContent()).toBe('gul');
    expect(stored(PPJ, '2023-11').status).toMatchObject({ deliveries: 'gul', time: 'grøn' });

    await page.reload();
    await page.waitForSelector('.ag-row[row-index]');
    await openStatus();
    expect(await light(PPJ, 'deliveries').textContent()).toBe('gul');
    expect(await light(PPJ, 'time').textContent()).toBe('grøn');

    await light(PPJ, 'money').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => light(PPJ, 'time').textContent()).toBe('–');
    expect(await light(PPJ, 'deliveries').textContent()).toBe('gul');
  });

  it('shows the month before beside the current month', async () => {
    await openStatus();
    await page.getByRole('button', { name: 'Næste måned' }).click();
    await expect.poll(monthShown).toBe('dec. 2023');
    await expect.poll(() => light(KIIT, 'previous').textContent()).toBe('rød');
    expect(await light(KIIT, 'deliveries').textContent()).toBe('–');
    await light(KIIT, 'deliveries').click();
    await page.keyboard.press('g');
    await expect.poll(() => light(KIIT, 'deliveries').textContent()).toBe('grøn');
    expect(await light(KIIT, 'previous').textContent()).toBe('rød');
    expect(stored(KIIT, '2023-12').status.deliveries).toBe('grøn');
  });

  it('«Kun røde/gule» shows only the projects whose overall status is red or yellow', async () => {
    await openStatus();
    const shownIds = () =>
      page.evaluate(
        () =>
          new Set(
            [...document.querySelectorAll('[data-testid="status-grid"] .ag-row[row-id]')].map((r) =>
              r.getAttribute('row-id'),
            ),
          ).size,
      );
    expect(await shownIds()).toBeGreaterThan(3);
    await page.getByLabel('Kun røde/gule').check();
    await expect.poll(shownIds).toBe(1);
    await light(KIIT, 'overall').waitFor();
    expect(await page.getByTestId('status-count').textContent()).toMatch(/^1 af \d+ projekter$/);
  });

  it('«Ny statusmåned» starts December from November as one undo step', async () => {
    await openStatus();
    await page.getByRole('button', { name: 'Ny statusmåned' }).click();
    await expect.poll(monthShown).toBe('dec. 2023');
    await expect.poll(() => light(KIIT, 'deliveries').textContent()).toBe('rød');
    expect(await light(KIIT, 'previous').textContent()).toBe('rød');
    expect(await message(page)).toContain('dec. 2023 er startet fra nov. 2023');
    expect(undoLabel(h)).toBe('Ny statusmåned 2023-12');
    await light(KIIT, 'time').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => light(KIIT, 'deliveries').textContent()).toBe('–');
    expect(stored(KIIT, '2023-12').status.deliveries).toBe('-');
  });

  it('Ctrl+C copies the block from the clicked cell to the Shift+clicked one as Danish words, lights as words', async () => {
    await openStatus();
    await light(KIIT, 'number').click();
    await page.keyboard.down('Shift');
    await light(KIIT, 'overall').click();
    await page.keyboard.up('Shift');
    await page.keyboard.press('Control+c');
    const kiit = lineOf(KIIT);
    await expect
      .poll(() => clipboard(page))
      .toBe(`18-6\t${KIIT}\tGennemførelse\tmar. 2024\t${kiit.responsible}\trød\trød\trød\tikke vurderet\trød\r\n`);
    expect(await message(page)).toContain('10 celler kopieret. Sæt ind med Ctrl+V, også i Excel.');
  });

  it('Shift+arrows stretch a marked block from the active cell, and Ctrl+C copies what is marked', async () => {
    await openStatus();
    const marked = () =>
      page
        .locator('[data-testid="status-grid"] .ag-cell.pp-sel')
        .evaluateAll((els) => els.map((e) => e.getAttribute('col-id')));
    await light(KIIT, 'deliveries').click();
    expect(await marked()).toEqual([]);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(marked).toEqual(['deliveries', 'time', 'money', 'resources']);
    await page.keyboard.press('Control+c');
    await expect.poll(() => clipboard(page)).toBe('rød\trød\trød\tikke vurderet\r\n');
    expect(await message(page)).toContain('4 celler kopieret');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(marked).toEqual([]);
  });

  it('a paste of words from Excel sets several lights as one undo step', async () => {
    await openStatus();
    await light(PPJ, 'deliveries').click();
    await setClipboard(page, 'rød\t"gul"\r\n');
    await page.keyboard.press('Control+v');
    await expect
      .poll(async () => `${await light(PPJ, 'deliveries').textContent()} ${await message(page)}`)
      .toMatch(/^rød/);
    expect(await light(PPJ, 'time').textContent()).toBe('gul');
    expect(undoLabel(h)).toContain('PPJ');
    await setClipboard(page, 'lilla\r\n');
    await page.keyboard.press('Control+v');
    await expect.poll(() => message(page)).toContain('«lilla» er ikke en status');
    expect(stored(PPJ, '2023-11').status.deliveries).toBe('rød');
  });
});
