/**
 * The invertible ops of projects (docs/domain.md «Projects and monthly status»): a card field, a
 * pool's kind, one field of a month's status, a risk activity, a milestone. Each checks, writes,
 * records one audit row and returns its inverse, as the ops in ops.ts; ops.ts routes them here and
 * carries a line's project rows along when the line is deleted and put back.
 */
import type { MilestoneState, PoolKind } from '../../shared/domain/project';
import { UserError } from './errors';
import type { DB } from './open';
import { audit, mustLine, mustPool, type OpContext } from './ops';

export const PROJECT_FIELDS = [
  'number',
  'purpose',
  'responsible',
  'phase',
  'start_month',
  'end_month',
  'case_ref',
  'risk_profile',
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];
/** Texts that are never NULL ('' is none); the other fields are NULL when not set. */
const TEXT_FIELDS: readonly ProjectField[] = ['purpose', 'responsible', 'case_ref'];

export const STATUS_FIELDS = ['deliveries', 'time', 'money', 'resources', 'overall', 'remark'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

export type ProjectRecord = { line_id: string } & Record<ProjectField, string | null>;
export type StatusRecord = { line_id: string; month: string } & Record<StatusField, string | null>;
export interface RiskActivityRecord {
  id: string;
  line_id: string;
  kind: string;
  month: string;
  note: string;
}
export interface MilestoneRecord {
  line_id: string;
  half: string;
  text: string;
  state: MilestoneState | null;
}

/** Everything a line holds as a project, taken out with the line and put back with it. */
export interface ProjectRows {
  project?: ProjectRecord;
  statuses?: StatusRecord[];
  risks?: RiskActivityRecord[];
  milestones?: MilestoneRecord[];
}

export type ProjectOp =
  | { op: 'setProjectField'; lineId: string; field: ProjectField; value: string | null }
  | { op: 'setPoolKind'; poolId: string; kind: PoolKind }
  | { op: 'setStatusField'; lineId: string; month: string; field: StatusField; value: string | null }
  | { op: 'insertRiskActivity'; activity: RiskActivityRecord }
  | { op: 'deleteRiskActivity'; id: string }
  | { op: 'setMilestone'; lineId: string; half: string; value: { text: string; state: MilestoneState | null } | null };

const EMPTY_PROJECT = PROJECT_FIELDS.map((f) => (TEXT_FIELDS.includes(f) ? `${f} = ''` : `${f} IS NULL`)).join(' AND ');
const EMPTY_STATUS = STATUS_FIELDS.map((f) => (f === 'remark' ? "remark = ''" : `${f} IS NULL`)).join(' AND ');

function prepare(db: DB) {
  const upsert = (table: string, key: string, fields: readonly string[]) =>
    Object.fromEntries(
      fields.map((f) => [
        f,
        db.prepare(
          `INSERT INTO ${table} (${key}, ${f}) VALUES (${key
            .split(', ')
            .map(() => '?')
            .join(', ')}, ?) ON CONFLICT (${key}) DO UPDATE SET ${f} = excluded.${f}`,
        ),
      ]),
    );
  return {
    project: db.prepare<[string], ProjectRecord>('SELECT * FROM project WHERE line_id = ?'),
    projectByNumber: db.prepare<[string], { line_id: string; name: string }>(
      'SELECT p.line_id, l.name FROM project p JOIN line l ON l.id = p.line_id WHERE p.number = ?',
    ),
    setProject: upsert('project', 'line_id', PROJECT_FIELDS),
    dropEmptyProject: db.prepare<[string]>(`DELETE FROM project WHERE line_id = ? AND ${EMPTY_PROJECT}`),
    insertProject: db.prepare<[ProjectRecord]>(
      `INSERT INTO project (line_id, ${PROJECT_FIELDS.join(', ')}) VALUES (@line_id, ${PROJECT_FIELDS.map((f) => `@${f}`).join(', ')})`,
    ),
    deleteProject: db.prepare<[string]>('DELETE FROM project WHERE line_id = ?'),
    poolKind: db.prepare<[string], { kind: PoolKind }>('SELECT kind FROM pool_kind WHERE pool_id = ?'),
    setPoolKind: db.prepare<[string, string]>(
      'INSERT INTO pool_kind (pool_id, kind) VALUES (?, ?) ON CONFLICT (pool_id) DO UPDATE SET kind = excluded.kind',
    ),
    deletePoolKind: db.prepare<[string]>('DELETE FROM pool_kind WHERE pool_id = ?'),
    status: db.prepare<[string, string], StatusRecord>('SELECT * FROM project_status WHERE line_id = ? AND month = ?'),
    statuses: db.prepare<[string], StatusRecord>('SELECT * FROM project_status WHERE line_id = ? ORDER BY month'),
    setStatus: upsert('project_status', 'line_id, month', STATUS_FIELDS),
    dropEmptyStatus: db.prepare<[string, string]>(
      `DELETE FROM project_status WHERE line_id = ? AND month = ? AND ${EMPTY_STATUS}`,
    ),
    insertStatus: db.prepare<[StatusRecord]>(
      `INSERT INTO project_status (line_id, month, ${STATUS_FIELDS.join(', ')}) VALUES (@line_id, @month, ${STATUS_FIELDS.map((f) => `@${f}`).join(', ')})`,
    ),
    deleteStatuses: db.prepare<[string]>('DELETE FROM project_status WHERE line_id = ?'),
    risk: db.prepare<[string], RiskActivityRecord>('SELECT * FROM risk_activity WHERE id = ?'),
    risks: db.prepare<[string], RiskActivityRecord>('SELECT * FROM risk_activity WHERE line_id = ? ORDER BY month, id'),
    insertRisk: db.prepare<[RiskActivityRecord]>(
      'INSERT INTO risk_activity (id, line_id, kind, month, note) VALUES (@id, @line_id, @kind, @month, @note)',
    ),
    deleteRisk: db.prepare<[string]>('DELETE FROM risk_activity WHERE id = ?'),
    deleteRisks: db.prepare<[string]>('DELETE FROM risk_activity WHERE line_id = ?'),
    milestone: db.prepare<[string, string], MilestoneRecord>('SELECT * FROM milestone WHERE line_id = ? AND half = ?'),
    milestones: db.prepare<[string], MilestoneRecord>('SELECT * FROM milestone WHERE line_id = ? ORDER BY half'),
    upsertMilestone: db.prepare<[MilestoneRecord]>(
      'INSERT INTO milestone (line_id, half, text, state) VALUES (@line_id, @half, @text, @state) ON CONFLICT (line_id, half) DO UPDATE SET text = excluded.text, state = excluded.state',
    ),
    deleteMilestone: db.prepare<[string, string]>('DELETE FROM milestone WHERE line_id = ? AND half = ?'),
    deleteMilestones: db.prepare<[string]>('DELETE FROM milestone WHERE line_id = ?'),
  };
}

const cache = new WeakMap<DB, ReturnType<typeof prepare>>();
export function projectSql(db: DB): ReturnType<typeof prepare> {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

/** A project is a top-level line: a sub-line is part of its line's project. */
function mustProjectLine(db: DB, lineId: string) {
  const line = mustLine(db, lineId);
  if (line.parent_id !== null)
    throw new UserError(`«${line.name}» er en underlinje; kun en linje øverst i en pulje er et projekt.`);
  return line;
}

const touch = (ctx: OpContext, lineId: string) => ctx.touched.projects.add(lineId);

export function applyProjectOp(db: DB, op: ProjectOp, ctx: OpContext): ProjectOp {
  const s = projectSql(db);
  switch (op.op) {
    case 'setProjectField': {
      mustProjectLine(db, op.lineId);
      const value = TEXT_FIELDS.includes(op.field) ? (op.value ?? '') : op.value;
      if (op.field === 'number' && value !== null) {
        const other = s.projectByNumber.get(value);
        if (other && other.line_id !== op.lineId)
          throw new UserError(`Projektnummer ${value} bruges allerede af «${other.name}».`, 'conflict');
      }
      const old = s.project.get(op.lineId)?.[op.field] ?? (TEXT_FIELDS.includes(op.field) ? '' : null);
      s.setProject[op.field]!.run(op.lineId, value);
      s.dropEmptyProject.run(op.lineId);
      audit(db, ctx, 'project', op.lineId, op.field, old, value);
      touch(ctx, op.lineId);
      return { ...op, value: old };
    }
    case 'setPoolKind': {
      mustPool(db, op.poolId);
      const old = s.poolKind.get(op.poolId)?.kind ?? 'other';
      if (op.kind === 'other') s.deletePoolKind.run(op.poolId);
      else s.setPoolKind.run(op.poolId, op.kind);
      audit(db, ctx, 'pool_kind', op.poolId, 'kind', old, op.kind);
      ctx.touched.pools.add(op.poolId);
      return { ...op, kind: old };
    }
    case 'setStatusField': {
      mustProjectLine(db, op.lineId);
      const value = op.field === 'remark' ? (op.value ?? '') : op.value;
      const old = s.status.get(op.lineId, op.month)?.[op.field] ?? (op.field === 'remark' ? '' : null);
      s.setStatus[op.field]!.run(op.lineId, op.month, value);
      s.dropEmptyStatus.run(op.lineId, op.month);
      audit(db, ctx, 'project_status', op.lineId, `${op.month} ${op.field}`, old, value);
      touch(ctx, op.lineId);
      return { ...op, value: old };
    }
    case 'insertRiskActivity': {
      mustProjectLine(db, op.activity.line_id);
      s.insertRisk.run(op.activity);
      audit(db, ctx, 'risk_activity', op.activity.id, null, null, op.activity);
      touch(ctx, op.activity.line_id);
      return { op: 'deleteRiskActivity', id: op.activity.id };
    }
    case 'deleteRiskActivity': {
      const activity = s.risk.get(op.id);
      if (!activity) throw new UserError('Aktiviteten findes ikke længere. Genindlæs porteføljen.', 'not-found');
      s.deleteRisk.run(op.id);
      audit(db, ctx, 'risk_activity', op.id, null, activity, null);
      touch(ctx, activity.line_id);
      return { op: 'insertRiskActivity', activity };
    }
    case 'setMilestone': {
      mustProjectLine(db, op.lineId);
      const row = s.milestone.get(op.lineId, op.half);
      const old = row ? { text: row.text, state: row.state } : null;
      if (op.value === null) s.deleteMilestone.run(op.lineId, op.half);
      else s.upsertMilestone.run({ line_id: op.lineId, half: op.half, ...op.value });
      audit(db, ctx, 'milestone', op.lineId, op.half, old, op.value);
      touch(ctx, op.lineId);
      return { ...op, value: old };
    }
  }
}

/** Takes a line's project rows out (before the line is deleted); undefined if it has none. */
export function takeProjectRows(db: DB, lineId: string): ProjectRows | undefined {
  const s = projectSql(db);
  const rows: ProjectRows = {};
  const project = s.project.get(lineId);
  if (project) rows.project = project;
  const statuses = s.statuses.all(lineId);
  if (statuses.length) rows.statuses = statuses;
  const risks = s.risks.all(lineId);
  if (risks.length) rows.risks = risks;
  const milestones = s.milestones.all(lineId);
  if (milestones.length) rows.milestones = milestones;
  if (!Object.keys(rows).length) return undefined;
  s.deleteProject.run(lineId);
  s.deleteStatuses.run(lineId);
  s.deleteRisks.run(lineId);
  s.deleteMilestones.run(lineId);
  return rows;
}

/** Puts a line's project rows back (its undo). */
export function putProjectRows(db: DB, rows: ProjectRows): void {
  const s = projectSql(db);
  if (rows.project) s.insertProject.run(rows.project);
  for (const r of rows.statuses ?? []) s.insertStatus.run(r);
  for (const r of rows.risks ?? []) s.insertRisk.run(r);
  for (const r of rows.milestones ?? []) s.upsertMilestone.run(r);
}

/** A pool's kind (no row: other). */
export function poolKindOf(db: DB, poolId: string): PoolKind {
  return projectSql(db).poolKind.get(poolId)?.kind ?? 'other';
}

/** Takes a pool's kind row out (before the pool is deleted). */
export function takePoolKind(db: DB, poolId: string): PoolKind {
  const kind = poolKindOf(db, poolId);
  projectSql(db).deletePoolKind.run(poolId);
  return kind;
}
