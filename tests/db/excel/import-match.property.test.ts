/**
 * The import's matching (db/excel/import-match.ts, import-renames.ts) against a simple model:
 * random portfolios, then a workbook made from them by random renames, removals, new lines,
 * changed amounts and a new year. The preview must classify every line exactly as the model of
 * docs/files.md «Import fra Excel» says: by name first; then «samme linje?» by the same amounts
 * in the years both have (unique on both sides), else by the same place; the rest new or missing.
 * Changed cells are exact to the krone and never a new year's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAnnex } from '../../../db/excel/import-match';
import { planImport } from '../../../db/excel/import-plan';
import type { AnnexLine, AnnexRead } from '../../../shared/contract/annex';
import type { Amounts, Line, Portfolio } from '../../../shared/domain/model';

const YEARS = [2022, 2023];
const NEW_YEAR = 2024;
type Fate = 'keep' | 'rename' | 'remove';

interface Case {
  state: Omit<Portfolio, 'meta'>;
  read: AnnexRead;
  /** The names the generator renamed: portfolio name → workbook name. */
  renamed: Map<string, string>;
}

// Few amounts, so equal amounts on several lines (and so ambiguity) are common.
const amount = fc.constantFrom<number>(0, 100, 200, 300_000);
const amounts = fc.record({ 2022: amount, 2023: amount });
const lineSpec = fc.record({
  amounts,
  fate: fc.constantFrom<Fate>('keep', 'keep', 'rename', 'remove'),
  change: fc.boolean(),
});
const poolSpec = fc.record({
  lines: fc.array(lineSpec, { maxLength: 7 }),
  added: fc.array(fc.record({ at: fc.nat(8), amounts }), { maxLength: 3 }),
});
const caseSpec = fc.record({
  pools: fc.array(poolSpec, { minLength: 1, maxLength: 3 }),
  newYear: fc.boolean(),
  newYearAmount: amount,
});

const clean = (a: Record<string, number>): Amounts =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== 0)) as Amounts;

type Spec = typeof caseSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec): Case {
  const state: Omit<Portfolio, 'meta'> = { years: YEARS, pools: [], lines: [] };
  const read: AnnexRead = { years: spec.newYear ? [...YEARS, NEW_YEAR] : YEARS, pools: [], mismatches: [], notes: [] };
  const renamed = new Map<string, string>();
  let n = 0;
  spec.pools.forEach((p, i) => {
    const poolId = `pool-${i}`;
    state.pools.push({ id: poolId, name: `Pulje ${i}`, position: i + 1, description: '' });
    const book: AnnexLine[] = [];
    const row = (name: string, a: Record<string, number>): AnnexLine => ({
      name,
      depth: 0,
      amounts: clean({ ...a, ...(spec.newYear ? { [NEW_YEAR]: spec.newYearAmount } : {}) }),
      sheet: 'Bilag 1',
      row: ++n,
    });
    p.lines.forEach((l, j) => {
      const name = `Linje ${i}.${j}`;
      state.lines.push({
        id: `line-${i}-${j}`,
        poolId,
        parentId: null,
        name,
        position: j + 1,
        description: '',
        amounts: clean(l.amounts),
      });
      if (l.fate === 'remove') return;
      const bookName = l.fate === 'rename' ? `Omdøbt ${i}.${j}` : name;
      if (l.fate === 'rename') renamed.set(name, bookName);
      book.push(row(bookName, l.change ? { 2022: l.amounts[2022] + 1, 2023: l.amounts[2023] } : l.amounts));
    });
    p.added.forEach((a, k) => book.splice(Math.min(a.at, book.length), 0, row(`Ny ${i}.${k}`, a.amounts)));
    read.pools.push({ name: `Pulje ${i}`, sheet: 'Bilag 1', headerRow: 0, lines: book });
  });
  return { state, read, renamed };
}

/** The model: what a user reading docs/files.md expects, computed plainly per pool by names. */
function model(c: Case) {
  const pairs: [string, string][] = [];
  const added: string[] = [];
  const missing: string[] = [];
  const key = (a: Amounts) => {
    const v = YEARS.map((y) => a[y] ?? 0);
    return v.every((x) => x === 0) ? null : v.join('/');
  };
  c.state.pools.forEach((pool, i) => {
    const mine = c.state.lines.filter((l) => l.poolId === pool.id);
    const book = c.read.pools[i]!.lines;
    const bookNames = new Set(book.map((l) => l.name));
    const mineNames = new Set(mine.map((l) => l.name));
    let free = book.filter((l) => !mineNames.has(l.name));
    let gone = mine.filter((l) => !bookNames.has(l.name));
    const pair = (b: AnnexLine, m: Line) => {
      pairs.push([m.name, b.name]);
      free = free.filter((x) => x !== b);
      gone = gone.filter((x) => x !== m);
    };
    for (const b of [...free]) {
      const k = key(b.amounts);
      const sameB = free.filter((x) => k !== null && key(x.amounts) === k);
      const sameM = gone.filter((x) => k !== null && key(x.amounts) === k);
      if (sameB.length === 1 && sameM.length === 1) pair(b, sameM[0]!);
    }
    const slotOf = <T extends { name: string }>(list: T[], t: T, matched: Set<string>) => {
      const before = list.slice(0, list.indexOf(t)).filter((x) => matched.has(x.name));
      return before.length ? before[before.length - 1]!.name : '';
    };
    const byName = new Set(book.filter((l) => mineNames.has(l.name)).map((l) => l.name));
    for (const b of [...free]) {
      const slot = slotOf(book, b, byName);
      const sameB = free.filter((x) => slotOf(book, x, byName) === slot);
      const sameM = gone.filter((x) => slotOf(mine, x, byName) === slot);
      if (sameB.length === 1 && sameM.length === 1) pair(b, sameM[0]!);
    }
    added.push(...book.filter((l) => !mineNames.has(l.name)).map((l) => l.name));
    missing.push(...mine.filter((l) => !bookNames.has(l.name)).map((l) => l.name));
  });
  return { pairs, added, missing };
}

const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('import matching against the model', () => {
  it('classifies every line as the model says, and changed cells are exact and never a new year’s', () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const c = build(spec);
        const p = planImport(c.state, c.read, 'bilag.xlsx');
        const m = model(c);
        expect(sorted(p.renamed.map((r) => [r.from, r.to]))).toEqual(sorted(m.pairs));
        expect(sorted(p.added.map((a) => a.line))).toEqual(sorted(m.added));
        expect(sorted(p.missing.map((x) => x.line))).toEqual(sorted(m.missing));
        // Each line is in exactly one place: matched by name, or new / missing (and maybe offered as a pair).
        const offered = new Set(p.renamed.map((r) => r.lineId));
        expect(offered.size).toBe(p.renamed.length);
        for (const r of p.renamed) expect(p.missing.map((x) => x.lineId)).toContain(r.lineId);
        const bookLine = (name: string) => c.read.pools.flatMap((x) => x.lines).find((l) => l.name === name)!;
        const mineLine = (name: string) => c.state.lines.find((l) => l.name === name)!;
        const cells = [
          ...p.changed.map((ch) => ({ ch, to: ch.line })),
          ...p.renamed.flatMap((r) => r.changed.map((ch) => ({ ch, to: r.to }))),
        ];
        for (const { ch, to } of cells) {
          expect(ch.year).not.toBe(NEW_YEAR);
          expect([ch.old, ch.new]).toEqual([
            mineLine(ch.line).amounts[ch.year] ?? null,
            bookLine(to).amounts[ch.year] ?? null,
          ]);
        }
        // Every differing cell of a line matched by name is listed, none more.
        const expected = c.state.lines.flatMap((l) =>
          c.read.pools.flatMap((x) => x.lines).some((b) => b.name === l.name)
            ? YEARS.filter((y) => (l.amounts[y] ?? 0) !== (bookLine(l.name).amounts[y] ?? 0)).map((y) => [l.name, y])
            : [],
        );
        expect(sorted(p.changed.map((ch) => [ch.line, ch.year]))).toEqual(sorted(expected));
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('confirmed pairs keep the portfolio line; unconfirmed ones stay a new and a missing line', () => {
    fc.assert(
      fc.property(caseSpec, fc.func(fc.boolean()), (spec, choose) => {
        const c = build(spec);
        const offered = matchAnnex(c.state, c.read).renames;
        const confirmed = new Set(offered.filter((r) => choose(r.line.id)).map((r) => r.line.id));
        const m = matchAnnex(c.state, c.read, confirmed);
        const missing = new Set(m.missing.map((l) => l.id));
        for (const r of m.renames) {
          const yes = confirmed.has(r.line.id);
          expect(missing.has(r.line.id)).toBe(!yes);
          expect(r.read.line?.id ?? null).toBe(yes ? r.line.id : null);
        }
        expect(m.renamed.size).toBe(confirmed.size);
      }),
      { numRuns: 200, seed: 20261205 },
    );
  });

  it('finds every rename when renames are the only edits and each line’s amounts are its own', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Fate>('keep', 'rename'), { minLength: 1, maxLength: 12 }), (fates) => {
        const spec = {
          pools: [
            { lines: fates.map((fate, j) => ({ amounts: { 2022: j + 1, 2023: 0 }, fate, change: false })), added: [] },
          ],
          newYear: true,
          newYearAmount: 5,
        };
        const c = build(spec);
        const p = planImport(c.state, c.read, 'bilag.xlsx');
        expect(sorted(p.renamed.map((r) => [r.from, r.to]))).toEqual(sorted([...c.renamed]));
      }),
      { numRuns: 100, seed: 20261206 },
    );
  });
});
