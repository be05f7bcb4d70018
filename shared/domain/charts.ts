/**
 * What the charts show (docs/grid.md «Diagrammer»), as plain data: the figures come from the grid's
 * row model (`buildRowModel`), so a chart's pool totals, year totals and project totals are the
 * grid's own to the krone. Amounts are whole kroner (money.ts); the renderer formats them.
 */
import { LIGHTS, PHASES, type Light, type StatusReport } from './project';
import type { Kroner } from './money';
import { buildRowModel, type RowModelInput } from '../grid/row-model';

/** One pool's amounts by year, as its `<pool> i alt` row has them. */
export interface ChartPool {
  /** The data key of the pool's values in an `AllocationRow` (`p0`, `p1`, … in pool order). */
  key: string;
  poolId: string;
  name: string;
  /** The pool's index in pool order: its colour and pattern. */
  index: number;
  total: Kroner;
}

/** A year's column of the stacked chart: one value per pool key, and the year's total. */
export interface AllocationRow {
  year: string;
  total: Kroner;
  [poolKey: string]: Kroner | string;
}

export interface PortfolioCharts {
  pools: ChartPool[];
  /** Per year the pools' totals (stacked columns); `total` is the grand total's year. */
  allocation: AllocationRow[];
  /** The grand total by year. */
  perYear: { year: string; total: Kroner }[];
  /** The grand total over every year (the grid's `Total` · `I alt`). */
  total: Kroner;
}

export interface ProjectBar {
  name: string;
  pool: string;
  /** The pool's index in pool order, for its colour. */
  poolIndex: number;
  total: Kroner;
}

/** The pools by year and the year totals, from the same rows the grid shows (every pool, every year). */
export function portfolioCharts(input: RowModelInput): PortfolioCharts {
  const { rows, grandTotal } = buildRowModel(input);
  const pools: ChartPool[] = [];
  const byPool = new Map<string, Record<string, Kroner | null | undefined>>();
  let name = '';
  for (const row of rows) {
    if (row.kind === 'pool') name = row.name;
    if (row.kind !== 'poolTotal') continue;
    const index = pools.length;
    pools.push({ key: `p${index}`, poolId: row.poolId, name, index, total: row.total ?? 0 });
    byPool.set(`p${index}`, row.amounts);
  }
  const allocation: AllocationRow[] = input.years.map((year) => {
    const out: AllocationRow = { year: String(year), total: grandTotal.amounts[year] ?? 0 };
    for (const pool of pools) out[pool.key] = byPool.get(pool.key)?.[year] ?? 0;
    return out;
  });
  return {
    pools,
    allocation,
    perYear: allocation.map((r) => ({ year: r.year, total: r.total })),
    total: grandTotal.total ?? 0,
  };
}

/**
 * The `count` projects (top-level lines, docs/domain.md «Projects and monthly status») with the
 * largest totals over all years, largest first; equal totals keep portfolio order. A project
 * without money (total 0 or less) is left out: it has no bar to show.
 */
export function largestProjects(input: RowModelInput, count = 10): ProjectBar[] {
  const { rows } = buildRowModel(input);
  const poolIndex = new Map<string, { name: string; index: number }>();
  const projects: ProjectBar[] = [];
  for (const row of rows) {
    if (row.kind === 'pool') poolIndex.set(row.poolId, { name: row.name, index: poolIndex.size });
    if (row.kind !== 'line' || row.depth !== 0 || (row.total ?? 0) <= 0) continue;
    const pool = poolIndex.get(row.poolId);
    projects.push({ name: row.name, pool: pool?.name ?? '', poolIndex: pool?.index ?? 0, total: row.total ?? 0 });
  }
  // Array.prototype.sort is stable: equal totals stay in portfolio order.
  return projects.sort((a, b) => b.total - a.total).slice(0, count);
}

/** A light as the status charts name it; `null` is «Ikke vurderet». */
export const LIGHT_LABELS: Record<Light | '-', string> = {
  grøn: 'Grøn',
  gul: 'Gul',
  rød: 'Rød',
  '-': 'Ikke vurderet',
};

export interface CountBar {
  /** `grøn|gul|rød|-`, or a phase (`-` for none). */
  key: string;
  label: string;
  count: number;
}

/** How many projects of the report have each overall light, every light listed (0 too), in the report's order. */
export function projectsByLight(report: StatusReport): CountBar[] {
  const keys = [...LIGHTS, '-'] as const;
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const p of report.projects) {
    const key = counts.has(p.status.overall) ? p.status.overall : '-';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return keys.map((key) => ({ key, label: LIGHT_LABELS[key], count: counts.get(key) ?? 0 }));
}

/** How many projects of the report are in each phase, every phase listed; a project without one is «Ingen fase». */
export function projectsByPhase(report: StatusReport): CountBar[] {
  const counts = new Map<string, number>([...PHASES, '-'].map((k) => [k, 0]));
  for (const p of report.projects) {
    const key = p.phase ?? '-';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, label: key === '-' ? 'Ingen fase' : key, count }));
}
