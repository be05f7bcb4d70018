/** New portfolio files: empty, or the built-in Bilag 1 example. */
import { randomUUID } from 'node:crypto';
import type { RegionCode } from '../../shared/domain/model';
import { EXAMPLE_POOLS, EXAMPLE_REGION, EXAMPLE_TITLE, EXAMPLE_YEARS, type ExampleLine } from './example';
import { checkText } from './limits';
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
    };
    pool.lines.forEach((line, j) => addLine(line, (j + 1) * GAP, null));
  });
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
