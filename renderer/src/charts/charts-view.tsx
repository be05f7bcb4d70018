/**
 * The «Diagrammer» view (docs/grid.md «Diagrammer»): the portfolio's figures as charts — amounts per
 * pool and year, the total per year, the largest projects — and, given a month's status report, the
 * projects by overall light and by phase. Every figure is the grid's own total.
 */
import { useMemo } from 'react';
import type { StatusReport } from '../../../shared/domain/project';
import type { PortfolioStore } from '../store/portfolio-store';
import { ChartPanel } from './chart-panel';
import { portfolioChartSpecs, statusChartSpecs } from './specs';
import './charts.css';

interface Props {
  store: PortfolioStore;
  /** The store's version: the charts follow every change. */
  version: number;
  /** The month's status report; null when there is none to show. */
  status: StatusReport | null;
  onError: (message: string) => void;
}

export function ChartsView({ store, version, status, onError }: Props) {
  const specs = useMemo(
    () => portfolioChartSpecs({ years: store.years, pools: [...store.pools.values()], lines: store.lines.values() }),
    // The store is mutable: its version says when the figures changed.
    [store, version],
  );
  const statusSpecs = useMemo(() => (status?.projects.length ? statusChartSpecs(status) : []), [status]);
  return (
    <div className="pp-charts" data-testid="charts-view">
      {[...specs, ...statusSpecs].map((spec) => (
        <ChartPanel key={spec.id} spec={spec} onError={onError} />
      ))}
      {!statusSpecs.length && (
        <p className="pp-charts-note" data-testid="charts-no-status">
          Projekternes status efter lys og fase vises her, når porteføljen har en månedsstatus.
        </p>
      )}
    </div>
  );
}
