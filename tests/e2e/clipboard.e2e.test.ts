/**
 * Copy and paste with Excel in Debian's Chromium against `npm run web`'s server, through real key
 * presses and the system clipboard: Danish numbers out, Danish blocks in, refusals that change
 * nothing, a value over a range, new lines for a tall block, and a 1,000 × 12 paste as one step.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { toTsv } from '../../shared/grid/tsv';
import { ARTIFACTS, backendAmount, cell, chromiumMissing, grandTotal, rowId, useApp, type Harness } from './harness';
import { LPR3, ECPR, KIIT, LABREK, drag, message, stats, clipboard, setClipboard, toolbarMenu } from './grid-helpers';

describe.skipIf(chromiumMissing)('Copy and paste with Excel in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp(
    (harness, p) => {
      h = harness;
      page = p;
    },
    { clipboard: true },
  );

  it('Ctrl+C copies the range as tab-separated numbers a Danish spreadsheet reads, names included', async () => {
    const lpr = await rowId(page, LPR3);
    const ecpr = await rowId(page, ECPR);
    await drag(page, cell(page, lpr, 'name'), cell(page, ecpr, 'total'));
    await page.keyboard.press('Control+c');
    await expect.poll(() => clipboard(page)).toBe(`${LPR3}\t1500\t2800\t4300\r\n${ECPR}\t2100\t0\t2100\r\n`);
    await expect.poll(() => message(page)).toContain('8 celler kopieret');
  });

  it('Ctrl+V pastes a Danish block from Excel (quoted cells, CRLF, trailing line break) as one undo step', async () => {
    const kiit = await rowId(page, KIIT);
    const labrek = await rowId(page, LABREK);
    const before = h.server.session.revision;
    await cell(page, kiit, 'y2022').click();
    await setClipboard(page, '1.234,5\t"-250"\r\n2.000\t\r\n');
    await page.keyboard.press('Control+v');
    await expect.poll(() => cell(page, kiit, 'y2022').textContent()).toBe('1.234,5');
    expect(await cell(page, kiit, 'y2023').textContent()).toBe('-250');
    expect(await cell(page, labrek, 'y2022').textContent()).toBe('2.000');
    // An empty cell pasted over Labrek's stored 0 is no change: both are 0 (docs/grid.md, «Zeros»).
    expect(await cell(page, labrek, 'y2023').textContent()).toBe('0');
    expect(await backendAmount(h, LABREK, 2023)).toBe(0);
    expect(await backendAmount(h, KIIT, 2022)).toBe(1_234_500);
    expect(h.server.session.revision).toBe(before + 1);
    // The pasted block is the range now.
    // The 0 shown counts, as in Excel's status bar.
    await expect.poll(() => stats(page)).toBe('Sum: 2.984,5Gennemsnit: 746,125Antal: 4');
    // Copied, its decimals have a comma and no thousands separator, as a Danish spreadsheet reads them.
    await page.keyboard.press('Control+c');
    await expect.poll(() => clipboard(page)).toBe('1234,5\t-250\r\n2000\t0\r\n');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, kiit, 'y2022').textContent()).toBe('4.000');
    expect(await cell(page, kiit, 'y2023').textContent()).toBe('4.500');
    expect(await cell(page, labrek, 'y2022').textContent()).toBe('400');
    expect(await cell(page, labrek, 'y2023').textContent()).toBe('0');
  });

  it('a paste with a value that does not parse names the cell and changes nothing', async () => {
    const kiit = await rowId(page, KIIT);
    const before = h.server.session.revision;
    const snapshot = JSON.stringify(h.server.session.snapshot().lines);
    await cell(page, kiit, 'y2022').click();
    await setClipboard(page, '1\t2\r\n3\tabc\r\n');
    await page.keyboard.press('Control+v');
    // A refusal stops the command: a dialog that names the cell, not status text.
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('Intet blev sat ind');
    expect(await dialog.textContent()).toContain(
      `«abc» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250 («${LABREK}», 2023).`,
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await cell(page, kiit, 'y2022').textContent()).toBe('4.000');
    expect(h.server.session.revision).toBe(before);
    expect(JSON.stringify(h.server.session.snapshot().lines)).toBe(snapshot);
    // A formula that cannot be computed is refused the same way.
    await setClipboard(page, '1\t=100/0\r\n');
    await page.keyboard.press('Control+v');
    await expect.poll(() => dialog.textContent()).toContain(`Formlen «=100/0» kan ikke regnes ud`);
    expect(await dialog.textContent()).toContain(`(«${KIIT}», 2023)`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(h.server.session.revision).toBe(before);
  });

  it('pasted formulas (=100+50, =1.500*2) are computed and stored as values, as typed ones are', async () => {
    const kiit = await rowId(page, KIIT);
    const labrek = await rowId(page, LABREK);
    await cell(page, kiit, 'y2022').click();
    await setClipboard(page, '=100+50\t=1.500*2\r\n=(2.700+300)/2\t\r\n');
    await page.keyboard.press('Control+v');
    await expect.poll(() => cell(page, kiit, 'y2022').textContent()).toBe('150');
    expect(await cell(page, kiit, 'y2023').textContent()).toBe('3.000');
    expect(await cell(page, labrek, 'y2022').textContent()).toBe('1.500');
    expect(await backendAmount(h, KIIT, 2023)).toBe(3_000_000);
    expect(await backendAmount(h, LABREK, 2022)).toBe(1_500_000);
    // One formula over a range fills it with its value.
    await drag(page, cell(page, kiit, 'y2022'), cell(page, labrek, 'y2022'));
    await setClipboard(page, '=10*10');
    await page.keyboard.press('Control+v');
    await expect.poll(() => cell(page, labrek, 'y2022').textContent()).toBe('100');
    expect(await cell(page, kiit, 'y2022').textContent()).toBe('100');
  });

  it('a paste with amounts that look like slips asks once («Er beløbene rigtige?») before anything is saved', async () => {
    const kiit = await rowId(page, KIIT);
    const labrek = await rowId(page, LABREK);
    const before = h.server.session.revision;
    await cell(page, kiit, 'y2022').click();
    // KIIT 2022 over 1 mia. kr.; Labrek 2023 100 times its 2022 (400); KIIT 2023 an ordinary change.
    await setClipboard(page, '12.345.678\t4.600\r\n400\t40.000\r\n');
    await page.keyboard.press('Control+v');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Er beløbene rigtige?');
    const text = await dialog.textContent();
    expect(text).toContain('2 af de 3 beløb ser ud som en fejltastning');
    expect(text).toContain(`«${KIIT}», 2022`);
    expect(text).toContain('12.345.678 (1.000 kr) er mere end 1 mia. kr.');
    expect(text).toContain(`«${LABREK}», 2023`);
    expect(text).toContain('40.000 er mindst 100 gange');
    // Nothing is saved while it asks, and nothing when the answer is no.
    expect(h.server.session.revision).toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => message(page)).toBe('Indsætningen er annulleret. Intet blev ændret.');
    expect(h.server.session.revision).toBe(before);
    expect(await cell(page, kiit, 'y2023').textContent()).toBe('4.500');
    // Asked again and saved: the whole paste as one step.
    await page.keyboard.press('Control+v');
    await expect.poll(() => dialog.textContent()).toContain('Er beløbene rigtige?');
    await dialog.getByRole('button', { name: 'Gem beløbene' }).click();
    await expect.poll(() => cell(page, kiit, 'y2022').textContent()).toBe('12.345.678');
    expect(await cell(page, kiit, 'y2023').textContent()).toBe('4.600');
    expect(await cell(page, labrek, 'y2023').textContent()).toBe('40.000');
    expect(h.server.session.revision).toBe(before + 1);
  });

  it('one value pasted over a range fills it; totals and parent rows are skipped with a notice', async () => {
    const kiit = await rowId(page, KIIT);
    const labrek = await rowId(page, LABREK);
    await drag(page, cell(page, kiit, 'y2022'), cell(page, labrek, 'total'));
    await setClipboard(page, '7\r\n');
    await page.keyboard.press('Control+v');
    await expect.poll(() => cell(page, labrek, 'y2023').textContent()).toBe('7');
    expect(await cell(page, kiit, 'y2022').textContent()).toBe('7');
    expect(await message(page)).toContain('2 celler i totaler');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, kiit, 'y2022').textContent()).toBe('4.000');

    // From the MUSE EKG parent: its row is skipped, fase 1 gets the second row.
    const muse = await rowId(page, 'MUSE EKG');
    const fase1 = await rowId(page, 'MUSE EKG fase 1');
    await cell(page, muse, 'y2022').click();
    await setClipboard(page, '9\r\n2.750\r\n');
    await page.keyboard.press('Control+v');
    await expect.poll(() => cell(page, fase1, 'y2022').textContent()).toBe('2.750');
    expect(await cell(page, muse, 'y2022').textContent()).toBe('2.750');
    expect(await message(page)).toContain(
      '1 celle i totaler, puljeoverskrifter og linjer med underlinjer blev sprunget over',
    );
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, fase1, 'y2022').textContent()).toBe('2.700');
  });

  it('a block taller than the pool offers to add lines; one undo removes them with their amounts', async () => {
    const ecpr = await rowId(page, ECPR);
    await cell(page, ecpr, 'name').click();
    await setClipboard(page, `${ECPR}\t2.100\t0\r\nSikker Digital Post\t300\t400\r\n\t50\t\r\n`);
    await page.keyboard.press('Control+v');
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.textContent())
      .toContain('Det indsatte har 2 rækker mere, end der er linjer tilbage i puljen «Nationale projekter»');
    await dialog.getByRole('button', { name: 'Tilføj 2 linjer' }).click();
    const sdp = await rowId(page, 'Sikker Digital Post');
    expect(await cell(page, sdp, 'y2023').textContent()).toBe('400');
    const ny = await rowId(page, 'Ny linje');
    expect(await cell(page, ny, 'y2022').textContent()).toBe('50');
    const nat = await rowId(page, 'Nationale projekter i alt');
    expect(await cell(page, nat, 'y2022').textContent()).toBe('3.950');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.pp-name-text', { hasText: 'Sikker Digital Post' }).count()).toBe(0);
    expect(await cell(page, nat, 'y2022').textContent()).toBe('3.600');
  });

  it('pastes 1,000 × 12 cells (adding the lines) as one change, and one Ctrl+Z takes it all back', async () => {
    for (let i = 0; i < 10; i++) {
      await toolbarMenu(page, 'År ▾', '+ Tilføj år');
      await expect.poll(() => page.locator('.ag-header-cell[col-id^="y"]').count()).toBe(3 + i);
    }
    const years = Array.from({ length: 12 }, (_, i) => 2022 + i);
    const rows = Array.from({ length: 1000 }, (_, r) => [
      r === 0 ? LPR3 : r === 1 ? ECPR : `Projekt ${r}`,
      ...years.map((_, c) => String((r + 1) * 10 + c)),
    ]);
    const lpr = await rowId(page, LPR3);
    await cell(page, lpr, 'name').click();
    const revision = h.server.session.revision;
    const grandBefore = await grandTotal(page, 'total').textContent();
    await setClipboard(page, toTsv(rows));
    const t0 = Date.now();
    await page.keyboard.press('Control+v');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Tilføj 998 linjer' }).click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toContain('Sat ind: 24 celler og 998 nye linjer');
    console.log(`1.000 × 12 paste with 998 new lines, confirm to repainted: ${Date.now() - t0} ms`);
    // The new lines the it-råd must now assess are told after what the paste said, not instead of it.
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toMatch(
        /^Sat ind: 24 celler og 998 nye linjer.* \d+ projekter skal nu risikovurderes af it-rådet \(over 10 mio\. kr\.\), bl\.a\. «[^»]+», «[^»]+», «[^»]+»\. «Skal risikovurderes» viser dem\.$/,
      );
    expect(h.server.session.revision).toBe(revision + 1);
    expect(h.server.session.snapshot().lines.length).toBe(13 + 998);
    expect(await backendAmount(h, 'Projekt 999', 2033)).toBe(10_011_000);
    expect(await grandTotal(page, 'total').textContent()).not.toBe(grandBefore);

    // The name column stays frozen while the grid scrolls right.
    await page.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = 5000));
    await expect.poll(() => page.locator('.ag-header-cell[col-id="y2033"]').isVisible()).toBe(true);
    const name = await cell(page, lpr, 'name').boundingBox();
    expect(name!.x).toBeLessThan(50);
    expect(await page.locator(`.ag-row[row-id="${lpr}"] .ag-cell-last-left-pinned[col-id="name"]`).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'editing-1000x12.png') });

    await page.keyboard.press('Control+z');
    await expect.poll(() => grandTotal(page, 'total').textContent()).toBe(grandBefore);
    expect(h.server.session.snapshot().lines.length).toBe(13);
    expect(await backendAmount(h, LPR3, 2022)).toBe(1_500_000);
  });
});
