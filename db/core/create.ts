/** New portfolio files: empty, or the built-in Bilag 1 example. */
import { randomUUID } from 'node:crypto';
import type { RegionCode } from '../../shared/domain/model';
import {
  EXAMPLE_POOL_KINDS,
  EXAMPLE_POOLS,
  EXAMPLE_PROJECTS,
  EXAMPLE_REGION,
  EXAMPLE_STATUS_MONTH,
  EXAMPLE_TITLE,
  EXAMPLE_YEARS,
  type ExampleLine,
} from './example';
import { checkText } from './limits';
import { projectSql } from './project-ops';
import { createPortfolioFile, type DB } from './open';
import { sql } from './queries';

export interface NewPortfolio {
  title: string;
  region: RegionCode;
  years: number[];
  example: boolean;
}

const GAP = 1024;

function seed(db: DB, spec: NewPortfolio, now: Date): void {
  const s = sql(db);
  db.prepare('INSERT INTO portfolio (id, title, region, created_at) VALUES (?, ?, ?, ?)').run(
    randomUUID(),
    spec.title,
    spec.region,
    now.toISOString(),
  );
  for (const y of spec.years) s.insertYear.run(y);
  if (!spec.example) return;
  EXAMPLE_POOLS.forEach((pool, i) => {
    const poolId = randomUUID();
    s.insertPool.run({ id: poolId, name: pool.name, position: (i + 1) * GAP, description: pool.description });
    const kind = EXAMPLE_POOL_KINDS[pool.name];
    if (kind && kind !== 'other') projectSql(db).setPoolKind.run(poolId, kind);
    const addLine = (line: ExampleLine, position: number, parentId: string | null) => {
      const id = randomUUID();
      s.insertLine.run({
        id,
        pool_id: poolId,
        parent_id: parentId,
        name: line.name,
        position,
        description: line.description,
      });
      // Thousands of kroner in the annex -> whole kroner in the file.
      for (const [year, thousands] of Object.entries(line.amounts))
        s.upsertAmount.run(id, Number(year), thousands * 1000);
      line.subLines?.forEach((sub, j) => addLine(sub, (j + 1) * GAP, id));
      if (parentId === null) seedProject(db, id, line.name);
    };
    pool.lines.forEach((line, j) => addLine(line, (j + 1) * GAP, null));
  });
}

/** The example's project rows for a top-level line (example.ts EXAMPLE_PROJECTS), written as they are. */
function seedProject(db: DB, lineId: string, name: string): void {
  const p = EXAMPLE_PROJECTS[name];
  if (!p) return;
  const ps = projectSql(db);
  ps.insertProject.run({
    line_id: lineId,
    number: p.number ?? null,
    purpose: p.purpose ?? '',
    responsible: p.responsible ?? '',
    phase: p.phase ?? null,
    start_month: null,
    end_month: p.end ?? null,
    case_ref: '',
    risk_profile: p.risk ?? null,
  });
  if (p.status) {
    const { remark, ...lights } = p.status;
    ps.insertStatus.run({
      line_id: lineId,
      month: EXAMPLE_STATUS_MONTH,
      deliveries: lights.deliveries ?? null,
      time: lights.time ?? null,
      money: lights.money ?? null,
      resources: lights.resources ?? null,
      overall: null,
      remark,
    });
  }
  for (const a of p.activities ?? [])
    ps.insertRisk.run({ id: randomUUID(), line_id: lineId, kind: a.kind, month: a.month, note: '' });
}

/** Makes the file (never replacing one); `movedAside`: stale side files moved from its name (db/core/atomic-file.ts). */
export function createPortfolio(
  path: string,
  options: Partial<NewPortfolio> = {},
  now = new Date(),
): { movedAside: string[] } {
  const example = options.example ?? false;
  const spec: NewPortfolio = {
    example,
    title: options.title ?? (example ? EXAMPLE_TITLE : 'Ny portefølje'),
    region: options.region ?? EXAMPLE_REGION,
    years: options.years ?? (example ? EXAMPLE_YEARS : [now.getFullYear(), now.getFullYear() + 1]),
  };
  // Refused before anything is made: a file is never created with what opening it would refuse.
  checkText('title', spec.title);
  return { movedAside: createPortfolioFile(path, (db) => seed(db, spec, now)) };
}
