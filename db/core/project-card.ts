/**
 * Reading a project's card for the side panel and the it-råd flags for the grid (docs/domain.md
 * «Projects and monthly status»). The flags are read in one query per table, so the grid can
 * ask again after every edit and see the moment a project crosses the threshold.
 */
import type { CardDetails, RiskFlags } from '../../shared/contract/project-card';
import { responsibleList } from '../../shared/domain/project-card';
import { riskReview } from '../../shared/domain/project';
import { UserError } from './errors';
import type { DB } from './open';
import { mustLine } from './ops';
import { poolKindOf, projectSql, type ProjectRecord } from './project-ops';
import { riskFacts } from './project-queries';
import { readPools, sql } from './queries';

/** What satisfies the it-råd rule: a recorded risikovurdering (its month), else a risk profile. */
const evidenceOf = (assessedMonth: string | undefined, profile: string | null): string | null =>
  assessedMonth ? `risikovurderet ${assessedMonth}` : profile ? `risikoprofil ${profile}` : null;

function mustProject(db: DB, lineId: string) {
  const line = mustLine(db, lineId);
  if (line.parent_id !== null)
    throw new UserError(`«${line.name}» er en underlinje; kun en linje øverst i en pulje er et projekt.`);
  return line;
}

/** The card's milestones and activities, its pool's kind, and the responsibles to choose from. */
export function readCardDetails(db: DB, lineId: string): CardDetails {
  const line = mustProject(db, lineId);
  const s = projectSql(db);
  const used = db
    .prepare<[], { responsible: string }>("SELECT DISTINCT responsible FROM project WHERE responsible <> ''")
    .all();
  return {
    milestones: s.milestones.all(lineId).map((m) => ({ half: m.half, text: m.text, state: m.state })),
    riskActivities: s.risks.all(lineId).map((r) => ({
      id: r.id,
      kind: r.kind as CardDetails['riskActivities'][number]['kind'],
      month: r.month,
      note: r.note,
    })),
    poolKind: poolKindOf(db, line.pool_id),
    responsibles: responsibleList(used.map((u) => u.responsible)),
  };
}

/** Every project that must be risk-assessed and is not yet, in pool and line order, and the pools' kinds. */
export function readRiskFlags(db: DB): RiskFlags {
  const read = db.transaction((): RiskFlags => {
    const { kinds, totals, assessed } = riskFacts(db, true);
    const flags: RiskFlags['flags'] = [];
    if (kinds.size) {
      const profiles = new Map(
        db
          .prepare<[], Pick<ProjectRecord, 'line_id' | 'risk_profile'>>(
            'SELECT line_id, risk_profile FROM project WHERE risk_profile IS NOT NULL',
          )
          .all()
          .map((r) => [r.line_id, r.risk_profile]),
      );
      for (const pool of readPools(db)) {
        const kind = kinds.get(pool.id);
        if (!kind) continue;
        for (const line of sql(db).topLines.all(pool.id)) {
          const evidence = evidenceOf(assessed.get(line.id), profiles.get(line.id) ?? null);
          const review = riskReview(kind, totals.get(line.id) ?? 0, evidence);
          if (review.required) flags.push({ lineId: line.id, name: line.name, reason: review.reason ?? '' });
        }
      }
    }
    return { flags, poolKinds: Object.fromEntries(kinds) };
  });
  return read();
}
