/**
 * The person's region (docs/architecture.md «Identity of a copy»): asked at first start, changed
 * in «Indstillinger». Who is writing is recorded with every change, names the sent file and is the
 * merge's «Fra …»; the portfolio's own «Region» (the side panel) is the region that owns the annex.
 */
import { useState } from 'react';
import { REGIONS, type RegionCode } from '../../../shared/domain/model';
import { Modal } from './modal';

interface Props {
  /** The region chosen so far; null at first start, when there is no way round the question. */
  current: RegionCode | null;
  onChoose: (region: RegionCode) => void;
  onCancel: () => void;
}

export function RegionDialog({ current, onChoose, onCancel }: Props) {
  const [region, setRegion] = useState<RegionCode | null>(current);
  const first = current === null;
  const choose = () => {
    if (region) onChoose(region);
  };
  return (
    <Modal
      title={first ? 'Velkommen til Puljeplan' : 'Indstillinger'}
      titleId="pp-region-title"
      className="pp-region"
      testId="region-dialog"
      onCancel={first ? () => undefined : onCancel}
      backdropCancels={!first}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          choose();
        }}
      >
        <fieldset>
          <legend>Hvilken region arbejder du for?</legend>
          {REGIONS.map((r) => (
            <label key={r.code} className="pp-check">
              <input
                type="radio"
                name="person-region"
                value={r.code}
                checked={region === r.code}
                onChange={() => setRegion(r.code)}
              />{' '}
              {r.name}
            </label>
          ))}
        </fieldset>
        <p className="pp-hint">
          Dine ændringer registreres som din regions, og filer, du sender, navngives efter den. Porteføljens egen region
          (i sidepanelet) er den region, der ejer bilaget.
        </p>
        <div className="pp-dialog-buttons">
          {!first && (
            <button type="button" onClick={onCancel}>
              Annullér
            </button>
          )}
          <button type="submit" className="pp-primary" disabled={!region}>
            {first ? 'Fortsæt' : 'Gem'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
