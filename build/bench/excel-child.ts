/**
 * One Excel measurement in a fresh process, so that its peak memory (maxRSS, the import worker
 * thread included) is its own. Started by build/bench/bench.ts (section `excel`); prints one
 * line of JSON: { ms, maxRssMb }.
 *   export <portfolio.sqlite> <out.xlsx>        our streaming export (db/excel/export.ts)
 *   exceljs-write <portfolio.sqlite> <out.xlsx> exceljs alone: its in-memory Workbook, same cells
 *   import <annex.xlsx>                          our reader: zip check + the warm worker (the preview's read
 *                                                in the app, which warms its worker once idle)
 *   import-cold <annex.xlsx>                     the same on first need: the worker started by the read
 *   exceljs-load <annex.xlsx>                    exceljs alone: workbook.xlsx.load + every row
 *   apply <annex.xlsx> <new.sqlite>              read + apply into a new portfolio file (the CLI's import)
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { openSession } from '../../db/index';
import { exportAnnex } from '../../db/excel/export';
import { chooseYears, col, layOut } from '../../db/excel/export-layout';
import { importIntoNewFile } from '../../db/cli/excel';
import { readAnnexFile, warmImportWorker, type ReadAnnexOptions } from '../../db/excel/read-annex-file';

const [mode, input, output] = process.argv.slice(2) as [string, string, string | undefined];

// The worker as the app runs it: the bundle build-electron.mjs makes (from TypeScript source it
// would be compiled by tsx at every start, which the app never does).
const bundle = join(import.meta.dirname, '..', '..', 'dist', 'electron', 'excel-worker.cjs');
if (!existsSync(bundle)) throw new Error(`${bundle} is missing: npm run build:electron`);
const readOptions: ReadAnnexOptions = { worker: { script: bundle, eval: false } };

function snapshotOf(path: string) {
  const session = openSession(path);
  try {
    return session.snapshot();
  } finally {
    session.close();
  }
}

/** The annex's cells on one sheet with exceljs's in-memory Workbook: values, SUM formulas with results, formats. */
async function exceljsWrite(path: string, out: string): Promise<void> {
  const data = snapshotOf(path);
  const layout = layOut(data, chooseYears(data.years, undefined));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bilag 1');
  const n = layout.years.length;
  const sum = (row: number) => `SUM(B${row}:${col(n + 1)}${row})`;
  ws.addRow([data.meta.title]);
  for (const table of layout.tables) {
    ws.addRow([]);
    ws.addRow([table.pool.name]).font = { bold: true };
    ws.addRow(['Beløb i 1.000 kr', ...layout.years, 'I alt']);
    const first = ws.rowCount + 1;
    for (const l of table.lines) {
      const r = ws.rowCount + 1;
      const row = ws.addRow([
        l.depth ? `-${l.line.name}` : l.line.name,
        ...l.values.map((v) => (v === null ? null : v / 1000)),
      ]);
      row.getCell(n + 2).value = { formula: sum(r), result: l.total / 1000 };
      row.numFmt = '#,##0';
    }
    const last = ws.rowCount;
    const totals = ws.addRow([`${table.pool.name} i alt`]);
    table.totals.forEach(
      (v, j) =>
        (totals.getCell(j + 2).value = {
          formula: `SUM(${col(j + 2)}${first}:${col(j + 2)}${last})`,
          result: v / 1000,
        }),
    );
    totals.getCell(n + 2).value = { formula: sum(totals.number), result: table.total / 1000 };
    totals.font = { bold: true };
  }
  await wb.xlsx.writeFile(out);
}

if (mode === 'apply') rmSync(output!, { force: true }); // the previous run's file
// As in the app: the worker was warmed while the user was choosing the file.
if (mode === 'import') await warmImportWorker(readOptions);
const t = performance.now();
switch (mode) {
  case 'export':
    await exportAnnex(snapshotOf(input), { perPool: false, descriptions: false }, output!);
    break;
  case 'exceljs-write':
    await exceljsWrite(input, output!);
    break;
  case 'import':
  case 'import-cold':
    await readAnnexFile(readFileSync(input), basename(input), readOptions);
    break;
  case 'exceljs-load': {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    let rows = 0;
    wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, () => rows++));
    break;
  }
  case 'apply': {
    const read = await readAnnexFile(readFileSync(input), basename(input), readOptions);
    importIntoNewFile(output!, read, basename(input), false);
    break;
  }
  default:
    console.error(`unknown mode ${mode}`);
    process.exit(2);
}
console.log(JSON.stringify({ ms: performance.now() - t, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
