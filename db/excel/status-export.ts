/**
 * The monthly status report as an Excel workbook in the layout of the RSI status report
 * (docs/domain.md «Projects and monthly status»): a title with the month, then one row per project
 * with Nr., Projekt, Slutdato, Fase, the four lights as their word on their fill colour (the word
 * is there so the colour is never alone), Bemærkninger and Formål; A4 landscape, one page wide.
 * Text from the portfolio is always a plain string cell, never a formula (docs/files.md).
 */
import { loadExcelJS } from './exceljs';
import { formatMonth } from '../../shared/danish/month';
import { LIGHT_FIELDS, type StatusReport } from '../../shared/domain/project';
import { STATUS_HEADINGS } from '../../shared/print/document';

export { STATUS_HEADINGS };

/** Fill colours of the lights (ARGB), the report's green, amber and red. */
export const LIGHT_FILLS: Record<string, string> = { grøn: 'FF00B050', gul: 'FFFFC000', rød: 'FFFF0000' };
const WIDTHS = [8, 30, 11, 14, 11, 9, 9, 11, 60, 40];

export async function exportStatusReport(report: StatusReport, target: string): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Status', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.addRow([`Statusrapport ${formatMonth(report.month)}`]).font = { bold: true, size: 14 };
  const header = ws.addRow(STATUS_HEADINGS);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  for (const p of report.projects) {
    const row = ws.addRow([
      p.number ?? '',
      p.name,
      formatMonth(p.end),
      p.phase ?? '',
      ...LIGHT_FIELDS.map((f) => (p.status[f] === '-' ? 'ikke vurderet' : p.status[f])),
      p.remark,
      p.purpose,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    LIGHT_FIELDS.forEach((f, i) => {
      const fill = LIGHT_FILLS[p.status[f]];
      if (fill) row.getCell(5 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  await wb.xlsx.writeFile(target);
}
