/** The charts (docs/grid.md «Diagrammer»): the view, the specs, and print images for the print view. */
export { ChartsView } from './charts-view';
export { chartImages, renderChartImage, PRINT_CHART_SIZE, type ChartImage } from './image';
export { portfolioChartSpecs, statusChartSpecs, type ChartSpec } from './specs';
export { poolColour, poolFill } from './palette';
