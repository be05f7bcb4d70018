/**
 * The plausibility check on a typed amount (docs/grid.md, «Plausibility check»): a slip of the
 * keyboard (three zeros too many, a number pasted into the wrong cell) is asked about before it
 * is saved, not found in the annex months later.
 */
import { formatAmount } from '../danish/number';
import type { Kroner } from './money';

/** A line's amounts in every year but `year` (empty ones left out): what implausibleAmount compares with. */
export function otherYears(amounts: Readonly<Record<string, Kroner | null | undefined>>, year: number): Kroner[] {
  const out: Kroner[] = [];
  for (const [y, v] of Object.entries(amounts)) if (Number(y) !== year && typeof v === 'number') out.push(v);
  return out;
}

/** Above this a typed amount is asked about: 1 mia. kr (1.000.000 in 1.000 kr). */
export const PLAUSIBLE_MAX_KRONER = 1_000_000_000;
/** A typed amount this many times the largest of the line's other years is asked about. */
export const PLAUSIBLE_FACTOR = 100;

/**
 * Why `value` looks like a slip, in Danish, or null when it looks right. `others` are the line's
 * amounts in its other years (empty ones left out).
 */
export function implausibleAmount(value: Kroner | null, others: readonly Kroner[]): string | null {
  if (value === null) return null;
  const size = Math.abs(value);
  if (size > PLAUSIBLE_MAX_KRONER) {
    return `${formatAmount(value)} (1.000 kr) er mere end 1 mia. kr.`;
  }
  const largest = Math.max(0, ...others.map(Math.abs));
  if (largest > 0 && size >= PLAUSIBLE_FACTOR * largest) {
    return `${formatAmount(value)} er mindst ${PLAUSIBLE_FACTOR} gange linjens største beløb i de andre år (${formatAmount(largest)}).`;
  }
  return null;
}
