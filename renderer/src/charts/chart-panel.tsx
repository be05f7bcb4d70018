/** One chart of the Diagrammer: drawn by AG Charts in an effect, with «Gem som PNG» (docs/grid.md «Diagrammer»). */
import { useEffect, useRef, useState } from 'react';
import { createChart, type ChartInstance } from './ag-charts';
import type { ChartSpec } from './specs';

/** A saved PNG's size in pixels: large enough for a slide or a document. */
const PNG_SIZE = { width: 1600, height: 900 };

export function ChartPanel({ spec, onError }: { spec: ChartSpec; onError: (message: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [saving, setSaving] = useState(false);

  // Created on the first draw, updated in place when the figures change, destroyed with the panel.
  useEffect(() => {
    if (!host.current) return;
    if (chart.current) void chart.current.update({ ...spec.options, container: host.current });
    else chart.current = createChart(host.current, spec.options);
  }, [spec]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  const save = async () => {
    if (!chart.current) return;
    setSaving(true);
    try {
      await chart.current.download({ fileName: `${spec.fileName}.png`, fileFormat: 'image/png', ...PNG_SIZE });
    } catch (err) {
      onError(`Diagrammet «${spec.title}» kunne ikke gemmes som PNG: ${(err as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="pp-chart" aria-label={spec.title} data-testid={`chart-${spec.id}`}>
      <div className="pp-chart-canvas" ref={host} />
      <div className="pp-chart-actions">
        <button type="button" onClick={() => void save()} disabled={saving} data-testid={`save-png-${spec.id}`}>
          Gem som PNG
        </button>
      </div>
    </section>
  );
}
