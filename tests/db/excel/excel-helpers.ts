/**
 * Helpers for the export/import tests: generated portfolios, reading a written workbook back with
 * exceljs, and a small evaluator for the formulas the export writes (SUM, SUBTOTAL(9, …) and
 * references to other sheets), so a cached value can be checked against what Excel would compute.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { openPortfolio } from '../../../db/core/open';
import { sql } from '../../../db/core/queries';
import { groupLines } from '../../../shared/grid/row-model';
import type { AnnexLine, AnnexRead } from '../../../shared/contract/annex';
import type { Line, Pool, Snapshot } from '../../../shared/domain/model';
import { seededRandom } from '../../seeded-random';

export async function loadWorkbook(bytes: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof bytes === 'string') await wb.xlsx.readFile(bytes);
  else await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

type Formula = { formula: string; result?: unknown };
export const isFormula = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue =>
  typeof v === 'object' && v !== null && 'formula' in v;

/** Every formula in the workbook with where it is. */
export function formulas(wb: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; cell: ExcelJS.Cell; value: Formula }[] {
  const out: { sheet: ExcelJS.Worksheet; cell: ExcelJS.Cell; value: Formula }[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (isFormula(cell.value)) out.push({ sheet, cell, value: cell.value });
      }),
    ),
  );
  return out;
}

const SHEET_REF = /'((?:[^']|'')*)'!/g;

/** A formula made of SUM/SUBTOTAL, cell references and quoted names of the workbook's sheets only. */
export function expectOnlyAddresses(formula: string, sheetNames: string[]): void {
  for (const m of formula.matchAll(SHEET_REF)) expect(sheetNames).toContain(m[1]!.replace(/''/g, "'"));
  const bare = formula.replace(SHEET_REF, '');
  expect(bare, formula).toMatch(/^(SUM|SUBTOTAL)\(|^[A-Z]+\d+$/);
  expect(bare.replace(/SUBTOTAL\(9,|SUM\(/g, '('), formula).toMatch(/^[A-Z0-9(),:]+$/);
}

/** What Excel computes for one of the export's formulas, in thousands of kroner. */
export function evaluate(wb: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, formula: string): number {
  let at = 0;
  const peek = (s: string) => formula.startsWith(s, at);
  const eat = (s: string) => {
    if (!peek(s)) throw new Error(`expected ${s} at ${at} in ${formula}`);
    at += s.length;
  };
  const cellValue = (ws: ExcelJS.Worksheet, address: string, skipSubtotals: boolean): number => {
    const v = ws.getCell(address).value;
    if (v === null || v === undefined) return 0;
    if (typeof v === 'number') return v;
    if (isFormula(v)) return skipSubtotals && v.formula.startsWith('SUBTOTAL') ? 0 : evaluate(wb, ws, v.formula);
    throw new Error(`${ws.name}!${address} is not a number: ${JSON.stringify(v)}`);
  };
  const ref = (skipSubtotals: boolean): number => {
    let ws = sheet;
    if (peek("'")) {
      const m = /^'((?:[^']|'')*)'!/.exec(formula.slice(at))!;
      ws = wb.getWorksheet(m[1]!.replace(/''/g, "'"))!;
      at += m[0].length;
    }
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?/.exec(formula.slice(at))!;
    at += m[0].length;
    if (!m[3]) return cellValue(ws, `${m[1]}${m[2]}`, skipSubtotals);
    let sum = 0;
    const [c1, c2] = [ws.getColumn(m[1]!).number, ws.getColumn(m[3]!).number];
    for (let r = Number(m[2]); r <= Number(m[4]); r++)
      for (let c = c1; c <= c2; c++) sum += cellValue(ws, ws.getCell(r, c).address, skipSubtotals);
    return sum;
  };
  const expr = (): number => {
    if (peek('SUBTOTAL(9,')) {
      eat('SUBTOTAL(9,');
      const v = ref(true); // SUBTOTAL skips the SUBTOTALs in its range (Excel's documentation)
      eat(')');
      return v;
    }
    if (peek('SUM(')) {
      eat('SUM(');
      let sum = expr();
      while (peek(',')) {
        eat(',');
        sum += expr();
      }
      eat(')');
      return sum;
    }
    return ref(false);
  };
  const value = expr();
  expect(at, `all of ${formula} parsed`).toBe(formula.length);
  return value;
}

/** Kroner from a number in thousands, as the cell shows it. */
export const kroner = (thousands: number) => Math.round(thousands * 1000);

/** The portfolio as the annex shows it: pools in order, lines with sub-lines, exact kroner. */
export function annexView(s: { years: number[]; pools: Pool[]; lines: Line[] }) {
  const { topByPool, childrenByParent } = groupLines(s.lines);
  return {
    years: [...s.years].sort((a, b) => a - b),
    pools: [...s.pools]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        name: p.name,
        lines: (topByPool.get(p.id) ?? []).flatMap((l) => [
          { name: l.name, depth: 0, amounts: childrenByParent.has(l.id) ? {} : l.amounts },
          ...(childrenByParent.get(l.id) ?? []).map((c) => ({ name: c.name, depth: 1, amounts: c.amounts })),
        ]),
      })),
  };
}

export const withoutHistory = (s: Snapshot) => ({
  meta: s.meta,
  years: s.years,
  pools: s.pools,
  lines: [...s.lines].sort((a, b) => a.id.localeCompare(b.id)),
});

const WORDS = [
  'Projekt',
  'Udbud',
  'Integration',
  'Sundheds-IT',
  'Æblegrød',
  'Øresund',
  'Ålborg',
  'PACS',
  'fase',
  'RSI',
];
const STARTS = ['=SUM(A1)', '+1', '@cmd', '=HYPERLINK("x")', '+45 ', '@', '= 1+1'];

/**
 * A portfolio of some pools with lines and sub-lines, in whole kroner: negative amounts,
 * decimals (1.234,5 = 1234500 kr), zeros, empty cells, and names starting with = + @.
 */
export function generatePortfolio(path: string, seed: number, opts: { years?: number; lines?: number } = {}): void {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const years = Array.from({ length: opts.years ?? 12 }, (_, i) => 2024 + i);
  createPortfolio(path, { title: `Portefølje ${seed}`, region: 'RM', years });
  const db = openPortfolio(path);
  const s = sql(db);
  const amount = () => {
    const r = random();
    if (r < 0.15) return null;
    if (r < 0.2) return 0;
    if (r < 0.3) return -Math.round(random() * 500) * 1000;
    if (r < 0.45) return Math.round(random() * 5_000_000) + 1; // decimals down to the krone
    if (r < 0.5) return 1_234_500;
    return Math.round(random() * 20_000) * 1000;
  };
  let n = 0;
  const name = () => `${random() < 0.2 ? pick(STARTS) : ''}${pick(WORDS)} ${++n}`;
  db.transaction(() => {
    const pools = 2 + Math.floor(random() * 3);
    for (let p = 0; p < pools; p++) {
      const poolId = randomUUID();
      s.insertPool.run({
        id: poolId,
        name: p === 0 && seed % 2 ? `=Pulje ${seed}` : `Pulje ${p + 1} ${pick(WORDS)}`,
        position: (p + 1) * 1024,
        description: '',
      });
      const count = p === pools - 1 && seed % 3 === 0 ? 0 : 3 + Math.floor(random() * (opts.lines ?? 12));
      for (let i = 0; i < count; i++) {
        const id = randomUUID();
        s.insertLine.run({
          id,
          pool_id: poolId,
          parent_id: null,
          name: name(),
          position: (i + 1) * 1024,
          description: '',
        });
        const subs = random() < 0.25 ? 1 + Math.floor(random() * 3) : 0;
        for (let j = 0; j < subs; j++) {
          const sub = randomUUID();
          const subName = j === 0 && random() < 0.3 ? `-${name()}` : name(); // a sub-line's own name may start with -
          s.insertLine.run({
            id: sub,
            pool_id: poolId,
            parent_id: id,
            name: subName,
            position: (j + 1) * 1024,
            description: '',
          });
          for (const y of years) {
            const v = amount();
            if (v !== null) s.upsertAmount.run(sub, y, v);
          }
        }
        if (subs) continue;
        for (const y of years) {
          const v = amount();
          if (v !== null) s.upsertAmount.run(id, y, v);
        }
      }
    }
  })();
  db.close();
}

/** The annex as the reader would return it for a portfolio: the workbook the example exports. */
export function readOf(s: { years: number[]; pools: Pool[]; lines: Line[] }): AnnexRead {
  const view = annexView(s);
  return {
    years: view.years,
    pools: view.pools.map((p, i) => ({
      name: p.name,
      sheet: 'Bilag 1',
      headerRow: 10 * i + 4,
      lines: p.lines.map((l, j): AnnexLine => ({
        name: l.name,
        depth: l.depth as 0 | 1,
        amounts: { ...l.amounts },
        sheet: 'Bilag 1',
        row: 10 * i + 5 + j,
      })),
    })),
    mismatches: [],
    notes: [],
  };
}
