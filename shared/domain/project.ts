/**
 * A project is a top-level line of a pool, with a card, a monthly status and milestones
 * (docs/domain.md «Projects and monthly status»). The words are the status reports' own.
 */
import type { Kroner } from './money';

/** Lengths of a project card's short texts (purpose and remarks have a description's limit, TEXT_LIMITS). */
export const PROJECT_TEXT_LIMITS = { number: 30, responsible: 100, caseRef: 100 } as const;

/** A traffic light; `null` is «ikke vurderet» (shown `-`). */
export const LIGHTS = ['grøn', 'gul', 'rød'] as const;
export type Light = (typeof LIGHTS)[number];

/** The four lights of a month's status, in the report's order. */
export const LIGHT_FIELDS = ['deliveries', 'time', 'money', 'resources'] as const;
export type LightField = (typeof LIGHT_FIELDS)[number];
export const LIGHT_FIELD_NAMES: Record<LightField, string> = {
  deliveries: 'Leverancer',
  time: 'Tid',
  money: 'Penge',
  resources: 'Ressourcer',
};

const LIGHT_WORDS: Record<string, Light | null> = {
  grøn: 'grøn',
  g: 'grøn',
  green: 'grøn',
  gul: 'gul',
  y: 'gul',
  yellow: 'gul',
  rød: 'rød',
  r: 'rød',
  red: 'rød',
  '-': null,
  '': null,
  'ikke vurderet': null,
  'n/a': null,
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `grøn`, `gul`, `rød` (also `g`, `y`, `r`), `-` or empty for «ikke vurderet»; case does not matter. */
export function parseLight(text: string): Parsed<Light | null> {
  const key = text.trim().toLowerCase();
  if (key in LIGHT_WORDS) return { ok: true, value: LIGHT_WORDS[key]! };
  return { ok: false, message: `«${text.trim()}» er ikke en status. Skriv grøn, gul, rød eller - (ikke vurderet).` };
}

/** `grøn|gul|rød|-` as the CLI and the report write a light. */
export type LightText = Light | '-';
export const lightText = (light: Light | null): LightText => light ?? '-';

/** The worst of the lights; none assessed is none. */
export function worstLight(lights: readonly (Light | null)[]): Light | null {
  let worst = -1;
  for (const l of lights) if (l !== null) worst = Math.max(worst, LIGHTS.indexOf(l));
  return worst < 0 ? null : LIGHTS[worst]!;
}

export type MonthStatus = Record<LightField, Light | null> & {
  /** Set by hand; `null` means the worst of the four. */
  overall: Light | null;
  remark: string;
};

/** The overall status: the one set by hand, else the worst light. */
export function overallOf(status: MonthStatus): Light | null {
  return status.overall ?? worstLight(LIGHT_FIELDS.map((f) => status[f]));
}

export const PHASES = ['Idé', 'Analyse', 'Gennemførelse', 'Afsluttet', 'Pauseret'] as const;
export type Phase = (typeof PHASES)[number];

function pick<T extends string>(list: readonly T[], text: string, what: string): Parsed<T | null> {
  const t = text.trim();
  if (t === '' || t === '-' || t.toLowerCase() === 'ikke vurderet') return { ok: true, value: null };
  // Case and accents aside (`ide` is Idé); æ, ø and å stay letters of their own in Danish.
  const found = list.find((x) => x.localeCompare(t, 'da', { sensitivity: 'base' }) === 0);
  if (found) return { ok: true, value: found };
  return { ok: false, message: `«${t}» er ikke en ${what}. Vælg en af ${list.join(', ')}.` };
}

export const parsePhase = (text: string): Parsed<Phase | null> => pick(PHASES, text, 'fase');

/** The it-råd's risk profiles; `null` is «ikke vurderet». */
export const RISK_PROFILES = ['A', 'B', 'C'] as const;
export type RiskProfile = (typeof RISK_PROFILES)[number];
export const RISK_PROFILE_NAMES: Record<RiskProfile, string> = { A: 'A meget høj', B: 'B høj', C: 'C normal' };
/** `A`, `B`, `C` or the full name (`B høj`); `-` or empty for «ikke vurderet». */
export function parseRiskProfile(text: string): Parsed<RiskProfile | null> {
  const named = RISK_PROFILES.find(
    (p) => RISK_PROFILE_NAMES[p].localeCompare(text.trim(), 'da', { sensitivity: 'base' }) === 0,
  );
  return named ? { ok: true, value: named } : pick(RISK_PROFILES, text, 'risikoprofil');
}

export const RISK_ACTIVITY_KINDS = ['risikovurdering', 'sparringsmøde'] as const;
export type RiskActivityKind = (typeof RISK_ACTIVITY_KINDS)[number];

/** What a pool is for the it-råd rule; a pool without a kind set is `other`. */
export const POOL_KINDS = ['national', 'fællesregional', 'other'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];
export const POOL_KIND_NAMES: Record<PoolKind, string> = {
  national: 'national (fællesoffentlig)',
  fællesregional: 'fællesregional',
  other: 'anden',
};

/** A milestone's state (seed 002's four dots, plus reached). */
export const MILESTONE_STATES = ['på sporet', 'risiko', 'forsinket', 'sat i bero', 'nået'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export const MILESTONE_STATE_NAMES: Record<MilestoneState, string> = {
  'på sporet': 'Overholder deadline ±3 uger',
  risiko: 'Risiko for forsinkelse over 3 uger',
  forsinket: 'Stor sandsynlighed for forsinkelse med væsentlig påvirkning',
  'sat i bero': 'Sat i bero',
  nået: 'Nået',
};

/** A half-year: `2024-H1` is «1. halvår 2024». */
export type HalfYear = string;
export function formatHalfYear(half: HalfYear): string {
  const m = /^(\d{4})-H([12])$/.exec(half);
  return m ? `${m[2]}. halvår ${m[1]}` : half;
}

/** Over 10 mio. kr. (10.000 in 1.000 kr): exactly 10 mio. is not over (the it-råd's rule). */
export const IT_RAAD_THRESHOLD_KRONER: Kroner = 10_000_000;

export interface RiskReview {
  /** The project falls under the it-råd rule and no risikovurdering is recorded yet: it must be risk-assessed. */
  required: boolean;
  /** Why the rule applies (and when it was met), in Danish; null when it does not apply. */
  reason: string | null;
}

/**
 * The it-råd rule: a project in a fællesregional pool with a total budget over 10 mio. kr. (all
 * years), or a national project whose regional part (its amounts in this region's file) is over
 * 10 mio. kr., must be risk-assessed; a recorded risikovurdering (its month) satisfies it, and so
 * does a risk profile (the risikovurdering's outcome). `assessed` says which (`risikovurderet
 * 2023-05`), null when neither is recorded.
 */
export function riskReview(kind: PoolKind, total: Kroner, assessed: string | null): RiskReview {
  if (kind === 'other' || total <= IT_RAAD_THRESHOLD_KRONER) return { required: false, reason: null };
  const why =
    kind === 'fællesregional'
      ? 'Fællesregionalt projekt over 10 mio. kr.: skal risikovurderes af It-rådet'
      : 'Nationalt projekt med en regional andel over 10 mio. kr.: skal risikovurderes af It-rådet';
  return assessed === null
    ? { required: true, reason: `${why}.` }
    : { required: false, reason: `${why}; ${assessed}.` };
}

/** A month's lights as `cli report --json` writes them. */
export interface ReportLights {
  deliveries: LightText;
  time: LightText;
  money: LightText;
  resources: LightText;
  overall: LightText;
}

/** One project of the monthly status report (`cli report --json`); totals in 1.000 kr. */
export interface ReportProject {
  /** The project's line (the app edits by it; `report --json` leaves it out). */
  lineId: string;
  number: string | null;
  name: string;
  pool: string;
  phase: Phase | null;
  start: string | null;
  end: string | null;
  responsible: string;
  status: ReportLights;
  /** The month before's status; null when it has none. */
  previous: ReportLights | null;
  remark: string;
  purpose: string;
  total: number;
  riskReview: RiskReview & { profile: RiskProfile | null };
}

/** A project's card as the app shows it (`projects.get`); texts are '' and the rest null when not set. */
export interface ProjectCard {
  lineId: string;
  number: string | null;
  purpose: string;
  responsible: string;
  phase: Phase | null;
  start: string | null;
  end: string | null;
  caseRef: string;
  riskProfile: RiskProfile | null;
  riskReview: RiskReview & { profile: RiskProfile | null };
}

export interface StatusReport {
  month: string;
  projects: ReportProject[];
}

/** A month's status as the report writes its lights (`grøn|gul|rød|-`, overall computed unless set). */
export function reportLights(status: MonthStatus): ReportLights {
  return {
    deliveries: lightText(status.deliveries),
    time: lightText(status.time),
    money: lightText(status.money),
    resources: lightText(status.resources),
    overall: lightText(overallOf(status)),
  };
}
