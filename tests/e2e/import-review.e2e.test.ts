/**
 * The import preview's review in Debian's Chromium, with real keys (docs/files.md, «Import fra
 * Excel»): a line renamed in the app is offered as «samme linje?» and keeps its row when
 * confirmed (a new and a missing line when not); a new year in the workbook is shown as the year
 * with its total, not as changed amounts; «Fjern disse linjer» says what goes with the lines and
 * asks first; the closing message counts what was renamed, added and removed.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, cell, chromiumMissing, ROOT, rowId, useApp, type Harness } from './harness';
import { fileMenu } from './grid-helpers';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx');
const ECPR = 'Integration til national eCPR';
const KIIT = 'Klinisk immunologisk IT (KIIT) (Blodbank)';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Only the Nationale pool, with a new year 2024 (700 + 300). */
async function newYearWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bilag 1');
  ws.addRow(['Nationale projekter']);
  ws.addRow(['Beløb i 1.000 kr', 2022, 2023, 2024, 'I alt']);
  ws.addRow(['LPR3 ID3 - Landspatientregister', 1500, 2800, 700, { formula: 'SUM(B3:D3)', result: 5000 }]);
  ws.addRow([ECPR, 2100, 0, 300, { formula: 'SUM(B4:D4)', result: 2400 }]);
  ws.addRow([
    'Nationale projekter i alt',
    { formula: 'SUM(B3:B4)', result: 3600 },
    { formula: 'SUM(C3:C4)', result: 2800 },
    { formula: 'SUM(D3:D4)', result: 1000 },
    { formula: 'SUM(E3:E4)', result: 7400 },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function renameInGrid(page: Page, from: string, to: string): Promise<string> {
  const id = await rowId(page, from);
  await cell(page, id, 'name').click();
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect.poll(() => rowId(page, to)).toBe(id);
  return id;
}

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await fileMenu(page, 'Importér fra Excel…');
  await (await chooser).setFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect.poll(() => preview.isVisible()).toBe(true);
  return preview;
}

describe.skipIf(chromiumMissing)('the import review in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('offers a line renamed in the app as «samme linje?»; confirmed, the line keeps its row and takes the workbook’s name', async () => {
    const id = await renameInGrid(page, ECPR, 'National eCPR');
    const preview = await importFile(page, FIXTURE);
    const renamed = preview.getByTestId('import-renamed');
    expect(await renamed.textContent()).toContain('National eCPR');
    expect(await renamed.textContent()).toContain(ECPR);
    // Confirmed by default: neither a new line nor a missing one.
    expect(await preview.getByTestId('import-added').count()).toBe(0);
    expect(await preview.getByTestId('import-missing').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'import-renamed.png') });
    await preview.getByRole('button', { name: 'Importér' }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('1 omdøbt linje');
    expect(await rowId(page, ECPR)).toBe(id);
    expect(h.server.session.snapshot().lines.filter((l) => /eCPR/.test(l.name))).toHaveLength(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowId(page, 'National eCPR')).toBe(id);
  });

  it('rejected with Space, the pair is a new line and a kept one', async () => {
    await renameInGrid(page, ECPR, 'National eCPR');
    const preview = await importFile(page, FIXTURE);
    const same = preview.getByRole('checkbox', { name: `«National eCPR» og «${ECPR}» er samme linje` });
    await same.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => same.isChecked()).toBe(false);
    expect(await preview.getByTestId('import-added').textContent()).toContain(ECPR);
    expect(await preview.getByTestId('import-missing').textContent()).toContain('National eCPR');
    await preview.getByRole('button', { name: 'Importér' }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('1 ny linje');
    await rowId(page, ECPR);
    await rowId(page, 'National eCPR');
  });

  it('shows a new year as the year with its total, and asks before removing lines, naming what goes with them', async () => {
    const kiit = await rowId(page, KIIT);
    const preview = await importFile(page, { name: 'nyt år.xlsx', mimeType: XLSX, buffer: await newYearWorkbook() });
    expect(await preview.getByTestId('import-new-years').textContent()).toBe('Nyt år 2024 (i alt 1.000)');
    // The new year's cells are the year, not eleven «– → x» changes.
    expect(await preview.getByTestId('import-changed').count()).toBe(0);
    const missing = preview.getByTestId('import-missing');
    expect(await missing.textContent()).toContain('Linjer, som projektmappen ikke har (11)');
    expect(await missing.textContent()).toContain(
      `${KIIT} – mister beskrivelse, projektkort, 1 statusmåned, 1 risikoaktivitet`,
    );
    await missing.getByRole('checkbox', { name: 'Fjern disse linjer' }).focus();
    await page.keyboard.press('Space');
    await preview.getByRole('button', { name: 'Importér' }).click();

    const ask = page.getByRole('dialog').filter({ hasText: 'Fjern linjer' });
    await expect.poll(() => ask.textContent()).toContain(`Fællesregionale projekter: ${KIIT}`);
    expect(await ask.textContent()).toContain('projektkort, 1 statusmåned');
    await page.screenshot({ path: join(ARTIFACTS, 'import-remove-ask.png') });
    await ask.getByRole('button', { name: 'Fjern 11 linjer' }).click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toBe(
        'Importeret fra «nyt år.xlsx»: 0 nye linjer, 0 ændrede beløb, 1 nyt år, 11 fjernede linjer. Ctrl+Z fortryder hele importen.',
      );
    const ecpr = await rowId(page, ECPR);
    await expect.poll(() => cell(page, ecpr, 'y2024').textContent()).toBe('300');
    expect(h.server.session.snapshot().lines).toHaveLength(2);

    await page.keyboard.press('Control+z');
    await expect.poll(() => rowId(page, KIIT)).toBe(kiit);
  });
});
