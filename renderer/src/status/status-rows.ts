/**
 * The Status view's rows (docs/grid.md «The Status view»): the report's projects filtered and
 * sorted as the user chose, the keys that set a light, and a paste from Excel turned into cells.
 * Pure, so the rules are the same whatever the grid does.
 */
import type { Result } from '../../../shared/contract/contract';
import {
  LIGHT_FIELDS,
  parseLight,
  PHASES,
  type Light,
  type LightField,
  type LightText,
} from '../../../shared/domain/project';

export type StatusReport = Result<'status.report'>;

/** A light in words as the view shows and copies it: `-` (or none) is «ikke vurderet». */
export const lightWord = (l: LightText | null | undefined): string => (l === '-' || !l ? 'ikke vurderet' : l);
export type StatusRow = StatusReport['projects'][number];
export type StatusField = LightField | 'overall';
/** The light columns in the order shown: the four lights, then Samlet. */
export const STATUS_FIELDS: readonly StatusField[] = [...LIGHT_FIELDS, 'overall'];
export const isStatusField = (colId: string | undefined): colId is StatusField =>
  (STATUS_FIELDS as readonly (string | undefined)[]).includes(colId);

export interface StatusFilter {
  /** Only projects whose overall status is gul or rød. */
  redYellow: boolean;
  phase: string;
  responsible: string;
}
export type StatusSort = 'order' | 'end' | 'phase';
export const NO_FILTER: StatusFilter = { redYellow: false, phase: '', responsible: '' };

/** `-` in the report is «ikke vurderet»: no phase ('-') is chosen as the empty phase. */
export function shownRows(rows: readonly StatusRow[], filter: StatusFilter, sort: StatusSort): StatusRow[] {
  const kept = rows.filter(
    (r) =>
      (!filter.redYellow || r.status.overall === 'gul' || r.status.overall === 'rød') &&
      (!filter.phase || (r.phase ?? '-') === filter.phase) &&
      (!filter.responsible || r.responsible === filter.responsible),
  );
  if (sort === 'order') return kept;
  // A project without an end month or phase comes last; ties keep the portfolio's order (a stable sort).
  const key = (r: StatusRow) =>
    sort === 'end' ? (r.end ?? '9999-99') : String(r.phase ? PHASES.indexOf(r.phase) : PHASES.length);
  return kept.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The keys that set the focused light (docs/grid.md «The Status view»): undefined for any other key. */
export function lightOfKey(key: string): Light | null | undefined {
  switch (key.toLowerCase()) {
    case 'g':
      return 'grøn';
    case 'y':
    case 'u':
      return 'gul';
    case 'r':
      return 'rød';
    case '-':
    case 'delete':
    case 'backspace':
      return null;
    default:
      return undefined;
  }
}

export interface StatusCellValue {
  lineId: string;
  field: StatusField;
  value: Light | null;
}

/**
 * A block pasted from Excel (tab-separated words, CRLF, quoted cells) from the focused cell
 * down and right: `cols` are the shown column ids, `rows` the shown rows. Cells over a column that
 * is not a light are skipped; a word that is not a light refuses the whole paste with its message.
 */
export function pastedCells(
  text: string,
  at: { row: number; col: number },
  rows: readonly StatusRow[],
  cols: readonly string[],
): { ok: true; cells: StatusCellValue[] } | { ok: false; message: string } {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const cells: StatusCellValue[] = [];
  for (const [i, line] of lines.entries()) {
    const row = rows[at.row + i];
    if (!row) break;
    for (const [j, raw] of line.split('\t').entries()) {
      const field = cols[at.col + j];
      if (!isStatusField(field)) continue;
      const parsed = parseLight(raw.trim().replace(/^"(.*)"$/s, '$1'));
      if (!parsed.ok) return parsed;
      cells.push({ lineId: row.lineId, field, value: parsed.value });
    }
  }
  return { ok: true, cells };
}
