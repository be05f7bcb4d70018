/**
 * The Status view's «Udskriv…»: the month's status report in the print view (A4 landscape, the
 * seed-000 columns, lights as dots with their words; docs/print.md) before it is printed or saved
 * as PDF — the same page, print and PDF paths as Bilag 1's preview (print-preview.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatMonth } from '../../../shared/danish/month';
import type { StatusReport } from '../../../shared/domain/project';
import { printDate, type ChartImage, type StatusDocument } from '../../../shared/print/document';
import { drawChartImages } from './chart-slot';
import { PrintView } from './print-view';
import './print-preview.css';

export interface StatusPrintInput {
  report: StatusReport;
  region: string;
  fileName: string;
}

export function StatusPrintPreview({ input, onClose }: { input: StatusPrintInput; onClose: () => void }) {
  const [showPrevious, setShowPrevious] = useState(true);
  const [withCharts, setWithCharts] = useState(false);
  const [charts, setCharts] = useState<ChartImage[]>([]);
  const [message, setMessage] = useState<string | null>(null);
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
  const bridge = window.puljeplan;

  const savePdf = async () => {
    if (!bridge) return window.print();
    const result = await bridge.printToPdf({
      landscape: true,
      footer,
      fileName: `Status ${formatMonth(input.report.month)}.pdf`,
    });
    if (!result.ok) setMessage(result.message);
    else if (result.saved) setMessage(`Gemt som «${result.saved}».`);
  };

  return createPortal(
    <div
      className="pp-print-portal"
      data-testid="status-print-preview"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        e.stopPropagation();
      }}
    >
      <div className="pp-print-controls" role="dialog" aria-modal="true" aria-labelledby="pp-status-print-heading">
        <h2 id="pp-status-print-heading">Udskriv status for {formatMonth(input.report.month)}</h2>
        <label className="pp-check">
          <input type="checkbox" checked={showPrevious} onChange={(e) => setShowPrevious(e.target.checked)} /> Forrige
          måneds lys under hvert lys
        </label>
        <label className="pp-check">
          <input type="checkbox" checked={withCharts} onChange={(e) => setWithCharts(e.target.checked)} /> Diagrammer
          før tabellen
        </label>
        {message && <p role="status">{message}</p>}
        <div className="pp-dialog-buttons">
          <button type="button" onClick={onClose}>
            Luk
          </button>
          <button type="button" onClick={() => void savePdf()}>
            Gem som PDF…
          </button>
          <button type="button" className="pp-primary" onClick={() => window.print()} autoFocus>
            Udskriv…
          </button>
        </div>
      </div>
      <div className="pp-print-sheet">
        <PrintView doc={doc} />
      </div>
    </div>,
    document.body,
  );
}
