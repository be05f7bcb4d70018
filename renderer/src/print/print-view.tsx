/**
 * The one print view (docs/print.md): every PDF and every print — the app's preview and
 * printToPDF, the browser harness's window.print, the CLI's Chromium — is this component on an
 * A4 page. The page size comes from @page (portrait for Bilag 1, landscape for the status report).
 */
import { isLandscape, type ChartImage, type PrintDocument } from '../../../shared/print/document';
import { AnnexPrint } from './annex-print';
import { StatusPrint } from './status-print';
import './print.css';

function Charts({ charts }: { charts: ChartImage[] }) {
  if (!charts.length) return null;
  return (
    <section className="pp-print-charts" data-testid="print-charts">
      {charts.map((c, i) => (
        <figure key={i}>
          <img src={c.dataUrl} alt={c.title} />
          <figcaption>{c.title}</figcaption>
        </figure>
      ))}
    </section>
  );
}

export function PrintView({ doc }: { doc: PrintDocument }) {
  const landscape = isLandscape(doc);
  return (
    <div className={`pp-print ${landscape ? 'pp-print-landscape' : 'pp-print-portrait'}`} data-testid="print-view">
      <style>{`@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 14mm 12mm 16mm 12mm; }`}</style>
      <Charts charts={doc.charts} />
      {doc.kind === 'annex' ? <AnnexPrint doc={doc} /> : <StatusPrint doc={doc} />}
    </div>
  );
}
