/**
 * What a user types into an amount cell: a Danish amount, or, as in Excel, a formula that starts
 * with `=` (`=100+50`, `=1.500*2`, `=(2.700+300)/2`) and is computed when it is entered; the value
 * is stored, not the formula (docs/domain.md, «Formulas on entry»). Every number in a formula is
 * read by the one Danish amount parser (number.ts). The arithmetic is exact (fractions of big
 * integers, in thousands); the result is rounded to whole kroner, half away from zero.
 */
import { MAX_CELL_KRONER, type Kroner } from '../domain/money';
import { formatAmount, parseAmount, type AmountParse } from './number';

/** An entry's value, and for a formula whose exact result was finer than a krone, that it was rounded. */
export type EntryParse = { ok: true; value: Kroner | null; rounded?: boolean } | { ok: false; message: string };

/** A fraction n/d of thousands of kroner, d > 0. */
interface Fraction {
  n: bigint;
  d: bigint;
}

class FormulaError extends Error {}

const OPERATOR = /[-+*/:×÷−–%()]/;
const NUMBER = /[0-9.,]/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

function fraction(n: bigint, d: bigint): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

const add = (a: Fraction, b: Fraction, sign: 1n | -1n) => fraction(a.n * b.d + sign * b.n * a.d, a.d * b.d);
const multiply = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
function divide(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new FormulaError('dividerer med nul');
  return fraction(a.n * b.d, a.d * b.n);
}

// Far past any cell (100 mia. kr): stops a formula like =9.999.999*9.999.999*… from growing big integers.
const LIMIT = 10n ** 30n;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (NUMBER.test(c)) {
      let j = i;
      while (j < text.length && NUMBER.test(text[j]!)) j++;
      tokens.push(text.slice(i, j));
      i = j;
    } else if (OPERATOR.test(c)) {
      tokens.push(c === '−' || c === '–' ? '-' : c === '×' ? '*' : c === ':' || c === '÷' ? '/' : c);
      i++;
    } else throw new FormulaError(`«${c}» kan ikke bruges i en formel`);
  }
  return tokens;
}

/** Recursive descent: sum := product (± product)*; product := unary (×/÷ unary)*; unary := ±unary | atom %*. */
class Parser {
  private at = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Fraction {
    if (!this.tokens.length) throw new FormulaError('formlen er tom');
    const value = this.sum();
    if (this.at < this.tokens.length) throw new FormulaError(`«${this.tokens[this.at]}» står et forkert sted`);
    return value;
  }

  private peek = () => this.tokens[this.at];

  private sum(): Fraction {
    let value = this.product();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.at++;
      value = checked(add(value, this.product(), op === '+' ? 1n : -1n));
    }
    return value;
  }

  private product(): Fraction {
    let value = this.unary();
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.at++;
      const right = this.unary();
      value = checked(op === '*' ? multiply(value, right) : divide(value, right));
    }
    return value;
  }

  private unary(): Fraction {
    const op = this.peek();
    if (op === '-' || op === '+') {
      this.at++;
      const value = this.unary();
      return op === '-' ? { n: -value.n, d: value.d } : value;
    }
    let value = this.atom();
    while (this.peek() === '%') {
      this.at++;
      value = fraction(value.n, value.d * 100n);
    }
    return value;
  }

  private atom(): Fraction {
    const token = this.peek();
    if (token === undefined) throw new FormulaError('formlen slutter for tidligt');
    this.at++;
    if (token === '(') {
      const value = this.sum();
      if (this.peek() !== ')') throw new FormulaError('der mangler en slutparentes');
      this.at++;
      return value;
    }
    if (!NUMBER.test(token[0]!)) throw new FormulaError(`«${token}» står et forkert sted`);
    const parsed: AmountParse = parseAmount(token);
    if (!parsed.ok || parsed.value === null) throw new FormulaError(`«${token}» er ikke et tal`);
    return fraction(BigInt(parsed.value), 1000n);
  }
}

function checked(value: Fraction): Fraction {
  const abs = value.n < 0n ? -value.n : value.n;
  if (abs / value.d > LIMIT || value.d > LIMIT) throw new FormulaError('tallene bliver for store');
  return value;
}

/** Whole kroner nearest to a fraction of thousands; a half krone is rounded away from zero. */
function toKroner(value: Fraction): { kroner: bigint; exact: boolean } {
  const n = value.n * 1000n;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const whole = abs / value.d;
  const rest = abs % value.d;
  const kroner = rest * 2n >= value.d ? whole + 1n : whole;
  return { kroner: negative ? -kroner : kroner, exact: rest === 0n };
}

/** The value of a formula (text after `=`), in whole kroner. */
export function evaluateFormula(formula: string): EntryParse {
  const shown = formula.length > 40 ? `${formula.slice(0, 40)}…` : formula;
  try {
    const { kroner, exact } = toKroner(new Parser(tokenize(formula)).parse());
    if (kroner > BigInt(MAX_CELL_KRONER) || kroner < -BigInt(MAX_CELL_KRONER)) {
      return {
        ok: false,
        message: `Formlen «=${shown}» giver mere end ${formatAmount(MAX_CELL_KRONER)} (1.000 kr), som er det højeste i én celle.`,
      };
    }
    const value = Number(kroner);
    return { ok: true, value: value === 0 ? 0 : value, ...(exact ? {} : { rounded: true }) };
  } catch (err) {
    if (!(err instanceof FormulaError)) throw err;
    return {
      ok: false,
      message: `Formlen «=${shown}» kan ikke regnes ud: ${err.message}. Skriv fx =1.500*2 eller =(2.700+300)/2.`,
    };
  }
}

/**
 * A cell entry as typed, pasted or read from an annex's text cell: `=` starts a formula, anything
 * else is a Danish amount (parseAmount).
 */
export function parseEntry(input: string | number | null | undefined): EntryParse {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('=')) return evaluateFormula(text.slice(1));
  }
  return parseAmount(input);
}
