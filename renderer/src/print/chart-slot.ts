/**
 * Where the charts come into a print (docs/print.md): whoever draws charts registers a function
 * that turns a document into chart images; the print page calls it when the document asks for
 * charts (`--charts`, or the preview's choice) and places the images before the tables. With none
 * registered the print has no charts, and the page says so (data-charts="unavailable").
 */
import type { ChartImage, PrintDocument } from '../../../shared/print/document';

export type ChartImageMaker = (doc: PrintDocument) => Promise<ChartImage[]>;

let maker: ChartImageMaker | null = null;

export function provideChartImages(make: ChartImageMaker): void {
  maker = make;
}

/** The document with its chart images; `available` is false when charts were asked for and none can be made. */
export async function withChartImages(doc: PrintDocument): Promise<{ doc: PrintDocument; available: boolean }> {
  if (!doc.withCharts) return { doc, available: true };
  if (!maker) return { doc, available: false };
  return { doc: { ...doc, charts: [...doc.charts, ...(await maker(doc))] }, available: true };
}

/**
 * The Diagrammer's charts as print images (renderer/src/charts/image.ts), loaded only when a print
 * asks for charts: Bilag 1 gets the portfolio's charts of its pools and years, the status report
 * its status charts.
 */
export const drawChartImages: ChartImageMaker = async (doc) => {
  const charts = await import('../charts/image');
  if (doc.kind === 'status') return charts.statusChartImages(doc.report);
  return doc.chartInput ? charts.chartImages(doc.chartInput) : [];
};
