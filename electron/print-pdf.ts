/**
 * «Gem som PDF…» in the app (docs/print.md): the page shows its print view and asks main to print
 * itself with webContents.printToPDF, with the same page size, margins and footer as the CLI's
 * Chromium. Only our own page may ask (as every IPC, electron/ipc.ts); the file goes where the user
 * picks in the native save dialog, through the atomic writer, and never over a portfolio.
 */
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { PRINT_PDF_IPC } from '../shared/contract/channels';
import {
  footerTemplate,
  HEADER_TEMPLATE,
  PAGE_MARGINS,
  type PdfSaveRequest,
  type PdfSaveResult,
} from '../shared/print/document';
import { isSqliteFile, TargetIsPortfolioError, writeFileAtomicAsync } from '../db/index';
import { isTrustedSender, REFUSED, type InvokeEvent } from './ipc';
import { nativeSavePrompt, type SavePrompt } from './security';

const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** The request as the page may send it, or null. */
export function parsePdfRequest(value: unknown): PdfSaveRequest | null {
  const r = value as Partial<PdfSaveRequest> | null;
  const f = r?.footer;
  if (!r || typeof r.landscape !== 'boolean' || !text(r.fileName, 255) || !f) return null;
  if (!text(f.region, 20) || !text(f.fileName, 255) || !text(f.printed, 40)) return null;
  return { landscape: r.landscape, fileName: r.fileName, footer: { ...f } };
}

/** `.pdf` added when missing (Linux's save dialog does not add the filter's extension). */
const withPdf = (path: string) => (extname(path).toLowerCase() === '.pdf' ? path : `${path}.pdf`);

/** The user's choice of file; a portfolio is refused and the dialog asked again, as for an export. */
export function choosePdfPath(fileName: string, prompt: SavePrompt = nativeSavePrompt): string | undefined {
  const options = {
    title: 'Gem som PDF',
    defaultPath: withPdf(fileName),
    filters: [{ name: 'PDF-dokument', extensions: ['pdf'] }],
  };
  for (;;) {
    const path = prompt.choose(options);
    if (path === undefined || path === '') return undefined;
    if (!isSqliteFile(withPdf(path))) return withPdf(path);
    prompt.refuse(new TargetIsPortfolioError(path).message);
  }
}

type Sender = { printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer> };

export async function savePdf(
  event: InvokeEvent & { sender: Sender },
  args: unknown,
  appUrl: string,
  prompt: SavePrompt = nativeSavePrompt,
): Promise<PdfSaveResult> {
  if (!isTrustedSender(event, appUrl)) return { ok: false, message: REFUSED.ok ? '' : REFUSED.error.message };
  const request = parsePdfRequest(args);
  if (!request) return { ok: false, message: 'Udskriften kunne ikke laves: ugyldig forespørgsel.' };
  const path = choosePdfPath(request.fileName, prompt);
  if (!path) return { ok: true, saved: null };
  const inches = (mm: string) => parseFloat(mm) / 25.4;
  const pdf = await event.sender.printToPDF({
    pageSize: 'A4',
    landscape: request.landscape,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: HEADER_TEMPLATE,
    footerTemplate: footerTemplate(request.footer),
    preferCSSPageSize: true,
    margins: {
      top: inches(PAGE_MARGINS.top),
      bottom: inches(PAGE_MARGINS.bottom),
      left: inches(PAGE_MARGINS.left),
      right: inches(PAGE_MARGINS.right),
    },
  });
  try {
    // The save dialog asked «Erstat?» already, so an existing PDF may be replaced; a portfolio never.
    await writeFileAtomicAsync(path, async (tmp) => writeFileSync(tmp, pdf), { neverOverSqlite: true });
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  return { ok: true, saved: basename(path) };
}

export function registerPrintToPdf(
  ipc: { handle(channel: string, listener: (event: IpcMainInvokeEvent, args: unknown) => unknown): void },
  appUrl: string,
): void {
  ipc.handle(PRINT_PDF_IPC, (event, args) => savePdf(event, args, appUrl));
}
