/**
 * Excel-grade editing (issue 5) in Debian's Chromium against `npm run web`'s server, through
 * real key presses and mouse drags: ranges and the status bar, fill, clear, the context menu, row
 * drag, find/filter/years, comments, shortcuts. Copy and paste: clipboard.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, backendAmount, cell, chromiumMissing, rowId, useApp, waitForEditor, type Harness } from './harness';
import { LPR3, ECPR, KIIT, LABREK, PPJ, EPJ, center, drag, stats, clipboard, undoLabel } from './grid-helpers';

describe.skipIf(chromiumMissing)('Excel-grade editing in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp(
    (harness, p) => {
      h = harness;
      page = p;
    },
    { clipboard: true },
  );

  it('selects a range with a drag, Shift+click, Shift+arrows and Ctrl+A; the status bar sums it in Danish', async () => {
    const lpr = await rowId(page, LPR3);
    const ecpr = await rowId(page, ECPR);
    await drag(page, cell(page, lpr, 'y2022'), cell(page, ecpr, 'y2023'));
    await expect.poll(() => stats(page)).toBe('Sum: 6.400Gennemsnit: 1.600Antal: 4');
    for (const c of [cell(page, lpr, 'y2022'), cell(page, ecpr, 'y2023')])
      expect(await c.getAttribute('class')).toContain('pp-sel');
    expect(await cell(page, ecpr, 'total').getAttribute('class')).not.toContain('pp-sel ');
    await page.screenshot({ path: join(ARTIFACTS, 'editing-range.png') });

    // Shift+click extends from the anchor to I alt: 1.500 2.800 4.300 2.100 0 2.100.
    await cell(page, ecpr, 'total').click({ modifiers: ['Shift'] });
    await expect.poll(() => stats(page)).toBe('Sum: 12.800Gennemsnit: 2.133,333Antal: 6');
    // Shift+arrows from a click.
    await cell(page, lpr, 'y2022').click();
    await expect.poll(() => page.getByTestId('range-stats').count()).toBe(0);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => stats(page)).toBe('Sum: 6.400Gennemsnit: 1.600Antal: 4');
    // Ctrl+A: every amount of the table (lines, parents, totals and I alt).
    await page.keyboard.press('Control+a');
    await expect.poll(() => stats(page)).toContain('Sum: ');
    expect(await page.getByTestId('range-stats').textContent()).toMatch(/Antal: \d+/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('range-stats').count()).toBe(0);
  });

  it('Delete clears a range, Ctrl+D fills down, the fill handle continues 100, 200 as 300, 400; each one undo step', async () => {
    const [kiit, labrek, ppj, epj] = (await Promise.all([KIIT, LABREK, PPJ, EPJ].map((n) => rowId(page, n)))) as [
      string,
      string,
      string,
      string,
    ];
    await drag(page, cell(page, kiit, 'y2022'), cell(page, labrek, 'y2023'));
    await page.keyboard.press('Delete');
    // Emptied cells show 0, as stored zeros do (docs/grid.md, «Zeros»).
    await expect.poll(() => backendAmount(h, KIIT, 2022)).toBeNull();
    await expect.poll(() => cell(page, kiit, 'y2022').textContent()).toBe('0');
    expect(await cell(page, labrek, 'y2022').textContent()).toBe('0');
    expect(undoLabel(h)).toBe('Ret 4 beløb');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, kiit, 'y2022').textContent()).toBe('4.000');

    await drag(page, cell(page, kiit, 'y2022'), cell(page, ppj, 'y2023'));
    await page.keyboard.press('Control+d');
    await expect.poll(() => cell(page, ppj, 'y2023').textContent()).toBe('4.500');
    expect(await cell(page, labrek, 'y2022').textContent()).toBe('4.000');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, ppj, 'y2023').textContent()).toBe('0');

    // 100, 200 typed in KIIT and Labrek 2023, then the handle dragged down over PPJ and EPJ-PPJ.
    for (const [id, v] of [
      [kiit, '100'],
      [labrek, '200'],
    ] as const) {
      await cell(page, id, 'y2023').click();
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
      await expect.poll(() => cell(page, id, 'y2023').textContent()).toBe(v);
    }
    await drag(page, cell(page, kiit, 'y2023'), cell(page, labrek, 'y2023'));
    const corner = await cell(page, labrek, 'y2023').boundingBox();
    await page.mouse.move(corner!.x + corner!.width - 3, corner!.y + corner!.height - 3);
    await page.mouse.down();
    const target = await center(cell(page, epj, 'y2023'));
    await page.mouse.move(target.x, target.y, { steps: 5 });
    await page.screenshot({ path: join(ARTIFACTS, 'editing-fill-handle.png') });
    await page.mouse.up();
    await expect.poll(() => cell(page, epj, 'y2023').textContent()).toBe('400');
    expect(await cell(page, ppj, 'y2023').textContent()).toBe('300');
    expect(undoLabel(h)).toBe('Ret 2 beløb');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, epj, 'y2023').textContent()).toBe('2.000');
  });

  it('the context menu (right-click and the menu key) inserts, moves, copies and pastes', async () => {
    const lpr = await rowId(page, LPR3);
    const ecpr = await rowId(page, ECPR);
    const index = async (id: string) =>
      Number(await page.locator(`.ag-row[row-id="${id}"]`).first().getAttribute('row-index'));
    const menu = page.getByTestId('context-menu');
    await cell(page, lpr, 'name').click({ button: 'right' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Indsæt linje over',
      'Indsæt linje underCtrl+Enter',
      'Indsæt underlinje',
      'Slet linjeCtrl+Delete',
      'KopiérCtrl+C',
      'Sæt indCtrl+V',
      'Ryd beløbDelete',
      'Flyt opAlt+↑',
      'Flyt nedAlt+↓',
      'Flyt til pulje…',
      'Ryk ind (gør til underlinje)Alt+Shift+→',
      'Ryk ud (gør til linje)Alt+Shift+←',
      'Sortér puljen…',
      'Kommentar…',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'editing-context-menu.png') });
    await menu.getByRole('menuitem', { name: 'Indsæt linje over' }).click();
    await waitForEditor(page);
    await page.keyboard.press('Escape');
    const added = await rowId(page, 'Ny linje');
    expect(await index(added)).toBe((await index(lpr)) - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.pp-name-text', { hasText: 'Ny linje' }).count()).toBe(0);

    // The menu key on the focused cell; Flyt ned; Esc closes the menu.
    await cell(page, lpr, 'name').click();
    await page.keyboard.press('ContextMenu');
    await expect.poll(() => menu.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    await page.keyboard.press('Shift+F10');
    await menu.getByRole('menuitem', { name: 'Flyt ned' }).click();
    await expect.poll(async () => (await index(lpr)) > (await index(ecpr))).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await index(lpr)) < (await index(ecpr))).toBe(true);

    // Kopiér and Sæt ind from the menu.
    await drag(page, cell(page, lpr, 'y2022'), cell(page, lpr, 'y2023'));
    await cell(page, lpr, 'y2023').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Kopiér' }).click();
    await expect.poll(() => clipboard(page)).toBe('1500\t2800\r\n');
    const kiit = await rowId(page, KIIT);
    const kiit2023 = await cell(page, kiit, 'y2023').textContent();
    await cell(page, kiit, 'y2022').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Sæt ind' }).click();
    await expect.poll(() => cell(page, kiit, 'y2023').textContent()).toBe('2.800');
    expect(await cell(page, kiit, 'y2022').textContent()).toBe('1.500');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, kiit, 'y2023').textContent()).toBe(kiit2023);
  });

  it('a row is dragged to a new place by its handle; one undo puts it back', async () => {
    const lpr = await rowId(page, LPR3);
    const ecpr = await rowId(page, ECPR);
    const index = async (id: string) =>
      Number(await page.locator(`.ag-row[row-id="${id}"]`).first().getAttribute('row-index'));
    const handle = await center(page.locator(`.ag-row[row-id="${lpr}"] .ag-row-drag`));
    const target = await center(cell(page, ecpr, 'name'));
    await page.mouse.move(handle.x, handle.y);
    await page.mouse.down();
    await page.mouse.move(handle.x, handle.y + 10, { steps: 4 });
    await page.mouse.move(target.x, target.y + 8, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await index(lpr)) > (await index(ecpr))).toBe(true);
    expect(undoLabel(h)).toBe(`Flyt «${LPR3}»`);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await index(lpr)) < (await index(ecpr))).toBe(true);
  });

  it('a comment shows as a marker and a tooltip, and is in the audit log', async () => {
    const ecpr = await rowId(page, ECPR);
    await cell(page, ecpr, 'name').click({ button: 'right' });
    await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Kommentar…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Afventer tilbud fra leverandøren');
    await page.keyboard.press('Enter');
    const marker = page.locator(`.ag-row[row-id="${ecpr}"] [data-testid="comment-marker"]`);
    await expect.poll(() => marker.getAttribute('title')).toBe('Afventer tilbud fra leverandøren');
    await cell(page, ecpr, 'name').hover();
    await expect
      .poll(() => page.locator('.ag-tooltip').textContent())
      .toContain('Kommentar: Afventer tilbud fra leverandøren');
    expect(await page.getByTestId('line-comment').inputValue()).toBe('Afventer tilbud fra leverandøren');
    const audit = h.server.session.db
      .prepare("SELECT field, old_value, new_value FROM audit WHERE field = 'comment'")
      .all();
    expect(audit).toEqual([{ field: 'comment', old_value: '', new_value: 'Afventer tilbud fra leverandøren' }]);
    await page.screenshot({ path: join(ARTIFACTS, 'editing-comment.png') });
  });

  it('Ctrl+F finds in names and descriptions with next and previous; a pool can be shown alone; years can be hidden', async () => {
    await cell(page, await rowId(page, LPR3), 'y2022').click();
    await page.keyboard.press('Control+f');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('find-input');
    await page.keyboard.type('udbud');
    await page.keyboard.press('Enter');
    const count = page.getByTestId('find-count');
    await expect.poll(() => count.textContent()).toMatch(/^1 af [4-9]$/);
    const total = Number((await count.textContent())!.split(' af ')[1]);
    // «udbud» is in KIIT's description first (name: no), then Labrek's, then PPJ's name.
    const kiit = await rowId(page, KIIT);
    await expect.poll(() => cell(page, kiit, 'name').getAttribute('class')).toContain('ag-cell-focus');
    await page.screenshot({ path: join(ARTIFACTS, 'editing-find.png') });
    const findHasFocus = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'find-input');
    await expect.poll(findHasFocus).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`2 af ${total}`);
    await expect.poll(findHasFocus).toBe(true);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`1 af ${total}`);
    await expect.poll(findHasFocus).toBe(true);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`${total} af ${total}`);
    await page.getByTestId('find-input').fill('');

    await page.getByTestId('pool-filter').selectOption({ label: 'Vestdansk It Samarbejde' });
    await expect.poll(() => page.locator('.pp-name-text', { hasText: LPR3 }).count()).toBe(0);
    expect(await rowId(page, 'Vestdansk It Samarbejde i alt')).toBeTruthy();
    await page.getByTestId('pool-filter').selectOption({ label: 'Alle puljer' });
    await rowId(page, LPR3);

    await page.getByTestId('show-year-2022').uncheck();
    await expect.poll(() => page.locator('.ag-header-cell[col-id="y2022"]').count()).toBe(0);
    expect(await page.locator('.ag-header-cell[col-id="y2023"]').count()).toBe(1);
    await page.getByTestId('show-year-2022').check();
    await expect.poll(() => page.locator('.ag-header-cell[col-id="y2022"]').count()).toBe(1);
  });

  it('F1 lists every shortcut', async () => {
    await cell(page, await rowId(page, LPR3), 'name').click();
    await page.keyboard.press('F1');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Tastaturgenveje');
    const text = (await dialog.textContent())!;
    for (const key of [
      'Ctrl+C',
      'Ctrl+V',
      'Ctrl+D',
      'Ctrl+A',
      'Ctrl+F',
      'Shift+piletaster',
      'Delete / Backspace',
      'Ctrl+Z',
      'Ctrl+Enter',
      'Alt+↑ / Alt+↓',
      'F2',
    ])
      expect(text).toContain(key);
    await page.screenshot({ path: join(ARTIFACTS, 'editing-shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
