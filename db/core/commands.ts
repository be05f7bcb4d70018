/**
 * What a user can do to a portfolio, each planned as a list of invertible ops (ops.ts) from the
 * current state. A plan runs in one transaction and is one undo step (session.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Args } from '../../shared/contract/contract';
import { formatAmount } from '../../shared/danish/number';
import { count } from '../../shared/danish/text';
import { regionName } from '../../shared/domain/model';
import { nameKey, sameName } from '../../shared/domain/names';
import { UserError } from './errors';
import { mustLine, mustPool, type Op } from './ops';
import type { DB } from './open';
import { readLine, readLineRecord, sql, type LineRecord } from './queries';

export interface Plan {
  label: string;
  ops: Op[];
  createdId?: string;
}

export const GAP = 1024;

const line = mustLine;
const pool = mustPool;

/** Line names are unique within a pool, so a line can be found by pool and name (CLI, import). */
export function checkLineName(db: DB, poolId: string, name: string, exceptId?: string) {
  for (const other of sql(db).poolLineNames.all(poolId)) {
    if (other.id !== exceptId && sameName(other.name, name))
      throw new UserError(
        `Der findes allerede en linje med navnet «${other.name}» i puljen «${pool(db, poolId).name}».`,
        'conflict',
      );
  }
}

function checkPoolName(db: DB, name: string, exceptId?: string) {
  const clash = sql(db)
    .pools.all()
    .find((p) => p.id !== exceptId && sameName(p.name, name));
  if (clash) throw new UserError(`Der findes allerede en pulje med navnet «${clash.name}».`, 'conflict');
}

export function siblings(db: DB, poolId: string, parentId: string | null): LineRecord[] {
  return parentId ? sql(db).children.all(parentId) : sql(db).topLines.all(poolId);
}

/**
 * Positions are spaced so that an insert between two rows usually touches one row; when a
 * gap is used up the siblings are renumbered (each renumbering is an op, so undo restores it).
 * `afterId` null puts it last; an id that is not in the list puts it first (import uses that).
 */
export function positionAfter(
  list: { id: string; position: number }[],
  afterId: string | null,
  renumber: (id: string, position: number) => void,
): number {
  const index = afterId === null ? list.length - 1 : list.findIndex((x) => x.id === afterId);
  const before = index >= 0 ? list[index]!.position : 0;
  const next = list[index + 1];
  if (!next) return before + GAP;
  if (next.position - before > 1) return Math.floor((before + next.position) / 2);
  list.forEach((x, i) => renumber(x.id, (i + 1) * GAP * 2));
  return (index + 1) * GAP * 2 + GAP;
}

export function setMeta(db: DB, args: Args<'portfolio.setMeta'>): Plan {
  const meta = sql(db).meta.get()!;
  const ops: Op[] = [];
  if (args.title !== undefined && args.title.trim() !== meta.title)
    ops.push({ op: 'setMeta', field: 'title', value: args.title.trim() });
  if (args.region !== undefined && args.region !== meta.region)
    ops.push({ op: 'setMeta', field: 'region', value: args.region });
  const label =
    args.region !== undefined && args.title === undefined ? `Region: ${regionName(args.region)}` : 'Ret titel';
  return { label, ops };
}

export function setAmounts(db: DB, args: Args<'amounts.set'>): Plan {
  const s = sql(db);
  const ops: Op[] = [];
  const seen = new Set<string>();
  for (const cell of args.cells) {
    const key = `${cell.lineId}:${cell.year}`;
    if (seen.has(key)) throw new UserError('Den samme celle er med to gange i ændringen.', 'invalid-args');
    seen.add(key);
    const old = s.amount.get(cell.lineId, cell.year)?.kroner ?? null;
    // A cell whose value does not change is not rewritten (and makes no audit row).
    if (old !== cell.value) ops.push({ op: 'setAmount', lineId: cell.lineId, year: cell.year, value: cell.value });
  }
  const label = ops.length === 1 ? 'Ret beløb' : `Ret ${ops.length} beløb`;
  return { label, ops };
}

export function addLine(db: DB, args: Args<'lines.add'>): Plan {
  pool(db, args.poolId);
  const name = args.name.trim();
  checkLineName(db, args.poolId, name);
  const ops: Op[] = [];
  const id = randomUUID();
  let parentId: string | null = null;
  if (args.parentId) {
    const parent = line(db, args.parentId);
    if (parent.parent_id) throw new UserError('En underlinje kan ikke have egne underlinjer.');
    if (parent.pool_id !== args.poolId) throw new UserError('En underlinje skal ligge i samme pulje som sin linje.');
    parentId = parent.id;
  }
  const list = siblings(db, args.poolId, parentId);
  const afterId = args.beforeLineId
    ? lineBefore(list, args.beforeLineId)
    : args.afterLineId && list.some((l) => l.id === args.afterLineId)
      ? args.afterLineId
      : null;
  const position = positionAfter(list, afterId, (lineId, p) => {
    const l = list.find((x) => x.id === lineId)!;
    ops.push({ op: 'placeLine', lineId, poolId: l.pool_id, parentId: l.parent_id, position: p });
  });
  // The first sub-line takes over its parent's amounts, so no total changes and nothing is lost.
  // The parent's cells are emptied before the sub-line exists, so that the undo (the inverses in
  // reverse) deletes the sub-line before it gives the amounts back to a parent without sub-lines.
  const takeOver = parentId && list.length === 0 ? Object.entries(readLine(db, parentId)!.amounts) : [];
  for (const [year] of takeOver) ops.push({ op: 'setAmount', lineId: parentId!, year: Number(year), value: null });
  ops.push({
    op: 'insertLine',
    line: { id, pool_id: args.poolId, parent_id: parentId, name, position, description: '' },
  });
  for (const [year, value] of takeOver) ops.push({ op: 'setAmount', lineId: id, year: Number(year), value });
  return { label: parentId ? 'Tilføj underlinje' : 'Tilføj linje', ops, createdId: id };
}

/** The sibling before `id` for positionAfter: '' (not in the list) puts it first; null, last. */
function lineBefore(list: { id: string }[], id: string): string | null {
  const i = list.findIndex((l) => l.id === id);
  if (i < 0) return null;
  return i > 0 ? list[i - 1]!.id : '';
}

export function renameLine(db: DB, args: Args<'lines.rename'>): Plan {
  const l = line(db, args.lineId);
  const name = args.name.trim();
  if (name === l.name) return { label: 'Omdøb linje', ops: [] };
  checkLineName(db, l.pool_id, name, l.id);
  return { label: `Omdøb «${l.name}»`, ops: [{ op: 'setLineText', lineId: l.id, field: 'name', value: name }] };
}

export function setLineDescription(db: DB, args: Args<'lines.setDescription'>): Plan {
  const l = line(db, args.lineId);
  if (args.description === l.description) return { label: 'Ret beskrivelse', ops: [] };
  return {
    label: `Ret beskrivelse af «${l.name}»`,
    ops: [{ op: 'setLineText', lineId: l.id, field: 'description', value: args.description }],
  };
}

export function setLineComment(db: DB, args: Args<'lines.setComment'>): Plan {
  const l = line(db, args.lineId);
  const comment = args.comment.trim();
  if (comment === (sql(db).lineComment.get(l.id)?.comment ?? '')) return { label: 'Ret kommentar', ops: [] };
  return {
    label: comment ? `Kommentar til «${l.name}»` : `Fjern kommentar til «${l.name}»`,
    ops: [{ op: 'setLineText', lineId: l.id, field: 'comment', value: comment }],
  };
}

/** Names taken in a pool, by their lower-case form: one read for a whole paste, not one per line. */
function takenNames(db: DB, poolId: string): Map<string, { id: string; name: string }> {
  return new Map(
    sql(db)
      .poolLineNames.all(poolId)
      .map((l) => [nameKey(l.name), l]),
  );
}

/** A paste: amounts (as amounts.set), renames, and new lines at the end of a pool; one undo step. */
export function pasteCells(db: DB, args: Args<'amounts.paste'>): Plan {
  const ops = args.cells.length ? setAmounts(db, { cells: args.cells }).ops : [];
  const cellCount = ops.length;
  const taken = new Map<string, Map<string, { id: string; name: string }>>();
  const namesOf = (poolId: string) => taken.get(poolId) ?? taken.set(poolId, takenNames(db, poolId)).get(poolId)!;
  const claim = (poolId: string, name: string, id: string) => {
    const names = namesOf(poolId);
    const key = nameKey(name);
    const clash = names.get(key);
    if (clash && clash.id !== id)
      throw new UserError(
        `Der findes allerede en linje med navnet «${clash.name}» i puljen «${pool(db, poolId).name}».`,
        'conflict',
      );
    names.set(key, { id, name });
  };
  for (const r of args.renames) {
    const l = line(db, r.lineId);
    const name = r.name.trim();
    if (name === l.name) continue;
    namesOf(l.pool_id).delete(nameKey(l.name));
    claim(l.pool_id, name, l.id);
    ops.push({ op: 'setLineText', lineId: l.id, field: 'name', value: name });
  }
  let added = 0;
  if (args.add) {
    const poolId = pool(db, args.add.poolId).id;
    const list = sql(db).topLines.all(poolId);
    let position = list[list.length - 1]?.position ?? 0;
    for (const l of args.add.lines) {
      const id = randomUUID();
      const name = l.name.trim();
      claim(poolId, name, id);
      position += GAP;
      const record = { id, pool_id: poolId, parent_id: null, name, position, description: '' };
      ops.push(
        Object.keys(l.amounts).length
          ? { op: 'insertLine', line: record, amounts: { ...l.amounts } }
          : { op: 'insertLine', line: record },
      );
      added++;
    }
  }
  const parts = [
    cellCount ? `${cellCount} beløb` : '',
    ops.length - cellCount - added ? count(ops.length - cellCount - added, 'navn', 'navne') : '',
    added ? count(added, 'ny linje', 'nye linjer') : '',
  ];
  return { label: `Sæt ind: ${parts.filter(Boolean).join(', ') || 'intet'}`, ops };
}

/** Row dragging: puts a line before or after another of the same level (a sub-line among sub-lines). */
export function placeLine(db: DB, args: Args<'lines.place'>): Plan {
  const l = line(db, args.lineId);
  const target = line(db, args.targetLineId);
  if (l.id === target.id) return { label: 'Flyt linje', ops: [] };
  if (!l.parent_id !== !target.parent_id) {
    throw new UserError(
      l.parent_id
        ? 'En underlinje kan kun flyttes blandt underlinjer.'
        : 'En linje kan kun flyttes blandt linjer, ikke ind under en anden linje.',
    );
  }
  const children = sql(db).children.all(l.id);
  if (target.pool_id !== l.pool_id) {
    checkLineName(db, target.pool_id, l.name, l.id);
    for (const c of children) checkLineName(db, target.pool_id, c.name, c.id);
  }
  const ops: Op[] = [];
  const list = siblings(db, target.pool_id, target.parent_id).filter((x) => x.id !== l.id);
  const afterId = args.where === 'after' ? target.id : lineBefore(list, target.id);
  const position = positionAfter(list, afterId, (lineId, p) => {
    const x = list.find((y) => y.id === lineId)!;
    ops.push({ op: 'placeLine', lineId, poolId: x.pool_id, parentId: x.parent_id, position: p });
  });
  ops.push({ op: 'placeLine', lineId: l.id, poolId: target.pool_id, parentId: target.parent_id, position });
  if (target.pool_id !== l.pool_id)
    for (const c of children)
      ops.push({ op: 'placeLine', lineId: c.id, poolId: target.pool_id, parentId: l.id, position: c.position });
  return { label: `Flyt «${l.name}»`, ops };
}

/** Ops that delete a line and its sub-lines first; each deleteLine's inverse restores its figures. */
function deleteLineOps(db: DB, lineId: string): Op[] {
  const ops: Op[] = [];
  for (const child of sql(db).children.all(lineId)) ops.push(...deleteLineOps(db, child.id));
  ops.push({ op: 'deleteLine', lineId });
  return ops;
}

export function deleteLine(db: DB, args: Args<'lines.delete'>): Plan {
  const l = line(db, args.lineId);
  return { label: `Slet linje «${l.name}»`, ops: deleteLineOps(db, l.id) };
}

export function moveLine(db: DB, args: Args<'lines.move'>): Plan {
  const l = line(db, args.lineId);
  const list = siblings(db, l.pool_id, l.parent_id);
  const i = list.findIndex((x) => x.id === l.id);
  const j = args.direction === 'up' ? i - 1 : i + 1;
  const other = list[j];
  if (!other) return { label: 'Flyt linje', ops: [] };
  return {
    label: args.direction === 'up' ? `Flyt «${l.name}» op` : `Flyt «${l.name}» ned`,
    ops: [
      { op: 'placeLine', lineId: l.id, poolId: l.pool_id, parentId: l.parent_id, position: other.position },
      { op: 'placeLine', lineId: other.id, poolId: other.pool_id, parentId: other.parent_id, position: l.position },
    ],
  };
}

export function moveLineToPool(db: DB, args: Args<'lines.moveToPool'>): Plan {
  const l = line(db, args.lineId);
  const target = pool(db, args.poolId);
  if (l.pool_id === target.id && !l.parent_id) return { label: 'Flyt til pulje', ops: [] };
  checkLineName(db, target.id, l.name, l.id);
  const children = sql(db).children.all(l.id);
  for (const c of children) checkLineName(db, target.id, c.name, c.id);
  const list = sql(db).topLines.all(target.id);
  const position = (list[list.length - 1]?.position ?? 0) + GAP;
  const ops: Op[] = [{ op: 'placeLine', lineId: l.id, poolId: target.id, parentId: null, position }];
  for (const c of children)
    ops.push({ op: 'placeLine', lineId: c.id, poolId: target.id, parentId: l.id, position: c.position });
  return { label: `Flyt «${l.name}» til «${target.name}»`, ops };
}

export function addPool(db: DB, args: Args<'pools.add'>): Plan {
  const name = args.name.trim();
  checkPoolName(db, name);
  const ops: Op[] = [];
  const list = sql(db).pools.all();
  const afterId = args.afterPoolId && list.some((p) => p.id === args.afterPoolId) ? args.afterPoolId : null;
  const position = positionAfter(list, afterId, (poolId, p) => ops.push({ op: 'placePool', poolId, position: p }));
  const id = randomUUID();
  ops.push({ op: 'insertPool', pool: { id, name, position, description: '' } });
  return { label: `Tilføj pulje «${name}»`, ops, createdId: id };
}

export function renamePool(db: DB, args: Args<'pools.rename'>): Plan {
  const p = pool(db, args.poolId);
  const name = args.name.trim();
  if (name === p.name) return { label: 'Omdøb pulje', ops: [] };
  checkPoolName(db, name, p.id);
  return { label: `Omdøb puljen «${p.name}»`, ops: [{ op: 'setPoolText', poolId: p.id, field: 'name', value: name }] };
}

export function setPoolDescription(db: DB, args: Args<'pools.setDescription'>): Plan {
  const p = pool(db, args.poolId);
  if (p.description === args.description) return { label: 'Ret beskrivelse', ops: [] };
  return {
    label: `Ret beskrivelse af «${p.name}»`,
    ops: [{ op: 'setPoolText', poolId: p.id, field: 'description', value: args.description }],
  };
}

export function deletePool(db: DB, args: Args<'pools.delete'>): Plan {
  const p = pool(db, args.poolId);
  const ops: Op[] = [];
  for (const top of sql(db).topLines.all(p.id)) ops.push(...deleteLineOps(db, top.id));
  ops.push({ op: 'deletePool', poolId: p.id });
  return { label: `Slet puljen «${p.name}»`, ops };
}

export function movePool(db: DB, args: Args<'pools.move'>): Plan {
  const list = sql(db).pools.all();
  const i = list.findIndex((p) => p.id === args.poolId);
  if (i < 0) pool(db, args.poolId);
  const p = list[i]!;
  const other = list[args.direction === 'up' ? i - 1 : i + 1];
  if (!other) return { label: 'Flyt pulje', ops: [] };
  return {
    label: args.direction === 'up' ? `Flyt puljen «${p.name}» op` : `Flyt puljen «${p.name}» ned`,
    ops: [
      { op: 'placePool', poolId: p.id, position: other.position },
      { op: 'placePool', poolId: other.id, position: p.position },
    ],
  };
}

export function addYear(db: DB, now = new Date()): Plan {
  const years = sql(db)
    .years.all()
    .map((y) => y.year);
  const year = years.length ? years[years.length - 1]! + 1 : now.getFullYear();
  if (year > 2200) throw new UserError('Der kan ikke tilføjes flere år.');
  return { label: `Tilføj år ${year}`, ops: [{ op: 'insertYear', year }] };
}

export function removeYear(db: DB, args: Args<'years.remove'>): Plan {
  const s = sql(db);
  if (!s.yearExists.get(args.year)) throw new UserError(`År ${args.year} findes ikke i porteføljen.`, 'not-found');
  if (s.years.all().length <= 1) throw new UserError('Porteføljen skal have mindst ét år.');
  const cells = s.amountsInYear.all(args.year);
  const nonZero = cells.filter((c) => c.kroner !== 0);
  if (nonZero.length) {
    const first = readLineRecord(db, nonZero[0]!.line_id);
    const more = nonZero.length > 1 ? ` og ${nonZero.length - 1} andre` : '';
    throw new UserError(
      `År ${args.year} kan ikke fjernes, fordi det har beløb: «${first?.name ?? '?'}» ${formatAmount(nonZero[0]!.kroner)}${more}. Sæt beløbene til 0 først.`,
    );
  }
  const ops: Op[] = cells.map((c) => ({ op: 'setAmount', lineId: c.line_id, year: args.year, value: null }));
  ops.push({ op: 'deleteYear', year: args.year });
  return { label: `Fjern år ${args.year}`, ops };
}
