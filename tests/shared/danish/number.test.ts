/**
 * Danish amounts as finance staff type them into the grid: thousands of kroner, `.` groups
 * thousands, `,` is the decimal mark (docs/domain.md). The result is whole kroner.
 */
import { describe, expect, it } from 'vitest';
import { formatAmount, formatAmountPlain, parseAmount, parseYear } from '../../../shared/danish/number';
import { MAX_CELL_KRONER } from '../../../shared/domain/money';
import { seededRandom as random } from '../../seeded-random';

const NBSP = '\u00a0';

function accepted(text: string): number | null {
  const result = parseAmount(text);
  if (!result.ok) throw new Error(`«${text}» was refused: ${result.message}`);
  return result.value;
}

function refused(text: string): string {
  const result = parseAmount(text);
  if (result.ok) throw new Error(`«${text}» was accepted as ${String(result.value)}`);
  return result.message;
}

describe('parseAmount accepts what a Danish user types', () => {
  it.each([
    ['1.500', 1_500_000],
    ['1500', 1_500_000],
    ['1.234,5', 1_234_500],
    ['-250', -250_000],
    ['10.650', 10_650_000],
    ['0', 0],
    ['-', 0],
    [`${NBSP}1${NBSP}500${NBSP}`, 1_500_000],
    [' 1 500 ', 1_500_000],
    ['1.234.567', 1_234_567_000],
    ['(250)', -250_000],
    ['0,001', 1],
    ['1.234,567', 1_234_567],
    ['1,2340', 1_234],
    [',5', 500],
    ['\u2212250', -250_000],
    ['+250', 250_000],
    ['100.000.000', MAX_CELL_KRONER],
  ])('«%s» is %i kr', (text, kroner) => {
    expect(accepted(text)).toBe(kroner);
  });

  it('an empty cell is empty (null), not zero', () => {
    expect(accepted('')).toBeNull();
    expect(accepted('   ')).toBeNull();
    expect(parseAmount(null)).toEqual({ ok: true, value: null });
  });

  it('never gives minus zero', () => {
    expect(Object.is(accepted('-0'), 0)).toBe(true);
    expect(Object.is(accepted('(0)'), 0)).toBe(true);
  });
});

describe('parseAmount refuses with a Danish message that says what to write', () => {
  it('«1,2,3»: not an amount, with examples', () => {
    const message = refused('1,2,3');
    expect(message).toBe('«1,2,3» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250.');
  });

  it('«abc»: not an amount', () => {
    expect(refused('abc')).toBe('«abc» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250.');
  });

  it.each(['1.5', '12.34', '1.2345'])('«%s»: a point groups thousands, use a comma for decimals', (text) => {
    const message = refused(text);
    expect(message).toContain(`«${text}» er ikke et beløb`);
    expect(message).toContain('punktum skiller tusinder (1.500)');
    expect(message).toContain('Brug komma til decimaler (1,5)');
  });

  it('«1,2345»: more than three decimals is finer than a krone', () => {
    const message = refused('1,2345');
    expect(message).toContain('«1,2345» har for mange decimaler');
    expect(message).toContain('højst tre decimaler (hele kroner)');
  });

  it.each(['100.000.001', '1000000000000', '9999999999999999999'])('«%s»: too large for one cell', (text) => {
    const message = refused(text);
    expect(message).toContain(`«${text}» er for stort`);
    expect(message).toContain('højst 100.000.000 (1.000 kr) i én celle');
  });

  it('quotes a long input shortened, so the message stays readable', () => {
    const message = refused('x'.repeat(200));
    expect(message).toContain(`«${'x'.repeat(40)}…»`);
    expect(message.length).toBeLessThan(120);
  });

  it.each(['1 50', '1.50.000', '1,5,', '12a', '--5', '1e3'])('«%s» is refused', (text) => {
    expect(refused(text)).toMatch(/^«.*» er ikke et beløb/);
  });
});

describe('parseAmount from a number (a workbook cell, JSON)', () => {
  it('takes thousands of kroner and refuses finer than a krone', () => {
    expect(parseAmount(1234.5)).toEqual({ ok: true, value: 1_234_500 });
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: true, value: 300 });
    const result = parseAmount(1.0005);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe('«1,0005» er ikke et beløb i hele kroner.');
  });
});

describe('formatAmount writes what the annex shows', () => {
  it.each([
    [1_500_000, '1.500'],
    [10_650_000, '10.650'],
    [-250_000, '-250'],
    [1_234_500, '1.234,5'],
    [1_234_567_000, '1.234.567'],
    [1, '0,001'],
    [-1_050, '-1,05'],
    [0, '0'],
    [MAX_CELL_KRONER, '100.000.000'],
  ])('%i kr is «%s»', (kroner, text) => {
    expect(formatAmount(kroner)).toBe(text);
  });

  it('an empty cell is an empty string', () => {
    expect(formatAmount(null)).toBe('');
    expect(formatAmount(undefined)).toBe('');
  });

  it('formatAmountPlain is for the clipboard: no grouping, a point for decimals', () => {
    expect(formatAmountPlain(1_234_500)).toBe('1234.5');
    expect(formatAmountPlain(-250_000)).toBe('-250');
    expect(formatAmountPlain(null)).toBe('');
  });
});

describe('round trips', () => {
  it('parseAmount(formatAmount(x)) === x for 20,000 random whole-kroner amounts', () => {
    const next = random(20_220_101);
    const failures: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Mix magnitudes, so small amounts with decimals are as common as large ones.
      const scale = 10 ** Math.floor(next() * 12);
      const x = Math.round((next() * 2 - 1) * Math.min(scale, MAX_CELL_KRONER));
      const back = parseAmount(formatAmount(x));
      if (!back.ok || back.value !== x) failures.push(`${x} -> «${formatAmount(x)}» -> ${JSON.stringify(back)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('the largest amounts round-trip too', () => {
    for (const x of [MAX_CELL_KRONER, -MAX_CELL_KRONER, MAX_CELL_KRONER - 1, 999, -1]) {
      expect(parseAmount(formatAmount(x))).toEqual({ ok: true, value: x });
    }
  });
});

describe('parseYear', () => {
  it('accepts four-digit budget years and refuses others', () => {
    expect(parseYear('2024')).toBe(2024);
    expect(parseYear(' 2022 ')).toBe(2022);
    expect(parseYear(2023)).toBe(2023);
    expect(parseYear('24')).toBeNull();
    expect(parseYear('2024,5')).toBeNull();
    expect(parseYear('1899')).toBeNull();
    expect(parseYear('2201')).toBeNull();
  });
});
