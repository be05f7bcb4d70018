/**
 * Formulas typed into an amount cell (`=1.500*2`): computed on entry in thousands of kroner, with
 * Danish numbers read by the one amount parser, stored as whole kroner (docs/domain.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, parseEntry } from '../../../shared/danish/formula';
import { formatAmount, parseAmount } from '../../../shared/danish/number';
import { MAX_CELL_KRONER } from '../../../shared/domain/money';

function value(text: string) {
  const result = parseEntry(text);
  if (!result.ok) throw new Error(`«${text}» was refused: ${result.message}`);
  return result;
}

function refused(text: string): string {
  const result = parseEntry(text);
  if (result.ok) throw new Error(`«${text}» was accepted as ${String(result.value)}`);
  return result.message;
}

describe('parseEntry computes a formula when it is entered', () => {
  it.each([
    ['=100+50', 150_000],
    ['=1.500*2', 3_000_000],
    ['=(2.700+300)/2', 1_500_000],
    ['= 1.234,5 - 234,5', 1_000_000],
    ['=-250', -250_000],
    ['=-(100+50)*2', -300_000],
    ['=2*-3', -6_000],
    ['=10−4', 6_000], // U+2212, as Word and web pages write minus
    ['=6×7', 42_000],
    ['=1.000:4', 250_000],
    ['=1.500*10%', 150_000],
    ['=0,001*3', 3],
    ['=100-100', 0],
    ['=100.000.000', MAX_CELL_KRONER],
  ])('%s is %d kr', (text, kroner) => {
    expect(value(text)).toEqual({ ok: true, value: kroner });
  });

  it('multiplies and divides before it adds and subtracts, as Excel does', () => {
    expect(value('=1+2*3').value).toBe(7_000);
    expect(value('=(1+2)*3').value).toBe(9_000);
    expect(value('=10-4-3').value).toBe(3_000);
    expect(value('=100/10/2').value).toBe(5_000);
  });

  it('rounds a result finer than a krone to whole kroner, half away from zero, and says so', () => {
    expect(value('=1.000/3')).toEqual({ ok: true, value: 333_333, rounded: true });
    expect(value('=2.000/3')).toEqual({ ok: true, value: 666_667, rounded: true });
    expect(value('=0,001/2')).toEqual({ ok: true, value: 1, rounded: true });
    expect(value('=-0,001/2')).toEqual({ ok: true, value: -1, rounded: true });
    expect(value('=0,001/3')).toEqual({ ok: true, value: 0, rounded: true });
  });

  it('refuses a formula that cannot be computed, naming it and why, in Danish', () => {
    expect(refused('=100/0')).toBe(
      'Formlen «=100/0» kan ikke regnes ud: dividerer med nul. Skriv fx =1.500*2 eller =(2.700+300)/2.',
    );
    expect(refused('=100/(5-5)')).toContain('dividerer med nul');
    expect(refused('=')).toContain('formlen er tom');
    expect(refused('=100+')).toContain('formlen slutter for tidligt');
    expect(refused('=(100+50')).toContain('der mangler en slutparentes');
    expect(refused('=100+50)')).toContain('«)» står et forkert sted');
    expect(refused('=100 50')).toContain('«50» står et forkert sted');
    expect(refused('=abc')).toContain('«a» kan ikke bruges i en formel');
    expect(refused('=SUM(1;2)')).toContain('«S» kan ikke bruges i en formel');
    expect(refused('=1,2,3+1')).toContain('«1,2,3» er ikke et tal');
    expect(refused('=1.50.000*2')).toContain('«1.50.000» er ikke et tal');
    expect(refused('=100.000.000+0,001')).toContain('højeste i én celle');
    expect(refused('=99.999.999*99.999.999*99.999.999*99.999.999')).toContain('for store');
  });

  it('reads anything without = exactly as the Danish amount parser does', () => {
    for (const text of ['1.500', '1.234,5', '-', '', '  ', 'abc', '1,2,3', '(250)', '+250']) {
      expect(parseEntry(text)).toEqual(parseAmount(text));
    }
    expect(parseEntry(null)).toEqual({ ok: true, value: null });
  });
});

describe('formulas, properties', () => {
  const kroner = fc.integer({ min: -MAX_CELL_KRONER, max: MAX_CELL_KRONER });
  const small = fc.integer({ min: -100_000_000, max: 100_000_000 });

  it('=amount is the amount, for every cell value written the Danish way', () => {
    fc.assert(
      fc.property(kroner, (k) => {
        expect(parseEntry(`=${formatAmount(k)}`)).toEqual({ ok: true, value: k });
      }),
    );
  });

  it('a sum or difference of two amounts is exact to the krone', () => {
    fc.assert(
      fc.property(small, small, fc.constantFrom('+', '-'), (a, b, op) => {
        const result = evaluateFormula(`${formatAmount(a)}${op}(${formatAmount(b)})`);
        expect(result).toEqual({ ok: true, value: op === '+' ? a + b : a - b });
      }),
    );
  });

  it('an amount times a whole number, divided by it again, is the amount', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 1, max: 1000 }), (a, n) => {
        expect(evaluateFormula(`${formatAmount(a)}*${n}`)).toEqual({ ok: true, value: a * n });
        expect(evaluateFormula(`(${formatAmount(a)}*${n})/${n}`)).toEqual({ ok: true, value: a });
      }),
    );
  });

  it('a division is off by at most half a krone, and rounded only when it is not exact', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 1, max: 10_000 }), (a, n) => {
        const result = evaluateFormula(`${formatAmount(a)}/${n}`);
        if (!result.ok || result.value === null) throw new Error('refused');
        expect(Math.abs(result.value * n - a)).toBeLessThanOrEqual(n / 2);
        expect(result.rounded === true).toBe(a % n !== 0);
      }),
    );
  });

  it('never throws, and any refusal is a Danish message naming the formula', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-+*/()0-9.,% x]{0,20}$/), (text) => {
        const result = evaluateFormula(text);
        if (!result.ok) expect(result.message).toMatch(/^Formlen «=/);
        else if (result.value !== null) expect(Math.abs(result.value)).toBeLessThanOrEqual(MAX_CELL_KRONER);
      }),
    );
  });
});
