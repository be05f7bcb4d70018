/**
 * A chart as a PNG for print (docs/grid.md «Diagrammer»): drawn offscreen at a fixed size and read
 * back with AG Charts' `getImageDataURL`. A canvas does not survive Chromium's print-to-PDF
 * reliably; an `<img>` with this data URL does.
 */
import type { RowModelInput } from '../../../shared/grid/row-model';
import type { StatusReport } from '../../../shared/domain/project';
import { createChart } from './ag-charts';
import { portfolioChartSpecs, statusChartSpecs, type ChartSpec } from './specs';

export interface ChartImage {
  title: string;
  /** `data:image/png;base64,…` */
  dataUrl: string;
}

/** The size a print image is laid out at (CSS px), and how many image pixels each has (2: sharp on paper). */
export const PRINT_CHART_SIZE = { width: 800, height: 450, scale: 2 };

/**
 * Draws `spec` offscreen at `width`×`height` and returns it as a PNG data URL of `scale` times that
 * many pixels, fonts and lines scaled with it, so the image looks like the chart on screen.
 */
export async function renderChartImage(spec: ChartSpec, size = PRINT_CHART_SIZE): Promise<string> {
  const { width, height, scale } = size;
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-${width * scale + 100}px;top:0;width:${width * scale}px;height:${height * scale}px;`;
  document.body.appendChild(host);
  const { padding } = spec.options;
  const scaled = {
    ...spec.options,
    theme: scaleTheme(spec.options.theme, scale),
    padding: typeof padding === 'object' ? scalePadding(padding, scale) : padding,
  };
  const chart = createChart(host, scaled, { width: width * scale, height: height * scale });
  try {
    await chart.waitForUpdate();
    return await chart.getImageDataURL({ width: width * scale, height: height * scale, fileFormat: 'image/png' });
  } finally {
    chart.destroy();
    host.remove();
  }
}

/** The theme with its base font size (every text's size derives from it) times `scale`. */
function scaleTheme(theme: ChartSpec['options']['theme'], scale: number): ChartSpec['options']['theme'] {
  const base = typeof theme === 'object' ? theme : {};
  return { ...base, params: { ...base.params, fontSize: 12 * scale } };
}

/** A chart's padding (room kept for labels) times `scale`. */
function scalePadding(padding: { top?: number; right?: number; bottom?: number; left?: number }, scale: number) {
  const times = (px: number | undefined) => (px === undefined ? undefined : px * scale);
  return {
    top: times(padding.top),
    right: times(padding.right),
    bottom: times(padding.bottom),
    left: times(padding.left),
  };
}

/**
 * The Diagrammer's charts of a portfolio (and, given a status report, its status charts) as print
 * images, in the view's order: what the print view places when charts are chosen.
 */
export async function chartImages(input: RowModelInput, report: StatusReport | null = null): Promise<ChartImage[]> {
  const specs = [...portfolioChartSpecs(input), ...(report ? statusChartSpecs(report) : [])];
  const images: ChartImage[] = [];
  for (const spec of specs) images.push({ title: spec.title, dataUrl: await renderChartImage(spec) });
  return images;
}

/** A status report's charts (projects by overall light and by phase) as print images. */
export async function statusChartImages(report: StatusReport): Promise<ChartImage[]> {
  const images: ChartImage[] = [];
  for (const spec of statusChartSpecs(report))
    images.push({ title: spec.title, dataUrl: await renderChartImage(spec) });
  return images;
}
