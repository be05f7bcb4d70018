/**
 * «Gem som PDF…» in the app (electron/print-pdf.ts): only our own page may ask; the PDF that
 * printToPDF makes goes where the user picks, with `.pdf` added, and a portfolio is refused with
 * the dialog asked again, as for an Excel export.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPortfolio } from '../../db/core/create';
import { savePdf } from '../../electron/print-pdf';
import type { SavePrompt } from '../../electron/security';

vi.mock('electron', () => import('./fake-electron'));

const ownPage = 'app://puljeplan/index.html';
const request = {
  landscape: false,
  footer: { region: 'RM', fileName: 'Bilag 1.sqlite', printed: '4. dec. 2026' },
  fileName: 'Bilag 1 Bilag 1.pdf',
};

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'puljeplan-print-pdf-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sender(url = ownPage) {
  const printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 prøve'));
  return { event: { senderFrame: { url, parent: null }, sender: { printToPDF } }, printToPDF };
}

function prompt(...answers: (string | undefined)[]): SavePrompt & { refused: string[] } {
  const refused: string[] = [];
  return { choose: () => answers.shift(), refuse: (m) => void refused.push(m), refused };
}

describe('Gem som PDF in the app', () => {
  it('prints A4 with the footer and saves where the user picks, adding .pdf', async () => {
    const { event, printToPDF } = sender();
    const result = await savePdf(event, request, ownPage, prompt(join(dir, 'bilag')));
    expect(result).toEqual({ ok: true, saved: 'bilag.pdf' });
    expect(readFileSync(join(dir, 'bilag.pdf'), 'utf8')).toBe('%PDF-1.7 prøve');
    const options = printToPDF.mock.calls[0]![0] as Record<string, unknown>;
    expect(options).toMatchObject({ pageSize: 'A4', landscape: false, displayHeaderFooter: true });
    expect(options.footerTemplate).toContain('Region RM · Bilag 1.sqlite');
    expect(options.footerTemplate).toContain(
      'Side <span class="pageNumber"></span> af <span class="totalPages"></span>',
    );
  });

  it('refuses a portfolio as the target and asks again', async () => {
    const portfolio = join(dir, 'rapport.pdf');
    createPortfolio(join(dir, 'p.sqlite'), { title: 'P' });
    writeFileSync(portfolio, readFileSync(join(dir, 'p.sqlite')));
    const ask = prompt(portfolio, join(dir, 'ok.pdf'));
    const { event } = sender();
    expect(await savePdf(event, request, ownPage, ask)).toEqual({ ok: true, saved: 'ok.pdf' });
    expect(ask.refused).toHaveLength(1);
    expect(readFileSync(portfolio).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('does nothing when cancelled, and refuses a page that is not ours or a malformed request', async () => {
    const { event, printToPDF } = sender();
    expect(await savePdf(event, request, ownPage, prompt(undefined))).toEqual({ ok: true, saved: null });
    const stranger = sender('https://example.com/');
    const refused = await savePdf(stranger.event, request, ownPage, prompt(join(dir, 'x.pdf')));
    expect(refused).toEqual({ ok: false, message: 'Afvist: forespørgslen kom ikke fra Puljeplans eget vindue.' });
    const bad = await savePdf(event, { ...request, landscape: 'ja' }, ownPage, prompt(join(dir, 'x.pdf')));
    expect(bad.ok).toBe(false);
    expect(printToPDF).not.toHaveBeenCalled();
  });
});
