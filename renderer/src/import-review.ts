/**
 * The import preview's logic, apart from its dialog (components/import-dialog.tsx): what the
 * import will add, change, keep and remove given the user's answers to «samme linje?», the new
 * years with their totals, and the closing message (docs/files.md, «Import fra Excel»).
 */
import type { ImportPreview } from '../../shared/contract/annex';
import { formatAmount } from '../../shared/danish/number';
import { count } from '../../shared/danish/text';

/** The dialog's answer, as excel.apply takes it besides the token. */
export interface ImportOptions {
  removeMissing: boolean;
  acceptMismatches: boolean;
  /** Portfolio line ids whose «samme linje?» the user confirmed. */
  renames: string[];
}

/** The preview as the user's answers make it: a confirmed pair is one kept line, not a new and a missing one. */
export function reviewed(preview: ImportPreview, confirmed: ReadonlySet<string>) {
  const pairs = preview.renamed.filter((r) => confirmed.has(r.lineId));
  const newNames = new Set(pairs.map((r) => `${r.pool}\n${r.to}`));
  return {
    renamed: pairs,
    added: preview.added.filter((a) => !newNames.has(`${a.pool}\n${a.line}`)),
    changed: [...preview.changed, ...pairs.flatMap((r) => r.changed)],
    missing: preview.missing.filter((m) => !confirmed.has(m.lineId)),
  };
}

/** Each new year with the workbook's total for it: «Nyt år 2024» is one fact, not a changed amount per line. */
export function newYearTotals(preview: ImportPreview): { year: number; total: number }[] {
  return preview.newYears.map((year) => ({
    year,
    total: preview.pools.reduce((sum, p) => sum + (p.totals[year] ?? 0), 0),
  }));
}

export const newYearText = (y: { year: number; total: number }) => `Nyt år ${y.year} (i alt ${formatAmount(y.total)})`;

/** `RSI: KIIT` → `beskrivelse, projektkort, 1 statusmåned`, for the lines that take something with them. */
export function lossDetails(missing: ImportPreview['missing']): (readonly [string, string])[] {
  return missing.filter((m) => m.loses.length).map((m) => [`${m.pool}: ${m.line}`, m.loses.join(', ')] as const);
}

/** The status message after an import: what it did, in counted Danish. */
export function importedText(preview: ImportPreview, options: ImportOptions): string {
  const r = reviewed(preview, new Set(options.renames));
  const parts = [
    count(r.added.length, 'ny linje', 'nye linjer'),
    count(r.changed.length, 'ændret beløb', 'ændrede beløb'),
    ...(r.renamed.length ? [count(r.renamed.length, 'omdøbt linje', 'omdøbte linjer')] : []),
    ...(preview.newYears.length ? [count(preview.newYears.length, 'nyt år', 'nye år')] : []),
    ...(options.removeMissing ? [count(r.missing.length, 'fjernet linje', 'fjernede linjer')] : []),
  ];
  return `Importeret fra «${preview.fileName}»: ${parts.join(', ')}. Ctrl+Z fortryder hele importen.`;
}
