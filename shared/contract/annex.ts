/**
 * The Excel annex (Bilag 1) as both the reader and the import preview see it. A workbook is
 * first turned into plain sheet grids (db/excel/read-workbook.ts, exceljs in a worker), then
 * annex tables are found in the grids (db/excel/annex/read.ts), then compared with the open portfolio
 * (db/excel/import-plan.ts). Amounts are whole kroner (shared/domain/money.ts).
 */
import type { Kroner } from '../domain/money';

/** A cell as read: text, a number, nothing, or a formula with the value the sender cached (if any). */
export type CellInput = string | number | boolean | Date | null | { formula: string; result?: string | number | null };

export interface GridCell {
  value: CellInput;
  /** Excel's indent level (alignment.indent), used to mark sub-lines. */
  indent?: number;
  bold?: boolean;
  /** A solid fill's colour as ARGB (`FFFF0000`), read for the status workbook's lights. */
  fill?: string;
}

/** One worksheet as plain data; rows and columns are 1-based as in Excel. */
export interface SheetGrid {
  name: string;
  rows: Map<number, Map<number, GridCell>>;
  /** Merged ranges as A1 references ("A1:D1"). */
  merges: string[];
}

export interface AnnexLine {
  name: string;
  depth: 0 | 1;
  /** Amounts by year as whole kroner; a parent line has none of its own. */
  amounts: Record<string, Kroner>;
  sheet: string;
  row: number;
}

export interface AnnexPool {
  name: string;
  lines: AnnexLine[];
  sheet: string;
  /** The row of the table's header (`Beløb i 1.000 kr | 2022 | 2023 | I alt`). */
  headerRow: number;
}

/** A total in the workbook that disagrees with the sum of its lines. */
export interface Mismatch {
  sheet: string;
  /** A1 address, e.g. "B17". */
  cell: string;
  found: Kroner;
  computed: Kroner;
  /** Danish, e.g. `Bilag 1!B17: 10.600, men linjerne giver 10.650`. */
  message: string;
}

export interface AnnexRead {
  /** The text above the first table (`Bilag 1. Udmøntning af …`), when there is one. */
  title?: string;
  years: number[];
  pools: AnnexPool[];
  mismatches: Mismatch[];
  /** Danish notes on what was passed over (blank rows, unknown columns …), for the preview. */
  notes: string[];
}

export interface ImportCellChange {
  pool: string;
  line: string;
  year: number;
  old: Kroner | null;
  new: Kroner | null;
}

/** What an import would do to the open portfolio; lines are matched by pool and name. */
export interface ImportPreview {
  /** Hand this back to apply exactly what was previewed. */
  token: string;
  fileName: string;
  years: number[];
  newYears: number[];
  pools: { name: string; isNew: boolean; lineCount: number; totals: Record<string, Kroner> }[];
  added: { pool: string; line: string; parent: string | null; amounts: Record<string, Kroner> }[];
  /** Cells that change on lines matched by name; a new year's cells are not listed (the new year is). */
  changed: ImportCellChange[];
  /**
   * «Samme linje?»: a workbook line that matches no name, offered as this renamed portfolio line
   * (db/excel/import-renames.ts). `added` and `missing` still list both; a confirmed pair instead
   * keeps the line (and its id) with the workbook's name and `changed` cells.
   */
  renamed: { lineId: string; pool: string; from: string; to: string; changed: ImportCellChange[] }[];
  /**
   * Lines in the portfolio that the workbook does not have: kept unless the user removes them.
   * `loses`: what would go with the line, in Danish (`beskrivelse`, `projektkort`, `3 statusmåneder` …).
   */
  missing: { lineId: string; pool: string; line: string; loses: string[] }[];
  mismatches: Mismatch[];
  notes: string[];
}
