/**
 * The project card in the side panel (docs/grid.md «Projects: the card and the it-råd flag»): a
 * selected top-level line's number, purpose, responsible, phase, start and end month, case
 * reference and risk profile, the it-råd's verdict and activities, and the milestones. Every
 * change is saved at once as one undo step; the card reads itself again after every change.
 */
import { useEffect, useState } from 'react';
import type { Args, Result } from '../../../shared/contract/contract';
import type { CardDetails } from '../../../shared/contract/project-card';

type ProjectCardData = Result<'projects.get'>;
type CardChangesData = Args<'projects.set'>['changes'];
import { formatMonth, parseMonth } from '../../../shared/danish/month';
import { PHASES, RISK_PROFILE_NAMES, RISK_PROFILES } from '../../../shared/domain/project';
import type { Api } from '../api/client';
import type { Actions } from '../actions';
import { CommitField } from '../components/commit-field';
import type { Ui } from '../ui';
import { Milestones, RiskActivities } from './project-lists';

interface Props {
  lineId: string;
  /** The portfolio's revision: the card reads itself again when it moves. */
  revision: number;
  api: Api;
  actions: Actions;
  notify: Ui['notify'];
}

export function ProjectCard({ lineId, revision, api, actions, notify }: Props) {
  const [data, setData] = useState<{ card: ProjectCardData; details: CardDetails } | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.call('projects.get', { lineId }), api.call('projectCard.details', { lineId })])
      .then(([card, details]) => live && setData({ card, details }))
      .catch((err: Error) => live && notify('error', err.message));
    return () => {
      live = false;
    };
  }, [api, lineId, revision, notify]);
  if (!data || data.card.lineId !== lineId) return <p className="pp-hint">Indlæser projektkortet …</p>;
  const { card, details } = data;
  const set = (changes: CardChangesData) => void actions.change('projects.set', { lineId, changes });
  const month = (key: 'start' | 'end', label: string) => (
    <CommitField
      key={`${lineId}:${key}`}
      label={label}
      value={formatMonth(card[key])}
      testId={`project-${key}`}
      onCommit={(text) => {
        const parsed = parseMonth(text);
        if (!parsed.ok) return notify('error', `${label}: ${parsed.message} Intet blev ændret.`);
        set({ [key]: parsed.value });
      }}
    />
  );
  const review = card.riskReview;
  return (
    <section className="pp-project-card" aria-label="Projektkort" data-testid="project-card">
      <h2>Projektkort</h2>
      <div className="pp-card-row">
        <CommitField
          key={`${lineId}:number`}
          label="Nr."
          value={card.number ?? ''}
          testId="project-number"
          onCommit={(v) => set({ number: v.trim() || null })}
        />
        <label className="pp-field">
          <span>Fase</span>
          <select
            data-testid="project-phase"
            value={card.phase ?? ''}
            onChange={(e) => set({ phase: (e.target.value || null) as ProjectCardData['phase'] })}
          >
            <option value="">Ikke angivet</option>
            {PHASES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>
      <CommitField
        key={`${lineId}:purpose`}
        label="Formål"
        multiline={3}
        value={card.purpose}
        testId="project-purpose"
        onCommit={(v) => set({ purpose: v })}
      />
      <CommitField
        key={`${lineId}:responsible`}
        label="Ansvarlig (vælg eller skriv et nyt navn)"
        value={card.responsible}
        testId="project-responsible"
        list="pp-responsibles"
        onCommit={(v) => set({ responsible: v.trim() })}
      />
      <datalist id="pp-responsibles">
        {details.responsibles.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div className="pp-card-row">
        {month('start', 'Start')}
        {month('end', 'Slut')}
      </div>
      <CommitField
        key={`${lineId}:caseRef`}
        label="Sagsnummer"
        value={card.caseRef}
        testId="project-case-ref"
        onCommit={(v) => set({ caseRef: v.trim() })}
      />
      <label className="pp-field">
        <span>Risikoprofil</span>
        <select
          data-testid="project-risk-profile"
          value={card.riskProfile ?? ''}
          onChange={(e) => set({ riskProfile: (e.target.value || null) as ProjectCardData['riskProfile'] })}
        >
          <option value="">Ikke vurderet</option>
          {RISK_PROFILES.map((p) => (
            <option key={p} value={p}>
              {RISK_PROFILE_NAMES[p]}
            </option>
          ))}
        </select>
      </label>
      <h3>It-rådet</h3>
      {review.reason ? (
        <p className={review.required ? 'pp-risk-required' : 'pp-risk-met'} data-testid="project-risk-review">
          {review.required ? '⚑ ' : '✓ '}
          {review.reason}
        </p>
      ) : (
        <p className="pp-hint" data-testid="project-risk-review">
          Skal ikke risikovurderes (under 10 mio. kr., eller puljen er hverken national eller fællesregional).
        </p>
      )}
      <RiskActivities lineId={lineId} activities={details.riskActivities} actions={actions} notify={notify} />
      <h3>Milepæle</h3>
      <Milestones lineId={lineId} milestones={details.milestones} actions={actions} notify={notify} />
    </section>
  );
}
