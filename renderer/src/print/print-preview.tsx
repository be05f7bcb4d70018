/**
 * Filer → Udskriv… / Gem som PDF… (Ctrl+P): Bilag 1 in the print view before it is printed
 * (docs/print.md), with the export's choices (pools, years, descriptions). «Udskriv» is the
 * page's own print (the native print dialog in the app, the browser's in the harness); «Gem som
 * PDF…» is main's printToPDF in the app (electron/print-pdf.ts) and the browser's print elsewhere.
 * Printing shows only the sheet: the rest of the page is hidden by print-preview.css.
 */
import { useEffect, useMemo, useState } from 'react';
import { layOut } from '../../../shared/domain/annex-layout';
import type { Line, Pool } from '../../../shared/domain/model';
import { annexDocument, printDate, type ChartImage } from '../../../shared/print/document';
import { drawChartImages } from './chart-slot';
import { PrintFrame } from './print-frame';

export interface PrintPreviewInput {
  title: string;
  region: string;
  /** The portfolio's file name, for the footer. */
  fileName: string;
  years: readonly number[];
  pools: readonly Pool[];
  lines: readonly Line[];
}

export function PrintPreview({ input, onClose }: { input: PrintPreviewInput; onClose: () => void }) {
  const pools = useMemo(() => [...input.pools].sort((a, b) => a.position - b.position), [input.pools]);
  const [years, setYears] = useState<number[]>([...input.years]);
  const [poolIds, setPoolIds] = useState<string[]>(pools.map((p) => p.id));
  const [descriptions, setDescriptions] = useState(false);
  const [withCharts, setWithCharts] = useState(false);
  const [charts, setCharts] = useState<ChartImage[]>([]);
  const footer = useMemo(
    () => ({ region: input.region, fileName: input.fileName, printed: printDate(new Date()) }),
    [input.region, input.fileName],
  );
  const chosen = useMemo(() => pools.filter((p) => poolIds.includes(p.id)), [pools, poolIds]);
  const table = useMemo(() => {
    const layout = layOut({ years: [...input.years], pools: chosen, lines: input.lines }, years);
    return annexDocument(layout, { title: input.title, footer, descriptions });
  }, [chosen, years, descriptions, input, footer]);
  // The Diagrammer's charts of the chosen pools and years, drawn as images (chart-slot.ts), when asked for.
  useEffect(() => {
    if (!withCharts) return setCharts([]);
    let current = true;
    const ids = new Set(chosen.map((p) => p.id));
    const chartInput = { years, pools: chosen, lines: input.lines.filter((l) => ids.has(l.poolId)) };
    void drawChartImages({ ...table, withCharts: true, chartInput }).then((images) => current && setCharts(images));
    return () => {
      current = false;
    };
  }, [withCharts, chosen, years, input.lines, table]);
  const doc = useMemo(() => ({ ...table, charts }), [table, charts]);
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const empty = !years.length || !poolIds.length;
  const base = input.fileName.replace(/\.sqlite$/i, '') || 'Bilag 1';

  return (
    <PrintFrame
      title="Udskriv Bilag 1"
      testId="print-preview"
      doc={doc}
      footer={footer}
      pdfName={`${base} Bilag 1.pdf`}
      empty={empty}
      onClose={onClose}
    >
      <fieldset>
        <legend>Puljer</legend>
        {pools.map((p) => (
          <label key={p.id} className="pp-check">
            <input
              type="checkbox"
              checked={poolIds.includes(p.id)}
              onChange={() => setPoolIds(toggle(poolIds, p.id))}
            />{' '}
            {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>År</legend>
        <div className="pp-years">
          {input.years.map((y) => (
            <label key={y} className="pp-check">
              <input
                type="checkbox"
                checked={years.includes(y)}
                onChange={() => setYears(input.years.filter((x) => toggle(years, y).includes(x)))}
              />{' '}
              {y}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="pp-check">
        <input type="checkbox" checked={descriptions} onChange={(e) => setDescriptions(e.target.checked)} />{' '}
        Beskrivelser som andet afsnit
      </label>
      <label className="pp-check">
        <input type="checkbox" checked={withCharts} onChange={(e) => setWithCharts(e.target.checked)} /> Diagrammer før
        tabellen
      </label>
    </PrintFrame>
  );
}
