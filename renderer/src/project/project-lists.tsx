/**
 * The project card's two lists (docs/grid.md «Projects: the card and the it-råd flag»): the
 * it-råd's activities (risikovurdering or sparringsmøde, month, note) and the milestones per
 * half-year (text and state). A row is added with the form under the list, removed by its
 * button, and a milestone's text and state are changed in place; each is one undo step.
 */
import { useState } from 'react';
import type { CardDetails } from '../../../shared/contract/project-card';
import { formatMonth, parseMonth } from '../../../shared/danish/month';
import {
  formatHalfYear,
  MILESTONE_STATE_NAMES,
  MILESTONE_STATES,
  RISK_ACTIVITY_KINDS,
  type MilestoneState,
  type RiskActivityKind,
} from '../../../shared/domain/project';
import { parseHalfYear } from '../../../shared/domain/project-card';
import type { Actions } from '../actions';
import { CommitField } from '../components/commit-field';
import type { Ui } from '../ui';

interface ListProps {
  lineId: string;
  actions: Actions;
  notify: Ui['notify'];
}

export function RiskActivities({
  lineId,
  activities,
  actions,
  notify,
}: ListProps & { activities: CardDetails['riskActivities'] }) {
  const [kind, setKind] = useState<RiskActivityKind>('risikovurdering');
  const [month, setMonth] = useState('');
  const [note, setNote] = useState('');
  const add = async () => {
    const parsed = parseMonth(month);
    if (!parsed.ok || parsed.value === null)
      return notify(
        'error',
        parsed.ok ? 'Skriv aktivitetens måned, fx mar 24.' : `${parsed.message} Intet blev ændret.`,
      );
    if (await actions.change('riskActivities.add', { lineId, kind, month: parsed.value, note: note.trim() })) {
      setMonth('');
      setNote('');
    }
  };
  return (
    <div className="pp-card-list">
      <ul data-testid="risk-activities">
        {activities.map((a) => (
          <li key={a.id}>
            <span>
              {a.kind === 'risikovurdering' ? 'Risikovurdering' : 'Sparringsmøde'} {formatMonth(a.month)}
              {a.note && ` · ${a.note}`}
            </span>
            <button
              type="button"
              aria-label={`Fjern ${a.kind} ${formatMonth(a.month)}`}
              onClick={() => void actions.change('riskActivities.remove', { id: a.id })}
            >
              Fjern
            </button>
          </li>
        ))}
      </ul>
      <form
        className="pp-card-add"
        aria-label="Ny aktivitet"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <select
          aria-label="Aktivitet"
          data-testid="risk-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as RiskActivityKind)}
        >
          {RISK_ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'risikovurdering' ? 'Risikovurdering' : 'Sparringsmøde'}
            </option>
          ))}
        </select>
        <input
          aria-label="Måned"
          placeholder="Måned, fx mar 24"
          data-testid="risk-month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
        />
        <input
          aria-label="Note"
          placeholder="Note"
          data-testid="risk-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" data-testid="risk-add">
          Tilføj
        </button>
      </form>
    </div>
  );
}

function StateSelect({
  value,
  onChange,
  testId,
}: {
  value: MilestoneState | null;
  onChange: (s: MilestoneState | null) => void;
  testId: string;
}) {
  return (
    <select
      aria-label="Tilstand"
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || null) as MilestoneState | null)}
    >
      <option value="">Ingen tilstand</option>
      {MILESTONE_STATES.map((s) => (
        <option key={s} value={s} title={MILESTONE_STATE_NAMES[s]}>
          {s}
        </option>
      ))}
    </select>
  );
}

export function Milestones({
  lineId,
  milestones,
  actions,
  notify,
}: ListProps & { milestones: CardDetails['milestones'] }) {
  const [half, setHalf] = useState('');
  const [text, setText] = useState('');
  const [state, setState] = useState<MilestoneState | null>('på sporet');
  const save = (h: string, value: { text: string; state: MilestoneState | null } | null) =>
    actions.change('milestones.set', { lineId, half: h, value });
  const add = async () => {
    const parsed = parseHalfYear(half);
    if (!parsed.ok) return notify('error', `${parsed.message} Intet blev ændret.`);
    if (!text.trim()) return notify('error', 'Skriv milepælens tekst. Intet blev ændret.');
    if (milestones.some((m) => m.half === parsed.value))
      return notify('error', `Der er allerede en milepæl for ${formatHalfYear(parsed.value)}; ret den i listen.`);
    if (await save(parsed.value, { text: text.trim(), state })) {
      setHalf('');
      setText('');
    }
  };
  return (
    <div className="pp-card-list">
      <ul data-testid="milestones">
        {milestones.map((m) => (
          <li key={m.half} className="pp-milestone">
            <CommitField
              key={`${lineId}:${m.half}`}
              label={formatHalfYear(m.half)}
              value={m.text}
              testId={`milestone-text-${m.half}`}
              onCommit={(v) => (v.trim() ? void save(m.half, { text: v, state: m.state }) : undefined)}
            />
            <StateSelect
              testId={`milestone-state-${m.half}`}
              value={m.state}
              onChange={(s) => void save(m.half, { text: m.text, state: s })}
            />
            <button
              type="button"
              aria-label={`Fjern milepælen for ${formatHalfYear(m.half)}`}
              onClick={() => void save(m.half, null)}
            >
              Fjern
            </button>
          </li>
        ))}
      </ul>
      <form
        className="pp-card-add"
        aria-label="Ny milepæl"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          aria-label="Halvår"
          placeholder="Halvår, fx 2024-1"
          data-testid="milestone-half"
          value={half}
          onChange={(e) => setHalf(e.target.value)}
        />
        <input
          aria-label="Milepæl"
          placeholder="Milepæl"
          data-testid="milestone-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <StateSelect testId="milestone-state" value={state} onChange={setState} />
        <button type="submit" data-testid="milestone-add">
          Tilføj
        </button>
      </form>
    </div>
  );
}
