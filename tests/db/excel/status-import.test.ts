/**
 * A status workbook back in (docs/files.md «A status workbook back in»): the report written by
 * `report --out` reads back as no change; edits made in Excel (a light's word, a remark, a fill
 * colour alone) are exactly what the preview shows and what applying sets, as one undo step after
 * a backup; headings are found in any order and spelling; a refused workbook changes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliAsync } from '../../../db/cli/main';
import { backupDir } from '../../../db/core/backup';
import {
  applyStatusWorkbook,
  openSession,
  readStatusWorkbook,
  statusImportPreview,
  statusReport,
  type Session,
} from '../../../db/index';
import { lightOfFill } from '../../../db/excel/status-import-read';

const KIIT = 'Klinisk immunologisk IT (KIIT) (Blodbank)';
const PPJ = 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)';
const LABREK = 'Labrek (Laboratorie)';

let dir: string;
let file: string;
let xlsx: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-status-import-'));
  file = join(dir, 'bilag1.sqlite');
  xlsx = join(dir, 'status.xlsx');
  const quiet = { out: () => undefined, err: () => undefined };
  expect(await runCliAsync(['new', file, '--example'], quiet)).toBe(0);
  expect(await runCliAsync(['report', file, '--out', xlsx], quiet)).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withSession<T>(body: (s: Session) => T, readonly = false): T {
  const s = openSession(file, { readonly });
  try {
    return body(s);
  } finally {
    if (readonly) s.db.close();
    else s.close();
  }
}

/** Edits the written report as a user would in Excel; `row(name)` is the row of a project. */
async function edit(change: (ws: ExcelJS.Worksheet, row: (name: string) => ExcelJS.Row) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet('Status')!;
  const row = (name: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(2).value === name) found = r;
    });
    return found!;
  };
  change(ws, row);
  await wb.xlsx.writeFile(xlsx);
}

const read = (month?: string) => readStatusWorkbook(readFileSync(xlsx), 'status.xlsx', month);
const red: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };

describe('reading a status workbook back', () => {
  it('the report as written reads back as no change, in its own month', async () => {
    const r = await read();
    const preview = withSession((s) => statusImportPreview(s, r));
    const projects = withSession((s) => statusReport(s).projects.length);
    expect(preview).toMatchObject({ month: '2023-11', monthFrom: 'ark', sheet: 'Status', changed: [], unknown: [] });
    expect(preview.missing).toEqual([]);
    expect(preview.unchanged).toBe(projects);
  });

  it('a light’s word, a remark and a fill colour alone: the preview shows exactly those, applying sets them as one undo step', async () => {
    await edit((_ws, row) => {
      row(PPJ).getCell(5).value = 'Gul';
      row(KIIT).getCell(9).value = 'Ny leverandør fra januar';
      const labrek = row(LABREK).getCell(8);
      labrek.value = null;
      // A style of its own: exceljs shares one style object among the cells read with the same style.
      labrek.style = { ...labrek.style, fill: red };
    });
    const r = await read();
    const oldRemark = withSession(
      (s) => statusReport(s, '2023-11').projects.find((p) => p.name === KIIT)!.remark,
      true,
    );
    expect(oldRemark).not.toBe('');
    const before = readFileSync(file);
    const preview = withSession((s) => statusImportPreview(s, r), true);
    expect(readFileSync(file).equals(before)).toBe(true);
    const fields = preview.changed.map((c) => [c.name, c.changes.map((f) => [f.field, f.from, f.to])]);
    expect(fields).toEqual([
      [KIIT, [['remark', oldRemark, 'Ny leverandør fra januar']]],
      [LABREK, [['resources', '-', 'rød']]],
      [PPJ, [['deliveries', '-', 'gul']]],
    ]);
    expect(preview.changed.find((c) => c.name === KIIT)?.changes[0]?.cell).toMatch(/^I\d+$/);
    expect(preview.notes).toEqual([]);

    withSession((s) => {
      const change = applyStatusWorkbook(s, r);
      expect(change.history.undoLabel).toBe('Importér status for nov. 2023 fra «status.xlsx»');
      const byName = new Map(statusReport(s, '2023-11').projects.map((p) => [p.name, p]));
      expect(byName.get(PPJ)?.status.deliveries).toBe('gul');
      expect(byName.get(KIIT)?.remark).toBe('Ny leverandør fra januar');
      expect(byName.get(KIIT)?.status).toMatchObject({ deliveries: 'rød', time: 'rød', money: 'rød' });
      expect(byName.get(LABREK)?.status).toMatchObject({ resources: 'rød', overall: 'rød' });
      s.undo();
      const undone = new Map(statusReport(s, '2023-11').projects.map((p) => [p.name, p]));
      expect(undone.get(PPJ)?.status.deliveries).toBe('-');
      expect(undone.get(KIIT)?.remark).toBe(oldRemark);
      expect(undone.get(LABREK)?.status.resources).toBe('-');
    });
    expect(readdirSync(backupDir(file)).some((f) => f.endsWith('statusimport.sqlite'))).toBe(true);
  });

  it('finds columns by their headings in any order and spelling, matches by Nr. then name, and lists unknown rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Oversigt');
    ws.addRow(['Status for RSI, december 2023']);
    ws.addRow([]);
    ws.addRow(['  PROJEKT ', 'Ressourcer', 'nr', 'Samlet status', 'bemærkninger:']);
    ws.addRow(['Et andet navn', 'grønt', '18-6', 'gul', '']);
    ws.addRow([LABREK, 'ikke vurderet', '', '', 'Afventer analyse']);
    ws.addRow([PPJ, 'rød', '20-5', '', '']);
    ws.addRow(['Findes ikke', 'rød', '99-9', '', '']);
    await wb.xlsx.writeFile(xlsx);
    const r = await read();
    expect(r.month).toBe('2023-12');
    const preview = withSession((s) => statusImportPreview(s, r));
    const fields = preview.changed.map((c) => [c.name, c.changes.map((f) => [f.field, f.to])]);
    expect(fields).toEqual([
      [
        KIIT,
        [
          ['resources', 'grøn'],
          ['overall', 'gul'],
        ],
      ],
      [LABREK, [['remark', 'Afventer analyse']]],
      // An empty Samlet is the computed status: the red light makes it red, no change of its own.
      [PPJ, [['resources', 'rød']]],
    ]);
    expect(preview.unknown).toEqual([
      { row: 7, number: '99-9', name: 'Findes ikke', reason: 'ingen linje øverst i en pulje har dette nr. eller navn' },
    ]);
    expect(preview.missing).toContain('MUSE EKG');
    withSession((s) => applyStatusWorkbook(s, r));
    const kiit = withSession((s) => statusReport(s, '2023-12').projects.find((p) => p.name === KIIT));
    // Set by hand: the one light is green, the overall status the sheet gave is amber.
    expect(kiit?.status).toMatchObject({ resources: 'grøn', overall: 'gul' });
  });

  it('a sheet naming no month needs one given; a given month wins over the sheet’s, with a note', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ark1').addRow(['Projekt', 'Tid']);
    await wb.xlsx.writeFile(join(dir, 'uden.xlsx'));
    const bytes = readFileSync(join(dir, 'uden.xlsx'));
    await expect(readStatusWorkbook(bytes, 'uden.xlsx')).rejects.toThrow(
      'Arket «Ark1» i «uden.xlsx» nævner ingen måned over tabellen. Angiv måneden (fx --month 2023-11), og prøv igen.',
    );
    expect((await readStatusWorkbook(bytes, 'uden.xlsx', '2024-01')).month).toBe('2024-01');
    const given = await read('2024-02');
    expect(given).toMatchObject({ month: '2024-02', monthFrom: 'angivet' });
    expect(given.notes).toContain('Arket «Status» er status for nov. 2023; den læses ind som feb. 2024, som angivet.');
  });

  it('refuses in Danish, naming the cell, what is not a status workbook; the portfolio is untouched', async () => {
    const before = readFileSync(file);
    await expect(readStatusWorkbook(Buffer.from('Nr.;Projekt\n'), 'status.csv')).rejects.toThrow(
      '«status.csv» er ikke en Excel-projektmappe (.xlsx).',
    );
    await edit((_ws, row) => {
      row(KIIT).getCell(6).value = 'lilla';
    });
    const kiitRow = await (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      let n = 0;
      wb.getWorksheet('Status')!.eachRow((r, i) => {
        if (r.getCell(2).value === KIIT) n = i;
      });
      return n;
    })();
    await expect(read()).rejects.toThrow(
      `Ark 'Status', celle F${kiitRow}: 'lilla' er ikke en farve (grøn, gul, rød eller -)`,
    );
    await edit((_ws, row) => {
      const cell = row(KIIT).getCell(6);
      cell.value = null;
      cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7030A0' } } };
    });
    await expect(read()).rejects.toThrow(`Ark 'Status', celle F${kiitRow}: farven er ikke en statusfarve.`);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Bilag 1').addRow(['Beløb i 1.000 kr', 2023, 2024]);
    await wb.xlsx.writeFile(xlsx);
    await expect(read('2023-11')).rejects.toThrow('Projektmappen har ingen statustabel');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reads a fill colour as a light by its hue; white, grey and black are no light', () => {
    expect(['FF00B050', 'FF92D050', 'FFFFC000', 'FFFFFF00', 'FFFF0000', 'FFC00000'].map(lightOfFill)).toEqual([
      'grøn',
      'grøn',
      'gul',
      'gul',
      'rød',
      'rød',
    ]);
    expect(['FFFFFFFF', 'FFD9D9D9', 'FF000000', 'FF0070C0'].map(lightOfFill)).toEqual([null, null, null, 'other']);
  });
});
