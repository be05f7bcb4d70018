/**
 * AG Charts Community with the modules the Diagrammer uses registered once (column and bar charts,
 * category and number axes, legend, Danish locale). Import AgCharts from here, not from the package.
 */
import {
  AgCharts,
  BarSeriesModule,
  CategoryAxisModule,
  LegendModule,
  LocaleModule,
  ModuleRegistry,
  NumberAxisModule,
  type AgCartesianChartOptions,
  type AgChartInstance,
} from 'ag-charts-community';

ModuleRegistry.registerModules([BarSeriesModule, CategoryAxisModule, NumberAxisModule, LegendModule, LocaleModule]);

export type ChartInstance = AgChartInstance<AgCartesianChartOptions>;

/** A chart of `options` drawn in `container` (which sets its size unless `size` is given). */
export function createChart(
  container: HTMLElement,
  options: AgCartesianChartOptions,
  size?: { width: number; height: number },
): ChartInstance {
  return AgCharts.create({ ...options, container, ...size });
}
