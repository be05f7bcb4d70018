/**
 * `report-import`: a status workbook (the layout `report --out` writes) read back into a portfolio
 * (docs/files.md «A status workbook back in»). The app's two steps: read and preview on a
 * read-only look, then apply exactly what was read; `--dry-run` stops after the preview.
 */
import { basename } from 'node:path';
import { STATUS_IMPORT_FIELD_NAMES, type StatusImportPreviewData } from '../../shared/contract/status-import';
import { formatMonth, parseMonth } from '../../shared/danish/month';
import { applyStatusWorkbook, readStatusWorkbook, statusImportPreview, UserError } from '../index';
import { list, readWorkbookBytes } from './excel';
import { parseCli } from './messages';
import { one, session } from './projects';

export const STATUS_IMPORT_USAGE = `  puljeplan report-import <fil.sqlite> --from <status.xlsx> [--month 2023-11] [--dry-run] [--json]`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const quoted = (text: string) => (text === '' ? 'tom' : `«${text.length > 60 ? `${text.slice(0, 59)}…` : text}»`);

/** The preview as the user reads it in a terminal. */
export function statusPreviewText(p: StatusImportPreviewData, target: string): string[] {
  const from = p.monthFrom === 'ark' ? 'som arket angiver' : 'som angivet';
  const out = [`Status for ${formatMonth(p.month)} (${from}) fra «${p.fileName}», ark «${p.sheet}», i «${target}»`];
  list(out, 'Ændrede projekter', p.changed, (c) => {
    const fields = c.changes.map((f) => {
      const long = f.field === 'remark' || f.field === 'purpose';
      const show = (v: string) => (long ? quoted(v) : v || 'tom');
      return `${STATUS_IMPORT_FIELD_NAMES[f.field]} ${show(f.from)} → ${show(f.to)} (${f.cell})`;
    });
    return `${c.number ? `${c.number} ` : ''}${c.name} (${c.pool}): ${fields.join('; ')}`;
  });
  list(out, 'Rækker uden projekt (læses ikke ind)', p.unknown, (u) => {
    const label = [u.number, u.name].filter(Boolean).join(' ');
    return `række ${u.row}: ${label}: ${u.reason}`;
  });
  list(out, 'Projekter, som arket ikke har (uændrede)', p.missing, (name) => name);
  list(out, 'Bemærkninger', p.notes, (n) => n);
  if (!p.changed.length) out.push('', 'Porteføljen har allerede det, arket indeholder.');
  else if (p.unchanged) out.push('', `${p.unchanged} projekter er uændrede.`);
  return out;
}

export async function cmdReportImport(argv: string[], io: Io, usage: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseCli(argv, {
    from: { type: 'string' },
    month: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const file = one(positionals, 'report-import', usage);
  if (values.from === undefined) throw usage('report-import kræver --from <status.xlsx>.');
  let month: string | undefined;
  if (values.month !== undefined) {
    const parsed = parseMonth(values.month);
    if (!parsed.ok) throw new UserError(`--month: ${parsed.message}`);
    if (parsed.value === null) throw new UserError('--month: angiv en måned, fx 2023-11.');
    month = parsed.value;
  }
  const fileName = basename(values.from);
  const read = await readStatusWorkbook(readWorkbookBytes(values.from), fileName, month);
  // Everything that can refuse is decided on a read-only look, so a refusal leaves the file as it was.
  const preview = session(file, true, (s) => statusImportPreview(s, read));
  if (values.json) io.out(JSON.stringify(preview));
  else for (const line of statusPreviewText(preview, basename(file))) io.out(line);
  if (values['dry-run']) return 0;
  if (preview.changed.length) session(file, false, (s) => applyStatusWorkbook(s, read));
  const fields = preview.changed.reduce((n, c) => n + c.changes.length, 0);
  if (!values.json)
    io.out(
      '\n' +
        (preview.changed.length
          ? `Opdaterede ${basename(file)} fra «${fileName}» for ${formatMonth(preview.month)}: ${preview.changed.length} projekter, ${fields} felter; ${preview.unknown.length} rækker uden projekt.`
          : `${basename(file)} er uændret: den har allerede det, «${fileName}» indeholder for ${formatMonth(preview.month)}.`),
    );
  return 0;
}
