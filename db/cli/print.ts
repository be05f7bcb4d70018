/**
 * `print` (Bilag 1 as PDF) and `report --out x.pdf` (the status report as PDF), docs/print.md:
 * the document is built from the same data and choices as the Excel export, rendered by the one
 * print view in Chromium (pdf.ts), and written through the atomic writer like a workbook: an
 * existing file only with --overwrite, a portfolio never.
 */
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { formatMonth } from '../../shared/danish/month';
import type { StatusReport } from '../../shared/domain/project';
import { printDate, type PrintDocument, type PrintFooter } from '../../shared/print/document';
import { annexPrintDocument, statusPrintDocument } from '../index';
import { yearsOption } from './excel';
import { parseCli } from './messages';
import { findPdfBrowser } from './pdf-browser';
import { session } from './projects';
import { writeWorkbookFile } from './targets';

/** (`report --out status.pdf` is in PROJECT_USAGE, with the rest of report.) */
export const PRINT_USAGE = `  puljeplan print <fil.sqlite> --out <bilag1.pdf> [--pools "<pulje>"]… [--years 2022,2023] [--descriptions] [--charts] [--overwrite]`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
type Usage = (message: string) => Error;

export const isPdf = (out: string) => extname(out).toLowerCase() === '.pdf';

const CHARTS_UNAVAILABLE = 'Diagrammer kan endnu ikke komme med i en udskrift; PDF-filen er skrevet uden dem.';

export function footerFor(file: string, region: string, when = new Date()): PrintFooter {
  return { region, fileName: basename(file), printed: printDate(when) };
}

/** Renders the document to `out` (Chromium found first, so a missing one leaves no file). */
export async function writePdf(doc: PrintDocument, out: string, overwrite: boolean, io: Io): Promise<void> {
  const browser = findPdfBrowser();
  // Loaded only to print: playwright-core would slow every other command's start.
  const { renderPdf } = await import('./pdf');
  let chartsUnavailable = false;
  await writeWorkbookFile(
    out,
    async (tmp) => {
      const result = await renderPdf(doc, browser);
      chartsUnavailable = result.chartsUnavailable;
      writeFileSync(tmp, result.pdf);
    },
    overwrite,
  );
  if (chartsUnavailable) io.err(CHARTS_UNAVAILABLE);
}

/** `--pools A --pools B`, or `--pools "A,B"` when no pool has the whole text as its name. */
function poolsOption(values: string[] | undefined, names: string[]): string[] | undefined {
  if (!values) return undefined;
  return values.flatMap((v) =>
    names.some((n) => n.toLocaleLowerCase('da') === v.trim().toLocaleLowerCase('da'))
      ? [v]
      : v.split(',').map((p) => p.trim()),
  );
}

export async function cmdPrint(argv: string[], io: Io, usage: Usage): Promise<number> {
  const { values, positionals } = parseCli(argv, {
    out: { type: 'string' },
    pools: { type: 'string', multiple: true },
    years: { type: 'string' },
    descriptions: { type: 'boolean' },
    charts: { type: 'boolean' },
    overwrite: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw usage('print kræver én porteføljefil.');
  const file = positionals[0]!;
  if (values.out === undefined || !isPdf(values.out)) throw usage('print kræver --out <bilag1.pdf>.');
  const snap = session(file, true, (s) => s.snapshot());
  const doc = annexPrintDocument(
    snap,
    {
      pools: poolsOption(
        values.pools,
        snap.pools.map((p) => p.name),
      ),
      years: yearsOption(values.years),
      descriptions: values.descriptions ?? false,
      charts: values.charts ?? false,
    },
    footerFor(file, snap.meta.region),
  );
  await writePdf(doc, values.out, values.overwrite ?? false, io);
  io.out(`Skrev Bilag 1 fra ${basename(file)} til ${basename(values.out)}.`);
  return 0;
}

/** `report --out status.pdf`: the monthly status report on A4 landscape. */
export async function writeReportPdf(
  report: StatusReport,
  file: string,
  out: string,
  options: { previous: boolean; charts: boolean; overwrite: boolean },
  io: Io,
): Promise<void> {
  const region = session(file, true, (s) => s.snapshot().meta.region);
  const doc = statusPrintDocument(report, footerFor(file, region), {
    showPrevious: options.previous,
    charts: options.charts,
  });
  await writePdf(doc, out, options.overwrite, io);
  io.out(`Skrev statusrapporten for ${formatMonth(report.month)} til ${basename(out)}.`);
}
