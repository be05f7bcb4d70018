/**
 * The page's Danish words around numbers (issue 15, «Seeing the portfolio»): singular and plural,
 * the copy count of the cells actually selected.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, chromiumMissing, rowId, useApp, type Harness } from './harness';
import { LPR3, drag, message } from './grid-helpers';

describe.skipIf(chromiumMissing)('Danish words in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp(
    (harness, p) => {
      h = harness;
      page = p;
    },
    { clipboard: true },
  );

  it('counts the cells of an 8×2 selection when copying: «16 celler kopieret»', async () => {
    const from = await rowId(page, LPR3);
    const to = await rowId(page, 'Integration EPJ-PPJ');
    await drag(page, cell(page, from, 'y2022'), cell(page, to, 'y2023'));
    await page.keyboard.press('Control+c');
    const rows = await page.evaluate(
      ([a, b]) => {
        const index = (id: string) =>
          Number(document.querySelector(`.ag-row[row-id="${id}"]`)!.getAttribute('row-index'));
        return index(b!) - index(a!) + 1;
      },
      [from, to],
    );
    expect(rows).toBe(8);
    await expect.poll(() => message(page)).toBe('16 celler kopieret. Sæt ind med Ctrl+V, også i Excel.');
  });

  it('says «1 pulje · 1 linje» in the status bar, not «1 puljer · 1 linjer»', async () => {
    const footer = () => page.locator('.pp-count').textContent();
    await expect.poll(footer).toBe('3 puljer · 13 linjer · 2 år');
    const names = h.server.session.snapshot().pools.map((p) => p.name);
    for (const [i, name] of names.slice(1).entries()) {
      await cell(page, await rowId(page, name), 'name').click();
      await page.keyboard.press('Control+Delete');
      await page.getByRole('dialog').getByRole('button', { name: 'Slet pulje' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      // The pool is gone from the grid before the next click: a click on a row while the rows are
      // redrawn could land on the row that takes its place.
      await expect.poll(footer).toMatch(new RegExp(`^${names.length - 1 - i} pulje`));
    }
    await cell(page, await rowId(page, 'Integration til national eCPR'), 'name').click();
    await page.keyboard.press('Control+Delete');
    await page.getByRole('dialog').getByRole('button', { name: 'Slet' }).click();
    await expect.poll(footer).toBe('1 pulje · 1 linje · 2 år');
  });
});
