/**
 * A print document to PDF bytes through Chromium (docs/print.md): a throwaway server on
 * 127.0.0.1 serves the built print page (dist/renderer/print.html, the one print view) and the
 * document as print-data.json; Chromium loads it, waits for the page to say it is ready, and
 * prints with Chromium's own footer (`Side 1 af 2`). No second layout engine.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  footerTemplate,
  HEADER_TEMPLATE,
  isLandscape,
  PAGE_MARGINS,
  type PrintDocument,
} from '../../shared/print/document';
import { UserError } from '../index';
import type { PdfBrowser } from './pdf-browser';
import { ELECTRON_PRINT_MAIN } from './pdf-electron';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export interface PdfResult {
  pdf: Buffer;
  /** Charts were asked for, and the print page has no way to draw them (renderer/src/print/chart-slot.ts). */
  chartsUnavailable: boolean;
}

/** Serves dist/renderer's files and the document; nothing else, on 127.0.0.1 only. */
async function serve(doc: PrintDocument, dist: string): Promise<{ server: Server; url: string }> {
  const data = JSON.stringify(doc);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (path === '/print-data.json') return send(200, TYPES['.json']!, data);
    const file = resolve(dist, `.${path}`);
    if (!file.startsWith(dist + sep) || !existsSync(file) || !TYPES[extname(file)]) return send(404, 'text/plain', '');
    send(200, TYPES[extname(file)]!, readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/print.html` };
}

const pdfOptions = (doc: PrintDocument) => ({
  landscape: isLandscape(doc),
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: HEADER_TEMPLATE,
  footerTemplate: footerTemplate(doc.footer),
  preferCSSPageSize: true,
});

async function withChromium(path: string, url: string, doc: PrintDocument): Promise<PdfResult> {
  // Loaded only when printing: it is slow to load, and every other CLI command starts without it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--lang=da-DK'],
  });
  try {
    const page = await browser.newPage();
    // Only the navigation is awaited: the page's own ready mark (print-main.tsx) is the signal.
    await page.goto(url, { waitUntil: 'commit' });
    const state = await page.waitForFunction(
      () => document.documentElement.dataset.printReady ?? document.documentElement.dataset.printError,
    );
    const error = await page.evaluate(() => document.documentElement.dataset.printError ?? null);
    if (error) throw new Error(`udskriftssiden fejlede: ${error}`);
    await state.dispose();
    const charts = await page.evaluate(() => document.documentElement.dataset.charts ?? 'ok');
    const pdf = await page.pdf({ format: 'A4', margin: PAGE_MARGINS, ...pdfOptions(doc) });
    return { pdf, chartsUnavailable: charts === 'unavailable' };
  } finally {
    await browser.close();
  }
}

/** Electron's own printToPDF, run as a one-off main process (pdf-electron.ts). */
async function withElectron(path: string, url: string, doc: PrintDocument): Promise<PdfResult> {
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-print-'));
  try {
    const main = join(dir, 'main.cjs');
    const out = join(dir, 'out.pdf');
    writeFileSync(main, ELECTRON_PRINT_MAIN);
    const inches = (mm: string) => parseFloat(mm) / 25.4;
    const margins = Object.fromEntries(Object.entries(PAGE_MARGINS).map(([side, mm]) => [side, inches(mm)]));
    const options = { pageSize: 'A4', margins, ...pdfOptions(doc) };
    const env: NodeJS.ProcessEnv = { ...process.env, PULJEPLAN_PRINT: JSON.stringify({ url, out, options }) };
    delete env.ELECTRON_RUN_AS_NODE;
    const stdout = await new Promise<string>((ok, fail) =>
      execFile(path, [main, '--headless', '--disable-gpu', '--no-sandbox'], { env, timeout: 60_000 }, (err, so) =>
        err ? fail(err) : ok(String(so)),
      ),
    );
    return { pdf: readFileSync(out), chartsUnavailable: stdout.includes('charts=unavailable') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function renderPdf(doc: PrintDocument, browser: PdfBrowser, dist = DIST): Promise<PdfResult> {
  if (!existsSync(join(dist, 'print.html')))
    throw new UserError('Udskriftssiden er ikke bygget (dist/renderer/print.html). Kør npm run build:renderer først.');
  const { server, url } = await serve(doc, dist);
  try {
    return await (browser.kind === 'electron' ? withElectron : withChromium)(browser.path, url, doc);
  } finally {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
}
