/** The plausibility check on a typed amount: what is asked about, and what is saved silently. */
import { describe, expect, it } from 'vitest';
import { implausibleAmount } from '../../../shared/domain/plausibility';

describe('implausibleAmount', () => {
  it('asks about an amount over 1 mia. kr, as 12.345.678 (1.000 kr) typed for 12.345,678', () => {
    expect(implausibleAmount(12_345_678_000, [])).toBe('12.345.678 (1.000 kr) er mere end 1 mia. kr.');
    expect(implausibleAmount(-1_000_000_001, [])).toContain('mere end 1 mia. kr.');
  });

  it('accepts 1 mia. kr exactly and anything below it on a line without other amounts', () => {
    expect(implausibleAmount(1_000_000_000, [])).toBeNull();
    expect(implausibleAmount(999_999_999, [0, 0])).toBeNull();
    expect(implausibleAmount(null, [1])).toBeNull();
  });

  it('asks about 100 times the largest of the line’s other years, but not 99 times', () => {
    expect(implausibleAmount(150_000_000, [1_500_000, 800_000])).toBe(
      '150.000 er mindst 100 gange linjens største beløb i de andre år (1.500).',
    );
    expect(implausibleAmount(-150_000_000, [-1_500_000])).toContain('mindst 100 gange');
    expect(implausibleAmount(148_500_000, [1_500_000, 800_000])).toBeNull();
    expect(implausibleAmount(0, [1_500_000])).toBeNull();
  });
});
