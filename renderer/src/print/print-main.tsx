/**
 * The print page (renderer/print.html) that the CLI's Chromium loads from a throwaway local
 * server (docs/print.md): it reads the document from ./print-data.json, renders the print view and
 * marks itself ready (data-print-ready) once the images are in, so the PDF is made only then.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { PrintDocument } from '../../../shared/print/document';
import { drawChartImages, provideChartImages, withChartImages } from './chart-slot';
import { PrintView } from './print-view';

provideChartImages(drawChartImages);

async function main(): Promise<void> {
  const root = document.documentElement;
  try {
    const response = await fetch('./print-data.json', { cache: 'no-store' });
    const { doc, available } = await withChartImages((await response.json()) as PrintDocument);
    root.dataset.charts = available ? 'ok' : 'unavailable';
    const view = createRoot(document.getElementById('root')!);
    flushSync(() => view.render(<PrintView doc={doc} />));
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    await document.fonts.ready;
    root.dataset.printReady = '1';
  } catch (err) {
    root.dataset.printError = err instanceof Error ? err.message : String(err);
  }
}

void main();
