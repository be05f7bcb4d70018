/**
 * The import preview: what the workbook holds and what importing it will add, change and keep,
 * with any totals that disagree with their lines listed first, renamed lines offered as «samme
 * linje?» and new years shown as years (import-review.ts). Nothing is applied until the user says so.
 */
import { useState } from 'react';
import type { ImportPreview } from '../../../shared/contract/annex';
import { formatAmount } from '../../../shared/danish/number';
import { count } from '../../../shared/danish/text';
import { newYearText, newYearTotals, reviewed, type ImportOptions } from '../import-review';

interface Props {
  preview: ImportPreview;
  onApply: (options: ImportOptions) => void;
  onCancel: () => void;
}

const amount = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatAmount(v));
const LIMIT = 200;

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <p className="pp-more">… og {total - shown} mere</p> : null;
}

export function ImportDialog({ preview, onApply, onCancel }: Props) {
  const [removeMissing, setRemoveMissing] = useState(false);
  const [acceptMismatches, setAcceptMismatches] = useState(false);
  // «Samme linje?» starts confirmed: the user unticks a pair that is two different lines.
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(() => new Set(preview.renamed.map((r) => r.lineId)));
  const r = reviewed(preview, confirmed);
  const newYears = newYearTotals(preview);
  const blocked = preview.mismatches.length > 0 && !acceptMismatches;
  const nothing =
    !r.added.length &&
    !r.changed.length &&
    !r.renamed.length &&
    !preview.newYears.length &&
    !(removeMissing && r.missing.length);
  const toggle = (lineId: string, same: boolean) => {
    const next = new Set(confirmed);
    if (same) next.add(lineId);
    else next.delete(lineId);
    setConfirmed(next);
  };
  return (
    <div className="pp-overlay">
      <div
        className="pp-dialog pp-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pp-import-title"
        data-testid="import-preview"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          e.stopPropagation();
        }}
      >
        <h2 id="pp-import-title">Importér «{preview.fileName}»</h2>
        <p className="pp-summary">
          {count(preview.pools.length, 'pulje', 'puljer')} · år {preview.years.join(', ')} ·{' '}
          {count(r.added.length, 'ny linje', 'nye linjer')} · {count(r.changed.length, 'ændret beløb', 'ændrede beløb')}{' '}
          · {r.renamed.length ? `${count(r.renamed.length, 'omdøbt linje', 'omdøbte linjer')} · ` : ''}
          {count(r.missing.length, 'linje findes', 'linjer findes')} ikke i projektmappen
        </p>
        {newYears.length > 0 && (
          <ul className="pp-new-years" data-testid="import-new-years">
            {newYears.map((y) => (
              <li key={y.year}>{newYearText(y)}</li>
            ))}
          </ul>
        )}

        {preview.mismatches.length > 0 && (
          <section className="pp-mismatches" data-testid="import-mismatches">
            <h3>Totaler, der ikke passer med linjerne ({preview.mismatches.length})</h3>
            <table>
              <thead>
                <tr>
                  <th>Celle</th>
                  <th className="pp-num">I projektmappen</th>
                  <th className="pp-num">Summen af linjerne</th>
                </tr>
              </thead>
              <tbody>
                {preview.mismatches.slice(0, LIMIT).map((m) => (
                  <tr key={`${m.sheet}!${m.cell}`} title={m.message}>
                    <td>
                      {m.sheet}!{m.cell}
                    </td>
                    <td className="pp-num">{formatAmount(m.found)}</td>
                    <td className="pp-num">{formatAmount(m.computed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <More shown={LIMIT} total={preview.mismatches.length} />
            <label className="pp-check">
              <input
                type="checkbox"
                checked={acceptMismatches}
                onChange={(e) => setAcceptMismatches(e.target.checked)}
              />{' '}
              Importér alligevel: totalerne regnes forfra ud fra linjerne
            </label>
          </section>
        )}

        <section>
          <h3>Puljer i projektmappen</h3>
          <table>
            <thead>
              <tr>
                <th>Pulje</th>
                <th className="pp-num">Linjer</th>
                {preview.years.map((y) => (
                  <th key={y} className="pp-num">
                    {y}
                    {preview.newYears.includes(y) ? <span className="pp-badge">nyt</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.pools.map((p) => (
                <tr key={p.name}>
                  <td>
                    {p.name}
                    {p.isNew ? <span className="pp-badge">ny</span> : null}
                  </td>
                  <td className="pp-num">{p.lineCount}</td>
                  {preview.years.map((y) => (
                    <td key={y} className="pp-num">
                      {amount(p.totals[y])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        {preview.renamed.length > 0 && (
          <section data-testid="import-renamed">
            <h3>Samme linje? ({preview.renamed.length})</h3>
            <p className="pp-hint">
              Linjer, der ikke findes med samme navn, men står samme sted eller har de samme beløb. Som samme linje
              beholder linjen sin beskrivelse, kommentar og sit projektkort og får projektmappens navn og beløb.
            </p>
            <table>
              <thead>
                <tr>
                  <th>Pulje</th>
                  <th>I porteføljen</th>
                  <th>I projektmappen</th>
                  <th>Beløb</th>
                  <th>Samme linje?</th>
                </tr>
              </thead>
              <tbody>
                {preview.renamed.slice(0, LIMIT).map((p) => (
                  <tr key={p.lineId}>
                    <td>{p.pool}</td>
                    <td>{p.from}</td>
                    <td>{p.to}</td>
                    <td>
                      {p.changed.length
                        ? p.changed.map((c) => `${c.year}: ${amount(c.old)} → ${amount(c.new)}`).join(' · ')
                        : 'de samme'}
                    </td>
                    <td>
                      <label className="pp-check">
                        <input
                          type="checkbox"
                          checked={confirmed.has(p.lineId)}
                          onChange={(e) => toggle(p.lineId, e.target.checked)}
                          aria-label={`«${p.from}» og «${p.to}» er samme linje`}
                        />{' '}
                        Ja
                      </label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <More shown={LIMIT} total={preview.renamed.length} />
          </section>
        )}

        {r.added.length > 0 && (
          <section data-testid="import-added">
            <h3>Nye linjer ({r.added.length})</h3>
            <table>
              <thead>
                <tr>
                  <th>Pulje</th>
                  <th>Linje</th>
                  {preview.years.map((y) => (
                    <th key={y} className="pp-num">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.added.slice(0, LIMIT).map((a) => (
                  <tr key={`${a.pool}/${a.line}`}>
                    <td>{a.pool}</td>
                    <td>
                      {a.parent ? `${a.parent} › ` : ''}
                      {a.line}
                    </td>
                    {preview.years.map((y) => (
                      <td key={y} className="pp-num">
                        {amount(a.amounts[y])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <More shown={LIMIT} total={r.added.length} />
          </section>
        )}

        {r.changed.length > 0 && (
          <section data-testid="import-changed">
            <h3>Ændrede beløb ({r.changed.length})</h3>
            <table>
              <thead>
                <tr>
                  <th>Pulje</th>
                  <th>Linje</th>
                  <th className="pp-num">År</th>
                  <th className="pp-num">Nu</th>
                  <th className="pp-num">Efter import</th>
                </tr>
              </thead>
              <tbody>
                {r.changed.slice(0, LIMIT).map((c) => (
                  <tr key={`${c.pool}/${c.line}/${c.year}`}>
                    <td>{c.pool}</td>
                    <td>{c.line}</td>
                    <td className="pp-num">{c.year}</td>
                    <td className="pp-num">{amount(c.old)}</td>
                    <td className="pp-num">{amount(c.new)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <More shown={LIMIT} total={r.changed.length} />
          </section>
        )}

        {r.missing.length > 0 && (
          <section data-testid="import-missing">
            <h3>Linjer, som projektmappen ikke har ({r.missing.length})</h3>
            <p className="pp-hint">
              De beholdes, medmindre du vælger at fjerne dem. En fjernet linje tager det med sig, der står efter den.
            </p>
            <ul>
              {r.missing.slice(0, LIMIT).map((m) => (
                <li key={m.lineId}>
                  {m.pool}: {m.line}
                  {m.loses.length ? <span className="pp-loses"> – mister {m.loses.join(', ')}</span> : null}
                </li>
              ))}
            </ul>
            <More shown={LIMIT} total={r.missing.length} />
            <label className="pp-check">
              <input type="checkbox" checked={removeMissing} onChange={(e) => setRemoveMissing(e.target.checked)} />{' '}
              Fjern disse linjer
            </label>
          </section>
        )}

        {preview.notes.length > 0 && (
          <details>
            <summary>Bemærkninger ({preview.notes.length})</summary>
            <ul>
              {preview.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </details>
        )}

        <div className="pp-dialog-buttons">
          <button type="button" onClick={onCancel}>
            Annullér
          </button>
          <button
            type="button"
            className="pp-primary"
            disabled={blocked || nothing}
            onClick={() => onApply({ removeMissing, acceptMismatches, renames: [...confirmed] })}
            title={
              blocked
                ? 'Projektmappens totaler passer ikke; sæt flueben ovenfor for at importere alligevel.'
                : nothing
                  ? 'Projektmappen ændrer intet.'
                  : 'Importér som ét trin, der kan fortrydes.'
            }
          >
            {nothing ? 'Intet at importere' : 'Importér'}
          </button>
        </div>
      </div>
    </div>
  );
}
