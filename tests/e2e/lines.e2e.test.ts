/**
 * Lines and sub-lines as an Excel user expects (issue 15): Ctrl+Enter on a sub-line makes a
 * sub-line of the same line, Alt+Shift+→ / ← indent and outdent, «Sortér puljen…» orders a pool;
 * every total stays, and Ctrl+Z undoes each as one step.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, chromiumMissing, grandTotal, rowId, useApp, waitForEditor, type Harness } from './harness';
import { message, rowIndex, undoLabel } from './grid-helpers';

const MUSE = 'MUSE EKG';
const RIAS = 'RIAS udbudsprojekt';
const parentOf = (h: Harness, name: string) => {
  const lines = h.server.session.snapshot().lines;
  const parentId = lines.find((l) => l.name === name)?.parentId;
  return parentId ? lines.find((l) => l.id === parentId)!.name : null;
};

describe.skipIf(chromiumMissing)('lines and sub-lines in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('Ctrl+Enter on a sub-line inserts a sub-line of the same line, counted in its total', async () => {
    const muse = await rowId(page, MUSE);
    await cell(page, await rowId(page, 'MUSE EKG fase 1'), 'name').click();
    await page.keyboard.press('Control+Enter');
    await waitForEditor(page);
    await page.keyboard.type('MUSE EKG fase 1b');
    await page.keyboard.press('Enter');
    const added = await rowId(page, 'MUSE EKG fase 1b');
    expect(parentOf(h, 'MUSE EKG fase 1b')).toBe(MUSE);
    expect(await rowIndex(page, 'MUSE EKG fase 1b')).toBe((await rowIndex(page, 'MUSE EKG fase 1')) + 1);
    await cell(page, added, 'y2022').click();
    await page.keyboard.type('300');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, muse, 'y2022').textContent()).toBe('3.000');
    await expect.poll(() => grandTotal(page, 'y2022').textContent()).toBe('28.350');
  });

  it('Alt+Shift+→ makes a line a sub-line of the line above and Alt+Shift+← a line again; no total changes', async () => {
    const muse = await rowId(page, MUSE);
    const rias = await rowId(page, RIAS);
    await cell(page, rias, 'y2022').click();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(() => cell(page, muse, 'y2022').textContent()).toBe('3.100');
    expect(parentOf(h, RIAS)).toBe(MUSE);
    expect(await grandTotal(page, 'y2022').textContent()).toBe('28.050');
    expect(undoLabel(h)).toBe(`Ryk «${RIAS}» ind under «${MUSE}»`);
    // The cursor stays on the moved line, so the keys can be pressed again.
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => cell(page, muse, 'y2022').textContent()).toBe('2.700');
    expect(parentOf(h, RIAS)).toBeNull();
    expect(await rowIndex(page, RIAS)).toBe((await rowIndex(page, 'MUSE EKG fase 2')) + 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, muse, 'y2022').textContent()).toBe('3.100');
    // A line that cannot be a sub-line says why, in Danish, and nothing changes.
    await cell(page, muse, 'name').click();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect
      .poll(() => message(page))
      .toBe('«MUSE EKG» har selv underlinjer og kan ikke rykkes ind. Ryk først dens underlinjer ud.');
  });

  it('«Sortér puljen…» in the context menu orders a pool by I alt, and Ctrl+Z puts it back', async () => {
    const before = await Promise.all(
      ['SIA ankomst - It understøttelse af akutafdelinger', RIAS].map((n) => rowIndex(page, n)),
    );
    await cell(page, await rowId(page, RIAS), 'name').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Sortér puljen…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select').selectOption({ label: 'I alt (størst først)' });
    await dialog.getByRole('button', { name: 'Sortér' }).click();
    await expect
      .poll(() => rowIndex(page, 'RIS/PACS (Regionalt RM)'))
      .toBe((await rowIndex(page, 'Vestdansk It Samarbejde')) + 1);
    expect(await message(page)).toBe('«Vestdansk It Samarbejde» er sorteret. Ctrl+Z fortryder.');
    expect(await rowIndex(page, RIAS)).toBeGreaterThan(
      await rowIndex(page, 'SIA ankomst - It understøttelse af akutafdelinger'),
    );
    await page.keyboard.press('Control+z');
    await expect
      .poll(() =>
        Promise.all(['SIA ankomst - It understøttelse af akutafdelinger', RIAS].map((n) => rowIndex(page, n))),
      )
      .toEqual(before);
  });
});
