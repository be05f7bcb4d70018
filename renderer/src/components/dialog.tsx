/**
 * A small modal for confirmations, notices, choices and a line of text; Enter confirms, Esc
 * cancels. A confirmation or notice may list facts (label and value) under its text.
 */
import { useEffect, useRef, useState } from 'react';

/** Facts shown as a two-column list: `Filnavn  Puljeplan RM 2026-11-22.sqlite`. */
export type Details = readonly (readonly [label: string, value: string])[];

/** What the dialog asks; its answer goes to `close`: confirmed or not, and the value chosen or typed. */
export type DialogSpec =
  | { kind: 'confirm'; title: string; text: string; details?: Details; confirmLabel: string }
  | { kind: 'notice'; title: string; text: string; details?: Details }
  | { kind: 'choose'; title: string; label: string; options: { value: string; label: string }[]; confirmLabel: string }
  | { kind: 'text'; title: string; label: string; value: string; confirmLabel: string; maxLength: number };

export function Dialog({ spec, close }: { spec: DialogSpec; close: (ok: boolean, value: string) => void }) {
  const [value, setValue] = useState(
    spec.kind === 'choose' ? (spec.options[0]?.value ?? '') : spec.kind === 'text' ? spec.value : '',
  );
  const confirmRef = useRef<HTMLButtonElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const textRef = useRef<HTMLInputElement>(null);
  useEffect(
    () =>
      (spec.kind === 'choose'
        ? selectRef.current
        : spec.kind === 'text'
          ? textRef.current
          : confirmRef.current
      )?.focus(),
    [spec],
  );
  const message = spec.kind === 'confirm' || spec.kind === 'notice';

  const finish = (ok: boolean) => close(ok, value);
  return (
    <div className="pp-overlay" onMouseDown={() => finish(false)}>
      <div
        className="pp-dialog"
        role={spec.kind === 'notice' ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby="pp-dialog-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') finish(false);
          if (e.key === 'Enter') {
            e.preventDefault();
            finish(true);
          }
          e.stopPropagation();
        }}
      >
        <h2 id="pp-dialog-title">{spec.title}</h2>
        {message ? (
          <>
            <p>{spec.text}</p>
            {spec.details && <DetailList details={spec.details} />}
          </>
        ) : spec.kind === 'text' ? (
          <label>
            {spec.label}
            <input
              ref={textRef}
              type="text"
              value={value}
              maxLength={spec.maxLength}
              onChange={(e) => setValue(e.target.value)}
            />
          </label>
        ) : (
          <label>
            {spec.label}
            <select ref={selectRef} value={value} onChange={(e) => setValue(e.target.value)}>
              {spec.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="pp-dialog-buttons">
          {spec.kind !== 'notice' && (
            <button type="button" onClick={() => finish(false)}>
              Annullér
            </button>
          )}
          <button type="button" ref={confirmRef} className="pp-primary" onClick={() => finish(true)}>
            {spec.kind === 'notice' ? 'OK' : spec.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

export function DetailList({ details }: { details: Details }) {
  return (
    <dl className="pp-details">
      {details.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
