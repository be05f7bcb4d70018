import { describe, expect, it } from 'vitest';
import { formatMonth, isMonth, parseMonth, previousMonth } from '../../../shared/danish/month';

describe('parseMonth', () => {
  it.each([
    ['apr 24', '2024-04'],
    ['apr. 2024', '2024-04'],
    ['April 2024', '2024-04'],
    ['04-2024', '2024-04'],
    ['4/2024', '2024-04'],
    ['2024-04', '2024-04'],
    ["Mar '24", '2024-03'],
    ['Apr’ 24', '2024-04'],
    ['okt ’23', '2023-10'],
    ['maj 2025', '2025-05'],
    ['dec. 27', '2027-12'],
    [' 2023-11 ', '2023-11'],
  ])('reads %s as %s', (text, month) => {
    expect(parseMonth(text)).toEqual({ ok: true, value: month });
  });

  it('reads empty text as no month', () => {
    expect(parseMonth('  ')).toEqual({ ok: true, value: null });
  });

  it.each(['2023-13', '13-2023', 'apx 24', '2024', 'apr', '2024-04-01', '0-2024', '1899-12'])(
    'refuses %s with a Danish message naming it',
    (text) => {
      const r = parseMonth(text);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.message).toBe(`«${text}» er ikke en måned. Skriv fx apr 24, apr. 2024, 04-2024 eller 2024-04.`);
    },
  );
});

describe('formatMonth', () => {
  it('shows a month the Danish way (date-fns da)', () => {
    expect(formatMonth('2024-04')).toBe('apr. 2024');
    expect(formatMonth('2024-05')).toBe('maj 2024');
    expect(formatMonth('2023-11')).toBe('nov. 2023');
    expect(formatMonth(null)).toBe('');
  });

  it('reads back what it shows', () => {
    for (let m = 1; m <= 12; m++) {
      const month = `2024-${String(m).padStart(2, '0')}`;
      expect(parseMonth(formatMonth(month))).toEqual({ ok: true, value: month });
    }
  });
});

describe('previousMonth and isMonth', () => {
  it('steps back over a year end', () => {
    expect(previousMonth('2024-01')).toBe('2023-12');
    expect(previousMonth('2023-11')).toBe('2023-10');
  });

  it('accepts only stored months', () => {
    expect(isMonth('2023-11')).toBe(true);
    expect(isMonth('2023-13')).toBe(false);
    expect(isMonth('nov. 2023')).toBe(false);
    expect(isMonth(202311)).toBe(false);
  });
});
