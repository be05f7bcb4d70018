/**
 * The status report out to Excel and back in (issue 13), in Chromium: the month's report written
 * as the CLI's `report --out` writes it, a light changed in the workbook as a user would in Excel,
 * then Filer ▾ → «Importér status fra Excel…» shows exactly that change and, imported, the Status
 * view shows it; one Ctrl+Z takes it back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { exportStatusReport, statusReport } from '../../db/index';
import { chromiumMissing, useApp, type Harness } from './harness';
import { PPJ, fileMenuWithFile, message } from './grid-helpers';

describe.skipIf(chromiumMissing)('status workbook out and back in, in Chromium', () => {
  let h: Harness;
  let page: Page;
  let dir: string | undefined;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('a light changed in the exported workbook is previewed, imported into the month, and undone with Ctrl+Z', async () => {
    dir = mkdtempSync(join(tmpdir(), 'puljeplan-status-e2e-'));
    const xlsx = join(dir, 'status nov 2023.xlsx');
    await exportStatusReport(statusReport(h.server.session, '2023-11'), xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Status')!;
    ws.eachRow((r) => {
      if (r.getCell(2).value === PPJ) r.getCell(5).value = 'Gul'; // Leverancer
    });
    await wb.xlsx.writeFile(xlsx);

    await fileMenuWithFile(page, 'Importér status fra Excel…', xlsx);
    const dialog = page.getByTestId('status-import-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('status-import-summary').textContent()).toContain('1 ændring i 1 projekt');
    const rows = await dialog.getByTestId('status-import-changes').locator('tbody tr').allInnerTexts();
    const cells = rows.map((r) => r.split('\t').map((c) => c.trim()));
    expect(cells.map((c) => c.slice(0, 5))).toEqual([['20-5', PPJ, 'Leverancer', '-', 'gul']]);
    expect(cells[0]![5]).toMatch(/^E\d+$/); // the workbook's cell, as Excel names it
    await dialog.getByRole('button', { name: 'Importér' }).click();
    await expect
      .poll(() => message(page))
      .toContain('Status for nov. 2023 importeret fra «status nov 2023.xlsx»: 1 ændring i 1 projekt.');
    const ppj = () => statusReport(h.server.session, '2023-11').projects.find((p) => p.name === PPJ)!.status.deliveries;
    expect(ppj()).toBe('gul');

    await page.getByRole('tab', { name: 'Status' }).click();
    const grid = page.getByTestId('status-grid');
    const id = await grid.locator('.ag-row', { hasText: PPJ }).first().getAttribute('row-id');
    const cell = grid.locator(`.ag-row[row-id="${id}"] .ag-cell[col-id="deliveries"]`);
    await expect.poll(() => cell.textContent()).toContain('gul');
    await page.keyboard.press('Control+z');
    await expect.poll(ppj).toBe('-');
  });
});
