/**
 * The print preview in the browser harness (docs/print.md): Ctrl+P or Filer ▾ → Udskriv… shows
 * Bilag 1 in the print view with the export's choices; «Udskriv…» is the page's own print; and
 * printed, the page is the sheet alone (Chromium's print of the page, read back with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumMissing, rowId, useApp } from './harness';
import { fileMenu } from './grid-helpers';

const squeezed = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean);

describe.skipIf(chromiumMissing)('print preview in Chromium', () => {
  let page: Page;
  useApp((_h, p) => {
    page = p;
  });

  it('Ctrl+P shows Bilag 1 with its totals; choosing pools and years changes the sheet', async () => {
    await rowId(page, 'LPR3 ID3 - Landspatientregister'); // the grid is there
    await page.keyboard.press('Control+p');
    const preview = page.getByTestId('print-preview');
    await preview.waitFor();
    const sheet = preview.getByTestId('print-view');
    const row = (name: string) => sheet.locator('tr', { hasText: name }).last();
    await expect.poll(() => row('Nationale projekter i alt').innerText()).toMatch(/3\.600\s+2\.800\s+6\.400/);
    await expect.poll(() => row('Total').innerText()).toMatch(/28\.050\s+11\.600\s+39\.650/);
    await page.screenshot({ path: join(ARTIFACTS, 'print-preview.png') });

    await preview.getByRole('checkbox', { name: 'Nationale projekter' }).uncheck();
    await preview.getByRole('checkbox', { name: '2022' }).uncheck();
    await expect.poll(() => row('Total').innerText()).toMatch(/^Total\s+8\.800\s+8\.800$/);
    expect(await sheet.innerText()).not.toContain('Nationale projekter');
  });

  it('«Diagrammer før tabellen» puts the Diagrammer charts of the chosen pools on the sheet, as images', async () => {
    await rowId(page, 'LPR3 ID3 - Landspatientregister'); // the grid is there
    await page.keyboard.press('Control+p');
    const preview = page.getByTestId('print-preview');
    await preview.waitFor();
    await preview.getByRole('checkbox', { name: 'Diagrammer før tabellen' }).check();
    const images = preview.getByTestId('print-charts').locator('img');
    await expect.poll(() => images.count()).toBe(3);
    expect(await images.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))).toEqual([
      'Beløb pr. pulje og år',
      'I alt pr. år',
      'De største projekter',
    ]);
    for (const src of await images.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src)))
      expect(src.startsWith('data:image/png;base64,')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'print-preview-charts.png') });
    await preview.getByRole('checkbox', { name: 'Diagrammer før tabellen' }).uncheck();
    await expect.poll(() => images.count()).toBe(0);
  });

  it('Udskriv… is the page’s own print, and printed the page is the sheet alone', async () => {
    await rowId(page, 'LPR3 ID3 - Landspatientregister'); // the grid is there
    await fileMenu(page, 'Udskriv…');
    const preview = page.getByTestId('print-preview');
    await preview.waitFor();
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', 'ja');
    });
    await preview.getByRole('button', { name: 'Udskriv…' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printed)).toBe('ja');

    const dir = mkdtempSync(join(tmpdir(), 'puljeplan-print-e2e-'));
    try {
      const pdf = join(dir, 'side.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const lines = squeezed(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
      expect(lines[0]).toBe('Bilag 1. Udmøntning af midler til nationale og tværregionale projekter');
      expect(lines).toContain('Total 28.050 11.600 39.650');
      // Nothing of the app around it: no toolbar, no choices of the preview.
      expect(lines.join('\n')).not.toContain('Importér fra Excel');
      expect(lines.join('\n')).not.toContain('Udskriv Bilag 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Status view’s «Udskriv…» shows the month’s report, and printed it is A4 landscape with the lights as words', async () => {
    await rowId(page, 'LPR3 ID3 - Landspatientregister'); // the grid is there
    await page.getByRole('tab', { name: 'Status' }).click();
    await page.getByTestId('status-grid').locator('.ag-row').first().waitFor();
    await page.getByRole('button', { name: 'Udskriv…' }).click();
    const preview = page.getByTestId('status-print-preview');
    await preview.waitFor();
    expect(await preview.getByRole('heading').first().textContent()).toBe('Udskriv status for nov. 2023');
    await expect.poll(() => preview.getByTestId('print-view').innerText()).toContain('Klinisk immunologisk');

    const dir = mkdtempSync(join(tmpdir(), 'puljeplan-status-print-e2e-'));
    try {
      const pdf = join(dir, 'status.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
      const text = squeezed(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).join('\n');
      expect(text).toMatch(/18-6 .*Klinisk immunologisk/);
      expect(text).toContain('rød');
      expect(text).not.toContain('Ny statusmåned');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
