/**
 * The browser version's own Filer items in Chromium (issue 15, «Files in the browser version»):
 * Gem som…, Seneste filer, Ny… and Åbn… over the data folder, with a refused name shown in the
 * dialog and nothing replaced.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { cell, chromiumMissing, rowId, useApp, type Harness } from './harness';
import { LABREK, fileMenu, message } from './grid-helpers';

const dialog = (page: Page) => page.getByTestId('web-file-dialog');
const openFile = (h: Harness) => basename(h.server.session.path);
const footer = (page: Page) => page.locator('.pp-count').textContent();

describe.skipIf(chromiumMissing)('Filer in the browser version', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('Gem som… goes on in a copy; Seneste filer opens the original again, unchanged', async () => {
    await fileMenu(page, 'Gem som…');
    await expect.poll(() => dialog(page).getByLabel('Filnavn').inputValue()).toBe('Bilag 1 (kopi)');
    await dialog(page).getByLabel('Filnavn').press('Enter');
    await expect
      .poll(() => message(page))
      .toBe('Kopien «Bilag 1 (kopi).sqlite» er gemt og åben; du arbejder nu i den.');
    expect(openFile(h)).toBe('Bilag 1 (kopi).sqlite');
    await expect.poll(() => page.title()).toContain('Bilag 1 (kopi).sqlite');

    // An edit in the copy stays in the copy.
    await cell(page, await rowId(page, LABREK), 'y2022').click();
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => h.server.session.snapshot().lines.find((l) => l.name === LABREK)!.amounts[2022])
      .toBe(999_000);

    await fileMenu(page, '1 Bilag 1.sqlite');
    await expect.poll(() => message(page)).toBe('«Bilag 1.sqlite» er åben.');
    expect(openFile(h)).toBe('Bilag 1.sqlite');
    await expect.poll(async () => cell(page, await rowId(page, LABREK), 'y2022').textContent()).toBe('400');
  });

  it('Ny… refuses a name in use inside the dialog and replaces nothing; another name makes an empty portfolio', async () => {
    const before = statSync(h.file).mtimeMs;
    await fileMenu(page, 'Ny…');
    const name = dialog(page).getByLabel('Filnavn');
    await name.fill('Bilag 1');
    await name.press('Enter');
    await expect
      .poll(() => page.getByTestId('web-file-error').textContent())
      .toBe(
        '«Bilag 1.sqlite» findes allerede i mappen. Vælg et andet navn; Puljeplan overskriver aldrig en fil. Den åbne portefølje er stadig åben.',
      );
    expect(statSync(h.file).mtimeMs).toBe(before);
    expect(await name.inputValue()).toBe('Bilag 1');

    await name.fill('Plan 2027');
    await name.press('Enter');
    await expect.poll(() => message(page)).toBe('Den nye portefølje «Plan 2027.sqlite» er oprettet og åben.');
    expect(existsSync(join(h.dir, 'Plan 2027.sqlite'))).toBe(true);
    await expect.poll(() => footer(page)).toMatch(/^0 puljer · 0 linjer/);
    await expect.poll(() => page.getByTestId('portfolio-title').textContent()).toBe('Plan 2027');
  });

  it('Åbn… lists the folder with the open file marked; Esc closes it and nothing changes', async () => {
    await fileMenu(page, 'Gem som…');
    // The dialog opens once the folder is read: the name offered is there before Enter.
    await expect.poll(() => dialog(page).getByLabel('Filnavn').inputValue()).toBe('Bilag 1 (kopi)');
    await dialog(page).getByLabel('Filnavn').press('Enter');
    await expect.poll(() => openFile(h)).toBe('Bilag 1 (kopi).sqlite');
    await expect.poll(() => message(page)).toContain('er gemt og åben');

    await fileMenu(page, 'Åbn…');
    const rows = dialog(page).getByTestId('web-file-row');
    // Both were last written now (the original when it closed): their order is the clock's.
    await expect
      .poll(async () => (await rows.allTextContents()).sort())
      .toEqual([
        expect.stringMatching(/^Bilag 1 \(kopi\)\.sqlite \(åben\)\d/),
        expect.stringMatching(/^Bilag 1\.sqlite\d/),
      ]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(openFile(h)).toBe('Bilag 1 (kopi).sqlite');

    await fileMenu(page, 'Åbn…');
    await dialog(page).getByRole('button', { name: 'Åbn Bilag 1.sqlite' }).click();
    await expect.poll(() => message(page)).toBe('«Bilag 1.sqlite» er åben.');
    expect(openFile(h)).toBe('Bilag 1.sqlite');
  });
});
