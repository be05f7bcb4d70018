/**
 * The Status view's «Udskriv…»: the month's status report in the print view (A4 landscape, the
 * seed-000 columns, lights as dots with their words; docs/print.md) before it is printed or saved
 * as PDF — the same page, print and PDF paths as Bilag 1's preview (print-preview.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import { formatMonth } from '../../../shared/danish/month';
import type { StatusReport } from '../../../shared/domain/project';
import { printDate, type ChartImage, type StatusDocument } from '../../../shared/print/document';
import { drawChartImages } from './chart-slot';
import { PrintFrame } from './print-frame';

export interface StatusPrintInput {
  report: StatusReport;
  region: string;
  fileName: string;
}

export function StatusPrintPreview({ input, onClose }: { input: StatusPrintInput; onClose: () => void }) {
  const [showPrevious, setShowPrevious] = useState(true);
  const [withCharts, setWithCharts] = useState(false);
  const [charts, setCharts] = useState<ChartImage[]>([]);
  const footer = useMemo(
    () => ({ region: input.region, fileName: input.fileName, printed: printDate(new Date()) }),
    [input.region, input.fileName],
  );
  const table = useMemo(
    (): StatusDocument => ({ kind: 'status', report: input.report, showPrevious, footer, withCharts, charts: [] }),
    [input.report, showPrevious, footer, withCharts],
  );
  useEffect(() => {
    if (!withCharts) return setCharts([]);
    let current = true;
    void drawChartImages(table).then((images) => current && setCharts(images));
    return () => {
      current = false;
    };
  }, [withCharts, table]);
  const doc = useMemo(() => ({ ...table, charts }), [table, charts]);
  return (
    <PrintFrame
      title={`Udskriv status for ${formatMonth(input.report.month)}`}
      testId="status-print-preview"
      doc={doc}
      footer={footer}
      pdfName={`Status ${formatMonth(input.report.month)}.pdf`}
      onClose={onClose}
    >
      <label className="pp-check">
        <input type="checkbox" checked={showPrevious} onChange={(e) => setShowPrevious(e.target.checked)} /> Forrige
        måneds lys under hvert lys
      </label>
      <label className="pp-check">
        <input type="checkbox" checked={withCharts} onChange={(e) => setWithCharts(e.target.checked)} /> Diagrammer før
        tabellen
      </label>
    </PrintFrame>
  );
}
