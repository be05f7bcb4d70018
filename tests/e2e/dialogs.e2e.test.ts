/**
 * Dialogs and the keyboard (issue 15): every dialog takes the keyboard when it opens, keeps Tab
 * inside, closes with Esc, and gives the keyboard back to the grid cell it came from, so the arrow
 * keys work at once — no click needed.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, cell, chromiumMissing, rowId, useApp } from './harness';
import { KIIT, LABREK, LPR3, fileMenu, fileMenuWithFile } from './grid-helpers';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx');

/** Where the keyboard is: inside which dialog (its test id or role), or which grid cell. */
const keyboard = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    const dialog = a?.closest('[role="dialog"], [role="alertdialog"]');
    if (dialog) return `dialog:${dialog.getAttribute('data-testid') ?? dialog.getAttribute('aria-labelledby')}`;
    const c = a?.closest('.ag-cell');
    if (c) return `cell:${c.closest('.ag-row')?.getAttribute('row-id')}:${c.getAttribute('col-id')}`;
    return a ? a.tagName.toLowerCase() : 'none';
  });

describe.skipIf(chromiumMissing)('dialogs and the keyboard in Chromium', () => {
  let page: Page;
  useApp((_h, p) => {
    page = p;
  });

  it('the export dialog takes the keyboard, keeps Tab inside, Esc closes it, and the arrow keys go on in the grid', async () => {
    const lpr = await rowId(page, LPR3);
    await cell(page, lpr, 'y2022').click();
    await fileMenu(page, 'Eksportér til Excel…');
    await expect.poll(() => keyboard(page)).toBe('dialog:export-dialog');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 3 ? 'Tab' : 'Shift+Tab');
      expect(await keyboard(page)).toBe('dialog:export-dialog');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('export-dialog').count()).toBe(0);
    await expect.poll(() => keyboard(page)).toBe(`cell:${lpr}:y2022`);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => keyboard(page)).toBe(`cell:${await rowId(page, 'Integration til national eCPR')}:y2022`);
  });

  it('after F1 and after the delete confirmation, the arrow keys move in the grid without a click', async () => {
    const kiit = await rowId(page, KIIT);
    await cell(page, kiit, 'name').click();
    await page.keyboard.press('F1');
    await expect.poll(() => keyboard(page)).toBe('dialog:pp-shortcuts-title');
    await page.keyboard.press('Escape');
    await expect.poll(() => keyboard(page)).toBe(`cell:${kiit}:name`);

    await page.keyboard.press('Control+Delete');
    await expect.poll(() => keyboard(page)).toBe('dialog:pp-dialog-title');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ag-cell[col-id="name"]', { hasText: 'KIIT' }).count()).toBe(0);
    await expect.poll(() => keyboard(page)).toMatch(/^cell:/);
    const labrek = await rowId(page, LABREK);
    const at = await keyboard(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => keyboard(page)).not.toBe(at);
    expect([at, await keyboard(page)]).toContain(`cell:${labrek}:name`);
  });

  it('the import preview takes the keyboard and keeps Tab inside; Esc cancels and the grid has the keyboard again', async () => {
    const lpr = await rowId(page, LPR3);
    await cell(page, lpr, 'y2023').click();
    await fileMenuWithFile(page, 'Importér fra Excel…', FIXTURE);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => keyboard(page)).toMatch(/^dialog:/);
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      expect(await keyboard(page)).toMatch(/^dialog:/);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => keyboard(page)).toBe(`cell:${lpr}:y2023`);
  });
});
