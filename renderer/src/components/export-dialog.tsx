/** Export options: one sheet or one per pool, which years, and a sheet with the descriptions. */
import { useState } from 'react';

export interface ExportOptions {
  perPool: boolean;
  years: number[];
  descriptions: boolean;
}

export function ExportDialog({
  years,
  onExport,
  onCancel,
}: {
  years: readonly number[];
  onExport: (o: ExportOptions) => void;
  onCancel: () => void;
}) {
  const [perPool, setPerPool] = useState(false);
  const [chosen, setChosen] = useState<number[]>([...years]);
  const [descriptions, setDescriptions] = useState(false);
  const toggle = (y: number) =>
    setChosen((c) => (c.includes(y) ? c.filter((x) => x !== y) : [...c, y].sort((a, b) => a - b)));
  return (
    <div className="pp-overlay" onMouseDown={onCancel}>
      <div
        className="pp-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pp-export-title"
        data-testid="export-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          e.stopPropagation();
        }}
      >
        <h2 id="pp-export-title">Eksportér til Excel (Bilag 1)</h2>
        <fieldset>
          <legend>Ark</legend>
          <label className="pp-check">
            <input type="radio" name="sheets" checked={!perPool} onChange={() => setPerPool(false)} /> Ét ark med alle
            puljer
          </label>
          <label className="pp-check">
            <input type="radio" name="sheets" checked={perPool} onChange={() => setPerPool(true)} /> Ét ark pr. pulje
          </label>
        </fieldset>
        <fieldset>
          <legend>År</legend>
          <div className="pp-years">
            {years.map((y) => (
              <label key={y} className="pp-check">
                <input type="checkbox" checked={chosen.includes(y)} onChange={() => toggle(y)} /> {y}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="pp-check">
          <input type="checkbox" checked={descriptions} onChange={(e) => setDescriptions(e.target.checked)} /> Ark med
          projektbeskrivelser
        </label>
        <div className="pp-dialog-buttons">
          <button type="button" onClick={onCancel}>
            Annullér
          </button>
          <button
            type="button"
            className="pp-primary"
            disabled={!chosen.length}
            onClick={() => onExport({ perPool, years: chosen, descriptions })}
          >
            Eksportér
          </button>
        </div>
      </div>
    </div>
  );
}
