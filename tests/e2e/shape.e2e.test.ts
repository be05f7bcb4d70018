/**
 * Shaping the portfolio from the UI: years, pools, sub-lines, moves, the side panel — each
 * undoable, each kept in the file.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, chromiumMissing, grandTotal, rowId, useApp, waitForEditor, type Harness } from './harness';
import { message, rowIndex, toolbarMenu } from './grid-helpers';

const headers = (page: Page) =>
  page
    .locator('.ag-header-cell')
    .allTextContents()
    .then((t) => t.map((s) => s.trim()).filter(Boolean));

describe.skipIf(chromiumMissing)('shaping the portfolio in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('adds the next year as a column and removes a year only when it has no amounts', async () => {
    await toolbarMenu(page, 'År ▾', '+ Tilføj år');
    await expect.poll(() => headers(page)).toEqual(['Beløb i 1.000 kr', '2022', '2023', '2024', 'I alt']);
    await toolbarMenu(page, 'År ▾', 'Fjern år…');
    const dialog = page.getByRole('dialog');
    await dialog.locator('select').selectOption('2023');
    await dialog.getByRole('button', { name: 'Fjern' }).click();
    await expect.poll(() => message(page)).toContain('År 2023 kan ikke fjernes, fordi det har beløb');
    expect(await headers(page)).toContain('2023');
    await toolbarMenu(page, 'År ▾', 'Fjern år…');
    await dialog.locator('select').selectOption('2024');
    await dialog.getByRole('button', { name: 'Fjern' }).click();
    await expect.poll(() => headers(page)).toEqual(['Beløb i 1.000 kr', '2022', '2023', 'I alt']);
    await page.getByRole('button', { name: '↶ Fortryd' }).click();
    await expect.poll(() => headers(page)).toContain('2024');
    await page.getByRole('button', { name: '↶ Fortryd' }).click();
    await expect.poll(() => headers(page)).toEqual(['Beløb i 1.000 kr', '2022', '2023', 'I alt']);
  });

  it('a first sub-line takes over its line’s amounts, so no total changes', async () => {
    const rias = await rowId(page, 'RIAS udbudsprojekt');
    await cell(page, rias, 'name').click();
    await page.getByRole('button', { name: '+ Ny underlinje' }).click();
    await waitForEditor(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('RIAS fase 1');
    await page.keyboard.press('Enter');
    const sub = await rowId(page, 'RIAS fase 1');
    expect(await cell(page, sub, 'y2022').textContent()).toBe('400');
    expect(await cell(page, rias, 'y2022').textContent()).toBe('400');
    expect(await rowIndex(page, 'RIAS fase 1')).toBe((await rowIndex(page, 'RIAS udbudsprojekt')) + 1);
    expect(await grandTotal(page, 'y2022').textContent()).toBe('28.050');
    expect(h.server.session.snapshot().lines.find((l) => l.id === rias)?.amounts).toEqual({});
  });

  it('moves a line up and down, and to another pool', async () => {
    const lprIndex = await rowIndex(page, 'LPR3 ID3 - Landspatientregister');
    const ecpr = await rowId(page, 'Integration til national eCPR');
    await cell(page, ecpr, 'name').click();
    await toolbarMenu(page, 'Flyt ▾', '↑ Flyt op');
    await expect.poll(() => rowIndex(page, 'Integration til national eCPR')).toBe(lprIndex);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => rowIndex(page, 'Integration til national eCPR')).toBe(lprIndex + 1);

    const labrek = await rowId(page, 'Labrek (Laboratorie)');
    await cell(page, labrek, 'name').click();
    await toolbarMenu(page, 'Flyt ▾', 'Flyt til pulje…');
    const dialog = page.getByRole('dialog');
    await dialog.locator('select').selectOption({ label: 'Nationale projekter' });
    await dialog.getByRole('button', { name: 'Flyt' }).click();
    const nat = await rowId(page, 'Nationale projekter i alt');
    const fr = await rowId(page, 'Fællesregionale projekter i alt');
    await expect.poll(() => cell(page, nat, 'y2022').textContent()).toBe('4.000');
    expect(await cell(page, fr, 'y2022').textContent()).toBe('10.250');
    expect(await grandTotal(page, 'y2022').textContent()).toBe('28.050');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, fr, 'y2022').textContent()).toBe('10.650');
  });

  it('adds, renames and deletes a pool (asking when it holds amounts), with undo', async () => {
    const nat = await rowId(page, 'Nationale projekter i alt');
    await cell(page, nat, 'name').click();
    await page.getByRole('button', { name: '+ Ny pulje' }).click();
    await waitForEditor(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Kommunale projekter');
    await page.keyboard.press('Enter');
    expect(await rowIndex(page, 'Kommunale projekter')).toBe((await rowIndex(page, 'Nationale projekter i alt')) + 1);
    expect(await rowId(page, 'Kommunale projekter i alt')).toBeTruthy();

    const heading = await rowId(page, 'Fællesregionale projekter');
    await cell(page, heading, 'name').click();
    await page.keyboard.press('F2');
    await waitForEditor(page);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('RSI-projekter');
    await page.keyboard.press('Enter');
    expect(await rowId(page, 'RSI-projekter i alt')).toBeTruthy();

    await cell(page, heading, 'name').click();
    await page.getByRole('button', { name: 'Slet', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent())
      .toContain('Puljen «RSI-projekter» har 5 linjer med beløb (i alt 17.150)');
    await dialog.getByRole('button', { name: 'Slet pulje' }).click();
    await expect.poll(() => grandTotal(page, 'total').textContent()).toBe('22.500');
    await page.keyboard.press('Control+z');
    await expect.poll(() => grandTotal(page, 'total').textContent()).toBe('39.650');
    expect(await rowId(page, 'Klinisk immunologisk IT (KIIT) (Blodbank)')).toBeTruthy();
  });

  it('edits the title, the region and a description in the side panel', async () => {
    const title = page.getByTestId('meta-title');
    await title.fill('Bilag 1 – budget 2022-2023');
    await title.press('Enter');
    await expect.poll(() => page.getByTestId('portfolio-title').textContent()).toBe('Bilag 1 – budget 2022-2023');
    await page.getByTestId('meta-region').selectOption('RN');
    await expect.poll(() => page.locator('.pp-subtitle').textContent()).toContain('Region Nordjylland');

    const lpr = await rowId(page, 'LPR3 ID3 - Landspatientregister');
    await cell(page, lpr, 'name').click();
    const description = page.getByTestId('line-description');
    expect(await description.inputValue()).toMatch(/^Landspatientregisteret indeholder data/);
    await description.fill('Integration til LPR3 ID3.');
    await cell(page, lpr, 'y2022').click();
    await expect
      .poll(() => h.server.session.snapshot().lines.find((l) => l.id === lpr)?.description)
      .toBe('Integration til LPR3 ID3.');
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => h.server.session.snapshot().lines.find((l) => l.id === lpr)?.description)
      .toMatch(/^Landspatientregisteret/);

    await page.reload();
    await page.waitForSelector('.ag-row[row-index]');
    expect(await page.getByTestId('portfolio-title').textContent()).toBe('Bilag 1 – budget 2022-2023');
    expect(h.server.session.snapshot().meta.region).toBe('RN');
  });
});
