/**
 * The portfolio's title and region, and the selected project's (or pool's) description.
 * Text is committed when the field is left (or Enter in a one-line field): one undo step.
 */
import { REGIONS, type PortfolioMeta, type RegionCode } from '../../../shared/domain/model';
import type { GridRow } from '../../../shared/grid/row-model';
import type { Api } from '../api/client';
import type { Actions } from '../actions';
import { POOL_KIND_NAMES, POOL_KINDS, type PoolKind } from '../../../shared/domain/project';
import { ProjectCard } from '../project/project-card';
import type { RiskFlagStore } from '../project/risk-flags';
import type { Ui } from '../ui';
import type { PortfolioStore } from '../store/portfolio-store';
import { provenanceText } from '../danish-text';
import { CommitField } from './commit-field';

/** `Oprettet af Region Midtjylland · senest ændret af Region Syddanmark 22. nov. 2026 kl. 14.03`. */
function Provenance({ text }: { text: string | null }) {
  return text ? (
    <p className="pp-provenance" data-testid="line-provenance">
      {text}
    </p>
  ) : null;
}

interface Props {
  meta: PortfolioMeta;
  selected: GridRow | null;
  store: PortfolioStore;
  actions: Actions;
  api: Api;
  /** The it-råd flags and the pools' kinds (renderer/src/project/risk-flags.ts). */
  flags: RiskFlagStore;
  notify: Ui['notify'];
}

export function SidePanel({ meta, selected, store, actions, api, flags, notify }: Props) {
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
          {line.parentId === null && (
            <ProjectCard lineId={line.id} revision={store.revision} api={api} actions={actions} notify={notify} />
          )}
        </>
      ) : pool ? (
        <>
          <h2>Pulje</h2>
          <p className="pp-side-name">{pool.name}</p>
          <label className="pp-field">
            <span>Puljetype (afgør it-rådets regel)</span>
            <select
              data-testid="pool-kind"
              value={flags.kindOf(pool.id)}
              onChange={(e) =>
                void actions.change('pools.setKind', { poolId: pool.id, kind: e.target.value as PoolKind })
              }
            >
              {POOL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {POOL_KIND_NAMES[k]}
                </option>
              ))}
            </select>
          </label>
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
