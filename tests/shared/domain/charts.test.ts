/**
 * The charts' figures are the portfolio's totals: the example's pool and year totals as the grid
 * and the annex show them, and for any generated portfolio the same sums as `cli summary --json`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_POOLS, EXAMPLE_YEARS } from '../../../db/core/example';
import {
  largestProjects,
  portfolioCharts,
  projectsByLight,
  projectsByPhase,
  type AllocationRow,
} from '../../../shared/domain/charts';
import type { Line, Pool } from '../../../shared/domain/model';
import type { ReportProject, StatusReport, LightText } from '../../../shared/domain/project';
import { summarize } from '../../../shared/domain/summary';

const k = (thousands: number) => thousands * 1000;

/** The built-in example as a portfolio model (amounts in kroner). */
function example(): { years: number[]; pools: Pool[]; lines: Line[] } {
  const pools: Pool[] = [];
  const lines: Line[] = [];
  const amounts = (a: Record<number, number>) =>
    Object.fromEntries(Object.entries(a).map(([y, v]) => [y, k(v)])) as Record<string, number>;
  EXAMPLE_POOLS.forEach((p, pi) => {
    const poolId = `pool-${pi}`;
    pools.push({ id: poolId, name: p.name, position: pi, description: '' });
    p.lines.forEach((l, li) => {
      const id = `${poolId}-${li}`;
      lines.push({
        id,
        poolId,
        parentId: null,
        name: l.name,
        position: li,
        description: '',
        amounts: amounts(l.amounts),
      });
      l.subLines?.forEach((s, si) =>
        lines.push({
          id: `${id}-${si}`,
          poolId,
          parentId: id,
          name: s.name,
          position: si,
          description: '',
          amounts: amounts(s.amounts),
        }),
      );
    });
  });
  return { years: EXAMPLE_YEARS, pools, lines };
}

const poolValue = (row: AllocationRow, key: string) => row[key] as number;

describe('portfolio charts on the example', () => {
  const charts = portfolioCharts(example());

  it('stacks each pool per year with the figures of its «i alt» row', () => {
    expect(charts.pools.map((p) => [p.name, p.total])).toEqual([
      ['Nationale projekter', k(6_400)],
      ['Fællesregionale projekter', k(17_150)],
      ['Vestdansk It Samarbejde', k(16_100)],
    ]);
    const [y2022, y2023] = charts.allocation;
    expect(y2022).toMatchObject({ year: '2022', p0: k(3_600), p1: k(10_650), p2: k(13_800), total: k(28_050) });
    expect(y2023).toMatchObject({ year: '2023', p0: k(2_800), p1: k(6_500), p2: k(2_300), total: k(11_600) });
  });

  it('gives the grand total per year and over all years (28.050, 11.600, 39.650)', () => {
    expect(charts.perYear).toEqual([
      { year: '2022', total: k(28_050) },
      { year: '2023', total: k(11_600) },
    ]);
    expect(charts.total).toBe(k(39_650));
  });

  it('lists the ten largest projects, a parent with its sub-lines summed, ties in portfolio order', () => {
    const top = largestProjects(example());
    expect(top.map((p) => [p.name, p.total / 1000])).toEqual([
      ['RIS/PACS (Regionalt RM)', 10_000],
      ['Klinisk immunologisk IT (KIIT) (Blodbank)', 8_500],
      ['MUSE EKG', 5_000],
      ['LPR3 ID3 - Landspatientregister', 4_300],
      ['Fællesregional og kommunal udvikling af Telemedicinsk løsninger (FUT)', 3_700],
      ['Integration EPJ-PPJ', 3_500],
      ['Integration til national eCPR', 2_100],
      ['Fællesregionalt udbud af Præhospital Patientjournal (PPJ)', 1_050],
      ['SIA ankomst - It understøttelse af akutafdelinger', 700],
      ['Labrek (Laboratorie)', 400],
    ]);
    expect(top[0]).toMatchObject({ pool: 'Vestdansk It Samarbejde', poolIndex: 2 });
    expect(largestProjects(example(), 3)).toHaveLength(3);
  });
});

const lights = fc.constantFrom('grøn', 'gul', 'rød', '-');
const reportProject = fc.record({
  phase: fc.constantFrom(null, 'Idé', 'Analyse', 'Gennemførelse', 'Afsluttet', 'Pauseret' as const),
  overall: lights,
});

function report(projects: { phase: ReportProject['phase']; overall: string }[]): StatusReport {
  return {
    month: '2023-11',
    projects: projects.map((p, i) => ({
      lineId: `linje-${i}`,
      number: null,
      name: `Projekt ${i}`,
      pool: 'Pulje',
      phase: p.phase,
      start: null,
      end: null,
      responsible: '',
      status: { deliveries: '-', time: '-', money: '-', resources: '-', overall: p.overall as LightText },
      previous: null,
      remark: '',
      purpose: '',
      total: 0,
      riskReview: { required: false, reason: null, profile: null },
    })),
  };
}

describe('status charts', () => {
  it('counts projects by overall light and by phase, every category shown (0 too)', () => {
    const r = report([
      { phase: 'Gennemførelse', overall: 'rød' },
      { phase: 'Analyse', overall: 'grøn' },
      { phase: 'Afsluttet', overall: 'grøn' },
      { phase: null, overall: '-' },
    ]);
    expect(projectsByLight(r).map((b) => [b.label, b.count])).toEqual([
      ['Grøn', 2],
      ['Gul', 0],
      ['Rød', 1],
      ['Ikke vurderet', 1],
    ]);
    expect(projectsByPhase(r).map((b) => [b.label, b.count])).toEqual([
      ['Idé', 0],
      ['Analyse', 1],
      ['Gennemførelse', 1],
      ['Afsluttet', 1],
      ['Pauseret', 0],
      ['Ingen fase', 1],
    ]);
  });

  it('counts every project once in each chart', () => {
    fc.assert(
      fc.property(fc.array(reportProject, { maxLength: 60 }), (projects) => {
        const r = report(projects);
        const sum = (bars: { count: number }[]) => bars.reduce((s, b) => s + b.count, 0);
        expect(sum(projectsByLight(r))).toBe(projects.length);
        expect(sum(projectsByPhase(r))).toBe(projects.length);
      }),
    );
  });
});

/** A generated portfolio: pools in any position order, lines with and without sub-lines, any years. */
const portfolio = fc
  .record({
    years: fc.uniqueArray(fc.integer({ min: 2020, max: 2035 }), { minLength: 1, maxLength: 6 }),
    pools: fc.array(
      fc.record({
        position: fc.integer({ min: 0, max: 100 }),
        lines: fc.array(
          fc.record({
            amounts: fc.array(fc.integer({ min: -5_000_000, max: 50_000_000 }), { minLength: 6, maxLength: 6 }),
            subs: fc.array(fc.array(fc.integer({ min: 0, max: 9_999_999 }), { minLength: 6, maxLength: 6 }), {
              maxLength: 3,
            }),
          }),
          { maxLength: 6 },
        ),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ years, pools }) => {
    const model = { years: years.sort((a, b) => a - b), pools: [] as Pool[], lines: [] as Line[] };
    const byYear = (values: number[]) => Object.fromEntries(model.years.map((y, i) => [String(y), values[i]!]));
    pools.forEach((p, pi) => {
      const poolId = `pool-${pi}`;
      model.pools.push({ id: poolId, name: `Pulje ${pi}`, position: p.position, description: '' });
      p.lines.forEach((l, li) => {
        const id = `${poolId}-${li}`;
        const base = { poolId, description: '', position: li };
        model.lines.push({ ...base, id, parentId: null, name: `Linje ${pi}.${li}`, amounts: byYear(l.amounts) });
        l.subs.forEach((s, si) =>
          model.lines.push({
            ...base,
            id: `${id}-${si}`,
            parentId: id,
            name: `-${si}`,
            position: si,
            amounts: byYear(s),
          }),
        );
      });
    });
    return model;
  });

describe('chart figures for any portfolio', () => {
  it('equal the totals of cli summary: each pool per year, each year, and everything', () => {
    fc.assert(
      fc.property(portfolio, (input) => {
        const charts = portfolioCharts(input);
        const summary = summarize(input);
        expect(charts.pools.map((p) => p.name)).toEqual(summary.pools.map((p) => p.name));
        for (const [i, row] of charts.allocation.entries()) {
          const year = input.years[i]!;
          expect(row.year).toBe(String(year));
          expect(row.total / 1000).toBe(summary.totals[year]);
          charts.pools.forEach((pool, pi) =>
            expect(poolValue(row, pool.key) / 1000).toBe(summary.pools[pi]!.totals[year]),
          );
          // The stack's height is the year's total.
          expect(charts.pools.reduce((s, p) => s + poolValue(row, p.key), 0)).toBe(row.total);
        }
        for (const pool of charts.pools)
          expect(pool.total).toBe(charts.allocation.reduce((s, r) => s + poolValue(r, pool.key), 0));
        expect(charts.total).toBe(charts.perYear.reduce((s, r) => s + r.total, 0));
      }),
    );
  });

  it('largest projects: the summary’s top-level line totals, largest first, at most N, none without money', () => {
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 1, max: 12 }), (input, n) => {
        const top = largestProjects(input, n);
        const expected = summarize(input)
          .pools.flatMap((p) =>
            p.lines
              .filter((l) => l.depth === 0)
              .map((l) => ({
                name: l.name,
                total: Object.values(l.amounts).reduce((s, v) => s + Math.round(v * 1000), 0),
              })),
          )
          .filter((l) => l.total > 0)
          .sort((a, b) => b.total - a.total)
          .slice(0, n);
        expect(top.map((p) => ({ name: p.name, total: p.total }))).toEqual(expected);
      }),
    );
  });
});
