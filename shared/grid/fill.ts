/**
 * Excel's fill: Ctrl+D copies the top cell down; the fill handle continues what the seed
 * cells show. Two or more numbers that step evenly (100, 200) continue as a series (300, 400);
 * anything else — one cell, uneven steps, text or empty cells among them — is repeated in turn.
 * (Excel fits a least-squares trend to uneven numbers; repeating is what a user can predict.)
 */

/** The values that follow `seed` for `count` more cells. */
export function continueSeries<T>(seed: readonly (T | number | null)[], count: number): (T | number | null)[] {
  if (count <= 0 || seed.length === 0) return [];
  const step = evenStep(seed);
  if (step !== null) {
    const last = seed[seed.length - 1] as number;
    return Array.from({ length: count }, (_, i) => last + step * (i + 1));
  }
  return Array.from({ length: count }, (_, i) => seed[i % seed.length]!);
}

/** The common difference of two or more numbers, or null when they are not an even series. */
export function evenStep(seed: readonly unknown[]): number | null {
  if (seed.length < 2 || !seed.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) return null;
  const nums = seed as number[];
  const step = nums[1]! - nums[0]!;
  for (let i = 2; i < nums.length; i++) if (nums[i]! - nums[i - 1]! !== step) return null;
  return step;
}
