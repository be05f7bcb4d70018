/**
 * The portfolio's title and region, and the selected project's (or pool's) description.
 * Text is committed when the field is left (or Enter in a one-line field): one undo step.
 */
import { useEffect, useState } from 'react';
import { REGIONS, type PortfolioMeta, type RegionCode } from '../../../shared/domain/model';
import type { GridRow } from '../../../shared/grid/row-model';
import type { Actions } from '../actions';
import type { PortfolioStore } from '../store/portfolio-store';
import { provenanceText } from '../danish-text';

/** `Oprettet af Region Midtjylland · senest ændret af Region Syddanmark 22. nov. 2026 kl. 14.03`. */
function Provenance({ text }: { text: string | null }) {
  return text ? (
    <p className="pp-provenance" data-testid="line-provenance">
      {text}
    </p>
  ) : null;
}

function CommitField({
  label,
  value,
  onCommit,
  multiline,
  testId,
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  multiline?: boolean;
  testId: string;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const common = {
    value: draft,
    'data-testid': testId,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') setDraft(value);
      if (e.key === 'Enter' && !multiline) (e.target as HTMLElement).blur();
    },
  };
  return (
    <label className="pp-field">
      <span>{label}</span>
      {multiline ? <textarea rows={14} {...common} /> : <input type="text" {...common} />}
    </label>
  );
}

interface Props {
  meta: PortfolioMeta;
  selected: GridRow | null;
  store: PortfolioStore;
  actions: Actions;
}

export function SidePanel({ meta, selected, store, actions }: Props) {
  const line = selected?.kind === 'line' ? store.lines.get(selected.id) : undefined;
  const pool = selected && selected.kind === 'pool' ? store.pools.get(selected.poolId) : undefined;
  return (
    <aside className="pp-side" aria-label="Portefølje og beskrivelse">
      <h2>Porteføljen</h2>
      <CommitField
        label="Titel"
        value={meta.title}
        testId="meta-title"
        onCommit={(v) => (v.trim() ? void actions.setTitle(v) : undefined)}
      />
      <label className="pp-field">
        <span>Region</span>
        <select
          data-testid="meta-region"
          value={meta.region}
          onChange={(e) => void actions.setRegion(e.target.value as RegionCode)}
        >
          {REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </label>
      {line ? (
        <>
          <h2>Projekt</h2>
          <p className="pp-side-name">{line.name}</p>
          <Provenance text={provenanceText(store.lineInfo.get(line.id))} />
          <CommitField
            key={`${line.id}:comment`}
            label="Kommentar (vises som en markering i tabellen)"
            value={line.comment ?? ''}
            testId="line-comment"
            onCommit={(v) => void actions.setLineComment(line.id, v)}
          />
          <CommitField
            key={line.id}
            label="Beskrivelse"
            multiline
            value={line.description}
            testId="line-description"
            onCommit={(v) => void actions.setLineDescription(line.id, v)}
          />
        </>
      ) : pool ? (
        <>
          <h2>Pulje</h2>
          <p className="pp-side-name">{pool.name}</p>
          <CommitField
            key={pool.id}
            label="Beskrivelse"
            multiline
            value={pool.description}
            testId="pool-description"
            onCommit={(v) => void actions.setPoolDescription(pool.id, v)}
          />
        </>
      ) : (
        <p className="pp-hint">Vælg en linje eller pulje i tabellen for at se og rette dens beskrivelse.</p>
      )}
    </aside>
  );
}
