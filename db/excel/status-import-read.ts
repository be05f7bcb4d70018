/**
 * A status workbook's sheet grids (read behind the annex import's guards, read-annex-file.ts) to
 * rows of values (docs/files.md «A status workbook back in»): the header row and its columns are
 * found by their headings, in any order, case and spacing aside; the month comes from the text
 * above the header (`Statusrapport nov. 2023`) unless given; a light is read from its word, and
 * from its fill colour when the cell has no word. Every refusal is Danish and names sheet and cell.
 */
import type { GridCell, SheetGrid } from '../../shared/contract/annex';
import type { StatusImportField } from '../../shared/contract/status-import';
import { parseMonth, type Month } from '../../shared/danish/month';
import { TEXT_LIMITS } from '../../shared/domain/limits';
import { parseLight, parsePhase, type Light } from '../../shared/domain/project';
import { UserError } from '../core/errors';
import { address, cellText, shownValue, tidy } from './annex/cells';

export type StatusColumn = StatusImportField | 'number' | 'name';

/** Headings as the reports write them, lower case; `samlet status` and `status` are the overall light. */
const HEADINGS: Record<string, StatusColumn> = {
  nr: 'number',
  projektnr: 'number',
  projektnummer: 'number',
  projekt: 'name',
  projektnavn: 'name',
  slutdato: 'end',
  slutmåned: 'end',
  slut: 'end',
  fase: 'phase',
  leverancer: 'deliveries',
  leverance: 'deliveries',
  tid: 'time',
  penge: 'money',
  økonomi: 'money',
  ressourcer: 'resources',
  samlet: 'overall',
  'samlet status': 'overall',
  status: 'overall',
  bemærkninger: 'remark',
  bemærkning: 'remark',
  formål: 'purpose',
};

const LIGHT_COLUMNS = new Set<StatusColumn>(['deliveries', 'time', 'money', 'resources', 'overall']);
/** How far down a sheet the header row is looked for. */
const HEADER_SEARCH_ROWS = 30;

/** A value read from one cell: a light, a phase or month (null is none), or a text. */
export interface ReadValue {
  cell: string;
  value: string | null;
}

export interface StatusRow {
  row: number;
  number: string | null;
  name: string;
  values: Partial<Record<StatusImportField, ReadValue>>;
}

export interface StatusSheet {
  sheet: string;
  /** From the text above the header; null when it names no month. */
  month: Month | null;
  rows: StatusRow[];
  notes: string[];
}

const headingKey = (text: string) =>
  tidy(text)
    .toLowerCase()
    .replace(/[.:]+$/, '')
    .replace(/\s*\/\s*/g, '/');

/** `Samlet/Status` and other headings with a slash: the first alternative that is known. */
function headingOf(text: string): StatusColumn | undefined {
  const key = headingKey(text);
  return (
    HEADINGS[key] ??
    key
      .split('/')
      .map((k) => HEADINGS[k.trim()])
      .find(Boolean)
  );
}

const where = (sheet: SheetGrid, col: number, row: number) => `Ark '${sheet.name}', celle ${address(col, row)}`;

function findHeader(sheet: SheetGrid): { row: number; columns: Map<StatusColumn, number> } | null {
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b).slice(0, HEADER_SEARCH_ROWS);
  for (const r of rows) {
    const columns = new Map<StatusColumn, number>();
    for (const [c, cell] of sheet.rows.get(r)!) {
      const column = headingOf(cellText(cell));
      if (!column) continue;
      if (columns.has(column)) {
        throw new UserError(
          `Ark '${sheet.name}', række ${r}: overskriften «${cellText(cell)}» står to gange (${address(columns.get(column)!, r)} og ${address(c, r)}). Slet den ene kolonne, og prøv igen.`,
        );
      }
      columns.set(column, c);
    }
    const keyed = columns.has('name') || columns.has('number');
    const settable = [...columns.keys()].some((k) => k !== 'name' && k !== 'number');
    if (keyed && settable && [...columns.keys()].some((k) => LIGHT_COLUMNS.has(k) || k === 'remark'))
      return { row: r, columns };
  }
  return null;
}

const MONTH_IN_TEXT = /\d{4}-\d{1,2}|\d{1,2}[-/]\d{4}|[a-zæøå]+\.?\s+'?\d{2,4}/gi;

/** The first month named above the header: a date cell, or a month in a title such as `Statusrapport nov. 2023`. */
function monthAbove(sheet: SheetGrid, headerRow: number): Month | null {
  for (const [r, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
    if (r >= headerRow) break;
    for (const cell of cells.values()) {
      const shown = shownValue(cell);
      if (shown instanceof Date) return shown.toISOString().slice(0, 7);
      for (const match of cellText(cell).match(MONTH_IN_TEXT) ?? []) {
        const parsed = parseMonth(match);
        if (parsed.ok && parsed.value) return parsed.value;
      }
    }
  }
  return null;
}

/** Words beyond parseLight's: the forms people write in a report. */
const MORE_LIGHT_WORDS: Record<string, string> = {
  grønt: 'grøn',
  groen: 'grøn',
  gult: 'gul',
  rødt: 'rød',
  roed: 'rød',
  'ikke-vurderet': '-',
  iv: '-',
  '–': '-',
  '—': '-',
};

/** A fill colour as a light by its hue: red, amber/yellow, green; white, grey and black are none. */
export function lightOfFill(argb: string): Light | null | 'other' {
  const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max < 0.2 || max - min < 0.15) return null;
  const d = max - min;
  const h = (max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4) * 60;
  if (h < 20 || h >= 330) return 'rød';
  if (h < 70) return 'gul';
  if (h < 170) return 'grøn';
  return 'other';
}

const COLOUR_NAMES: Record<Light, string> = { grøn: 'grøn', gul: 'gul', rød: 'rød' };

function readLight(sheet: SheetGrid, col: number, row: number, cell: GridCell | undefined, notes: string[]) {
  const text = cellText(cell).toLowerCase();
  const fill = cell?.fill ? lightOfFill(cell.fill) : null;
  if (text === '') {
    if (fill === 'other')
      throw new UserError(
        `${where(sheet, col, row)}: farven er ikke en statusfarve. Skriv grøn, gul, rød eller - i cellen.`,
      );
    return fill;
  }
  const parsed = parseLight(MORE_LIGHT_WORDS[text] ?? text);
  if (!parsed.ok)
    throw new UserError(`${where(sheet, col, row)}: '${cellText(cell)}' er ikke en farve (grøn, gul, rød eller -)`);
  if (fill !== null && fill !== 'other' && fill !== parsed.value)
    notes.push(
      `${where(sheet, col, row)}: teksten «${cellText(cell)}» og farven (${COLOUR_NAMES[fill]}) er forskellige; teksten er brugt.`,
    );
  return parsed.value;
}

function readEnd(sheet: SheetGrid, col: number, row: number, cell: GridCell | undefined): string | null {
  const shown = shownValue(cell);
  if (shown instanceof Date) return shown.toISOString().slice(0, 7);
  const parsed = parseMonth(cellText(cell));
  if (!parsed.ok) throw new UserError(`${where(sheet, col, row)}: ${parsed.message}`);
  return parsed.value;
}

function readText(sheet: SheetGrid, col: number, row: number, cell: GridCell | undefined): string {
  const shown = shownValue(cell);
  const text = shown === null ? '' : shown instanceof Date ? shown.toISOString().slice(0, 10) : String(shown).trim();
  if (text.length > TEXT_LIMITS.description)
    throw new UserError(
      `${where(sheet, col, row)}: teksten har ${text.length.toLocaleString('da-DK')} tegn (højst ${TEXT_LIMITS.description.toLocaleString('da-DK')}).`,
    );
  return text;
}

function readValue(sheet: SheetGrid, field: StatusImportField, col: number, row: number, notes: string[]): ReadValue {
  const cell = sheet.rows.get(row)?.get(col);
  const at = address(col, row);
  switch (field) {
    case 'remark':
    case 'purpose':
      return { cell: at, value: readText(sheet, col, row, cell) };
    case 'end':
      return { cell: at, value: readEnd(sheet, col, row, cell) };
    case 'phase': {
      const parsed = parsePhase(cellText(cell));
      if (!parsed.ok) throw new UserError(`${where(sheet, col, row)}: ${parsed.message}`);
      return { cell: at, value: parsed.value };
    }
    default:
      return { cell: at, value: readLight(sheet, col, row, cell, notes) };
  }
}

/**
 * The status table of the first visible sheet that has one. `notes` from reading the workbook are
 * kept. Refused in Danish when no sheet has a header row or a cell holds what its column cannot.
 */
export function readStatusSheet(sheets: SheetGrid[], notes: string[] = []): StatusSheet {
  for (const sheet of sheets) {
    const header = findHeader(sheet);
    if (!header) continue;
    const own = [...notes];
    const rows: StatusRow[] = [];
    const fields = [...header.columns].filter((e): e is [StatusImportField, number] => {
      return e[0] !== 'name' && e[0] !== 'number';
    });
    for (const [r, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
      if (r <= header.row) continue;
      const numberCol = header.columns.get('number');
      const nameCol = header.columns.get('name');
      const number = numberCol === undefined ? '' : cellText(cells.get(numberCol));
      const name = nameCol === undefined ? '' : cellText(cells.get(nameCol));
      if (!number && !name) continue;
      const values: StatusRow['values'] = {};
      for (const [field, col] of fields) values[field] = readValue(sheet, field, col, r, own);
      rows.push({ row: r, number: number || null, name, values });
    }
    return { sheet: sheet.name, month: monthAbove(sheet, header.row), rows, notes: own };
  }
  throw new UserError(
    'Projektmappen har ingen statustabel: intet ark har en række med overskrifterne Nr. eller Projekt og mindst én af Leverancer, Tid, Penge, Ressourcer, Samlet eller Bemærkninger. Brug et ark i statusrapportens layout (cli report --out), og prøv igen.',
  );
}
