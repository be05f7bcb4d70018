/**
 * The person's region in Chromium (issue 11): a first start asks «Hvilken region arbejder du
 * for?», the choice is kept in the settings, and Filer → Indstillinger… changes it; an edit made
 * afterwards is attributed to the region chosen.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settingsFile } from '../../db/index';
import { cell, chromiumMissing, rowId, useApp, type Harness } from './harness';
import { fileMenu } from './grid-helpers';

const LABREK = 'Labrek (Laboratorie)';

describe.skipIf(chromiumMissing)('the person’s region in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp(
    (harness, p) => {
      h = harness;
      page = p;
    },
    { region: null },
  );

  it('first start asks the region, the choice is kept, and Indstillinger changes it; edits are the chosen region’s', async () => {
    const dialog = page.getByTestId('region-dialog');
    await expect.poll(() => dialog.getByText('Hvilken region arbejder du for?').isVisible()).toBe(true);
    await dialog.getByLabel('Region Syddanmark').check();
    await dialog.getByRole('button', { name: 'Fortsæt' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // The dialog closes at once; the choice is written when the backend answers.
    await expect.poll(() => settingsFile(h.settingsDir).region()).toBe('RSD');

    await fileMenu(page, 'Indstillinger…');
    await expect.poll(() => dialog.getByLabel('Region Syddanmark').isChecked()).toBe(true);
    await dialog.getByLabel('Region Nordjylland').check();
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => settingsFile(h.settingsDir).region()).toBe('RN');

    await cell(page, await rowId(page, LABREK), 'y2022').click();
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await cell(page, await rowId(page, LABREK), 'name').click();
    await expect
      .poll(() => page.getByTestId('line-provenance').textContent())
      .toContain('senest ændret af Region Nordjylland');
  });
});
