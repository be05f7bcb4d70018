/** A plain portfolio of `lines` top lines x 10 years in `poolCount` pools (no audit rows, as after an import). */
import { randomUUID } from 'node:crypto';
import { createPortfolio } from '../../../db/core/create';
import { openPortfolio } from '../../../db/core/open';
import { sql } from '../../../db/core/queries';
import { seededRandom } from '../../seeded-random';

export function makePortfolio(path: string, lines: number, seed: number, poolCount = 4): void {
  const years = Array.from({ length: 10 }, (_, i) => 2025 + i);
  createPortfolio(path, { title: `Test ${lines}`, region: 'RM', years });
  const db = openPortfolio(path);
  const s = sql(db);
  const random = seededRandom(seed);
  db.transaction(() => {
    const pools = Array.from({ length: poolCount }, (_, i) => i + 1).map((p) => {
      const id = randomUUID();
      s.insertPool.run({ id, name: `Pulje ${p}`, position: p * 1024, description: '' });
      return id;
    });
    for (let i = 0; i < lines; i++) {
      const id = randomUUID();
      s.insertLine.run({
        id,
        pool_id: pools[i % poolCount]!,
        parent_id: null,
        name: `Linje ${i}`,
        position: (i + 1) * 1024,
        description: '',
      });
      for (const y of years) s.upsertAmount.run(id, y, Math.floor(random() * 5_000) * 1000);
    }
  })();
  db.close();
}
