/**
 * The one Danish amount parser and formatter: typing, paste and import all use it.
 * Amounts are written in thousands of kroner: `.` groups thousands, `,` is the decimal
 * mark (`1.500`, `10.650`, `1.234,5`, `-250`); a lone `-` means zero (the annex prints
 * zeros that way). The result is whole kroner (see money.ts).
 */
import { YEAR_RANGE } from '../domain/limits';
import { MAX_CELL_KRONER, thousandsToKroner, type Kroner } from '../domain/money';

export type AmountParse = { ok: true; value: Kroner | null } | { ok: false; message: string };

const EXAMPLES = 'Skriv fx 1.500, 1500, 1.234,5 eller -250.';
// Spaces people and spreadsheets put in numbers: normal, no-break, narrow no-break, thin.
const SPACE = /[\u0020\u00a0\u202f\u2009]/g;
const MINUS = /^[-\u2212\u2013]/;
const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const SPACED = /^\d{1,3}( \d{3})+$/;
const PLAIN = /^\d+$/;

function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `«${shown}»`;
}

export function parseAmount(input: string | number | null | undefined): AmountParse {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') {
    const kroner = thousandsToKroner(input);
    if (kroner !== null) return { ok: true, value: kroner };
    return { ok: false, message: `${quote(String(input).replace('.', ','))} er ikke et beløb i hele kroner.` };
  }
  const original = input;
  let text = input.replace(/^[\u0020\u00a0\u202f\u2009\t\r\n]+|[\u0020\u00a0\u202f\u2009\t\r\n]+$/g, '');
  if (text === '') return { ok: true, value: null };
  if (/^[-\u2212\u2013]$/.test(text)) return { ok: true, value: 0 };

  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true; // accounting style (250)
    text = text.slice(1, -1).trim();
  }
  if (MINUS.test(text)) {
    negative = !negative;
    text = text.slice(1).trimStart();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trimStart();
  }

  const parts = text.split(',');
  if (parts.length > 2) return { ok: false, message: `${quote(original)} er ikke et beløb. ${EXAMPLES}` };
  const intText = parts[0] ?? '';
  const fracText = parts[1];

  let digits: string;
  if (intText === '' && fracText !== undefined) digits = '0';
  else if (PLAIN.test(intText)) digits = intText;
  else if (GROUPED.test(intText)) digits = intText.replace(/\./g, '');
  else if (SPACED.test(intText.replace(SPACE, ' '))) digits = intText.replace(SPACE, '');
  else if (/^\d+(\.\d+)+$/.test(intText)) {
    return {
      ok: false,
      message: `${quote(original)} er ikke et beløb: punktum skiller tusinder (1.500). Brug komma til decimaler (1,5).`,
    };
  } else return { ok: false, message: `${quote(original)} er ikke et beløb. ${EXAMPLES}` };

  let frac = '';
  if (fracText !== undefined) {
    if (!PLAIN.test(fracText)) return { ok: false, message: `${quote(original)} er ikke et beløb. ${EXAMPLES}` };
    frac = fracText.replace(/0+$/, '');
    if (frac.length > 3) {
      return {
        ok: false,
        message: `${quote(original)} har for mange decimaler: beløb er i 1.000 kr, så højst tre decimaler (hele kroner).`,
      };
    }
  }

  const wholeThousands = digits.replace(/^0+(?=\d)/, '');
  if (wholeThousands.length > 12) return tooLarge(original);
  const kroner = Number(wholeThousands) * 1000 + Number(frac.padEnd(3, '0') || '0');
  if (kroner > MAX_CELL_KRONER) return tooLarge(original);
  return { ok: true, value: negative && kroner !== 0 ? -kroner : kroner };
}

function tooLarge(original: string): AmountParse {
  return {
    ok: false,
    message: `${quote(original)} er for stort: højst ${formatAmount(MAX_CELL_KRONER)} (1.000 kr) i én celle.`,
  };
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}

/** Whole kroner as Danish text in thousands: 1500000 -> `1.500`, 1234500 -> `1.234,5`, null -> ``. */
export function formatAmount(kroner: Kroner | null | undefined): string {
  if (kroner === null || kroner === undefined) return '';
  const negative = kroner < 0;
  const abs = Math.abs(kroner);
  const whole = Math.floor(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${groupThousands(String(whole))}${frac ? `,${frac}` : ''}`;
}

/** A plain number for the clipboard and for machines: 1234500 -> `1234.5`. */
export function formatAmountPlain(kroner: Kroner | null | undefined): string {
  if (kroner === null || kroner === undefined) return '';
  const negative = kroner < 0;
  const abs = Math.abs(kroner);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${Math.floor(abs / 1000)}${frac ? `.${frac}` : ''}`;
}

/** A budget year as typed or read: a whole number from 1900 to 2200. */
export function parseYear(input: string | number): number | null {
  const text = String(input).trim();
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max ? year : null;
}
