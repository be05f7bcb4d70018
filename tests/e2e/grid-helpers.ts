/**
 * What the e2e suites share (editing, clipboard, share, copies …): the example's line names, a
 * cell's centre, a mouse drag, reading the status bar and the clipboard, and the Filer menu.
 */
import type { Locator, Page } from 'playwright-core';
import { rowId, type Harness } from './harness';

export const LPR3 = 'LPR3 ID3 - Landspatientregister';
export const ECPR = 'Integration til national eCPR';
export const KIIT = 'Klinisk immunologisk IT (KIIT) (Blodbank)';
export const LABREK = 'Labrek (Laboratorie)';
export const PPJ = 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)';
export const EPJ = 'Integration EPJ-PPJ';

export async function center(l: Locator) {
  const box = await l.boundingBox();
  if (!box) throw new Error('the cell is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** A mouse drag from one cell to another. */
export async function drag(page: Page, from: Locator, to: Locator) {
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 3 });
  await page.mouse.move(b.x, b.y, { steps: 3 });
  await page.mouse.up();
}

/** The row index (row-index) of the row showing this name: where it is in the grid's order. */
export const rowIndex = async (page: Page, name: string) =>
  Number(
    await page
      .locator(`.ag-row[row-id="${await rowId(page, name)}"]`)
      .first()
      .getAttribute('row-index'),
  );
export const message = (page: Page) => page.getByTestId('message').textContent();
export const stats = (page: Page) => page.getByTestId('range-stats').textContent();
export const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
export const setClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
export const undoLabel = (h: Harness) => h.server.session.history().undoLabel;

/** A toolbar menu («Filer ▾», «Flyt ▾», «År ▾») → the item, as a user clicks it. */
export async function toolbarMenu(page: Page, menu: string, item: string) {
  await page.getByRole('toolbar').getByRole('button', { name: menu }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
}

/** Filer ▾ → the item, as a user clicks it. */
export const fileMenu = (page: Page, item: string) => toolbarMenu(page, 'Filer ▾', item);

/** Filer ▾ → the item, then the file in the file chooser it opens. */
export async function fileMenuWithFile(page: Page, item: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await fileMenu(page, item);
  await (await chooser).setFiles(path);
}
