/**
 * What the print view (renderer/src/print) renders: Bilag 1 or the monthly status report as plain,
 * serialisable data, the same whether the app, the browser harness or the CLI prints it
 * (docs/print.md). The annex is built from the export's own layout (shared/domain/annex-layout.ts),
 * so the PDF and the workbook show the same lines and totals.
 */
import type { Line, Pool } from '../domain/model';
import { format } from 'date-fns';
import { da } from 'date-fns/locale';
import type { Layout } from '../domain/annex-layout';
import type { Kroner } from '../domain/money';
import { LIGHT_FIELDS, LIGHT_FIELD_NAMES, type StatusReport } from '../domain/project';

/** A chart placed in a PDF as an image (the charts are drawn to PNG before printing). */
export interface ChartImage {
  title: string;
  /** `data:image/png;base64,…` */
  dataUrl: string;
}

export interface PrintRow {
  name: string;
  depth: 0 | 1;
  /** A parent line: its amounts are the sums of its sub-lines. */
  parent: boolean;
  /** Kroner per year (null: no amount, printed as 0 like the export). */
  values: (Kroner | null)[];
  total: Kroner;
}

export interface PrintPool {
  name: string;
  description: string;
  rows: PrintRow[];
  totals: Kroner[];
  total: Kroner;
}

export interface PrintDescription {
  pool: string;
  /** Empty for the pool's own description. */
  line: string;
  depth: 0 | 1;
  text: string;
}

/** Who and what the footer names: `Region RM · Bilag 1.sqlite · Udskrevet 4. dec. 2026 · Side 1 af 2`. */
export interface PrintFooter {
  region: string;
  fileName: string;
  /** `4. dec. 2026` (printDate). */
  printed: string;
}

export interface AnnexDocument {
  kind: 'annex';
  title: string;
  years: number[];
  pools: PrintPool[];
  grandTotals: Kroner[];
  grandTotal: Kroner;
  /** The descriptions as a second section, when chosen. */
  descriptions: PrintDescription[] | null;
  footer: PrintFooter;
  /** Ask the print page for charts (renderer/src/print/chart-slot.ts). */
  withCharts: boolean;
  charts: ChartImage[];
  /** What the charts are drawn from when asked for: the chosen pools and years, with their lines. */
  chartInput?: { years: number[]; pools: Pool[]; lines: Line[] };
}

export interface StatusDocument {
  kind: 'status';
  report: StatusReport;
  /** Show the month before's lights under this month's. */
  showPrevious: boolean;
  footer: PrintFooter;
  withCharts: boolean;
  charts: ChartImage[];
}

export type PrintDocument = AnnexDocument | StatusDocument;

export interface AnnexPrintOptions {
  title: string;
  footer: PrintFooter;
  descriptions: boolean;
  withCharts?: boolean;
}

/** Bilag 1 for print from the export's layout (pools and years already chosen). */
export function annexDocument(layout: Layout, options: AnnexPrintOptions): AnnexDocument {
  const pools = layout.tables.map((t): PrintPool => ({
    name: t.pool.name,
    description: t.pool.description,
    rows: t.lines.map((l) => ({
      name: l.line.name,
      depth: l.depth,
      parent: l.childCount > 0,
      values: l.values,
      total: l.total,
    })),
    totals: t.totals,
    total: t.total,
  }));
  const descriptions = options.descriptions
    ? layout.tables.flatMap((t) => [
        ...(t.pool.description ? [{ pool: t.pool.name, line: '', depth: 0 as const, text: t.pool.description }] : []),
        ...t.lines.map((l) => ({ pool: t.pool.name, line: l.line.name, depth: l.depth, text: l.line.description })),
      ])
    : null;
  return {
    kind: 'annex',
    title: options.title,
    years: layout.years,
    pools,
    grandTotals: layout.grandTotals,
    grandTotal: layout.grandTotal,
    descriptions,
    footer: options.footer,
    withCharts: options.withCharts ?? false,
    charts: [],
  };
}

/** The status report's columns, in the order of the RSI report (the workbook's too). */
export const STATUS_HEADINGS = [
  'Nr.',
  'Projekt',
  'Slutdato',
  'Fase',
  ...LIGHT_FIELDS.map((f) => LIGHT_FIELD_NAMES[f]),
  'Bemærkninger',
  'Formål',
];

/** The print date as the footer shows it: `4. dec. 2026`. */
export function printDate(when: Date): string {
  return format(when, 'd. MMM yyyy', { locale: da });
}

/** A4 portrait for the annex, landscape for the status report. */
export const isLandscape = (doc: PrintDocument) => doc.kind === 'status';

/** The page margins of every PDF path (the bottom one leaves room for the footer). */
export const PAGE_MARGINS = { top: '14mm', right: '12mm', bottom: '16mm', left: '12mm' } as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Chromium's footer template (printToPDF / page.pdf): region, file name, print date and
 * `Side 1 af 2` from Chromium's pageNumber/totalPages. The template has no page styles, so its
 * font size is set here.
 */
export function footerTemplate(footer: PrintFooter): string {
  const left = escapeHtml(`Region ${footer.region} · ${footer.fileName}`);
  const mid = escapeHtml(`Udskrevet ${footer.printed}`);
  return (
    `<div style="font-family: sans-serif; font-size: 8px; color: #444; width: 100%; margin: 0 12mm; ` +
    `display: flex; justify-content: space-between;">` +
    `<span>${left}</span><span>${mid}</span>` +
    `<span>Side <span class="pageNumber"></span> af <span class="totalPages"></span></span></div>`
  );
}

/** An empty header (Chromium's default one shows the date and title). */
export const HEADER_TEMPLATE = '<span></span>';

/** What the app's page asks the main process to save as PDF (electron/print-pdf.ts). */
export interface PdfSaveRequest {
  landscape: boolean;
  footer: PrintFooter;
  /** The name the save dialog offers, e.g. `Bilag 1.pdf`. */
  fileName: string;
}

/** `saved`: the file's name, or null when the user cancelled; a refusal is a Danish message. */
export type PdfSaveResult = { ok: true; saved: string | null } | { ok: false; message: string };
