/**
 * The project card and the it-råd flag (issue 13; docs/grid.md «Projects: the card and the it-råd
 * flag») in Chromium against `npm run web`'s server: the card edited by keyboard and still there
 * after a reload, a taken number refused in Danish; an amount typed in the grid that brings a
 * national project over 10 mio. kr. flags it (mark, status line, filter) until a risikovurdering
 * is recorded in the card.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, cell, chromiumMissing, rowId, useApp } from './harness';
import { ECPR, KIIT, LABREK, LPR3, message } from './grid-helpers';

const card = (page: Page) => page.getByTestId('project-card');

/** Types into a card field by keyboard and leaves it with Tab (which saves it). */
async function typeField(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function selectLine(page: Page, name: string) {
  await cell(page, await rowId(page, name), 'name').click();
  await card(page).waitFor();
}

describe.skipIf(chromiumMissing)('the project card in Chromium', () => {
  let page: Page;
  useApp((_h, p) => {
    page = p;
  });

  it('edits a project by keyboard, each field saved at once, and it is all there after a reload', async () => {
    await selectLine(page, LABREK);
    await typeField(page, 'project-number', '21-3');
    await expect.poll(() => page.getByTestId('project-number').inputValue()).toBe('21-3');
    await typeField(page, 'project-purpose', 'Fælles laboratoriesystem');
    await typeField(page, 'project-responsible', 'MedCom');
    await typeField(page, 'project-start', '04-2022');
    await typeField(page, 'project-end', 'dec 25');
    // Typed months are shown the Danish way once saved.
    await expect.poll(() => page.getByTestId('project-end').inputValue()).toBe('dec. 2025');
    await expect.poll(() => page.getByTestId('project-start').inputValue()).toBe('apr. 2022');
    await typeField(page, 'project-case-ref', '23/04567');
    await page.getByTestId('project-phase').selectOption('Gennemførelse');
    await page.getByTestId('project-risk-profile').selectOption('B');
    // A milestone by keyboard: half-year, text, Enter adds it.
    await typeField(page, 'milestone-half', '2024-1');
    await page.getByTestId('milestone-text').focus();
    await page.keyboard.type('Pilot i drift på RH');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('milestones').textContent()).toContain('1. halvår 2024');
    // A number already used by another project is refused in Danish and not saved.
    await typeField(page, 'project-number', '18-6');
    await expect.poll(() => message(page)).toBe(`Projektnummer 18-6 bruges allerede af «${KIIT}».`);

    await page.reload();
    await page.waitForSelector('.ag-row[row-index]');
    await selectLine(page, LABREK);
    await expect.poll(() => page.getByTestId('project-number').inputValue()).toBe('21-3');
    expect(await page.getByTestId('project-purpose').inputValue()).toBe('Fælles laboratoriesystem');
    expect(await page.getByTestId('project-responsible').inputValue()).toBe('MedCom');
    expect(await page.getByTestId('project-start').inputValue()).toBe('apr. 2022');
    expect(await page.getByTestId('project-end').inputValue()).toBe('dec. 2025');
    expect(await page.getByTestId('project-case-ref').inputValue()).toBe('23/04567');
    expect(await page.getByTestId('project-phase').inputValue()).toBe('Gennemførelse');
    expect(await page.getByTestId('project-risk-profile').inputValue()).toBe('B');
    expect(await page.getByTestId('milestone-text-2024-H1').inputValue()).toBe('Pilot i drift på RH');
    expect(await page.getByTestId('milestone-state-2024-H1').inputValue()).toBe('på sporet');
    await card(page).scrollIntoViewIfNeeded();
    await card(page).screenshot({ path: join(ARTIFACTS, 'project-card.png') });
  });

  it('an amount that brings a national project over 10 mio. kr. flags it until a risikovurdering is recorded', async () => {
    const lpr = await rowId(page, LPR3);
    const flag = page.locator(`.ag-row[row-id="${lpr}"] [data-testid="risk-flag"]`);
    expect(await flag.count()).toBe(0);
    // 1.500 + 2.800 = 4.300; 8.000 + 2.800 = 10.800 (1.000 kr).
    await cell(page, lpr, 'y2022').click();
    await page.keyboard.type('8000');
    await page.keyboard.press('Enter');
    await expect.poll(() => message(page)).toBe(`${LPR3} skal nu risikovurderes af it-rådet (over 10 mio. kr.).`);
    await expect.poll(() => flag.count()).toBe(1);
    expect(await flag.getAttribute('title')).toContain('Nationalt projekt med en regional andel over 10 mio. kr.');

    // The filter shows only the flagged project.
    await page.getByTestId('risk-filter').check();
    await expect.poll(() => page.locator('.pp-name-text', { hasText: ECPR }).count()).toBe(0);
    await expect.poll(() => page.locator('.pp-name-text', { hasText: LPR3 }).count()).toBe(1);

    await selectLine(page, LPR3);
    // The card reads the project again after each change (its revision): wait for the read after the edit.
    await expect
      .poll(() => page.getByTestId('project-risk-review').textContent())
      .toContain('skal risikovurderes af It-rådet');
    await page.getByTestId('risk-month').focus();
    await page.keyboard.type('mar 24');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Første risikovurdering');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('risk-activities').textContent()).toContain('Risikovurdering mar. 2024');
    await expect.poll(() => flag.count()).toBe(0);
    await expect.poll(() => page.getByTestId('project-risk-review').textContent()).toContain('risikovurderet 2024-03');
    expect(await page.getByTestId('risk-filter').locator('..').textContent()).toContain('Skal risikovurderes (0)');
    await card(page).screenshot({ path: join(ARTIFACTS, 'project-card-risk.png') });
  });
});
