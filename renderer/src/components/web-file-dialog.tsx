/**
 * The browser's Filer dialog (docs/architecture.md «The browser's Filer»): Åbn… chooses a
 * portfolio of the data folder, Ny… and Gem som… name a new file there. The files are listed newest
 * first. A refusal (a name taken, a file that fails its check) is shown in the dialog, which stays
 * open with what was typed; the portfolio that was open stays open.
 */
import { useEffect, useRef, useState } from 'react';
import { danishTime, fileSize } from '../danish-text';
import { Modal } from './modal';

/** A portfolio file of the browser's data folder (db/web/file-routes.ts). */
export interface WebFile {
  name: string;
  changed: number;
  bytes: number;
  open: boolean;
}

export type WebFileMode = 'open' | 'new' | 'saveAs';

const TEXT: Record<WebFileMode, { title: string; button: string; working: string }> = {
  open: { title: 'Åbn portefølje', button: 'Åbn', working: 'Åbner …' },
  new: { title: 'Ny portefølje', button: 'Opret', working: 'Opretter …' },
  saveAs: { title: 'Gem som', button: 'Gem', working: 'Gemmer kopien …' },
};

interface Props {
  mode: WebFileMode;
  files: readonly WebFile[];
  /** The name offered (Ny…, Gem som…). */
  suggested: string;
  /** Does the work; resolves with a refusal to show, or null when done (the page then reloads). */
  run: (name: string) => Promise<string | null>;
  onCancel: () => void;
}

export function WebFileDialog({ mode, files, suggested, run, onCancel }: Props) {
  const text = TEXT[mode];
  const [name, setName] = useState(suggested);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const firstClosed = files.findIndex((f) => !f.open);
  useEffect(() => {
    if (mode === 'open') first.current?.focus();
    else field.current?.select();
  }, [mode]);

  const go = async (chosen: string) => {
    if (working) return;
    setWorking(true);
    setError(null);
    const refusal = await run(chosen);
    setWorking(false);
    if (refusal) {
      setError(refusal);
      field.current?.focus();
    }
  };

  return (
    <Modal
      title={text.title}
      titleId="pp-web-file-title"
      className="pp-web-files"
      testId="web-file-dialog"
      onCancel={onCancel}
    >
      {mode !== 'open' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void go(name);
          }}
        >
          <label className="pp-field">
            <span>Filnavn</span>
            <input
              ref={field}
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && onCancel()}
            />
          </label>
          <p className="pp-hint">
            {mode === 'new'
              ? 'En tom portefølje for samme region som den åbne, i samme mappe. Den åbnes, når den er oprettet.'
              : 'En hel kopi af porteføljen, i samme mappe. Du arbejder videre i kopien; den åbne fil ændres ikke.'}{' '}
            Puljeplan overskriver aldrig en fil.
          </p>
        </form>
      )}
      {error && (
        <p className="pp-error-text" role="alert" data-testid="web-file-error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{mode === 'open' ? 'Porteføljer i mappen, nyeste først' : 'Filer i mappen'}</th>
            <th>Ændret</th>
            <th className="pp-num">Størrelse</th>
            {mode === 'open' && <th />}
          </tr>
        </thead>
        <tbody>
          {files.map((f, i) => (
            <tr key={f.name} data-testid="web-file-row">
              <td>
                {f.name}
                {f.open && <span className="pp-hint"> (åben)</span>}
              </td>
              <td>{danishTime(new Date(f.changed).toISOString())}</td>
              <td className="pp-num">{fileSize(f.bytes)}</td>
              {mode === 'open' && (
                <td className="pp-num">
                  <button
                    type="button"
                    ref={i === firstClosed ? first : undefined}
                    disabled={working || f.open}
                    onClick={() => void go(f.name)}
                    aria-label={`Åbn ${f.name}`}
                  >
                    Åbn
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pp-dialog-buttons">
        {working && <span className="pp-hint">{text.working}</span>}
        <button type="button" onClick={onCancel}>
          Annullér
        </button>
        {mode !== 'open' && (
          <button type="button" className="pp-primary" disabled={working || !name.trim()} onClick={() => void go(name)}>
            {text.button}
          </button>
        )}
      </div>
    </Modal>
  );
}
