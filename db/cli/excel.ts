/**
 * The Excel parts of the CLI (db/cli/main.ts `import` and `export`): the preview as Danish text,
 * importing into a portfolio file that does not exist yet, and writing a workbook file whole.
 * Files appear only complete: both are built under a temporary name and renamed into place.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnnexRead } from '../../shared/contract/annex';
import { formatAmount, parseYear } from '../../shared/danish/number';
import { count } from '../../shared/danish/text';
import {
  applyImport,
  createPortfolio,
  exportAnnex,
  openSession,
  TargetExistsError,
  TargetInUseError,
  UserError,
  writeFileAtomic,
  type ExportOptions,
  type ImportPreviewData,
  type PortfolioData,
} from '../index';
import { writeWorkbookFile } from './targets';

/** The same limit as the app's (shared/contract/files.ts: about 100 MB as base64). */
const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;
const LISTED = 50;

/** `--years 2022,2023` (export, print): the years, or undefined for all of them. */
export function yearsOption(text: string | undefined): number[] | undefined {
  return text?.split(',').map((part) => {
    const year = parseYear(part);
    if (year === null) throw new UserError(`«${part.trim()}» er ikke et årstal (skriv fx --years 2022,2023).`);
    return year;
  });
}

export function readWorkbookBytes(path: string): Uint8Array {
  const name = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError(`Filen «${name}» findes ikke.`);
  }
  if (size > MAX_WORKBOOK_BYTES)
    throw new UserError(`«${name}» er for stor (${Math.round(size / 1024 / 1024)} MB; højst 100 MB).`);
  return readFileSync(path);
}

export function list<T>(out: string[], heading: string, items: T[], line: (item: T) => string): void {
  if (!items.length) return;
  out.push('', `${heading} (${items.length}):`);
  for (const item of items.slice(0, LISTED)) out.push(`  ${line(item)}`);
  if (items.length > LISTED) out.push(`  … og ${items.length - LISTED} flere`);
}

const shown = (kroner: number | null) => (kroner === null ? 'tom' : formatAmount(kroner));

/** What an import would do, as the user reads it in a terminal. */
export function previewText(p: ImportPreviewData, target: string): string[] {
  const out = [`Import af «${p.fileName}» i «${target}»`];
  out.push(`År: ${p.years.join(', ')}${p.newYears.length ? ` (nye: ${p.newYears.join(', ')})` : ''}`);
  list(out, 'Puljer', p.pools, (pool) => {
    const totals = p.years.map((y) => `${y}: ${formatAmount(pool.totals[y] ?? 0)}`).join(', ');
    return `${pool.name}${pool.isNew ? ' (ny)' : ''}: ${count(pool.lineCount, 'linje', 'linjer')}; ${totals}`;
  });
  list(out, 'Nye linjer', p.added, (a) => `${a.pool}: ${a.parent ? `${a.parent} / ` : ''}${a.line}`);
  list(out, 'Ændrede beløb', p.changed, (c) => `${c.pool}: ${c.line} ${c.year}: ${shown(c.old)} → ${shown(c.new)}`);
  list(
    out,
    'Samme linje? (importeres her som en ny og en manglende linje; appens import kan beholde linjen)',
    p.renamed,
    (r) => `${r.pool}: «${r.from}» hedder «${r.to}» i projektmappen`,
  );
  list(
    out,
    'Linjer, som projektmappen ikke har (beholdes; fjernes med --remove-missing)',
    p.missing,
    (m) => `${m.pool}: ${m.line}${m.loses.length ? ` (mister ${m.loses.join(', ')})` : ''}`,
  );
  list(out, 'Totaler, der ikke passer med linjerne', p.mismatches, (m) => m.message);
  list(out, 'Bemærkninger', p.notes, (n) => n);
  if (!p.added.length && !p.changed.length && !p.newYears.length && !p.missing.length)
    out.push('', 'Porteføljen har allerede det, projektmappen indeholder.');
  return out;
}

/** A new title from the workbook when the reader found one, else from the file's name. */
function titleFor(read: AnnexRead, fileName: string): string {
  if (read.title?.trim()) return read.title.trim();
  return fileName.replace(/\.xlsx$/i, '').trim() || 'Importeret portefølje';
}

/**
 * Creates `path` from the workbook: built and imported under a temporary name by the atomic writer,
 * put in place only when the import succeeded, so a failed import leaves no file behind. Returns
 * the stale side files moved aside from its name, to tell the user.
 */
export function importIntoNewFile(path: string, read: AnnexRead, fileName: string, removeMissing: boolean): string[] {
  const movedAside: string[] = [];
  try {
    writeFileAtomic(
      path,
      (tmp) => {
        createPortfolio(tmp, { title: titleFor(read, fileName), region: 'RM', years: read.years });
        const session = openSession(tmp);
        try {
          // Nothing to back up in a file made a moment ago; mismatches were dealt with by the caller.
          applyImport(session, read, fileName, { removeMissing, acceptMismatches: true, noBackup: true });
        } finally {
          session.close();
        }
      },
      { noReplace: true, sqlite: true, movedAside },
    );
  } catch (err) {
    if (err instanceof TargetExistsError)
      throw new UserError(`«${basename(path)}» er blevet oprettet af et andet program imens; intet blev ændret.`);
    if (err instanceof TargetInUseError) throw new UserError(err.message);
    throw err;
  }
  return movedAside;
}

/**
 * Writes the workbook through the atomic writer (db/core/atomic-file.ts), so `out` is never
 * half-written; an existing file only with `overwrite`, and never a portfolio (any SQLite file).
 */
export async function exportToFile(
  data: PortfolioData,
  options: ExportOptions,
  out: string,
  overwrite = false,
): Promise<void> {
  await writeWorkbookFile(out, (tmp) => exportAnnex(data, options, tmp), overwrite);
}
