/**
 * The annex and the clipboard checked by a real spreadsheet: LibreOffice Calc, headless, in
 * Danish (tests/db/excel/libreoffice.ts). Skipped, with the reason printed, where soffice is
 * missing (Debian: libreoffice-calc-nogui; `npm test` installs it).
 * (a) An exported Bilag 1 with its cached values removed is recalculated by LibreOffice to
 *     exactly the portfolio's figures (`summary --json`: shared/domain/summary.ts), SUBTOTAL
 *     over sub-lines and the per-pool Total sheet's references included.
 * (b) Annexes saved by LibreOffice's own xlsx writer import with the same lines and totals;
 *     its .xls and .ods are refused with a Danish message (the .ods named as OpenDocument).
 * (c) Our copied TSV (shared/grid/edit.ts), read by the CSV filter as a paste into Danish
 *     Calc, gives the same numbers, and names stay text.
 * soffice is started four times in all (each start ~5-10 s), in beforeAll; the tests read the results.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { exportAnnex, type PortfolioData } from '../../../db/excel/export';
import { readAnnex } from '../../../db/excel/annex/read';
import { readAnnexFile } from '../../../db/excel/read-annex-file';
import { readWorkbook } from '../../../db/excel/read-workbook';
import { zipMessages } from '../../../db/excel/zip-guard';
import { openSession } from '../../../db/index';
import type { AnnexRead } from '../../../shared/contract/annex';
import type { Line, Pool } from '../../../shared/domain/model';
import { summarize, type SummaryJson } from '../../../shared/domain/summary';
import { clipboardName, copyRows, NAME_COL, shownAmount, type GridView } from '../../../shared/grid/edit';
import { buildRowModel } from '../../../shared/grid/row-model';
import { toTsv } from '../../../shared/grid/tsv';
import { generatePortfolio, isFormula, kroner, loadWorkbook } from './excel-helpers';
import { DANISH_TSV_FILTER, findSoffice, LibreOffice } from './libreoffice';
import { exampleWorkbook, type Variant } from './workbooks';
import { k, line } from '../../shared/grid/lines';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx');
const SOFFICE = findSoffice();
if (!SOFFICE) {
  console.warn(
    'tests/db/excel/libreoffice.test.ts er sprunget over: soffice (LibreOffice) findes ikke (installér Debians pakke «libreoffice-calc-nogui», eller sæt PULJEPLAN_SOFFICE).',
  );
}

/**
 * A cell's number or text as LibreOffice left it: a formula's computed value, else the value.
 * exceljs reads a cached `<v>0</v>` as no result, so that is 0 (formulasWithoutValue checks the XML).
 */
function shown(value: ExcelJS.CellValue): unknown {
  if (isFormula(value) || (value && typeof value === 'object' && 'sharedFormula' in value))
    return (value as { result?: unknown }).result ?? 0;
  return value;
}

/** The formula cells of an .xlsx's sheets that have no cached value (`<v>`), from the XML. */
async function formulasWithoutValue(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const missing: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const cell of xml.match(/<c [^>]*>(?:(?!<\/c>).)*<\/c>/g) ?? []) {
      if (/<f[ >]/.test(cell) && !/<v>[^<]+<\/v>/.test(cell)) missing.push(`${name}: ${cell}`);
    }
  }
  return missing;
}

/** Removes every formula cell's cached value (`<v>` after `<f>`) from the sheets of an .xlsx. */
async function stripCachedValues(bytes: Buffer): Promise<{ bytes: Buffer; stripped: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let stripped = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(
      name,
      xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, (_, f: string) => (stripped++, f)),
    );
  }
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), stripped };
}

interface Exported {
  name: string;
  perPool: boolean;
  summary: SummaryJson;
  stripped: number;
}

/** Each `<pool> i alt` (every occurrence: a pool's sheet and the Total sheet) and `Total`, as kroner by column. */
function totalRows(wb: ExcelJS.Workbook, labels: string[]): Map<string, (number | null)[][]> {
  const found = new Map<string, (number | null)[][]>(labels.map((l) => [l, []]));
  wb.eachSheet((ws) =>
    ws.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label !== 'string' || !found.has(label)) return;
      const cells: (number | null)[] = [];
      for (let c = 2; c <= row.cellCount; c++) {
        const v = shown(row.getCell(c).value);
        cells.push(typeof v === 'number' ? kroner(v) : null);
      }
      found.get(label)!.push(cells);
    }),
  );
  return found;
}

const expectedRow = (amounts: Record<string, number>, years: number[]) => {
  const byYear = years.map((y) => kroner(amounts[y] ?? 0));
  return [...byYear, byYear.reduce((a, b) => a + b, 0)];
};

/** Lines as `pool | name depth | amounts`, without sheets and rows (which a resave may move). */
const lineList = (annex: AnnexRead) =>
  annex.pools.flatMap((p) => p.lines.map((l) => `${p.name} | ${l.depth} ${l.name} | ${JSON.stringify(l.amounts)}`));

// The clipboard case: integers, negatives, decimals down to the krone, an empty cell, a zero,
// a sub-line, and names a spreadsheet would make formulas.
const CLIP_POOLS: Pool[] = [
  { id: 'a', name: 'Nationale projekter', position: 1, description: '' },
  { id: 'b', name: '=Pulje', position: 2, description: '' },
];
const CLIP_LINES: Line[] = [
  line('l1', 'a', 'LPR3', 1, { 2022: k(1500), 2023: k(-250), 2024: 1_234_500 }),
  line('l2', 'a', '=SUM(A1)', 2, { 2022: -250_500, 2023: 1, 2024: 0 }),
  line('l3', 'a', '+45 1234', 3, { 2022: 12_345_678_901, 2024: -1 }),
  line('l4', 'b', '-Drift', 1, {}),
  line('l5', 'b', '@cmd', 1, { 2022: 999, 2023: k(10_650) }, 'l4'),
  line('l6', 'b', '=HYPERLINK("http://x";"klik")', 2, { 2023: 1_000_001 }),
];
const CLIP_VIEW: GridView = {
  rows: buildRowModel({ years: [2022, 2023, 2024], pools: CLIP_POOLS, lines: CLIP_LINES }).rows,
  cols: ['name', 'y2022', 'y2023', 'y2024', 'total'],
};
/** Pasted unguarded, these show why names get a `'`: LibreOffice evaluates the first, and reads the second as text. */
const CONTROL_ROW = '=1+2\t1234.5\r\n';

describe.skipIf(!SOFFICE)('LibreOffice Calc (headless, Danish) reads what we write', () => {
  let dir: string;
  let lo: LibreOffice;
  const exported: Exported[] = [];
  const resaved: { name: string; original: Buffer }[] = [];
  let tsvRows: number;
  const started = Date.now();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'puljeplan-lo-'));
    lo = new LibreOffice(SOFFICE!, dir);
    const inputs: string[] = [];

    // (a) The example (MUSE EKG has sub-lines) and generated portfolios, one sheet and per pool.
    const sources: [string, () => PortfolioData][] = [
      ['example', () => snapshotOf(join(dir, 'example.sqlite'), (p) => createPortfolio(p, { example: true }))],
    ];
    for (const seed of [3, 4, 7])
      sources.push([
        `gen${seed}`,
        () => snapshotOf(join(dir, `gen${seed}.sqlite`), (p) => generatePortfolio(p, seed, { years: 4, lines: 10 })),
      ]);
    for (const [name, load] of sources) {
      const data = load();
      for (const perPool of [false, true]) {
        const file = join(dir, `export-${name}-${perPool ? 'perpool' : 'one'}.xlsx`);
        await exportAnnex(data, { perPool, descriptions: perPool }, file);
        const { bytes, stripped } = await stripCachedValues(readFileSync(file));
        writeFileSync(file, bytes);
        inputs.push(file);
        exported.push({ name: basename(file), perPool, summary: summarize(data), stripped });
      }
    }

    // (b) The fixture and annexes as senders make them, for LibreOffice's own xlsx writer.
    resaved.push({ name: 'bilag1-2022-2023.xlsx', original: readFileSync(FIXTURE) });
    inputs.push(FIXTURE);
    const variants: [string, Variant][] = [
      ['per-pool', { perPool: true }],
      ['indented', { subLines: 'indent', grandTotal: 'right' }],
      ['text-amounts', { textAmounts: true, extraYear: true }],
      ['uncached', { totals: 'uncached', offset: 1 }],
    ];
    for (const [name, variant] of variants) {
      const file = join(dir, `annex-${name}.xlsx`);
      const original = await exampleWorkbook(variant);
      writeFileSync(file, original);
      resaved.push({ name: basename(file), original });
      inputs.push(file);
    }
    lo.convert(inputs, 'xlsx', join(dir, 'xlsx'));

    // (c) Our copy of the whole table, and the control row.
    const tsv = join(dir, 'clipboard.tsv');
    const copied = copyRows(CLIP_VIEW, {
      top: 0,
      left: 0,
      bottom: CLIP_VIEW.rows.length - 1,
      right: CLIP_VIEW.cols.length - 1,
    });
    tsvRows = copied.length;
    writeFileSync(tsv, toTsv(copied) + CONTROL_ROW);
    lo.convert([tsv], 'xlsx', join(dir, 'tsv'), DANISH_TSV_FILTER);

    // (b) .xls and .ods as LibreOffice writes them.
    lo.convert([FIXTURE], 'xls', join(dir, 'xls'));
    lo.convert([FIXTURE], 'ods', join(dir, 'ods'));
  }, 600_000);

  afterAll(() => {
    if (lo)
      console.log(
        `LibreOffice: ${lo.runs.map((r) => `${r.what} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}; i alt ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('(a) recalculates an export without cached values to exactly the portfolio figures', async () => {
    expect(
      exported.filter((e) => e.summary.pools.some((p) => p.lines.some((l) => l.depth === 1))).length,
    ).toBeGreaterThanOrEqual(4);
    for (const e of exported) {
      // What LibreOffice got: every formula without its value.
      expect(e.stripped, e.name).toBeGreaterThan(0);
      expect(await formulasWithoutValue(readFileSync(join(dir, e.name))), e.name).toHaveLength(e.stripped);

      const after = readFileSync(join(dir, 'xlsx', e.name));
      expect(await formulasWithoutValue(after), e.name).toEqual([]);
      const wb = await loadWorkbook(after);
      const { years, pools, totals } = e.summary;
      const labels = [...pools.map((p) => `${p.name} i alt`), 'Total'];
      const found = totalRows(wb, labels);
      for (const pool of pools) {
        const rows = found.get(`${pool.name} i alt`)!;
        expect(rows, `${e.name}: ${pool.name} i alt`).toEqual(
          Array(e.perPool ? 2 : 1).fill(expectedRow(pool.totals, years)),
        );
      }
      expect(found.get('Total'), `${e.name}: Total`).toEqual([expectedRow(totals, years)]);
      // The formulas are still there after LibreOffice's save: SUBTOTAL where a pool has sub-lines.
      const formulas: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (isFormula(cell.value)) formulas.push(cell.value.formula);
          }),
        ),
      );
      const withSubLines = pools.some((p) => p.lines.some((l) => l.depth === 1));
      expect(
        formulas.some((f) => f.startsWith('SUBTOTAL(9')),
        e.name,
      ).toBe(withSubLines);
    }
  });

  it('(b) imports annexes saved by LibreOffice with the same lines and totals', async () => {
    for (const { name, original } of resaved) {
      const before = await readHere(original);
      const after = await readAnnexFile(readFileSync(join(dir, 'xlsx', name)), name);
      expect(after.mismatches, name).toEqual([]);
      expect(after.years, name).toEqual(before.years);
      expect(
        after.pools.map((p) => p.name),
        name,
      ).toEqual(['Nationale projekter', 'Fællesregionale projekter', 'Vestdansk It Samarbejde']);
      expect(lineList(after), name).toEqual(lineList(before));
      const grand = (a: AnnexRead, year: number) =>
        a.pools.flatMap((p) => p.lines).reduce((s, l) => s + (l.amounts[year] ?? 0), 0);
      expect([grand(after, 2022), grand(after, 2023)], name).toEqual([28_050_000, 11_600_000]);
    }
  });

  it("(b) refuses LibreOffice's .xls and .ods with a Danish message", async () => {
    for (const [ext, message] of [
      ['xls', zipMessages.oldOrLocked],
      ['ods', zipMessages.openDocument],
    ] as const) {
      const name = `bilag1-2022-2023.${ext}`;
      const read = readAnnexFile(readFileSync(join(dir, ext, name)), name);
      await expect(read, ext).rejects.toThrow(UserError);
      await expect(read, ext).rejects.toThrow(message(name));
    }
  });

  it('(c) reads our copied TSV, pasted into Danish Calc, as the same numbers, and names as text', async () => {
    const wb = await loadWorkbook(join(dir, 'tsv', 'clipboard.xlsx'));
    const ws = wb.worksheets[0]!;
    CLIP_VIEW.rows.forEach((row, r) => {
      CLIP_VIEW.cols.forEach((colId, c) => {
        // Amounts as the grid shows them: an empty year is copied as 0 (docs/grid.md, «Zeros»).
        const value = colId === NAME_COL ? row.name : shownAmount(row, colId);
        const cell = ws.getCell(r + 1, c + 1).value;
        const where = `${row.name} ${colId}`;
        if (typeof value === 'string') expect(cell, where).toBe(clipboardName(value));
        else if (value === null) expect(cell, where).toBeNull();
        else expect(typeof cell === 'number' ? kroner(cell) : cell, where).toBe(value);
      });
    });
    // Without the guard: a formula; with a point for the decimals: text (what SUM skips).
    expect(ws.getCell(tsvRows + 1, 1).value).toMatchObject({ formula: '1+2', result: 3 });
    expect(ws.getCell(tsvRows + 1, 2).value).toBe('1234.5');
  });
});

/** An annex read in this process (the import's worker adds nothing to what is read). */
async function readHere(bytes: Buffer): Promise<AnnexRead> {
  const { sheets, notes } = await readWorkbook(bytes);
  const annex = readAnnex(sheets);
  return { ...annex, notes: [...notes, ...annex.notes] };
}

function snapshotOf(path: string, make: (path: string) => void): PortfolioData {
  make(path);
  const s = openSession(path, { readonly: true });
  const snap = s.snapshot();
  s.db.close();
  return snap;
}
