/**
 * Entering and correcting as a user coming from Excel does it, with real keys in Chromium:
 * formulas on entry, an invalid entry that stays in its cell, status messages that clear, one
 * rule for zeros, and the plausibility question (docs/grid.md).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
import { KIIT, LABREK, LPR3, drag, message, stats, toolbarMenu, fileMenu } from './grid-helpers';

const cellError = (page: Page) => page.getByTestId('cell-error');
const editorOpen = (page: Page) => page.locator('.ag-cell-inline-editing').count();
const focused = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector('.ag-cell-focus');
    return c ? `${c.closest('.ag-row')?.getAttribute('row-id')}/${c.getAttribute('col-id')}` : null;
  });

describe.skipIf(chromiumMissing)('entering and correcting in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  async function enter(id: string, col: string, text: string, key = 'Enter') {
    await cell(page, id, col).click();
    await page.keyboard.type(text);
    await page.keyboard.press(key);
  }

  it('computes =100+50, =1.500*2 and =(2.700+300)/2 when entered and stores the value; =1000/3 is rounded and says so', async () => {
    const labrek = await rowId(page, LABREK);
    const c = cell(page, labrek, 'y2023');
    await enter(labrek, 'y2023', '=100+50');
    await expect.poll(() => c.textContent()).toBe('150');
    expect(await backendAmount(h, LABREK, 2023)).toBe(150_000);
    await enter(labrek, 'y2023', '=1.500*2');
    await expect.poll(() => c.textContent()).toBe('3.000');
    expect(await cell(page, labrek, 'total').textContent()).toBe('3.400');
    await enter(labrek, 'y2023', '=(2.700+300)/2');
    await expect.poll(() => c.textContent()).toBe('1.500');
    expect(await backendAmount(h, LABREK, 2023)).toBe(1_500_000);
    // F2 shows the value, not the formula: the value is what is stored.
    await c.click();
    await page.keyboard.press('F2');
    await waitForEditor(page);
    expect(await page.locator('.ag-cell-inline-editing input').inputValue()).toBe('1.500');
    await page.keyboard.press('Escape');
    await enter(labrek, 'y2023', '=1000/3');
    await expect.poll(() => c.textContent()).toBe('333,333');
    await expect.poll(() => message(page)).toBe('=1000/3 er afrundet til hele kroner: 333,333.');
  });

  it('keeps abc and =100/0 in the cell with a Danish message beside it; Esc brings back the old value', async () => {
    const lpr = await rowId(page, LPR3);
    const c = cell(page, lpr, 'y2022');
    await enter(lpr, 'y2022', 'abc');
    await expect.poll(() => cellError(page).textContent()).toContain('Den værdi, du har angivet, er ikke gyldig.');
    expect(await cellError(page).textContent()).toContain('«abc» er ikke et beløb');
    await page.screenshot({ path: join(ARTIFACTS, 'entry-invalid.png') });
    // The editor is still open on the same cell, with what was typed, and still has the keyboard.
    await waitForEditor(page);
    expect(await page.locator('.ag-cell-inline-editing').getAttribute('col-id')).toBe('y2022');
    expect(await page.locator('.ag-cell-inline-editing input').inputValue()).toBe('abc');
    // Tab does not leave either.
    await page.keyboard.press('Tab');
    await waitForEditor(page);
    expect(await page.locator('.ag-cell-inline-editing input').inputValue()).toBe('abc');
    await page.keyboard.press('Escape');
    await expect.poll(() => editorOpen(page)).toBe(0);
    await expect.poll(() => cellError(page).count()).toBe(0);
    expect(await c.textContent()).toBe('1.500');
    expect(await focused(page)).toBe(`${lpr}/y2022`);
    expect(await backendAmount(h, LPR3, 2022)).toBe(1_500_000);

    // A formula that cannot be computed is refused the same way, and can be corrected in place.
    await enter(lpr, 'y2022', '=100/0');
    await expect.poll(() => cellError(page).textContent()).toContain('dividerer med nul');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => c.textContent()).toBe('25');
    await expect.poll(() => cellError(page).count()).toBe(0);
    expect(await backendAmount(h, LPR3, 2022)).toBe(25_000);
  });

  it('a click on another cell does not throw an invalid entry away', async () => {
    const lpr = await rowId(page, LPR3);
    await cell(page, lpr, 'y2022').click();
    await page.keyboard.type('1,2,3');
    await cell(page, lpr, 'y2023').click();
    await expect.poll(() => cellError(page).textContent()).toContain('«1,2,3» er ikke et beløb');
    expect(await page.locator('.ag-cell-inline-editing').getAttribute('col-id')).toBe('y2022');
    expect(await backendAmount(h, LPR3, 2022)).toBe(1_500_000);
  });

  it('an empty name stays in its editor with a message', async () => {
    const lpr = await rowId(page, LPR3);
    await cell(page, lpr, 'name').click();
    await page.keyboard.press('F2');
    await waitForEditor(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellError(page).textContent()).toContain('Navnet må ikke være tomt.');
    await page.keyboard.press('Escape');
    await expect.poll(() => cellError(page).count()).toBe(0);
    expect(await rowId(page, LPR3)).toBe(lpr);
  });

  it('asks «Er beløbet rigtigt?» before saving 12.345.678 or 100 times the line’s other years; Enter saves, Esc does not', async () => {
    const lpr = await rowId(page, LPR3);
    const c = cell(page, lpr, 'y2023');
    const dialog = page.getByRole('dialog');
    await enter(lpr, 'y2023', '12.345.678');
    await expect.poll(() => dialog.textContent()).toContain('Er beløbet rigtigt?');
    expect(await dialog.textContent()).toContain('12.345.678 (1.000 kr) er mere end 1 mia. kr.');
    expect(await backendAmount(h, LPR3, 2023)).toBe(2_800_000);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await c.textContent()).toBe('2.800');
    expect(await backendAmount(h, LPR3, 2023)).toBe(2_800_000);
    // Focus is back on the cell: the keyboard works at once.
    await expect.poll(() => focused(page)).toBe(`${lpr}/y2023`);

    // LPR3 has 1.500 in 2022: 150.000 is 100 times that.
    await page.keyboard.type('150.000');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.textContent()).toContain('mindst 100 gange');
    await page.keyboard.press('Enter');
    await expect.poll(() => c.textContent()).toBe('150.000');
    expect(await backendAmount(h, LPR3, 2023)).toBe(150_000_000);
    await expect.poll(() => focused(page)).toBe(`${lpr}/y2023`);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).not.toBe(`${lpr}/y2023`);

    // 99 times is saved without a question.
    await enter(lpr, 'y2023', '148.500');
    await expect.poll(() => c.textContent()).toBe('148.500');
    expect(await dialog.count()).toBe(0);
  });

  it('a fill (Ctrl+D) that would write a slip asks «Er beløbene rigtige?» once; Esc fills nothing, Enter all', async () => {
    const kiit = await rowId(page, KIIT);
    const labrek = await rowId(page, LABREK);
    const dialog = page.getByRole('dialog');
    // 50.000 on KIIT (12 times its 2022) is saved without a question …
    await enter(kiit, 'y2023', '50.000');
    await expect.poll(() => cell(page, kiit, 'y2023').textContent()).toBe('50.000');
    // … but filled down onto Labrek, it is 125 times Labrek's 400.
    await drag(page, cell(page, kiit, 'y2022'), cell(page, labrek, 'y2023'));
    await page.keyboard.press('Control+d');
    await expect.poll(() => dialog.textContent()).toContain('Er beløbene rigtige?');
    expect(await dialog.textContent()).toContain('1 af de 2 beløb ser ud som en fejltastning');
    expect(await dialog.textContent()).toContain(`«${LABREK}», 2023`);
    const before = h.server.session.revision;
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(h.server.session.revision).toBe(before);
    expect(await cell(page, labrek, 'y2022').textContent()).toBe('400');
    expect(await cell(page, labrek, 'y2023').textContent()).toBe('0');
    // The keyboard is back in the grid with the range still marked: Ctrl+D again asks again.
    expect(await stats(page)).toContain('Antal: 4');
    await page.keyboard.press('Control+d');
    await expect.poll(() => dialog.textContent()).toContain('Er beløbene rigtige?');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, labrek, 'y2023').textContent()).toBe('50.000');
    expect(await cell(page, labrek, 'y2022').textContent()).toBe('4.000');
    expect(h.server.session.revision).toBe(before + 1);
  });

  it('a status message clears on the next action: an old error, and «Fortrudt: …»', async () => {
    const labrek = await rowId(page, LABREK);
    // An error on the status line: a sub-line asked for on a pool heading …
    await cell(page, await rowId(page, 'Nationale projekter'), 'name').click();
    await page.getByRole('button', { name: '+ Ny underlinje' }).click();
    await expect.poll(() => message(page)).toBe('Vælg den linje, der skal have en underlinje.');
    // … is gone once the next edit succeeds.
    await enter(labrek, 'y2023', '700');
    await expect.poll(() => cell(page, labrek, 'y2023').textContent()).toBe('700');
    await expect.poll(() => message(page)).not.toContain('underlinje');
    await page.keyboard.press('Control+z');
    await expect.poll(() => message(page)).toMatch(/^Fortrudt: /);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => message(page)).not.toMatch(/^Fortrudt: /);
  });

  it('a file that is not a workbook is refused in a dialog, not on the status line', async () => {
    const chooser = page.waitForEvent('filechooser');
    await fileMenu(page, 'Importér fra Excel…');
    await (await chooser).setFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('hej') });
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('«noter.txt» er ikke en Excel-projektmappe (.xlsx)');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await message(page)).not.toContain('noter.txt');
  });

  it('one rule for zeros: a cleared cell and a new year show 0 like a stored zero, and the totals add up', async () => {
    const kiit = await rowId(page, KIIT);
    const labrek = await rowId(page, LABREK);
    const c = cell(page, kiit, 'y2023');
    // Labrek's 2023 is a stored 0.
    expect(await cell(page, labrek, 'y2023').textContent()).toBe('0');
    await c.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => c.textContent()).toBe('0');
    expect(await backendAmount(h, KIIT, 2023)).toBeNull();
    expect(await cell(page, kiit, 'total').textContent()).toBe('4.000');
    expect(await grandTotal(page, 'y2023').textContent()).toBe('7.100');
    await page.keyboard.press('Control+z');
    await expect.poll(() => c.textContent()).toBe('4.500');

    await toolbarMenu(page, 'År ▾', '+ Tilføj år');
    await expect.poll(() => cell(page, labrek, 'y2024').count()).toBe(1);
    expect(await cell(page, labrek, 'y2024').textContent()).toBe('0');
    expect(await cell(page, await rowId(page, 'Fællesregionale projekter i alt'), 'y2024').textContent()).toBe('0');
    expect(await grandTotal(page, 'y2024').textContent()).toBe('0');
    // A pool's heading row holds no amounts and shows none.
    expect(await cell(page, await rowId(page, 'Fællesregionale projekter'), 'y2024').textContent()).toBe('');
  });
});
