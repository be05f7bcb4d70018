/**
 * Months as a project's start, end and status month (docs/domain.md «Projects and monthly status»):
 * stored `2024-04`, shown `apr. 2024` (date-fns with the da locale, as shared/danish/time.ts), typed
 * `apr 24`, `apr. 2024`, `april 2024`, `Mar '24`, `04-2024`, `4/2024` or `2024-04`.
 */
import { format } from 'date-fns';
import { da } from 'date-fns/locale';

/** `YYYY-MM`, month 01–12, year 1900–2200 (the budget years' range). */
export type Month = string;

const NAMES: readonly (readonly string[])[] = [
  ['jan', 'januar'],
  ['feb', 'februar'],
  ['mar', 'marts'],
  ['apr', 'april'],
  ['maj'],
  ['jun', 'juni'],
  ['jul', 'juli'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['okt', 'oktober'],
  ['nov', 'november'],
  ['dec', 'december'],
];

const monthOf = (y: number, m: number): Month | null =>
  y >= 1900 && y <= 2200 && m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, '0')}` : null;

/** A two-digit year is this century's (`24` → 2024), as the status reports write `Mar '24`. */
const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) && parseMonth(value).ok;
}

export type MonthResult = { ok: true; value: Month | null } | { ok: false; message: string };

/** Empty text is no month (`null`); anything else that is not a month is refused with a Danish message. */
export function parseMonth(text: string): MonthResult {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[’'`´]/g, ' ');
  if (t === '') return { ok: true, value: null };
  let month: Month | null = null;
  let m: RegExpMatchArray | null;
  if ((m = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(t))) month = monthOf(Number(m[1]), Number(m[2]));
  else if ((m = /^(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$/.exec(t))) month = monthOf(fullYear(m[2]!), Number(m[1]));
  else if ((m = /^([a-zæøå]+)\.?\s*(\d{4}|\d{2})$/.exec(t))) {
    const index = NAMES.findIndex((names) => names.includes(m![1]!));
    if (index >= 0) month = monthOf(fullYear(m[2]!), index + 1);
  }
  if (month) return { ok: true, value: month };
  return {
    ok: false,
    message: `«${text.trim()}» er ikke en måned. Skriv fx apr 24, apr. 2024, 04-2024 eller 2024-04.`,
  };
}

/** `2024-04` → `apr. 2024`; an unreadable value is shown as it came. */
export function formatMonth(month: Month | null): string {
  if (month === null) return '';
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return format(new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1), 'MMM yyyy', { locale: da });
}

/** The month before: `2024-01` → `2023-12`. */
export function previousMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month of a date (the status month a new report starts at). */
export function monthOfDate(date: Date): Month {
  return format(date, 'yyyy-MM');
}

/** The month after: `2023-12` → `2024-01` (the month «Ny statusmåned» starts). */
export function nextMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
