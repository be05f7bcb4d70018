/**
 * "A total always equals the sum of its lines to the last krone" (docs/architecture.md).
 * 10,000 random edits typed as Danish text with up to three decimals go through parseAmount
 * into a portfolio model; after each batch every total of buildRowModel is compared to a
 * reference computed with BigInt straight from the typed digits.
 */
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../../shared/danish/number';
import type { Line, Pool } from '../../../shared/domain/model';
import { buildRowModel, RowCache, type GridRow } from '../../../shared/grid/row-model';
import { seededRandom as random } from '../../seeded-random';

const YEARS = Array.from({ length: 10 }, (_, i) => 2022 + i);

/** A portfolio: 4 pools, each with plain lines and parents with 2-4 sub-lines. */
function makePortfolio(next: () => number) {
  const pools: Pool[] = [];
  const lines: Line[] = [];
  for (let p = 0; p < 4; p++) {
    const poolId = `pool-${p}`;
    pools.push({ id: poolId, name: `Pulje ${p}`, position: (4 - p) * 10, description: '' });
    for (let l = 0; l < 6; l++) {
      const id = `${poolId}-line-${l}`;
      lines.push({
        id,
        poolId,
        parentId: null,
        name: `Linje ${p}.${l}`,
        position: l * 10,
        description: '',
        amounts: {},
      });
      if (l % 3 !== 1) continue;
      const subs = 2 + Math.floor(next() * 3);
      for (let s = 0; s < subs; s++) {
        lines.push({
          id: `${id}-sub-${s}`,
          poolId,
          parentId: id,
          name: `-Underlinje ${s}`,
          position: s,
          description: '',
          amounts: {},
        });
      }
    }
  }
  return { pools, lines };
}

/** Danish text for a random amount with 0-3 decimals, and its exact value in kroner as a BigInt. */
function randomTyping(next: () => number): { text: string; kroner: bigint | null } {
  if (next() < 0.05) return { text: '', kroner: null };
  const whole = Math.floor(next() * 10 ** (1 + Math.floor(next() * 7)));
  const decimals = Math.floor(next() * 4);
  const frac = decimals ? String(Math.floor(next() * 10 ** decimals)).padStart(decimals, '0') : '';
  const negative = next() < 0.2;
  const grouped = next() < 0.5;
  const wholeText = grouped ? String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : String(whole);
  const text = `${negative ? '-' : ''}${wholeText}${frac ? `,${frac}` : ''}`;
  const kroner = BigInt(whole) * 1000n + BigInt(frac.padEnd(3, '0') || '0');
  return { text, kroner: negative ? -kroner : kroner };
}

type Reference = Map<string, Map<number, bigint>>;

function refOf(ref: Reference, lineId: string, year: number): bigint {
  return ref.get(lineId)?.get(year) ?? 0n;
}

function expectExactTotals(rows: GridRow[], grand: GridRow, pools: Pool[], lines: Line[], ref: Reference): number {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const childrenOf = (id: string) => lines.filter((l) => l.parentId === id);
  const lineSum = (line: Line, year: number): bigint => {
    const kids = childrenOf(line.id);
    return kids.length ? kids.reduce((s, k) => s + refOf(ref, k.id, year), 0n) : refOf(ref, line.id, year);
  };
  let compared = 0;
  const same = (row: GridRow | undefined, year: number, expected: bigint, what: string) => {
    expect(row, what).toBeDefined();
    expect(BigInt(row!.amounts[year] ?? 0), `${what} ${year}`).toBe(expected);
    compared++;
  };
  let grandAll = 0n;
  for (const pool of pools) {
    let poolAll = 0n;
    for (const year of YEARS) {
      let poolYear = 0n;
      for (const line of lines.filter((l) => l.poolId === pool.id)) {
        const sum = lineSum(line, year);
        same(byId.get(line.id), year, line.parentId ? refOf(ref, line.id, year) : sum, line.name);
        if (!line.parentId) poolYear += sum;
      }
      same(byId.get(`total:${pool.id}`), year, poolYear, `${pool.name} i alt`);
      poolAll += poolYear;
    }
    for (const line of lines.filter((l) => l.poolId === pool.id)) {
      const all = YEARS.reduce((s, y) => s + (line.parentId ? refOf(ref, line.id, y) : lineSum(line, y)), 0n);
      expect(BigInt(byId.get(line.id)!.total ?? 0), `${line.name}, I alt`).toBe(all);
    }
    const poolTotalRow = byId.get(`total:${pool.id}`)!;
    expect(BigInt(poolTotalRow.total ?? 0), `${pool.name} i alt, I alt`).toBe(poolAll);
    grandAll += poolAll;
  }
  for (const year of YEARS) {
    same(
      grand,
      year,
      pools.reduce((s, p) => s + BigInt(byId.get(`total:${p.id}`)!.amounts[year] ?? 0), 0n),
      'Total',
    );
  }
  expect(BigInt(grand.total ?? 0), 'Total, I alt').toBe(grandAll);
  return compared;
}

describe('totals are exact to the krone', () => {
  it('10,000 random Danish-text edits: every line, parent, pool and grand total equals the BigInt sum', () => {
    const next = random(39_650);
    const { pools, lines: initial } = makePortfolio(next);
    let lines = initial;
    const parents = new Set(lines.filter((l) => l.parentId).map((l) => l.parentId));
    const leaves = lines.filter((l) => !parents.has(l.id)).map((l) => l.id);
    const ref: Reference = new Map();
    const cache = new RowCache();
    let floatDrifted = 0;
    let compared = 0;

    for (let batch = 0; batch < 50; batch++) {
      for (let edit = 0; edit < 200; edit++) {
        const lineId = leaves[Math.floor(next() * leaves.length)]!;
        const year = YEARS[Math.floor(next() * YEARS.length)]!;
        const typed = randomTyping(next);
        const parsed = parseAmount(typed.text);
        if (!parsed.ok) throw new Error(`«${typed.text}» was refused: ${parsed.message}`);
        expect(parsed.value === null ? null : BigInt(parsed.value), `«${typed.text}»`).toBe(typed.kroner);
        // Edits replace the line object, as the app's store does, so the row cache is exercised too.
        lines = lines.map((l) => {
          if (l.id !== lineId) return l;
          const amounts = { ...l.amounts };
          if (parsed.value === null) delete amounts[year];
          else amounts[year] = parsed.value;
          return { ...l, amounts };
        });
        const cells = ref.get(lineId) ?? new Map<number, bigint>();
        if (typed.kroner === null) cells.delete(year);
        else cells.set(year, typed.kroner);
        ref.set(lineId, cells);
      }
      const model = buildRowModel({ years: YEARS, pools, lines }, new Set(), cache);
      compared += expectExactTotals(model.rows, model.grandTotal, pools, lines, ref);

      // The same figures summed the naive way, as floats in thousands of kroner.
      const floatTotal = lines.reduce((s, l) => s + Object.values(l.amounts).reduce((a, k) => a + k / 1000, 0), 0);
      if (String(floatTotal) !== String(Number(model.grandTotal.total ?? 0) / 1000)) floatDrifted++;
    }
    expect(compared).toBeGreaterThan(50 * YEARS.length * lines.length);
    // Not an assertion about our code: it shows the same decimals summed as floats do drift.
    expect(floatDrifted).toBeGreaterThan(0);
  });

  it('0,1 + 0,2 is exactly 0,3 here, though 0.1 + 0.2 !== 0.3 in floating point', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const typed = ['0,1', '0,2'].map((t) => parseAmount(t));
    const pool: Pool = { id: 'p', name: 'Pulje', position: 1, description: '' };
    const lines: Line[] = typed.map((r, i) => ({
      id: `l${i}`,
      poolId: 'p',
      parentId: null,
      name: `Linje ${i}`,
      position: i,
      description: '',
      amounts: { 2022: r.ok ? r.value! : NaN },
    }));
    const { grandTotal } = buildRowModel({ years: [2022], pools: [pool], lines });
    expect(grandTotal.amounts[2022]).toBe(300);
    expect(formatAmount(grandTotal.amounts[2022])).toBe('0,3');
  });

  it('ten sub-lines of 0,1 make a parent of exactly 1 (floats give 0.9999999999999999)', () => {
    let float = 0;
    for (let i = 0; i < 10; i++) float += 0.1;
    expect(float).not.toBe(1);
    const pool: Pool = { id: 'p', name: 'Pulje', position: 1, description: '' };
    const parent: Line = {
      id: 'parent',
      poolId: 'p',
      parentId: null,
      name: 'MUSE EKG',
      position: 1,
      description: '',
      amounts: {},
    };
    const subs: Line[] = Array.from({ length: 10 }, (_, i) => {
      const r = parseAmount('0,1');
      return {
        id: `s${i}`,
        poolId: 'p',
        parentId: 'parent',
        name: `fase ${i}`,
        position: i,
        description: '',
        amounts: { 2022: r.ok ? r.value! : NaN },
      };
    });
    const { rows, grandTotal } = buildRowModel({ years: [2022], pools: [pool], lines: [parent, ...subs] });
    const parentRow = rows.find((r) => r.id === 'parent')!;
    expect(formatAmount(parentRow.amounts[2022])).toBe('1');
    expect(formatAmount(parentRow.total)).toBe('1');
    expect(formatAmount(grandTotal.total)).toBe('1');
  });
});
