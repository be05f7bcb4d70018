/**
 * The merge of project data (db/share/project-values.ts has its addresses): after the line phases,
 * each value of a project (a top-level line) both sides have is decided three-way as a line's
 * text is (context.ts decide): changed on one side only it arrives, changed on both to different
 * values it is a conflict of kind 'project' with a Danish label. A project that arrives with its
 * line brings all its values; one that leaves with its line takes them along (a deletion follows
 * the line rules, one-side.ts, which count project values among a line's). A pool's kind is theirs
 * where theirs is newer, as a pool's other fields. A project number taken from theirs that another
 * project in the merged portfolio holds stays mine (numbers are unique).
 */
import { formatMonth } from '../../../shared/danish/month';
import { formatHalfYear, LIGHT_FIELD_NAMES } from '../../../shared/domain/project';
import type { Op } from '../../core/ops';
import type { MilestoneState, PoolKind } from '../../../shared/domain/project';
import type { ProjectField, RiskActivityRecord, StatusField } from '../../core/project-ops';
import { key } from '../dots';
import type { MergeConflict } from '../merge';
import type { ProjectValues } from '../project-values';
import { decide, poolName, resolve, take, theirIdOf, type Cell, type MergeContext } from './context';

/** What the merge changes in project data: per line, the new values (null: none); pool kinds; activities to add. */
export interface ProjectChanges {
  lines: Map<string, Map<string, string | null>>;
  pools: Map<string, PoolKind>;
  risks: Map<string, RiskActivityRecord>;
}

const CARD: Record<ProjectField, string> = {
  number: 'Projektnummer',
  purpose: 'Formål',
  responsible: 'Ansvarlig',
  phase: 'Fase',
  start_month: 'Startmåned',
  end_month: 'Slutmåned',
  case_ref: 'Sagsnummer',
  risk_profile: 'Risikoprofil',
};
const STATUS: Record<StatusField, string> = { ...LIGHT_FIELD_NAMES, overall: 'Samlet', remark: 'Bemærkninger' };

/** A project value's Danish label: «Fase», «Status nov. 2023 · Tid», «Milepæl 1. halvår 2024 · Tilstand». */
export function projectLabel(field: string): string {
  const [kind, a = '', b = ''] = field.split('.');
  if (kind === 'project') return CARD[a as ProjectField] ?? a;
  if (kind === 'status') return `Status ${formatMonth(a)} · ${STATUS[b as StatusField] ?? b}`;
  if (kind === 'milestone') return `Milepæl ${formatHalfYear(a)} · ${b === 'text' ? 'Tekst' : 'Tilstand'}`;
  return 'Risikoaktivitet';
}

const NONE = new Map<string, string>();

/** The review's entry for a line's cells (one per line, shared with the line phases). */
function cellsOf(ctx: MergeContext, id: string, line: string, pool: string): Cell[] {
  const found = ctx.review.changes.find((c) => c.lineId === id);
  if (found) return found.cells;
  const entry = { lineId: id, pool, line, cells: [] as Cell[] };
  ctx.review.changes.push(entry);
  return entry.cells;
}

export function mergeProjects(ctx: MergeContext, mine: ProjectValues, theirs: ProjectValues): ProjectChanges {
  const out: ProjectChanges = { lines: new Map(), pools: new Map(), risks: new Map() };
  const set = (id: string, field: string, value: string | null) => {
    let m = out.lines.get(id);
    if (!m) out.lines.set(id, (m = new Map()));
    m.set(field, value);
    if (value !== null && field.startsWith('risk.')) {
      const r = theirs.risks.get(field.slice(5));
      if (r) out.risks.set(r.id, { ...r, line_id: id });
    }
  };
  const matchedNow = new Set(ctx.aliases.map(([, m]) => m));
  for (const [id, line] of ctx.target.state.lines) {
    if (line.parentId !== null || !ctx.theirLines.has(id) || matchedNow.has(id)) continue;
    const tv = theirs.lines.get(theirIdOf(ctx, id)) ?? NONE;
    if (!ctx.mine.state.lines.has(id)) {
      // Their line arrives (new, or restored by them): with all of its project.
      for (const [f, v] of tv) {
        set(id, f, v);
        take(ctx, 'line', id, f);
      }
      continue;
    }
    const mv = mine.lines.get(id) ?? NONE;
    const pool = poolName(ctx, line.poolId);
    for (const f of new Set([...mv.keys(), ...tv.keys()])) {
      const m = mv.get(f) ?? null;
      const t = tv.get(f) ?? null;
      if (m === t) continue;
      const decided = decide(ctx, 'line', id, f);
      const label = projectLabel(f);
      const cell: Cell = { field: 'project', label, year: null, mine: m, theirs: t, outcome: decided };
      cellsOf(ctx, id, line.name, pool).push(cell);
      if (decided !== 'conflict') {
        if (ctx.sharedHistory) cell.base = decided === 'theirs' ? m : t;
        if (decided === 'theirs') {
          set(id, f, t);
          take(ctx, 'line', id, f);
        }
        continue;
      }
      const c: MergeConflict = {
        id: `project:${id}:${f}`,
        kind: 'project',
        label,
        lineId: id,
        theirLineId: null,
        pool,
        line: line.name,
        year: null,
        mine: m,
        theirs: t,
      };
      if (ctx.sharedHistory) ctx.unknownBase.push({ field: { entity: 'line', id, field: f }, shown: [c, cell] });
      if (resolve(ctx, c)?.take === 'theirs') {
        set(id, f, t);
        take(ctx, 'line', id, f);
      }
    }
  }
  keepNumbersUnique(ctx, mine, out);
  mergePoolKinds(ctx, mine, theirs, out);
  return out;
}

/** A number taken from theirs that another project of the merged portfolio holds is not taken. */
function keepNumbersUnique(ctx: MergeContext, mine: ProjectValues, out: ProjectChanges): void {
  const F = 'project.number';
  const numberOf = (id: string) => {
    const changed = out.lines.get(id);
    return changed?.has(F) ? changed.get(F)! : (mine.lines.get(id)?.get(F) ?? null);
  };
  const holders = new Map<string, string[]>();
  for (const [id, l] of ctx.target.state.lines) {
    const n = l.parentId === null ? numberOf(id) : null;
    if (n !== null) holders.set(n, [...(holders.get(n) ?? []), id]);
  }
  // Each side's numbers are unique: a number held twice is one of mine and one taken from theirs.
  for (const ids of holders.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      const changed = out.lines.get(id);
      if (!changed?.get(F)) continue;
      changed.delete(F);
      if (ctx.taken.delete(key('line', id, F))) ctx.review.counts.fromTheirs--;
      for (const c of ctx.review.changes.find((x) => x.lineId === id)?.cells ?? [])
        if (c.field === 'project' && c.label === projectLabel(F)) c.outcome = 'mine';
    }
  }
}

/** A pool's kind: theirs for a pool of theirs that arrives, or where theirs is newer (a pool is never a conflict). */
function mergePoolKinds(ctx: MergeContext, mine: ProjectValues, theirs: ProjectValues, out: ProjectChanges): void {
  for (const id of ctx.target.state.pools.keys()) {
    if (!ctx.theirs.state.pools.has(id)) continue;
    const m = mine.pools.get(id) ?? 'other';
    const t = theirs.pools.get(id) ?? 'other';
    if (m === t) continue;
    if (ctx.mine.state.pools.has(id) && decide(ctx, 'pool', id, 'kind') !== 'theirs') continue;
    out.pools.set(id, t as PoolKind);
    take(ctx, 'pool', id, 'kind');
  }
}

/**
 * The ops that make the merged portfolio's project data (after the line ops: a line that arrives
 * exists, one that leaves took its rows along). Numbers that change are cleared first, so that
 * two projects may trade numbers. Milestones are written whole, from both of their fields.
 */
export function projectOps(mine: ProjectValues, changes: ProjectChanges, lineIds: Set<string>): Op[] {
  const clear: Op[] = [];
  const ops: Op[] = [];
  for (const [lineId, fields] of changes.lines) {
    if (!lineIds.has(lineId)) continue;
    const halves = new Set<string>();
    for (const [f, value] of fields) {
      const [kind, a = '', b = ''] = f.split('.');
      if (kind === 'project') {
        const field = a as ProjectField;
        if (field === 'number' && mine.lines.get(lineId)?.has(f))
          clear.push({ op: 'setProjectField', lineId, field, value: null });
        ops.push({ op: 'setProjectField', lineId, field, value });
      } else if (kind === 'status')
        ops.push({ op: 'setStatusField', lineId, month: a, field: b as StatusField, value });
      else if (kind === 'milestone') halves.add(a);
      else if (kind === 'risk') {
        const id = f.slice(5);
        if (mine.risks.has(id)) ops.push({ op: 'deleteRiskActivity', id });
        const activity = value === null ? undefined : changes.risks.get(id);
        if (activity) ops.push({ op: 'insertRiskActivity', activity });
      }
    }
    for (const half of halves) {
      const now = (part: string) => {
        const f = `milestone.${half}.${part}`;
        return fields.has(f) ? fields.get(f)! : (mine.lines.get(lineId)?.get(f) ?? null);
      };
      const text = now('text');
      const state = now('state') as MilestoneState | null;
      ops.push({
        op: 'setMilestone',
        lineId,
        half,
        value: text === null && state === null ? null : { text: text ?? '', state },
      });
    }
  }
  for (const [poolId, kind] of changes.pools) ops.push({ op: 'setPoolKind', poolId, kind });
  return [...clear, ...ops];
}
