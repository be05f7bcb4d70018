/**
 * Danish words around numbers and cut texts, one rule everywhere (page, CLI, backend labels):
 * `1 ny linje` / `2 nye linjer`, `1.234 celler`; a long text cut at a word with `…`.
 */

/** `1 ny linje`, `0 nye linjer`, `1.500 nye linjer` (Danish thousands). */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('da-DK')} ${n === 1 ? one : many}`;
}

/** The text whole if it fits, else cut after the last whole word that fits, ending in `…`. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= max / 2 ? atWord : cut).trimEnd()}…`;
}

/** Why a backup copy was made, from the reason in its name (db/core/backup.ts): `Før import fra Excel`. */
export function backupReason(reason: string): string {
  const known: Record<string, string> = {
    fletning: 'Før fletning',
    import: 'Før import fra Excel',
    gendannelse: 'Før gendannelse',
    opgradering: 'Før opgradering af filen',
  };
  return known[reason] ?? reason;
}

/** The same inside a sentence: `før import fra Excel` (names such as Excel keep their capital). */
export function backupReasonInText(reason: string): string {
  const text = backupReason(reason);
  return text.startsWith('Før ') ? `f${text.slice(1)}` : text;
}
