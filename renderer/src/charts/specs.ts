/**
 * The Diagrammer's charts as AG Charts options (docs/grid.md «Diagrammer»), built from the chart data
 * of shared/domain/charts.ts. One spec serves the view, «Gem som PNG» and the print view's images.
 * Every number is Danish (`1.500`): amounts through the one formatter (shared/danish/number.ts).
 */
import type { AgCartesianChartOptions, FormatterParams } from 'ag-charts-community';
import { AG_CHARTS_LOCALE_DA_DK } from 'ag-charts-locale';
import { formatAmount } from '../../../shared/danish/number';
import {
  largestProjects,
  portfolioCharts,
  projectsByLight,
  projectsByPhase,
  type CountBar,
} from '../../../shared/domain/charts';
import type { Kroner } from '../../../shared/domain/money';
import type { StatusReport } from '../../../shared/domain/project';
import { formatMonth } from '../../../shared/danish/month';
import type { RowModelInput } from '../../../shared/grid/row-model';
import { ACCENT, LIGHT_COLOURS, poolColour, poolFill } from './palette';

export interface ChartSpec {
  /** Stable id: the panel's test id and the PNG's file name. */
  id: string;
  title: string;
  /** The PNG's file name without `.png`. */
  fileName: string;
  options: AgCartesianChartOptions;
}

/** How many projects the largest-projects chart shows. */
export const LARGEST_COUNT = 10;

const INK = '#1f2933';
const FONT = "'Segoe UI', Calibri, Arial, sans-serif";

/** Kroner as the grid shows them (1.000 kr, Danish): axes, labels and tooltips. */
const amountText = (value: unknown) => formatAmount(Math.round(Number(value)));
/** A count of projects, Danish grouping. */
const countText = (value: unknown) => formatAmount(Math.round(Number(value)) * 1000);

function numbers(text: (value: unknown) => string) {
  return (p: FormatterParams) => (p.type === 'number' ? text(p.value) : undefined);
}

/** What every chart shares: Danish texts and numbers, white background, no animation, the app's font. */
function base(title: string, subtitle: string | undefined, text: (value: unknown) => string) {
  return {
    title: { text: title, color: INK, fontFamily: FONT, fontWeight: 'bold' as const },
    subtitle: subtitle ? { text: subtitle, color: '#5b6875', fontFamily: FONT } : undefined,
    background: { fill: '#ffffff' },
    animation: { enabled: false },
    locale: { localeText: AG_CHARTS_LOCALE_DA_DK },
    formatter: numbers(text),
    theme: { params: { fontFamily: FONT, textColor: INK } },
  } satisfies Partial<AgCartesianChartOptions>;
}

/** A label on a bar: dark text in a white box, readable on any colour or pattern and in black and white. */
const boxedLabel = { color: INK, fill: '#ffffff', fillOpacity: 0.9, padding: 2, cornerRadius: 2 };

/** Project names short enough for the axis (the tooltip has the whole name), each still its own category. */
function axisNames(names: string[], max = 34): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    let short = name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
    if (seen.has(short)) short = `${short} (${i + 1})`;
    seen.add(short);
    return short;
  });
}

const periodText = (years: readonly number[]) =>
  years.length ? `Beløb i 1.000 kr, ${years[0]}–${years[years.length - 1]}` : 'Beløb i 1.000 kr';

/** Allocation per pool per year, total per year, and the largest projects, from the grid's totals. */
export function portfolioChartSpecs(portfolio: RowModelInput): ChartSpec[] {
  // Read the lines once: an iterator (a Map's values) would be spent by the first chart.
  const input = { ...portfolio, lines: [...portfolio.lines] };
  const charts = portfolioCharts(input);
  const period = periodText(input.years);
  const allocation: ChartSpec = {
    id: 'allocation',
    title: 'Beløb pr. pulje og år',
    fileName: 'Beløb pr. pulje og år',
    options: {
      ...base('Beløb pr. pulje og år', period, amountText),
      data: charts.allocation,
      series: charts.pools.map((pool) => ({
        type: 'bar' as const,
        xKey: 'year',
        xName: 'År',
        yKey: pool.key,
        yName: pool.name,
        stacked: true,
        fill: poolFill(pool.index),
        stroke: poolColour(pool.index),
        strokeWidth: 1,
        label: { ...boxedLabel, enabled: true, placement: 'inside-center' as const },
      })),
      legend: { position: 'bottom' },
    },
  };
  const perYear: ChartSpec = {
    id: 'per-year',
    title: 'I alt pr. år',
    fileName: 'I alt pr. år',
    options: {
      ...base('I alt pr. år', period, amountText),
      data: charts.perYear,
      series: [
        {
          type: 'bar',
          xKey: 'year',
          xName: 'År',
          yKey: 'total',
          yName: 'I alt',
          fill: ACCENT,
          label: { ...boxedLabel, enabled: true, placement: 'outside-end' },
        },
      ],
      legend: { enabled: false },
    },
  };
  const top = largestProjects(input, LARGEST_COUNT);
  // One series per pool, so the legend names the pools; a project's row has a value in its own pool's series only.
  const labels = axisNames(top.map((p) => p.name));
  const inTop = charts.pools.filter((pool) => top.some((p) => p.poolIndex === pool.index));
  const largest: ChartSpec = {
    id: 'largest',
    title: 'De største projekter',
    fileName: 'De største projekter',
    options: {
      ...base('De største projekter', `${periodText(input.years)} i alt, ${top.length} største`, amountText),
      data: top.map((p, i) => ({ ...p, label: labels[i]!, [`p${p.poolIndex}`]: p.total })),
      series: inTop.map((pool) => ({
        type: 'bar' as const,
        direction: 'horizontal' as const,
        stacked: true,
        xKey: 'label',
        xName: 'Projekt',
        yKey: pool.key,
        yName: pool.name,
        fill: poolFill(pool.index),
        stroke: poolColour(pool.index),
        strokeWidth: 1,
        label: { ...boxedLabel, enabled: true, placement: 'outside-end' as const },
        tooltip: {
          renderer: ({ datum }: { datum: { name: string; pool: string; total: Kroner } }) => ({
            heading: datum.name,
            data: [
              { label: 'Pulje', value: datum.pool },
              { label: 'I alt', value: amountText(datum.total) },
            ],
          }),
        },
      })),
      axes: { x: { type: 'category', position: 'left' }, y: { type: 'number', position: 'bottom' } },
      // Room for the largest bar's label beyond the axis's end.
      padding: { right: 56 },
      legend: { position: 'bottom' },
    },
  };
  return [allocation, perYear, largest];
}

function countChart(id: string, title: string, subtitle: string, bars: CountBar[], fill: (b: CountBar) => string) {
  return {
    id,
    title,
    fileName: title,
    options: {
      ...base(title, subtitle, countText),
      data: bars,
      series: [
        {
          type: 'bar',
          xKey: 'label',
          yKey: 'count',
          yName: 'Projekter',
          itemStyler: ({ datum }: { datum: CountBar }) => ({ fill: fill(datum), stroke: INK, strokeWidth: 1 }),
          label: { ...boxedLabel, enabled: true, placement: 'outside-end' },
        },
      ],
      axes: { y: { type: 'number', position: 'left', interval: { minSpacing: 30 } } },
      legend: { enabled: false },
    },
  } satisfies ChartSpec;
}

/** The month's projects by overall light and by phase (docs/domain.md «Projects and monthly status»). */
export function statusChartSpecs(report: StatusReport): ChartSpec[] {
  const month = `Antal projekter, ${formatMonth(report.month)}`;
  return [
    countChart(
      'by-light',
      'Projekter efter samlet status',
      month,
      projectsByLight(report),
      (b) => LIGHT_COLOURS[b.key]!,
    ),
    countChart('by-phase', 'Projekter efter fase', month, projectsByPhase(report), () => ACCENT),
  ];
}
