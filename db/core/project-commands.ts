/**
 * What a user does to projects (docs/domain.md «Projects and monthly status»), each planned as
 * invertible ops (project-ops.ts) and run by Session.run: one transaction, one undo step.
 * Values arrive parsed (shared/domain/project.ts, shared/danish/month.ts) and are checked again
 * here, because every path (CLI, later the app) ends here.
 */
import { randomUUID } from 'node:crypto';
import { isMonth } from '../../shared/danish/month';
import {
  LIGHTS,
  MILESTONE_STATES,
  PHASES,
  POOL_KINDS,
  PROJECT_TEXT_LIMITS,
  RISK_ACTIVITY_KINDS,
  RISK_PROFILES,
  type LightField,
  type MilestoneState,
  type PoolKind,
  type RiskActivityKind,
} from '../../shared/domain/project';
import { TEXT_LIMITS } from '../../shared/domain/model';
import type { Plan } from './commands';
import { UserError } from './errors';
import type { DB } from './open';
import { mustLine, mustPool, type Op } from './ops';
import { projectSql, poolKindOf, type ProjectField, type StatusField } from './project-ops';

export type ProjectChanges = Partial<Record<ProjectField, string | null>>;
export type StatusChanges = Partial<Record<StatusField, string | null>>;

const FIELD_NAMES: Record<ProjectField, string> = {
  number: 'projektnummer',
  purpose: 'formål',
  responsible: 'ansvarlig',
  phase: 'fase',
  start_month: 'startmåned',
  end_month: 'slutmåned',
  case_ref: 'sagsnummer',
  risk_profile: 'risikoprofil',
};

function checkText(value: string, max: number, what: string): void {
  if (value.length > max) throw new UserError(`${what} er for lang: højst ${max} tegn.`);
}

function checkProjectValue(field: ProjectField, value: string | null): void {
  const bad = () => new UserError(`«${value}» er ikke en gyldig ${FIELD_NAMES[field]}.`);
  if (value === null) return;
  switch (field) {
    case 'phase':
      if (!(PHASES as readonly string[]).includes(value)) throw bad();
      return;
    case 'risk_profile':
      if (!(RISK_PROFILES as readonly string[]).includes(value)) throw bad();
      return;
    case 'start_month':
    case 'end_month':
      if (!isMonth(value)) throw bad();
      return;
    case 'number':
      if (!/^\S(.*\S)?$/.test(value)) throw bad();
      return checkText(value, PROJECT_TEXT_LIMITS.number, 'Projektnummeret');
    case 'responsible':
      return checkText(value, PROJECT_TEXT_LIMITS.responsible, 'Ansvarlig');
    case 'case_ref':
      return checkText(value, PROJECT_TEXT_LIMITS.caseRef, 'Sagsnummeret');
    case 'purpose':
      return checkText(value, TEXT_LIMITS.description, 'Formålet');
  }
}

/** Sets fields of a top-level line's project card; unchanged fields are left out. */
export function setProject(db: DB, args: { lineId: string; changes: ProjectChanges }): Plan {
  const line = mustLine(db, args.lineId);
  const card = projectSql(db).project.get(line.id);
  const ops: Op[] = [];
  for (const [field, raw] of Object.entries(args.changes) as [ProjectField, string | null][]) {
    const value = typeof raw === 'string' ? raw.trim() || null : null;
    checkProjectValue(field, value);
    const old = card?.[field] ?? null;
    if ((old || null) !== value) ops.push({ op: 'setProjectField', lineId: line.id, field, value });
  }
  return { label: `Ret projektet «${line.name}»`, ops };
}

/** The kind of a pool for the it-råd rule. */
export function setPoolKind(db: DB, args: { poolId: string; kind: PoolKind }): Plan {
  const pool = mustPool(db, args.poolId);
  if (!(POOL_KINDS as readonly string[]).includes(args.kind))
    throw new UserError(`«${args.kind}» er ikke en puljetype.`);
  if (poolKindOf(db, pool.id) === args.kind) return { label: 'Ret puljetype', ops: [] };
  return { label: `Ret puljetypen for «${pool.name}»`, ops: [{ op: 'setPoolKind', poolId: pool.id, kind: args.kind }] };
}

/** Sets lights, overall or remarks of one project's status in one month. */
export function setStatus(db: DB, args: { lineId: string; month: string; changes: StatusChanges }): Plan {
  const line = mustLine(db, args.lineId);
  if (!isMonth(args.month)) throw new UserError(`«${args.month}» er ikke en måned (skriv fx 2023-11).`);
  const row = projectSql(db).status.get(line.id, args.month);
  const ops: Op[] = [];
  for (const [field, raw] of Object.entries(args.changes) as [StatusField, string | null][]) {
    const value = field === 'remark' ? (raw ?? '').trim() : raw;
    if (field === 'remark') checkText(value ?? '', TEXT_LIMITS.description, 'Bemærkningen');
    else if (value !== null && !(LIGHTS as readonly string[]).includes(value))
      throw new UserError(`«${value}» er ikke en status. Skriv grøn, gul, rød eller - (ikke vurderet).`);
    const old = row?.[field] ?? (field === 'remark' ? '' : null);
    if (old !== value) ops.push({ op: 'setStatusField', lineId: line.id, month: args.month, field, value });
  }
  return { label: `Ret status for «${line.name}»`, ops };
}

/** Sets lights (or overall) of several projects in one month as one step: a paste, a typed light. */
export function setStatusCells(
  db: DB,
  args: { month: string; cells: { lineId: string; field: LightField | 'overall'; value: string | null }[] },
): Plan {
  const ops = args.cells.flatMap(
    (c) => setStatus(db, { lineId: c.lineId, month: args.month, changes: { [c.field]: c.value } }).ops,
  );
  const lines = new Set(args.cells.map((c) => c.lineId));
  const only = lines.size === 1 ? mustLine(db, args.cells[0]!.lineId).name : null;
  return { label: only ? `Ret status for «${only}»` : `Ret status for ${lines.size} projekter`, ops };
}

/** «Ny statusmåned»: every project with a status the month before and none in `month` starts from it. */
export function startStatusMonth(db: DB, args: { month: string; from: string }): Plan {
  if (!isMonth(args.month) || !isMonth(args.from)) throw new UserError('Angiv måneder som 2023-11.');
  const rows = db
    .prepare<[string, string], Record<StatusField, string | null> & { line_id: string }>(
      `SELECT p.* FROM project_status p WHERE p.month = ?
         AND NOT EXISTS (SELECT 1 FROM project_status q WHERE q.line_id = p.line_id AND q.month = ?)`,
    )
    .all(args.from, args.month);
  const ops: Op[] = rows.flatMap((r) =>
    (['deliveries', 'time', 'money', 'resources', 'overall', 'remark'] as const)
      .filter((f) => r[f] !== null && r[f] !== '')
      .map((field): Op => ({ op: 'setStatusField', lineId: r.line_id, month: args.month, field, value: r[field] })),
  );
  return { label: `Ny statusmåned ${args.month}`, ops };
}

/** Records a risikovurdering or a sparringsmøde of the it-råd. */
export function addRiskActivity(
  db: DB,
  args: { lineId: string; kind: RiskActivityKind; month: string; note?: string },
): Plan {
  const line = mustLine(db, args.lineId);
  if (!(RISK_ACTIVITY_KINDS as readonly string[]).includes(args.kind))
    throw new UserError(`«${args.kind}» er hverken en risikovurdering eller et sparringsmøde.`);
  if (!isMonth(args.month)) throw new UserError(`«${args.month}» er ikke en måned (skriv fx 2023-05).`);
  const note = (args.note ?? '').trim();
  checkText(note, TEXT_LIMITS.description, 'Noten');
  const id = randomUUID();
  return {
    label: `${args.kind === 'risikovurdering' ? 'Risikovurdering' : 'Sparringsmøde'} for «${line.name}»`,
    ops: [{ op: 'insertRiskActivity', activity: { id, line_id: line.id, kind: args.kind, month: args.month, note } }],
    createdId: id,
  };
}

export function removeRiskActivity(db: DB, args: { id: string }): Plan {
  return { label: 'Fjern aktivitet', ops: [{ op: 'deleteRiskActivity', id: args.id }] };
}

/** A milestone of a half-year (`2024-H1`); null removes it. */
export function setMilestone(
  db: DB,
  args: { lineId: string; half: string; value: { text: string; state: MilestoneState | null } | null },
): Plan {
  const line = mustLine(db, args.lineId);
  if (!/^\d{4}-H[12]$/.test(args.half)) throw new UserError(`«${args.half}» er ikke et halvår (skriv fx 2024-H1).`);
  const value = args.value && { text: args.value.text.trim(), state: args.value.state };
  if (value) {
    checkText(value.text, TEXT_LIMITS.description, 'Milepælen');
    if (value.state !== null && !(MILESTONE_STATES as readonly string[]).includes(value.state))
      throw new UserError(`«${value.state}» er ikke en tilstand for en milepæl.`);
  }
  return {
    label: `Milepæl for «${line.name}»`,
    ops: [{ op: 'setMilestone', lineId: line.id, half: args.half, value }],
  };
}
