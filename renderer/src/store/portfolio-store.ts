/**
 * The renderer's copy of the open portfolio. It only changes by what the backend answered
 * (a snapshot, or a Change after a committed transaction), so what the grid shows is what
 * is in the file. Rows are derived with the shared row model; unchanged lines keep their
 * row objects, so the grid repaints only what changed.
 */
import type { Change, HistoryState, Line, Pool, PortfolioMeta, Snapshot } from '../../../shared/model';
import { buildRowModel, RowCache, type RowModel } from '../../../shared/row-model';

const NO_HISTORY: HistoryState = { canUndo: false, undoLabel: null, canRedo: false, redoLabel: null };

export class PortfolioStore {
  meta: PortfolioMeta | null = null;
  years: readonly number[] = [];
  pools = new Map<string, Pool>();
  lines = new Map<string, Line>();
  history: HistoryState = NO_HISTORY;
  revision = 0;
  collapsed = new Set<string>();
  private cache = new RowCache();
  private model: RowModel | null = null;
  private version = 0;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.model = null;
    this.version++;
    for (const l of this.listeners) l();
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
    const taken = new Set([...this.lines.values()].filter((l) => l.poolId === poolId).map((l) => l.name.toLocaleLowerCase('da')));
    return freeName(base, taken);
  }

  freePoolName(base: string): string {
    return freeName(base, new Set([...this.pools.values()].map((p) => p.name.toLocaleLowerCase('da'))));
  }
}

function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLocaleLowerCase('da'))) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLocaleLowerCase('da'))) return `${base} ${i}`;
}
