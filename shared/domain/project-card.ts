/**
 * The project card's lists and words beyond project.ts (docs/domain.md «Projects and monthly
 * status»): who can be responsible, half-years as typed, and the it-råd flag's message.
 */
import { count } from '../danish/text';
import { REGIONS } from './model';
import { MILESTONE_STATES, type MilestoneState, type Parsed } from './project';

/** *Ansvarlig*: the five regions and the national bodies; the list grows with every name used in the portfolio. */
export const RESPONSIBLE_DEFAULTS: readonly string[] = [
  ...REGIONS.map((r) => r.code),
  'SDS',
  'DR',
  'KL',
  'MedCom',
  'SUM',
];

/** The defaults first, then the names the portfolio's cards use (sorted the Danish way), each once. */
export function responsibleList(used: Iterable<string>): string[] {
  const seen = new Set(RESPONSIBLE_DEFAULTS.map((r) => r.toLocaleLowerCase('da')));
  const extra = [...new Set([...used].map((u) => u.trim()).filter(Boolean))]
    .filter((u) => !seen.has(u.toLocaleLowerCase('da')))
    .sort((a, b) => a.localeCompare(b, 'da'));
  return [...RESPONSIBLE_DEFAULTS, ...extra];
}

/** A half-year typed `2024-1`, `2024-H1`, `1. halvår 2024` or `H1 2024`; stored `2024-H1`. */
export function parseHalfYear(text: string): Parsed<string> {
  const t = text.trim().toLowerCase();
  let m: RegExpExecArray | null;
  let year = '';
  let half = '';
  if ((m = /^(\d{4})\s*-\s*h?([12])$/.exec(t))) [year, half] = [m[1]!, m[2]!];
  else if ((m = /^(?:h([12])|([12])\.?\s*halvår)\s+(\d{4})$/.exec(t))) [year, half] = [m[3]!, (m[1] ?? m[2])!];
  if (year && Number(year) >= 1900 && Number(year) <= 2200) return { ok: true, value: `${year}-H${half}` };
  return { ok: false, message: `«${text.trim()}» er ikke et halvår. Skriv fx 2024-1 eller 1. halvår 2024.` };
}

/** A milestone's state by its word (`på sporet`, `risiko`, `forsinket`, `sat i bero`, `nået`); `-` is none. */
export function parseMilestoneState(text: string): Parsed<MilestoneState | null> {
  const t = text.trim();
  if (t === '' || t === '-') return { ok: true, value: null };
  const found = MILESTONE_STATES.find((s) => s.localeCompare(t, 'da', { sensitivity: 'base' }) === 0);
  if (found) return { ok: true, value: found };
  return { ok: false, message: `«${t}» er ikke en tilstand. Vælg en af ${MILESTONE_STATES.join(', ')} eller -.` };
}

/** The status bar's message when an edit brings a project over the it-råd's threshold. */
const riskFlagMessage = (name: string): string => `${name} skal nu risikovurderes af it-rådet (over 10 mio. kr.).`;

/** At most this many projects are named one by one; more are counted, with the first named. */
const NAMED_FLAGS = 3;

/**
 * The status bar's message when an edit (or a paste of many lines) brings projects over the
 * threshold: each named, up to three; beyond that a count, the first three, and where to see all.
 */
export function riskFlagsMessage(names: readonly string[]): string {
  if (names.length <= NAMED_FLAGS) return names.map(riskFlagMessage).join(' ');
  const first = names
    .slice(0, NAMED_FLAGS)
    .map((n) => `«${n}»`)
    .join(', ');
  return `${count(names.length, 'projekt', 'projekter')} skal nu risikovurderes af it-rådet (over 10 mio. kr.), bl.a. ${first}. «Skal risikovurderes» viser dem.`;
}
