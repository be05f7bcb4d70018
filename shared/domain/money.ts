/**
 * Money is stored and computed as whole kroner in plain integers (never floats).
 * The annex shows amounts in thousands of kroner ("Beløb i 1.000 kr"), so the
 * Danish text `1.234,5` is 1.234.500 kr. Three decimals in thousands = whole kroner.
 */
export type Kroner = number;

/** Largest amount one cell may hold: 100 mia. kr (100.000.000 in thousands). */
export const MAX_CELL_KRONER = 100_000_000_000;

export function isValidCellKroner(value: unknown): value is Kroner {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_CELL_KRONER;
}

/**
 * One rule for zeros (docs/grid.md, «Zeros»): an empty cell and a stored 0 are the same amount
 * to the user. The file keeps which it is; the grid, the export, the import and every edit plan
 * treat them alike.
 */
export function sameAmount(a: Kroner | null | undefined, b: Kroner | null | undefined): boolean {
  return (a ?? 0) === (b ?? 0);
}

/** Exact sum of integer kroner. Throws rather than return an inexact total. */
export function sumKroner(values: Iterable<Kroner | null | undefined>): Kroner {
  let sum = 0;
  for (const v of values) if (v) sum += v;
  if (!Number.isSafeInteger(sum)) throw new RangeError('Summen er for stor til at blive regnet præcist.');
  return sum;
}

/** Kroner as a JSON number in thousands of kroner (1.234.500 kr -> 1234.5). */
export function kronerToThousands(value: Kroner): number {
  return value / 1000;
}

/**
 * A number read from a workbook cell or JSON, in thousands of kroner, to whole kroner.
 * Returns null when it has more precision than whole kroner or is out of range.
 */
export function thousandsToKroner(value: number): Kroner | null {
  if (!Number.isFinite(value)) return null;
  const kroner = Math.round(value * 1000);
  // Accept only what a person could have typed: binary noise below a thousandth of a krone.
  if (Math.abs(kroner - value * 1000) > 1e-6 * Math.max(1, Math.abs(value))) return null;
  return isValidCellKroner(kroner) ? (kroner === 0 ? 0 : kroner) : null;
}
