/**
 * The CLI's milestone and it-råd commands (db/cli/main.ts; docs/domain.md «Projects and monthly
 * status»): `milestone` sets (or removes) a project's milestone of a half-year, `risk` records a
 * risikovurdering or sparringsmøde. Values are parsed and the project found on a read-only look
 * first, so a refusal changes nothing.
 */
import {
  formatHalfYear,
  MILESTONE_STATES,
  RISK_ACTIVITY_KINDS,
  type RiskActivityKind,
} from '../../shared/domain/project';
import { parseHalfYear, parseMilestoneState } from '../../shared/domain/project-card';
import { formatMonth, parseMonth } from '../../shared/danish/month';
import { recordRiskActivity, updateMilestone, UserError } from '../index';
import { parseCli } from './messages';
import { change, must, one, type Io, type Usage } from './projects';

export const MILESTONE_USAGE = `  puljeplan milestone <fil.sqlite> --line "<navn>" [--pool "<pulje>"] --half 2024-1 [--text "…"] [--state ${MILESTONE_STATES.join('|')}|-] [--remove]
  puljeplan risk <fil.sqlite> --line "<navn>" [--pool "<pulje>"] --activity risikovurdering|sparringsmøde --month 2024-03 [--note "…"]`;

export function cmdMilestone(argv: string[], io: Io, usage: Usage): number {
  const { values, positionals } = parseCli(argv, {
    line: { type: 'string' },
    pool: { type: 'string' },
    half: { type: 'string' },
    text: { type: 'string' },
    state: { type: 'string' },
    remove: { type: 'boolean' },
  });
  const file = one(positionals, 'milestone', usage);
  if (values.line === undefined || values.half === undefined)
    throw usage('milestone kræver --line "<navn>" og --half <halvår>.');
  const half = must(parseHalfYear(values.half), 'half');
  const state = values.state === undefined ? null : must(parseMilestoneState(values.state), 'state');
  if (values.remove && (values.text !== undefined || values.state !== undefined))
    throw usage('--remove kan ikke bruges sammen med --text eller --state.');
  if (!values.remove && values.text === undefined) throw usage('milestone kræver --text "…" (eller --remove).');
  const value = values.remove ? null : { text: values.text ?? '', state };
  const { target, changed } = change(file, values.line, values.pool, { half }, (s, id) =>
    updateMilestone(s, id, half, value),
  );
  const what = value ? `«${value.text}»${value.state ? ` (${value.state})` : ''}` : 'fjernet';
  io.out(`${target.name}, ${formatHalfYear(half)}: ${changed ? `milepæl ${what}` : 'uændret'}.`);
  return 0;
}

export function cmdRisk(argv: string[], io: Io, usage: Usage): number {
  const { values, positionals } = parseCli(argv, {
    line: { type: 'string' },
    pool: { type: 'string' },
    activity: { type: 'string' },
    month: { type: 'string' },
    note: { type: 'string' },
  });
  const file = one(positionals, 'risk', usage);
  if (values.line === undefined || values.activity === undefined || values.month === undefined)
    throw usage('risk kræver --line "<navn>", --activity <aktivitet> og --month <måned>.');
  const kind = RISK_ACTIVITY_KINDS.find(
    (k) => k.localeCompare(values.activity!.trim(), 'da', { sensitivity: 'base' }) === 0,
  );
  if (!kind)
    throw new UserError(
      `--activity: «${values.activity}» er ikke en aktivitet. Skriv risikovurdering eller sparringsmøde.`,
    );
  const month = must(parseMonth(values.month), 'month');
  if (month === null) throw new UserError('--month: angiv en måned, fx 2024-03.');
  const activity: { kind: RiskActivityKind; month: string; note?: string } = { kind, month };
  if (values.note !== undefined) activity.note = values.note;
  const { target } = change(file, values.line, values.pool, activity, (s, id) => recordRiskActivity(s, id, activity));
  io.out(`${target.name}: ${kind} ${formatMonth(month)} er registreret.`);
  return 0;
}
