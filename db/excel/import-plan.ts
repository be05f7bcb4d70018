/**
 * Importing Bilag 1: what it would change (planImport, shown before anything happens) and the
 * ops that change it (importOps, one Plan = one transaction = one undo step, db/core/session.ts).
 * After the ops every line of the workbook is in the portfolio with the workbook's parent and
 * figures for the workbook's years; the portfolio's other years, descriptions and the order of
 * lines it already had are kept, and lines the workbook lacks are removed only when asked.
 */
import { randomUUID } from 'node:crypto';
import { sameAmount, sumKroner, type Kroner } from '../../shared/domain/money';
import type { AnnexRead, ImportPreview } from '../../shared/contract/annex';
import type { Amounts, Line, Portfolio } from '../../shared/domain/model';
import { GAP, positionAfter, type Plan } from '../core/commands';
import { UserError } from '../core/errors';
import type { Op } from '../core/ops';
import type { DB } from '../core/open';
import { readAllLines, readPools, readYears } from '../core/queries';
import { conflictMessage, matchAnnex, type Matched, type MatchedLine } from './import-match';

export type ImportPreviewData = Omit<ImportPreview, 'token'>;

/** A cell the import sets: null empties it. */
interface CellChange {
  line: MatchedLine;
  year: number;
  old: Kroner | null;
  value: Kroner | null;
}

/**
 * The cells that change on a line the portfolio already has. A line that has sub-lines in the
 * workbook loses any figures of its own (its cells are the sum of its sub-lines); a leaf gets
 * the workbook's figure for each of the workbook's years, an empty cell meaning none.
 */
function lineChanges(l: MatchedLine, line: Line, years: number[]): CellChange[] {
  const own = line.amounts;
  if (l.isParent) return Object.entries(own).map(([year, old]) => ({ line: l, year: Number(year), old, value: null }));
  const out: CellChange[] = [];
  for (const year of years) {
    const old = own[year] ?? null;
    const value = l.read.amounts[year] ?? null;
    if (!sameAmount(old, value)) out.push({ line: l, year, old, value });
  }
  return out;
}

/** The cells that change on every line the portfolio already has (renamed ones included once confirmed). */
function cellChanges(m: Matched): CellChange[] {
  return m.pools.flatMap((p) => p.lines.flatMap((l) => (l.line ? lineChanges(l, l.line, m.years) : [])));
}

/** A changed cell as the preview lists it; a new year's cells are not changes but the new year (docs/files.md). */
const shownChange = (c: CellChange, line: Line) => ({
  pool: '',
  line: line.name,
  year: c.year,
  old: c.old,
  new: c.value,
});

const leafAmounts = (l: MatchedLine): Amounts => (l.isParent ? {} : { ...l.read.amounts });

export function planImport(snapshot: Omit<Portfolio, 'meta'>, read: AnnexRead, fileName: string): ImportPreviewData {
  return planImportChecked(snapshot, read, fileName).preview;
}

/** What a line the workbook lacks would take with it when removed, in Danish (description, comment …). */
export type LossesOf = (line: Line) => string[];

const textLosses: LossesOf = (l) => [
  ...(l.description.trim() ? ['beskrivelse'] : []),
  ...(l.comment?.trim() ? ['kommentar'] : []),
];

/** A conflict that refuses the import unless the lines the workbook lacks are removed. */
export type ImportConflict = Matched['conflicts'][number];

/** planImport, and the import's conflicts from the same one matching (db/excel/handlers.ts previewImport). */
export function planImportChecked(
  snapshot: Omit<Portfolio, 'meta'>,
  read: AnnexRead,
  fileName: string,
  projectLosses: LossesOf = () => [],
): { preview: ImportPreviewData; conflicts: ImportConflict[] } {
  const m = matchAnnex(snapshot, read);
  const losses = (l: Line) => [...textLosses(l), ...projectLosses(l)];
  return { preview: previewOf(m, snapshot, read, fileName, losses), conflicts: m.conflicts };
}

function previewOf(
  m: Matched,
  snapshot: Omit<Portfolio, 'meta'>,
  read: AnnexRead,
  fileName: string,
  losses: LossesOf,
): ImportPreviewData {
  const poolOf = new Map(snapshot.pools.map((p) => [p.id, p.name]));
  const oldYears = m.years.filter((y) => !m.newYears.includes(y));
  return {
    fileName,
    years: m.years,
    newYears: m.newYears,
    pools: m.pools.map((p) => {
      const leaves = p.lines.filter((l) => !l.isParent);
      const totals: Record<string, Kroner> = {};
      for (const y of m.years) totals[y] = sumKroner(leaves.map((l) => l.read.amounts[y]));
      return { name: p.name, isNew: !p.pool, lineCount: p.lines.length, totals };
    }),
    added: m.pools.flatMap((p) =>
      p.lines
        .filter((l) => !l.line)
        .map((l) => ({ pool: p.name, line: l.name, parent: l.parent?.name ?? null, amounts: leafAmounts(l) })),
    ),
    changed: cellChanges(m)
      .filter((c) => !m.newYears.includes(c.year))
      .map((c) => ({ ...shownChange(c, c.line.line!), pool: poolOf.get(c.line.line!.poolId)! })),
    renamed: m.renames.map((r) => ({
      lineId: r.line.id,
      pool: r.pool,
      from: r.line.name,
      to: r.read.name,
      changed: lineChanges(r.read, r.line, oldYears).map((c) => ({ ...shownChange(c, r.line), pool: r.pool })),
    })),
    missing: m.missing.map((l) => ({
      lineId: l.id,
      pool: poolOf.get(l.poolId) ?? '',
      line: l.name,
      loses: losses(l),
    })),
    mismatches: read.mismatches,
    notes: [...read.notes, ...m.moves, ...m.conflicts.map((c) => `${conflictMessage(c)} Ellers afvises importen.`)],
  };
}

// ---------- ops ----------

interface Slot {
  id: string;
  position: number;
  poolId: string;
  parentId: string | null;
}

/** Siblings by pool (top lines) or parent (sub-lines), kept in order as the ops move things. */
class Siblings {
  private groups = new Map<string, Slot[]>();
  /** Where each line is now. */
  readonly slots = new Map<string, Slot>();

  constructor(lines: Line[]) {
    for (const l of lines) {
      const slot = { id: l.id, position: l.position, poolId: l.poolId, parentId: l.parentId };
      this.list(l.poolId, l.parentId).push(slot);
      this.slots.set(l.id, slot);
    }
    for (const list of this.groups.values()) list.sort((a, b) => a.position - b.position);
  }

  list(poolId: string, parentId: string | null): Slot[] {
    const key = parentId ?? `pool:${poolId}`;
    let list = this.groups.get(key);
    if (!list) this.groups.set(key, (list = []));
    return list;
  }

  /** Removes many lines at once: one pass over each group they were in. */
  removeAll(ids: Set<string>): void {
    const keys = new Set<string>();
    for (const id of ids) {
      const slot = this.slots.get(id)!;
      keys.add(slot.parentId ?? `pool:${slot.poolId}`);
      this.slots.delete(id);
    }
    for (const key of keys)
      this.groups.set(
        key,
        this.groups.get(key)!.filter((s) => !ids.has(s.id)),
      );
  }

  remove(id: string): Slot {
    const slot = this.slots.get(id)!;
    const list = this.list(slot.poolId, slot.parentId);
    list.splice(list.indexOf(slot), 1);
    this.slots.delete(id);
    return slot;
  }

  /** Puts a line after `afterId` (an id not in the group: first) and returns its slot; renumbering is ops too. */
  place(ops: Op[], id: string, poolId: string, parentId: string | null, afterId: string | null): Slot {
    const list = this.list(poolId, parentId);
    const last = list[list.length - 1];
    // The common case (a workbook read in order) appends; it must not scan the group per line.
    if ((last && last.id === afterId) || (!last && afterId === null)) return this.append(id, poolId, parentId);
    const position = positionAfter(list, afterId ?? '', (lineId, p) => {
      const s = list.find((x) => x.id === lineId)!;
      s.position = p;
      ops.push({ op: 'placeLine', lineId, poolId: s.poolId, parentId: s.parentId, position: p });
    });
    const slot = { id, position, poolId, parentId };
    const index = list.findIndex((x) => x.position > position);
    list.splice(index < 0 ? list.length : index, 0, slot);
    this.slots.set(id, slot);
    return slot;
  }

  /** Appends at the end of a group: where a line waits while its parent changes. */
  append(id: string, poolId: string, parentId: string | null): Slot {
    const list = this.list(poolId, parentId);
    const slot = { id, position: (list[list.length - 1]?.position ?? 0) + GAP, poolId, parentId };
    list.push(slot);
    this.slots.set(id, slot);
    return slot;
  }
}

/**
 * The ops, in an order where every step leaves a valid portfolio (sub-lines one level deep, no
 * figures on a line with sub-lines), because undo replays their inverses through the same
 * states: years and pools; lines leaving their parent; removals; new lines and lines taking a
 * new parent, in the workbook's order; then the figures.
 */
export function importOps(
  db: DB,
  read: AnnexRead,
  options: { removeMissing: boolean; fileName?: string; renames?: readonly string[] },
): Plan {
  const state: Omit<Portfolio, 'meta'> = { years: readYears(db), pools: readPools(db), lines: readAllLines(db) };
  const m = matchAnnex(state, read, new Set(options.renames ?? []));
  const conflict = options.removeMissing ? undefined : m.conflicts[0];
  if (conflict) throw new UserError(conflictMessage(conflict), 'conflict');

  const ops: Op[] = m.newYears.map((year) => ({ op: 'insertYear', year }));
  // A confirmed «samme linje?» keeps its id (descriptions, comments, project card) and takes the workbook's name.
  for (const l of m.renamed) ops.push({ op: 'setLineText', lineId: l.line!.id, field: 'name', value: l.name });
  let lastPool = Math.max(0, ...state.pools.map((p) => p.position));
  const poolIds = m.pools.map((p) => {
    if (p.pool) return p.pool.id;
    const id = randomUUID();
    lastPool += GAP;
    ops.push({ op: 'insertPool', pool: { id, name: p.name, position: lastPool, description: '' } });
    return id;
  });

  const siblings = new Siblings(state.lines);
  const detached = new Set<string>(); // waiting at the end of their pool for their place below
  for (const p of m.pools) {
    for (const l of p.lines) {
      const slot = l.line && siblings.slots.get(l.line.id);
      // A sub-line stays only under the (existing) line the workbook has it under.
      if (!slot?.parentId || (l.parent?.line && slot.parentId === l.parent.line.id)) continue;
      siblings.remove(slot.id);
      const moved = siblings.append(slot.id, slot.poolId, null);
      detached.add(slot.id);
      ops.push({ op: 'placeLine', lineId: slot.id, poolId: slot.poolId, parentId: null, position: moved.position });
    }
  }

  if (options.removeMissing) {
    // Sub-lines before their line; a missing line's other sub-lines were moved out above.
    for (const l of [...m.missing].sort((a, b) => (a.parentId ? 0 : 1) - (b.parentId ? 0 : 1))) {
      ops.push({ op: 'deleteLine', lineId: l.id });
    }
    siblings.removeAll(new Set(m.missing.map((l) => l.id)));
  }

  const ids = new Map<MatchedLine, string>();
  m.pools.forEach((p, i) => {
    const poolId = poolIds[i]!;
    const previous = new Map<string | null, string>(); // the last line placed under each parent
    for (const l of p.lines) {
      const parentId = l.parent ? ids.get(l.parent)! : null;
      const after = previous.get(parentId) ?? null;
      if (l.line && l.isParent) {
        for (const year of Object.keys(l.line.amounts))
          ops.push({ op: 'setAmount', lineId: l.line.id, year: Number(year), value: null });
      }
      let id = l.line?.id;
      if (!id) {
        id = randomUUID();
        const slot = siblings.place(ops, id, poolId, parentId, after);
        // A new leaf brings its figures in the same op (one audit row per line, not per cell).
        const line = {
          id,
          pool_id: poolId,
          parent_id: parentId,
          name: l.name,
          position: slot.position,
          description: '',
        };
        ops.push(
          l.isParent || !Object.keys(l.read.amounts).length
            ? { op: 'insertLine', line }
            : { op: 'insertLine', line, amounts: { ...l.read.amounts } },
        );
      } else if (siblings.slots.get(id)!.parentId !== parentId || detached.has(id)) {
        siblings.remove(id);
        const slot = siblings.place(ops, id, poolId, parentId, after);
        ops.push({ op: 'placeLine', lineId: id, poolId, parentId, position: slot.position });
      }
      ids.set(l, id);
      previous.set(parentId, id);
    }
  });

  for (const c of cellChanges(m))
    if (!c.line.isParent) ops.push({ op: 'setAmount', lineId: c.line.line!.id, year: c.year, value: c.value });
  return { label: `Importér «${options.fileName ?? 'projektmappe'}»`, ops };
}
