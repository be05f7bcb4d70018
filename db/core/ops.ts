/**
 * The low-level, invertible edits every change is made of. Applying an op checks it (its limits
 * first: db/core/limits.ts), writes it, records one audit row, notes what it touched, and returns
 * the op that undoes it. A user action is a list of ops in one transaction; its undo is the
 * inverses in reverse.
 */
import type { Amounts, Pool, RegionCode } from '../../shared/domain/model';
import { regionName } from '../../shared/domain/model';
import { formatAmount } from '../../shared/danish/number';
import { hasSubLinesMessage } from '../../shared/domain/names';
import { UserError } from './errors';
import { checkOpLimits } from './limits';
import type { DB } from './open';
import { readLineRecord, sql, type LineRecord } from './queries';
import type { PoolKind } from '../../shared/domain/project';
import {
  applyProjectOp,
  putProjectRows,
  takePoolKind,
  takeProjectRows,
  type ProjectOp,
  type ProjectRows,
} from './project-ops';

export type Op =
  | { op: 'setAmount'; lineId: string; year: number; value: number | null }
  | { op: 'setLineText'; lineId: string; field: 'name' | 'description' | 'comment'; value: string }
  /** A new line, with its own figures (a leaf's) in the same step: one op and one audit row per line. */
  | { op: 'insertLine'; line: LineRecord; amounts?: Amounts; comment?: string; project?: ProjectRows }
  /** Deletes a line without sub-lines, figures and project rows included; its inverse puts them back. */
  | { op: 'deleteLine'; lineId: string }
  | { op: 'placeLine'; lineId: string; poolId: string; parentId: string | null; position: number }
  | { op: 'insertPool'; pool: Pool; kind?: PoolKind }
  | { op: 'deletePool'; poolId: string }
  | { op: 'setPoolText'; poolId: string; field: 'name' | 'description'; value: string }
  | { op: 'placePool'; poolId: string; position: number }
  | { op: 'insertYear'; year: number }
  | { op: 'deleteYear'; year: number }
  | { op: 'setMeta'; field: 'title' | 'region'; value: string }
  | ProjectOp;

export interface Touched {
  lines: Set<string>;
  deletedLines: Set<string>;
  pools: Set<string>;
  deletedPools: Set<string>;
  years: boolean;
  meta: boolean;
  /** Lines whose project rows changed (project-ops.ts). */
  projects: Set<string>;
}

export function newTouched(): Touched {
  return {
    lines: new Set(),
    deletedLines: new Set(),
    pools: new Set(),
    deletedPools: new Set(),
    years: false,
    meta: false,
    projects: new Set(),
  };
}

export interface OpContext {
  at: string;
  changeNo: number;
  action: string;
  touched: Touched;
}

type Entity =
  | 'portfolio'
  | 'year'
  | 'pool'
  | 'line'
  | 'amount'
  | 'pool_kind'
  | 'project'
  | 'risk_activity'
  | 'project_status'
  | 'milestone';

export function audit(
  db: DB,
  ctx: OpContext,
  entity: Entity,
  id: string | null,
  field: string | null,
  oldValue: unknown,
  newValue: unknown,
) {
  const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  sql(db).audit.run(ctx.at, ctx.changeNo, ctx.action, entity, id, field, text(oldValue), text(newValue));
}

export function mustLine(db: DB, id: string): LineRecord {
  const line = readLineRecord(db, id);
  if (!line) throw new UserError('Linjen findes ikke længere. Genindlæs porteføljen.', 'not-found');
  return line;
}

export function mustPool(db: DB, id: string): Pool {
  const pool = sql(db).pool.get(id);
  if (!pool) throw new UserError('Puljen findes ikke længere. Genindlæs porteføljen.', 'not-found');
  return pool;
}

function touchLine(ctx: OpContext, id: string) {
  ctx.touched.lines.add(id);
  ctx.touched.deletedLines.delete(id);
}

/**
 * Within one change: lines already checked to exist (and to have no sub-lines), and years
 * checked to exist, so a paste of 1,000 × 12 cells (or its undo) checks each line and year
 * once, not once per cell. Any op that is not a cell or text edit may change what exists,
 * and forgets them.
 */
const checkedForAmounts = new WeakMap<OpContext, { lines: Set<string>; leaves: Set<string>; years: Set<number> }>();

function amountChecks(ctx: OpContext) {
  let known = checkedForAmounts.get(ctx);
  if (!known) checkedForAmounts.set(ctx, (known = { lines: new Set(), leaves: new Set(), years: new Set() }));
  return known;
}

export function applyOp(db: DB, op: Op, ctx: OpContext): Op {
  checkOpLimits(op);
  const s = sql(db);
  if (op.op !== 'setAmount' && op.op !== 'setLineText') checkedForAmounts.delete(ctx);
  switch (op.op) {
    case 'setAmount': {
      const known = amountChecks(ctx);
      // Clearing a cell needs only the line; setting one needs a line without sub-lines.
      if (!known.leaves.has(op.lineId) && (op.value !== null || !known.lines.has(op.lineId))) {
        const line = mustLine(db, op.lineId);
        known.lines.add(op.lineId);
        if (op.value !== null) {
          if (s.hasChildren.get(op.lineId)) throw new UserError(hasSubLinesMessage(line.name));
          known.leaves.add(op.lineId);
        }
      }
      if (!known.years.has(op.year)) {
        if (!s.yearExists.get(op.year)) throw new UserError(`År ${op.year} findes ikke i porteføljen.`, 'not-found');
        known.years.add(op.year);
      }
      const old = s.amount.get(op.lineId, op.year)?.kroner ?? null;
      if (op.value === null) s.deleteAmount.run(op.lineId, op.year);
      else s.upsertAmount.run(op.lineId, op.year, op.value);
      audit(db, ctx, 'amount', op.lineId, String(op.year), old, op.value);
      touchLine(ctx, op.lineId);
      return { op: 'setAmount', lineId: op.lineId, year: op.year, value: old };
    }
    case 'setLineText': {
      const line = mustLine(db, op.lineId);
      const old = op.field === 'comment' ? (s.lineComment.get(op.lineId)?.comment ?? '') : line[op.field];
      if (op.field === 'name') s.setLineName.run(op.value, op.lineId);
      else if (op.field === 'comment') s.setLineComment.run(op.value, op.lineId);
      else s.setLineDescription.run(op.value, op.lineId);
      audit(db, ctx, 'line', op.lineId, op.field, old, op.value);
      touchLine(ctx, op.lineId);
      return { ...op, value: old };
    }
    case 'insertLine': {
      mustPool(db, op.line.pool_id);
      if (op.line.parent_id) {
        const parent = mustLine(db, op.line.parent_id);
        if (parent.parent_id) throw new UserError('En underlinje kan ikke have egne underlinjer.');
        if (parent.pool_id !== op.line.pool_id)
          throw new UserError('En underlinje skal ligge i samme pulje som sin linje.');
      }
      s.insertLine.run(op.line);
      if (op.comment) s.setLineComment.run(op.comment, op.line.id);
      if (op.project) putProjectRows(db, op.project);
      const amounts = op.amounts ?? {};
      for (const [year, kroner] of Object.entries(amounts)) {
        if (!s.yearExists.get(Number(year))) throw new UserError(`År ${year} findes ikke i porteføljen.`, 'not-found');
        s.upsertAmount.run(op.line.id, Number(year), kroner);
      }
      const inserted = {
        ...op.line,
        ...(op.comment && { comment: op.comment }),
        ...(op.project && { project: op.project }),
      };
      audit(db, ctx, 'line', op.line.id, null, null, Object.keys(amounts).length ? { ...inserted, amounts } : inserted);
      touchLine(ctx, op.line.id);
      return { op: 'deleteLine', lineId: op.line.id };
    }
    case 'deleteLine': {
      const line = mustLine(db, op.lineId);
      if (s.hasChildren.get(op.lineId)) throw new UserError(`«${line.name}» har underlinjer; slet dem først.`);
      const amounts: Amounts = {};
      for (const a of s.lineAmounts.all(op.lineId)) amounts[a.year] = a.kroner;
      const hasAmounts = Object.keys(amounts).length > 0;
      const comment = s.lineComment.get(op.lineId)?.comment ?? '';
      if (hasAmounts) s.deleteLineAmounts.run(op.lineId);
      const project = takeProjectRows(db, op.lineId);
      s.deleteLine.run(op.lineId);
      const deleted = { ...line, ...(comment && { comment }), ...(project && { project }) };
      audit(db, ctx, 'line', op.lineId, null, hasAmounts ? { ...deleted, amounts } : deleted, null);
      ctx.touched.lines.delete(op.lineId);
      ctx.touched.deletedLines.add(op.lineId);
      const inverse: Op = hasAmounts ? { op: 'insertLine', line, amounts } : { op: 'insertLine', line };
      return { ...inverse, ...(comment && { comment }), ...(project && { project }) };
    }
    case 'placeLine': {
      const line = mustLine(db, op.lineId);
      mustPool(db, op.poolId);
      s.placeLine.run(op.poolId, op.parentId, op.position, op.lineId);
      const before = { poolId: line.pool_id, parentId: line.parent_id, position: line.position };
      audit(db, ctx, 'line', op.lineId, 'place', before, {
        poolId: op.poolId,
        parentId: op.parentId,
        position: op.position,
      });
      touchLine(ctx, op.lineId);
      return { op: 'placeLine', lineId: op.lineId, ...before };
    }
    case 'insertPool': {
      s.insertPool.run(op.pool);
      if (op.kind && op.kind !== 'other')
        applyProjectOp(db, { op: 'setPoolKind', poolId: op.pool.id, kind: op.kind }, ctx);
      audit(db, ctx, 'pool', op.pool.id, null, null, op.pool);
      ctx.touched.pools.add(op.pool.id);
      ctx.touched.deletedPools.delete(op.pool.id);
      return { op: 'deletePool', poolId: op.pool.id };
    }
    case 'deletePool': {
      const pool = mustPool(db, op.poolId);
      const kind = takePoolKind(db, op.poolId);
      s.deletePool.run(op.poolId);
      audit(db, ctx, 'pool', op.poolId, null, pool, null);
      ctx.touched.pools.delete(op.poolId);
      ctx.touched.deletedPools.add(op.poolId);
      return kind === 'other' ? { op: 'insertPool', pool } : { op: 'insertPool', pool, kind };
    }
    case 'setPoolText': {
      const pool = mustPool(db, op.poolId);
      const old = pool[op.field];
      if (op.field === 'name') s.setPoolName.run(op.value, op.poolId);
      else s.setPoolDescription.run(op.value, op.poolId);
      audit(db, ctx, 'pool', op.poolId, op.field, old, op.value);
      ctx.touched.pools.add(op.poolId);
      return { ...op, value: old };
    }
    case 'placePool': {
      const pool = mustPool(db, op.poolId);
      s.placePool.run(op.position, op.poolId);
      audit(db, ctx, 'pool', op.poolId, 'position', pool.position, op.position);
      ctx.touched.pools.add(op.poolId);
      return { op: 'placePool', poolId: op.poolId, position: pool.position };
    }
    case 'insertYear': {
      s.insertYear.run(op.year);
      audit(db, ctx, 'year', String(op.year), null, null, op.year);
      ctx.touched.years = true;
      return { op: 'deleteYear', year: op.year };
    }
    case 'deleteYear': {
      const left = s.amountsInYear.get(op.year);
      if (left) throw new UserError(`År ${op.year} har stadig beløb (${formatAmount(left.kroner)}).`);
      s.deleteYear.run(op.year);
      audit(db, ctx, 'year', String(op.year), null, op.year, null);
      ctx.touched.years = true;
      return { op: 'insertYear', year: op.year };
    }
    case 'setMeta': {
      const meta = s.meta.get()!;
      const old = meta[op.field];
      if (op.field === 'title') s.setTitle.run(op.value);
      else {
        regionName(op.value as RegionCode);
        s.setRegion.run(op.value);
      }
      audit(db, ctx, 'portfolio', meta.id, op.field, old, op.value);
      ctx.touched.meta = true;
      return { op: 'setMeta', field: op.field, value: old };
    }
    default:
      return applyProjectOp(db, op, ctx);
  }
}
