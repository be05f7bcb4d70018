/**
 * exceljs, loaded on first use: importing it costs most of a second of CPU, which every command
 * of the CLI (a merge, a send) paid at start although only the Excel commands use it
 * (docs/architecture.md, «The path of a merge»). The modules that use it import its types only.
 */
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (loaded ??= import('exceljs').then((m) => m.default));
}
