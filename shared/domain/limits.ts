/**
 * Every limit on what a portfolio holds, in one place: the commands (db/core/ops.ts), the contract's
 * schemas, the CLI, the Excel import, the checks of a received file (db/share/rows.ts) and the page
 * all read them here, so Puljeplan never writes what it later refuses (docs/domain.md).
 */
import { MAX_CELL_KRONER } from './money';

export const TEXT_LIMITS = { name: 300, title: 300, description: 20_000, comment: 500 } as const;
export type TextField = keyof typeof TEXT_LIMITS;

/** Budget years a portfolio may have. */
export const YEAR_RANGE = { min: 1900, max: 2200 } as const;

const WHAT: Record<TextField, string> = {
  name: 'Et navn',
  title: 'Titlen',
  description: 'En beskrivelse',
  comment: 'En kommentar',
};

const count = (n: number) => n.toLocaleString('da-DK');

/** The refusal of a text over its limit: names the limit and the length found. */
export function tooLongMessage(field: TextField, length?: number): string {
  const found = length === undefined ? '' : ` (den har ${count(length)})`;
  return `${WHAT[field]} må højst have ${count(TEXT_LIMITS[field])} tegn${found}.`;
}

/** Null when `text` is within its limit, else the Danish refusal. */
export function textLimitError(field: TextField, text: string): string | null {
  return text.length > TEXT_LIMITS[field] ? tooLongMessage(field, text.length) : null;
}

export const AMOUNT_LIMIT_MESSAGE = `Beløbet skal være hele kroner og højst ${count(MAX_CELL_KRONER / 1e9)} mia. kr (plus eller minus).`;

/** A name or other user text in a message: at most `max` characters, the rest as «…». */
export function shortened(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
