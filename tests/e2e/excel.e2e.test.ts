/**
 * Excel annexes through the UI in Debian's Chromium: import the Bilag 1 fixture with its
 * preview, undo the whole import in one step, a workbook whose totals disagree, a dropped file,
 * and an export read back with exceljs.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, cell, chromiumMissing, grandTotal, ROOT, rowId, useApp, type Harness } from './harness';
import { fileMenu } from './grid-helpers';

/** The annex as a workbook (a copy of shared/fixtures/bilag1-2022-2023.xlsx kept with the tests). */
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx');
const LPR3 = 'LPR3 ID3 - Landspatientregister';

async function typeInto(page: Page, name: string, col: string, text: string) {
  await cell(page, await rowId(page, name), col).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** A small annex whose Nationale subtotal for 2022 says 3.700 where its lines give 3.600. */
async function wrongTotalWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bilag 1');
  ws.addRow(['Nationale projekter']);
  ws.addRow(['Beløb i 1.000 kr', 2022, 2023, 'I alt']);
  ws.addRow([LPR3, 1500, 2800, { formula: 'SUM(B3:C3)', result: 4300 }]);
  ws.addRow(['Integration til national eCPR', 2100, 0, { formula: 'SUM(B4:C4)', result: 2100 }]);
  ws.addRow([
    'Nationale projekter i alt',
    { formula: 'SUM(B3:B4)', result: 3700 },
    { formula: 'SUM(C3:C4)', result: 2800 },
    { formula: 'SUM(D3:D4)', result: 6400 },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(chromiumMissing)('Excel annexes in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('imports the Bilag 1 fixture after a preview; one Ctrl+Z undoes the whole import', async () => {
    await typeInto(page, LPR3, 'y2023', '3.000');
    await typeInto(page, 'Labrek (Laboratorie)', 'y2022', '999');
    const lpr = await rowId(page, LPR3);
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('3.000');

    const chooser = page.waitForEvent('filechooser');
    await fileMenu(page, 'Importér fra Excel…');
    await (await chooser).setFiles(FIXTURE);
    const preview = page.getByTestId('import-preview');
    // The workbook is read in a worker, which can take a few seconds on a busy machine (WAIT).
    await expect.poll(() => preview.isVisible()).toBe(true);
    const changed = await page.getByTestId('import-changed').textContent();
    expect(changed).toContain('Ændrede beløb (2)');
    expect(changed).toContain('3.000');
    expect(changed).toContain('2.800');
    expect(await preview.textContent()).toContain('Nationale projekter');
    expect(await page.getByTestId('import-mismatches').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png') });
    // Nothing is applied while the preview is open.
    expect(h.server.session.snapshot().lines.find((l) => l.name === LPR3)?.amounts[2023]).toBe(3_000_000);

    await preview.getByRole('button', { name: 'Importér' }).click();
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('2.800');
    expect(await grandTotal(page, 'y2022').textContent()).toBe('28.050');
    expect(await grandTotal(page, 'y2023').textContent()).toBe('11.600');
    expect(await page.getByTestId('message').textContent()).toContain('Ctrl+Z fortryder hele importen');

    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('3.000');
    expect(await cell(page, await rowId(page, 'Labrek (Laboratorie)'), 'y2022').textContent()).toBe('999');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell(page, lpr, 'y2023').textContent()).toBe('2.800');
  });

  it('lists totals that disagree with their lines and imports only when the user accepts', async () => {
    await typeInto(page, LPR3, 'y2022', '1.000');
    const lpr = await rowId(page, LPR3);
    await expect.poll(() => cell(page, lpr, 'y2022').textContent()).toBe('1.000');
    const chooser = page.waitForEvent('filechooser');
    await fileMenu(page, 'Importér fra Excel…');
    await (
      await chooser
    ).setFiles({
      name: 'forkert total.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await wrongTotalWorkbook(),
    });
    const mismatches = page.getByTestId('import-mismatches');
    await expect.poll(() => mismatches.textContent()).toContain('Bilag 1!B5');
    expect(await mismatches.textContent()).toContain('3.700');
    expect(await mismatches.textContent()).toContain('3.600');
    const apply = page.getByTestId('import-preview').getByRole('button', { name: 'Importér' });
    expect(await apply.isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-mismatches.png') });
    await mismatches.getByRole('checkbox').check();
    await apply.click();
    await expect.poll(() => cell(page, lpr, 'y2022').textContent()).toBe('1.500');
  });

  it('a dropped text file is refused in a Danish dialog and changes nothing', async () => {
    const before = JSON.stringify(h.server.session.snapshot().lines);
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(
        new File(['ikke en projektmappe'], 'bilag.xlsx', {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
      return dt;
    });
    await page.dispatchEvent('.pp-app', 'dragover', { dataTransfer });
    await page.dispatchEvent('.pp-app', 'drop', { dataTransfer });
    // It stops the command, so it is a dialog to close, not a status text.
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('er ikke en Excel-projektmappe');
    expect(await dialog.textContent()).toContain('Intet blev ændret');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(JSON.stringify(h.server.session.snapshot().lines)).toBe(before);
  });

  it('exports a ready Bilag 1 workbook that reads back with the grid’s figures', async () => {
    const download = page.waitForEvent('download');
    await fileMenu(page, 'Eksportér til Excel…');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByRole('button', { name: 'Eksportér' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await file.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const rows: { name: string; values: unknown[] }[] = [];
    ws.eachRow((row) =>
      rows.push({ name: String(row.getCell(1).value ?? ''), values: [2, 3, 4].map((c) => row.getCell(c).value) }),
    );
    const result = (v: unknown) =>
      typeof v === 'object' && v !== null && 'result' in v ? (v as { result: unknown }).result : v;
    const nat = rows.find((r) => r.name === 'Nationale projekter i alt')!;
    expect(nat.values.map(result)).toEqual([3600, 2800, 6400]);
    const total = rows.find((r) => /^total/i.test(r.name))!;
    expect(total.values.map(result)).toEqual([28050, 11600, 39650]);
    expect(rows.some((r) => r.name === '-MUSE EKG fase 1')).toBe(true);
  });
});
