/**
 * A status workbook back into the portfolio (docs/files.md «A status workbook back in»): read
 * behind the annex import's guards (readWorkbookFile: zip guard, worker, limits), its rows matched
 * to projects by Nr. first and then by name, compared with the month's status and the card, shown
 * as a preview; applying writes a backup copy and then every change as one undo step.
 */
import type {
  StatusFieldChange,
  StatusImportField,
  StatusImportPreviewData,
  StatusProjectChange,
  StatusUnknownRow,
} from '../../shared/contract/status-import';
import { formatMonth, isMonth, type Month } from '../../shared/danish/month';
import type { Change } from '../../shared/domain/model';
import { nameKey } from '../../shared/domain/names';
import { LIGHT_FIELDS, lightText, worstLight, type Light } from '../../shared/domain/project';
import { backupCopy } from '../core/backup';
import type { Plan } from '../core/commands';
import { UserError } from '../core/errors';
import type { DB } from '../core/open';
import type { Op } from '../core/ops';
import { setProject, setStatus, type ProjectChanges, type StatusChanges } from '../core/project-commands';
import type { ProjectRecord, StatusRecord } from '../core/project-ops';
import { readPools, sql } from '../core/queries';
import type { Session } from '../core/session';
import { readWorkbookFile, type ReadAnnexOptions } from './read-annex-file';
import { readStatusSheet, type StatusRow, type StatusSheet } from './status-import-read';

/** A status workbook as read, with the month it reports on. */
export interface StatusImportRead extends StatusSheet {
  fileName: string;
  month: Month;
  monthFrom: 'ark' | 'angivet';
}

/**
 * Reads the status table of a workbook's bytes. `month` (`YYYY-MM`) is the month to update; without
 * it the month the sheet names above its header, else a Danish refusal asking for it.
 */
export async function readStatusWorkbook(
  bytes: Uint8Array,
  fileName: string,
  month?: Month,
  options: ReadAnnexOptions = {},
): Promise<StatusImportRead> {
  if (month !== undefined && !isMonth(month)) throw new UserError(`«${month}» er ikke en måned (skriv fx 2023-11).`);
  const { sheets, notes } = await readWorkbookFile(bytes, fileName, options);
  const sheet = readStatusSheet(sheets, notes);
  if (month !== undefined) {
    if (sheet.month && sheet.month !== month)
      sheet.notes.push(
        `Arket «${sheet.sheet}» er status for ${formatMonth(sheet.month)}; den læses ind som ${formatMonth(month)}, som angivet.`,
      );
    return { ...sheet, fileName, month, monthFrom: 'angivet' };
  }
  if (!sheet.month)
    throw new UserError(
      `Arket «${sheet.sheet}» i «${fileName}» nævner ingen måned over tabellen. Angiv måneden (fx --month 2023-11), og prøv igen.`,
    );
  return { ...sheet, fileName, month: sheet.month, monthFrom: 'ark' };
}

interface Project {
  id: string;
  name: string;
  pool: string;
  card: ProjectRecord | undefined;
  status: StatusRecord | undefined;
}

function projectsOf(db: DB, month: Month): Project[] {
  const cards = new Map(
    db
      .prepare<[], ProjectRecord>('SELECT * FROM project')
      .all()
      .map((r) => [r.line_id, r]),
  );
  const status = new Map(
    db
      .prepare<[string], StatusRecord>('SELECT * FROM project_status WHERE month = ?')
      .all(month)
      .map((r) => [r.line_id, r]),
  );
  return readPools(db).flatMap((pool) =>
    sql(db)
      .topLines.all(pool.id)
      .map((l) => ({ id: l.id, name: l.name, pool: pool.name, card: cards.get(l.id), status: status.get(l.id) })),
  );
}

const numberKey = (n: string) => n.trim().toLowerCase();

/** The project a row names: by Nr. when it has one the portfolio knows, else by name. */
function matchRow(
  row: StatusRow,
  byNumber: Map<string, Project>,
  byName: Map<string, Project[]>,
  notes: string[],
): Project | string {
  const numbered = row.number ? byNumber.get(numberKey(row.number)) : undefined;
  if (numbered) return numbered;
  const named = row.name ? (byName.get(nameKey(row.name)) ?? []) : [];
  if (named.length > 1)
    return `navnet findes i flere puljer (${named.map((p) => p.pool).join(', ')}); skriv projektets nr. i kolonnen Nr.`;
  const found = named[0];
  if (!found) return 'ingen linje øverst i en pulje har dette nr. eller navn';
  if (row.number && found.card?.number)
    notes.push(
      `Række ${row.row}: nr. ${row.number} passer ikke med projektets nr. ${found.card.number}; projektet «${found.name}» er fundet ved sit navn.`,
    );
  return found;
}

const text = (v: string | null | undefined) => v ?? '';

/** The changes one row makes to its project, as the preview shows them and as commands. */
function rowChanges(row: StatusRow, p: Project) {
  const shown: StatusFieldChange[] = [];
  const status: StatusChanges = {};
  const card: ProjectChanges = {};
  const add = (field: StatusImportField, from: string, to: string) =>
    shown.push({ field, cell: row.values[field]!.cell, from, to });
  const lights = Object.fromEntries(LIGHT_FIELDS.map((f) => [f, (p.status?.[f] ?? null) as Light | null]));
  for (const f of LIGHT_FIELDS) {
    const read = row.values[f];
    if (!read || read.value === lights[f]) continue;
    add(f, lightText(lights[f]!), lightText(read.value as Light | null));
    status[f] = read.value;
    lights[f] = read.value as Light | null;
  }
  // Samlet: an empty cell, or the worst light, is the computed status; anything else is set by hand.
  const overall = row.values.overall;
  if (overall) {
    const worst = worstLight(LIGHT_FIELDS.map((f) => lights[f]!));
    const stored = (p.status?.overall ?? null) as Light | null;
    const target = (overall.value as Light | null) ?? worst;
    if ((stored ?? worst) !== target) {
      const before = stored ?? worstLight(LIGHT_FIELDS.map((f) => (p.status?.[f] ?? null) as Light | null));
      add('overall', lightText(before), lightText(target));
      status.overall = target === worst ? null : target;
    }
  }
  const remark = row.values.remark;
  if (remark && text(remark.value) !== text(p.status?.remark)) {
    add('remark', text(p.status?.remark), text(remark.value));
    status.remark = remark.value;
  }
  const cardFields = [
    ['phase', 'phase'],
    ['end', 'end_month'],
    ['purpose', 'purpose'],
  ] as const;
  for (const [field, column] of cardFields) {
    const read = row.values[field];
    if (!read || text(read.value) === text(p.card?.[column])) continue;
    add(field, text(p.card?.[column]), text(read.value));
    card[column] = read.value;
  }
  return { shown, status, card };
}

/**
 * What importing `read` into the portfolio would change (the preview) and the plan that does it:
 * every matched project's changed fields, in one undo step. Refused when two rows name one project.
 */
export function planStatusImport(db: DB, read: StatusImportRead): { preview: StatusImportPreviewData; plan: Plan } {
  const projects = projectsOf(db, read.month);
  const byNumber = new Map<string, Project>();
  const byName = new Map<string, Project[]>();
  for (const p of projects) {
    if (p.card?.number) byNumber.set(numberKey(p.card.number), p);
    byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p]);
  }
  const notes = [...read.notes];
  const seen = new Map<string, number>();
  const changed: StatusProjectChange[] = [];
  const unknown: StatusUnknownRow[] = [];
  const ops: Op[] = [];
  let unchanged = 0;
  for (const row of read.rows) {
    const match = matchRow(row, byNumber, byName, notes);
    if (typeof match === 'string') {
      unknown.push({ row: row.row, number: row.number, name: row.name, reason: match });
      continue;
    }
    const earlier = seen.get(match.id);
    if (earlier !== undefined)
      throw new UserError(
        `Ark '${read.sheet}', række ${row.row}: projektet «${match.name}» står også i række ${earlier}. Slet den ene række, og prøv igen.`,
      );
    seen.set(match.id, row.row);
    const { shown, status, card } = rowChanges(row, match);
    if (!shown.length) {
      unchanged++;
      continue;
    }
    changed.push({
      row: row.row,
      number: match.card?.number ?? null,
      name: match.name,
      pool: match.pool,
      changes: shown,
    });
    if (Object.keys(card).length) ops.push(...setProject(db, { lineId: match.id, changes: card }).ops);
    if (Object.keys(status).length)
      ops.push(...setStatus(db, { lineId: match.id, month: read.month, changes: status }).ops);
  }
  const missing = projects.filter((p) => !seen.has(p.id)).map((p) => p.name);
  const preview: StatusImportPreviewData = {
    fileName: read.fileName,
    sheet: read.sheet,
    month: read.month,
    monthFrom: read.monthFrom,
    changed,
    unchanged,
    unknown,
    missing,
    notes,
  };
  return { preview, plan: { label: `Importér status for ${formatMonth(read.month)} fra «${read.fileName}»`, ops } };
}

/** Applies the import: a backup copy first (reason `statusimport`), then one transaction and one undo step. */
export function applyStatusImport(
  session: Session,
  read: StatusImportRead,
  options: { noBackup?: boolean } = {},
): Change {
  planStatusImport(session.db, read); // refusals (two rows for one project) before the backup is made
  if (!options.noBackup) backupCopy(session.db, session.path, 'statusimport');
  return session.run((db) => planStatusImport(db, read).plan);
}
