/**
 * The renderer's copy of the open portfolio. It only changes by what the backend answered
 * (a snapshot, or a Change after a committed transaction), so what the grid shows is what
 * is in the file. Rows are derived with the shared row model; unchanged lines keep their
 * row objects, so the grid repaints only what changed.
 */
import type { Change, HistoryState, Line, Pool, PortfolioMeta, Snapshot } from '../../../shared/model';
import { buildRowModel, RowCache, type GridRow, type RowModel } from '../../../shared/row-model';
import { Versioned } from './versioned';

const NO_HISTORY: HistoryState = { canUndo: false, undoLabel: null, canRedo: false, redoLabel: null };

export class PortfolioStore extends Versioned {
  meta: PortfolioMeta | null = null;
  years: readonly number[] = [];
  pools = new Map<string, Pool>();
  lines = new Map<string, Line>();
  history: HistoryState = NO_HISTORY;
  revision = 0;
  collapsed = new Set<string>();
  /** View settings (not in the file): one pool shown, years hidden. */
  poolFilter: string | null = null;
  hiddenYears = new Set<number>();
  private cache = new RowCache();
  private model: RowModel | null = null;
  private shown: { rows: GridRow[]; years: number[] } | null = null;

  private changed(): void {
    this.model = null;
    this.shown = null;
    this.notify();
  }

  load(snapshot: Snapshot): void {
    this.meta = snapshot.meta;
    this.years = snapshot.years;
    this.pools = new Map(snapshot.pools.map((p) => [p.id, p]));
    this.lines = new Map(snapshot.lines.map((l) => [l.id, l]));
    this.history = snapshot.history;
    this.revision = snapshot.revision;
    this.changed();
  }

  apply(change: Change): void {
    if (change.meta) this.meta = change.meta;
    if (change.years) this.years = change.years;
    for (const id of change.deleteLineIds ?? []) this.lines.delete(id);
    for (const id of change.deletePoolIds ?? []) this.pools.delete(id);
    for (const p of change.upsertPools ?? []) this.pools.set(p.id, p);
    for (const l of change.upsertLines ?? []) this.lines.set(l.id, l);
    this.history = change.history;
    this.revision = change.revision;
    this.changed();
  }

  get rowModel(): RowModel {
    if (!this.model) {
      this.model = buildRowModel({ years: this.years, pools: [...this.pools.values()], lines: this.lines.values() }, this.collapsed, this.cache);
    }
    return this.model;
  }

  /** The rows and year columns shown: the row model, of one pool when filtered, without hidden years. */
  get view(): { rows: GridRow[]; years: number[] } {
    if (!this.shown) {
      const rows = this.rowModel.rows;
      const pool = this.poolFilter && this.pools.has(this.poolFilter) ? this.poolFilter : null;
      this.shown = {
        rows: pool ? rows.filter((r) => r.kind !== 'grandTotal' && r.poolId === pool) : rows,
        years: this.years.filter((y) => !this.hiddenYears.has(y)),
      };
    }
    return this.shown;
  }

  setPoolFilter(poolId: string | null): void {
    this.poolFilter = poolId;
    this.changed();
  }

  toggleYear(year: number): void {
    if (this.hiddenYears.has(year)) this.hiddenYears.delete(year);
    else if (this.years.length - this.hiddenYears.size > 1) this.hiddenYears.add(year);
    this.changed();
  }

  toggleCollapsed(id: string): void {
    if (this.collapsed.has(id)) this.collapsed.delete(id);
    else this.collapsed.add(id);
    this.changed();
  }

  setAllCollapsed(collapsed: boolean): void {
    this.collapsed = new Set(collapsed ? this.pools.keys() : []);
    this.changed();
  }

  /** Sorted pools, as shown. */
  poolList(): Pool[] {
    return [...this.pools.values()].sort((a, b) => a.position - b.position);
  }

  children(lineId: string): Line[] {
    return [...this.lines.values()].filter((l) => l.parentId === lineId);
  }

  /** A name not yet used in the pool: «Ny linje», «Ny linje 2», … */
  freeLineName(poolId: string, base: string): string {
    return this.freeLineNames(poolId, base, 1)[0]!;
  }

  /** `count` names not yet used in the pool nor in `alsoTaken` (a paste's own names), in one pass. */
  freeLineNames(poolId: string, base: string, count: number, alsoTaken: Iterable<string> = []): string[] {
    const taken = new Set([...this.lines.values()].filter((l) => l.poolId === poolId).map((l) => l.name.toLocaleLowerCase('da')));
    for (const name of alsoTaken) taken.add(name.toLocaleLowerCase('da'));
    const names: string[] = [];
    for (let i = 1; names.length < count; i++) {
      const name = i === 1 ? base : `${base} ${i}`;
      const key = name.toLocaleLowerCase('da');
      if (taken.has(key)) continue;
      taken.add(key);
      names.push(name);
    }
    return names;
  }

  freePoolName(base: string): string {
    return freeName(base, new Set([...this.pools.values()].map((p) => p.name.toLocaleLowerCase('da'))));
  }
}

function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLocaleLowerCase('da'))) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLocaleLowerCase('da'))) return `${base} ${i}`;
}
