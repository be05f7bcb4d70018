/**
 * What a line the workbook lacks would take with it if the import removed it, beyond its own text
 * (import-plan.ts): its project card, status months, risk activities and milestones, for the
 * preview's «Fjern disse linjer» (docs/files.md, «Import fra Excel»).
 */
import { count } from '../../shared/danish/text';
import type { DB } from '../core/open';
import type { LossesOf } from './import-plan';

export function projectLosses(db: DB): LossesOf {
  const counted = (table: string) =>
    new Map(
      db
        .prepare<[], { id: string; n: number }>(`SELECT line_id AS id, count(*) AS n FROM ${table} GROUP BY line_id`)
        .all()
        .map((r) => [r.id, r.n]),
    );
  const cards = counted('project');
  const months = counted('project_status');
  const risks = counted('risk_activity');
  const milestones = counted('milestone');
  return (line) => {
    const out: string[] = [];
    if (cards.has(line.id)) out.push('projektkort');
    const m = months.get(line.id);
    if (m) out.push(count(m, 'statusmåned', 'statusmåneder'));
    const r = risks.get(line.id);
    if (r) out.push(count(r, 'risikoaktivitet', 'risikoaktiviteter'));
    const s = milestones.get(line.id);
    if (s) out.push(count(s, 'milepæl', 'milepæle'));
    return out;
  };
}
