import { describe, expect, it } from 'vitest';
import {
  overallOf,
  parseLight,
  parsePhase,
  parseRiskProfile,
  riskReview,
  worstLight,
  type MonthStatus,
} from '../../../shared/domain/project';

const status = (s: Partial<MonthStatus>): MonthStatus => ({
  deliveries: null,
  time: null,
  money: null,
  resources: null,
  overall: null,
  remark: '',
  ...s,
});

describe('lights', () => {
  it.each([
    ['grøn', 'grøn'],
    ['G', 'grøn'],
    ['gul', 'gul'],
    ['y', 'gul'],
    ['RØD', 'rød'],
    ['r', 'rød'],
    ['-', null],
    ['', null],
    ['ikke vurderet', null],
  ])('reads %s as %s', (text, light) => {
    expect(parseLight(text)).toEqual({ ok: true, value: light });
  });

  it('refuses an unknown colour in Danish', () => {
    expect(parseLight('lilla')).toEqual({
      ok: false,
      message: '«lilla» er ikke en status. Skriv grøn, gul, rød eller - (ikke vurderet).',
    });
  });

  it('overall is the worst light, ikke vurderet counting for nothing', () => {
    expect(worstLight([null, null])).toBeNull();
    expect(overallOf(status({ deliveries: 'grøn', time: 'gul' }))).toBe('gul');
    expect(overallOf(status({ deliveries: 'rød', time: 'gul', money: null }))).toBe('rød');
  });

  it('overall set by hand wins over the worst light', () => {
    expect(overallOf(status({ deliveries: 'rød', overall: 'gul' }))).toBe('gul');
  });
});

describe('phases and risk profiles', () => {
  it('reads phases regardless of case and accent', () => {
    expect(parsePhase('gennemførelse')).toEqual({ ok: true, value: 'Gennemførelse' });
    expect(parsePhase('ide')).toEqual({ ok: true, value: 'Idé' });
    expect(parsePhase('Pauseret')).toEqual({ ok: true, value: 'Pauseret' });
    expect(parsePhase('-')).toEqual({ ok: true, value: null });
    expect(parsePhase('Drift').ok).toBe(false);
  });

  it('reads risk profiles by letter or name', () => {
    expect(parseRiskProfile('B')).toEqual({ ok: true, value: 'B' });
    expect(parseRiskProfile('a meget høj')).toEqual({ ok: true, value: 'A' });
    expect(parseRiskProfile('-')).toEqual({ ok: true, value: null });
    expect(parseRiskProfile('D')).toEqual({
      ok: false,
      message: '«D» er ikke en risikoprofil. Vælg en af A, B, C.',
    });
  });
});

describe('the it-råd rule', () => {
  it('a fællesregional project at exactly 10 mio. kr. is not required; one krone more is', () => {
    expect(riskReview('fællesregional', 10_000_000, null)).toEqual({ required: false, reason: null });
    const over = riskReview('fællesregional', 10_000_001, null);
    expect(over.required).toBe(true);
    expect(over.reason).toMatch(/^Fællesregionalt projekt over 10 mio\. kr\./);
  });

  it('a national project is required on its regional part over 10 mio. kr.', () => {
    expect(riskReview('national', 10_000_000, null).required).toBe(false);
    expect(riskReview('national', 12_000_000, null)).toEqual({
      required: true,
      reason: 'Nationalt projekt med en regional andel over 10 mio. kr.: skal risikovurderes af It-rådet.',
    });
  });

  it('a pool of another kind never requires it, however large', () => {
    expect(riskReview('other', 90_000_000, null)).toEqual({ required: false, reason: null });
  });

  it('a recorded risikovurdering satisfies it and says when', () => {
    expect(riskReview('fællesregional', 20_000_000, 'risikovurderet 2023-05')).toEqual({
      required: false,
      reason: 'Fællesregionalt projekt over 10 mio. kr.: skal risikovurderes af It-rådet; risikovurderet 2023-05.',
    });
  });
});
