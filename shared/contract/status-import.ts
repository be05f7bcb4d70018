/**
 * Reading a status workbook back (docs/files.md «A status workbook back in»): what the preview
 * shows before anything changes. Values are shown as the report writes them (`grøn|gul|rød|-`,
 * months as `YYYY-MM`, empty text as '').
 */

/** The fields a status workbook can set: the month's status and three fields of the card. */
export const STATUS_IMPORT_FIELDS = [
  'deliveries',
  'time',
  'money',
  'resources',
  'overall',
  'remark',
  'phase',
  'end',
  'purpose',
] as const;
export type StatusImportField = (typeof STATUS_IMPORT_FIELDS)[number];

/** The workbook's own heading of each field. */
export const STATUS_IMPORT_FIELD_NAMES: Record<StatusImportField, string> = {
  deliveries: 'Leverancer',
  time: 'Tid',
  money: 'Penge',
  resources: 'Ressourcer',
  overall: 'Samlet',
  remark: 'Bemærkninger',
  phase: 'Fase',
  end: 'Slutdato',
  purpose: 'Formål',
};

export interface StatusFieldChange {
  field: StatusImportField;
  /** A1 address of the cell, e.g. `F7`. */
  cell: string;
  from: string;
  to: string;
}

export interface StatusProjectChange {
  row: number;
  number: string | null;
  name: string;
  pool: string;
  changes: StatusFieldChange[];
}

/** A row of the workbook that names no project of the portfolio (or more than one). */
export interface StatusUnknownRow {
  row: number;
  number: string | null;
  name: string;
  reason: string;
}

export interface StatusImportPreviewData {
  fileName: string;
  sheet: string;
  /** The status month, `YYYY-MM`. */
  month: string;
  /** Whether the month came from the sheet (its title) or was given. */
  monthFrom: 'ark' | 'angivet';
  changed: StatusProjectChange[];
  /** Rows whose project already has what the row says. */
  unchanged: number;
  unknown: StatusUnknownRow[];
  /** Projects of the portfolio the workbook has no row for (left as they are). */
  missing: string[];
  /** Danish notes: cells passed over, words and colours that disagreed, … */
  notes: string[];
}
