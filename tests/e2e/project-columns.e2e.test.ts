/**
 * The project card's fields as columns of Bilag 1 in Chromium (issue 13; docs/grid.md «Project
 * columns»): chosen in «Kolonner ▾», kept for the portfolio, edited with the keyboard as a
 * spreadsheet cell (one undo step), refused in place when not a month, and outside the range's sum.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { statusReport } from '../../db/index';
import { ARTIFACTS, cell, chromiumMissing, rowId, useApp, waitForEditor, type Harness } from './harness';
import { KIIT, LABREK, drag, message, stats } from './grid-helpers';

/** «Kolonner ▾» → the column's choice, as a user clicks it. */
async function toggleColumn(page: Page, label: string) {
  await page.getByRole('toolbar').getByRole('button', { name: 'Kolonner ▾' }).click();
  await page.getByRole('menu').getByRole('menuitemcheckbox', { name: label }).click();
}

const headers = (page: Page) => page.locator('.ag-header-cell-text').allTextContents();
/** The project's end month as the file holds it. */
const endOf = (h: Harness, name: string) => statusReport(h.server.session).projects.find((p) => p.name === name)?.end;

describe.skipIf(chromiumMissing)('project columns in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('«Kolonner ▾» shows Fase and Slut from the project card; typed «dec 27» is saved, Ctrl+Z puts it back; kept after a reload', async () => {
    expect(await headers(page)).not.toContain('Fase');
    await toggleColumn(page, 'Fase');
    await toggleColumn(page, 'Slut (måned)');
    await expect.poll(() => headers(page)).toEqual(expect.arrayContaining(['Fase', 'Slut']));
    const kiit = await rowId(page, KIIT);
    await expect.poll(() => cell(page, kiit, 'p-phase').textContent()).toBe('Gennemførelse');
    await expect.poll(() => cell(page, kiit, 'p-end').textContent()).toBe('mar. 2024');
    // Sub-lines and pools have no card: nothing shown there.
    const pool = await rowId(page, 'Fællesregionale projekter');
    expect(await cell(page, pool, 'p-end').textContent()).toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'project-columns.png') });

    await cell(page, kiit, 'p-end').click();
    await page.keyboard.type('dec 27');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, kiit, 'p-end').textContent()).toBe('dec. 2027');
    expect(endOf(h, KIIT)).toBe('2027-12');

    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, kiit, 'p-end').textContent()).toBe('mar. 2024');
    expect(endOf(h, KIIT)).toBe('2024-03');

    // A phase is typed as its start, as a spreadsheet completes a word.
    const labrek = await rowId(page, LABREK);
    await cell(page, labrek, 'p-phase').click();
    await page.keyboard.type('gen');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, labrek, 'p-phase').textContent()).toBe('Gennemførelse');

    await page.reload();
    await expect.poll(() => headers(page)).toEqual(expect.arrayContaining(['Fase', 'Slut']));
    await expect.poll(async () => cell(page, await rowId(page, LABREK), 'p-phase').textContent()).toBe('Gennemførelse');
    await toggleColumn(page, 'Fase');
    await expect.poll(() => headers(page)).not.toContain('Fase');
  });

  it('what is not a month stays in its cell with the reason; the range over the columns sums only amounts', async () => {
    await toggleColumn(page, 'Slut (måned)');
    const kiit = await rowId(page, KIIT);
    await expect.poll(() => cell(page, kiit, 'p-end').textContent()).toBe('mar. 2024');
    await cell(page, kiit, 'p-end').click();
    await page.keyboard.press('F2');
    await waitForEditor(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('snart');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cell-error').textContent()).toContain('«snart» er ikke en måned');
    await page.keyboard.press('Escape');
    await expect.poll(() => cell(page, kiit, 'p-end').textContent()).toBe('mar. 2024');
    expect(endOf(h, KIIT)).toBe('2024-03');

    // KIIT from Slut to 2023: 4.000 and 4.500; the month is text, not counted.
    await drag(page, cell(page, kiit, 'p-end'), cell(page, kiit, 'y2023'));
    await expect.poll(() => stats(page)).toBe('Sum: 8.500Gennemsnit: 4.250Antal: 2');
    expect(await message(page)).not.toContain('fejl');
  });
});
