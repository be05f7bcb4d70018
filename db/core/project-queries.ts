/**
 * Reading projects (docs/domain.md «Projects and monthly status»): finding a project by its line's
 * name, and the monthly status report (`cli report`, the status workbook), read with one query per
 * table rather than one per project, so a report of thousands of projects stays one pass.
 */
import { kronerToThousands } from '../../shared/domain/money';
import { sameName } from '../../shared/domain/names';
import {
  reportLights,
  riskReview,
  type Light,
  type MonthStatus,
  type Phase,
  type PoolKind,
  type ProjectCard,
  type ReportProject,
  type RiskProfile,
  type StatusReport,
} from '../../shared/domain/project';
import { monthOfDate, previousMonth, type Month } from '../../shared/danish/month';
import { UserError } from './errors';
import type { DB } from './open';
import { mustLine } from './ops';
import { poolKindOf, projectSql, type ProjectRecord, type StatusRecord } from './project-ops';
import { readPools, sql, type LineRecord } from './queries';

/** The top-level line named `lineName` (in `poolName`, if given), by the names' Danish rules. */
export function findProjectLine(db: DB, lineName: string, poolName?: string): { id: string; name: string } {
  const pools = readPools(db).filter((p) => poolName === undefined || sameName(p.name, poolName));
  if (poolName !== undefined && !pools.length) throw new UserError(`Puljen «${poolName}» findes ikke.`);
  const matches = pools.flatMap((p) =>
    sql(db)
      .topLines.all(p.id)
      .filter((l) => sameName(l.name, lineName))
      .map((l) => ({ id: l.id, name: l.name, pool: p.name })),
  );
  if (!matches.length)
    throw new UserError(
      `Projektet «${lineName}» findes ikke${poolName ? ` i puljen «${poolName}»` : ''}: angiv navnet på en linje øverst i en pulje.`,
    );
  if (matches.length > 1)
    throw new UserError(
      `Linjen «${lineName}» findes i flere puljer (${matches.map((m) => m.pool).join(', ')}). Angiv --pool.`,
    );
  return matches[0]!;
}

/** The month a report shows when none is asked for: the newest with a status, else this month. */
export function latestStatusMonth(db: DB, now = new Date()): Month {
  const row = db.prepare<[], { month: string | null }>('SELECT max(month) AS month FROM project_status').get();
  return row?.month ?? monthOfDate(now);
}

const toStatus = (r: StatusRecord): MonthStatus => ({
  deliveries: r.deliveries as Light | null,
  time: r.time as Light | null,
  money: r.money as Light | null,
  resources: r.resources as Light | null,
  overall: r.overall as Light | null,
  remark: r.remark ?? '',
});

const NO_STATUS: MonthStatus = {
  deliveries: null,
  time: null,
  money: null,
  resources: null,
  overall: null,
  remark: '',
};

/** What satisfies the it-råd rule: a recorded risikovurdering (its month), else a risk profile. */
const evidenceOf = (assessedMonth: string | undefined, profile: RiskProfile | null): string | null =>
  assessedMonth ? `risikovurderet ${assessedMonth}` : profile ? `risikoprofil ${profile}` : null;

/** One project's card (no row: an empty card) with the it-råd rule as it stands (`projects.get`). */
export function readProjectCard(db: DB, lineId: string): ProjectCard {
  const line = mustLine(db, lineId);
  if (line.parent_id !== null)
    throw new UserError(`«${line.name}» er en underlinje; kun en linje øverst i en pulje er et projekt.`);
  const card = projectSql(db).project.get(lineId);
  const profile = (card?.risk_profile ?? null) as RiskProfile | null;
  const total =
    db
      .prepare<[string, string], { kroner: number | null }>(
        'SELECT sum(a.kroner) AS kroner FROM amount a JOIN line l ON l.id = a.line_id WHERE l.id = ? OR l.parent_id = ?',
      )
      .get(lineId, lineId)?.kroner ?? 0;
  const assessed = db
    .prepare<[string], { month: string | null }>(
      "SELECT max(month) AS month FROM risk_activity WHERE kind = 'risikovurdering' AND line_id = ?",
    )
    .get(lineId)?.month;
  return {
    lineId,
    number: card?.number ?? null,
    purpose: card?.purpose ?? '',
    responsible: card?.responsible ?? '',
    phase: (card?.phase ?? null) as Phase | null,
    start: card?.start_month ?? null,
    end: card?.end_month ?? null,
    caseRef: card?.case_ref ?? '',
    riskProfile: profile,
    riskReview: {
      ...riskReview(poolKindOf(db, line.pool_id), total, evidenceOf(assessed ?? undefined, profile)),
      profile,
    },
  };
}

/** Line ids as one `@ids` parameter (JSON), or null for all: what inIdsSql filters on. */
const idsParam = (ids: readonly string[] | undefined) => (ids ? JSON.stringify(ids) : null);
/** `col` among the `@ids` given, or true when none were (idsParam gave null). */
const inIdsSql = (col: string, ids: string | null) => (ids ? `${col} IN (SELECT value FROM json_each(@ids))` : '1');

/**
 * What the it-råd rule reads, for every project at once: the pools' kinds, each top-level line's
 * total over all years (sub-lines included; `kindedOnly`: only lines in a pool with a kind) and
 * the month of its latest risikovurdering. The status report and the grid's flags share it.
 */
export function riskFacts(db: DB, kindedOnly = false, only?: readonly string[]) {
  // With `only` (top-level line ids), the facts of those projects alone: a repaint of one row reads one row.
  const ids = idsParam(only);
  const inIds = (col: string) => inIdsSql(col, ids);
  const kinds = new Map(
    db
      .prepare<[], { pool_id: string; kind: PoolKind }>('SELECT pool_id, kind FROM pool_kind')
      .all()
      .map((r) => [r.pool_id, r.kind]),
  );
  const totals = new Map(
    db
      .prepare<[{ ids: string | null }], { id: string; kroner: number }>(
        `SELECT coalesce(l.parent_id, l.id) AS id, sum(a.kroner) AS kroner FROM amount a JOIN line l ON l.id = a.line_id
         ${kindedOnly ? 'JOIN pool_kind k ON k.pool_id = l.pool_id' : ''}
         WHERE ${inIds('coalesce(l.parent_id, l.id)')} GROUP BY 1`,
      )
      .all({ ids })
      .map((r) => [r.id, r.kroner]),
  );
  const assessed = new Map(
    db
      .prepare<[{ ids: string | null }], { line_id: string; month: string }>(
        `SELECT line_id, max(month) AS month FROM risk_activity WHERE kind = 'risikovurdering' AND ${inIds('line_id')}
         GROUP BY line_id`,
      )
      .all({ ids })
      .map((r) => [r.line_id, r.month]),
  );
  return { kinds, totals, assessed };
}

/**
 * The status report of `month`: every top-level line, in pool and line order, with its card, its
 * status this month and the month before, its total over all years (sub-lines included) and the
 * it-råd rule; with `lineIds`, only those projects.
 */
export function readStatusReport(db: DB, month: Month, lineIds?: readonly string[]): StatusReport {
  const only = lineIds && new Set(lineIds);
  const read = db.transaction((): StatusReport => {
    const byLine = <T extends { line_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.line_id, r]));
    const ids = idsParam(lineIds);
    const inIds = inIdsSql('line_id', ids);
    const cards = byLine(
      db.prepare<[{ ids: string | null }], ProjectRecord>(`SELECT * FROM project WHERE ${inIds}`).all({ ids }),
    );
    const statusOf = (m: Month) =>
      byLine(
        db
          .prepare<[{ m: string; ids: string | null }], StatusRecord>(
            `SELECT * FROM project_status WHERE month = @m AND ${inIds}`,
          )
          .all({ m, ids }),
      );
    const now = statusOf(month);
    const before = statusOf(previousMonth(month));
    const { kinds, totals, assessed } = riskFacts(db, false, lineIds);
    const projects: ReportProject[] = [];
    // With lineIds, those lines alone (in pool and line order), not every pool's lines filtered.
    const onlyLines = only
      ? db
          .prepare<[string], LineRecord>(
            `SELECT id, pool_id, parent_id, name, position, description FROM line
             WHERE parent_id IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY position`,
          )
          .all(ids!)
      : null;
    for (const pool of readPools(db)) {
      const lines = onlyLines ? onlyLines.filter((l) => l.pool_id === pool.id) : sql(db).topLines.all(pool.id);
      for (const line of lines) {
        const card = cards.get(line.id);
        const status = now.get(line.id);
        const previous = before.get(line.id);
        const total = totals.get(line.id) ?? 0;
        const profile = (card?.risk_profile ?? null) as RiskProfile | null;
        const evidence = evidenceOf(assessed.get(line.id), profile);
        projects.push({
          lineId: line.id,
          number: card?.number ?? null,
          name: line.name,
          pool: pool.name,
          phase: (card?.phase ?? null) as Phase | null,
          start: card?.start_month ?? null,
          end: card?.end_month ?? null,
          responsible: card?.responsible ?? '',
          status: reportLights(status ? toStatus(status) : NO_STATUS),
          previous: previous ? reportLights(toStatus(previous)) : null,
          remark: status?.remark ?? '',
          purpose: card?.purpose ?? '',
          total: kronerToThousands(total),
          riskReview: { ...riskReview(kinds.get(pool.id) ?? 'other', total, evidence), profile },
        });
      }
    }
    return { month, projects };
  });
  return read();
}
