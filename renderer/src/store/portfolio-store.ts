/**
 * The renderer's copy of the open portfolio. It only changes by what the backend answered
 * (a snapshot, or a Change after a committed transaction), so what the grid shows is what
 * is in the file. Rows are derived with the shared row model; unchanged lines keep their
 * row objects, so the grid repaints only what changed.
 */
import type { Change, HistoryState, Line, LineInfo, Pool, PortfolioMeta, Snapshot } from '../../../shared/domain/model';
import type { Kroner } from '../../../shared/domain/money';
import {
  addToTotal,
  buildRowModel,
  leafRow,
  poolTotalRowId,
  RowCache,
  type GrandTotalRow,
  type GridRow,
  type PoolTotalRow,
  type RowModel,
} from '../../../shared/grid/row-model';
import { Versioned } from './versioned';

const NO_HISTORY: HistoryState = { canUndo: false, undoLabel: null, canRedo: false, redoLabel: null };

/** The parts of a Change that change the portfolio's pools, lines, years or meta (the grid's rows). */
const PORTFOLIO_PARTS = ['meta', 'years', 'upsertPools', 'deletePoolIds', 'upsertLines', 'deleteLineIds'] as const;

export class PortfolioStore extends Versioned {
  meta: PortfolioMeta | null = null;
  years: readonly number[] = [];
  pools = new Map<string, Pool>();
  lines = new Map<string, Line>();
  /** Which region made each line and which changed it last (portfolio.load, then each Change). */
  lineInfo = new Map<string, LineInfo>();
  history: HistoryState = NO_HISTORY;
  revision = 0;
  /**
   * What the last load or change did to projects (the Status view reloads that): the projects it
   * named, or `all` after a load or a change of lines, pools or years (names, totals, order).
   */
  projectsTouched: readonly string[] | 'all' = 'all';
  /**
   * The projects whose cards the last load or change may have changed (the grid's project
   * columns read those again): as projectsTouched, except that an edit of amounts or names of
   * lines in place touches none.
   */
  cardsTouched: readonly string[] | 'all' = 'all';
  collapsed = new Set<string>();
  /** View settings (not in the file): one pool shown, years hidden. */
  poolFilter: string | null = null;
  hiddenYears = new Set<number>();
  /** Only these projects (top-level lines), with their sub-lines and pools: the view bar's «Skal risikovurderes». */
  projectFilter: ReadonlySet<string> | null = null;
  private cache = new RowCache();
  private model: RowModel | null = null;
  /** Where each row of the model is, for patching it in place. */
  private rowIndex: Map<string, number> | null = null;
  private shown: { rows: GridRow[]; years: number[]; bottom: GrandTotalRow | PoolTotalRow } | null = null;
  /** Rows replaced in place since the grid last took them (the row array itself is unchanged). */
  private patched = new Map<string, GridRow>();

  private changed(): void {
    this.model = null;
    this.rowIndex = null;
    this.shown = null;
    this.patched.clear();
    this.notify();
  }

  /**
   * The rows the grid must update because they were replaced in place (takePatch empties it).
   * An edit of amounts on shown lines replaces only those rows and the totals above them, so
   * the grid updates a handful of rows instead of diffing the whole portfolio.
   */
  takePatch(): GridRow[] {
    const rows = [...this.patched.values()];
    this.patched.clear();
    return rows;
  }

  /**
   * Applies a change that only sets amounts (or texts) of lines already shown, by replacing
   * their rows and adding the differences to their parent, pool total and grand total. False
   * when the change is anything else; the model is then rebuilt.
   */
  private patch(change: Change): boolean {
    const model = this.model;
    const upserts = change.upsertLines;
    if (!model || !upserts?.length || this.poolFilter || this.projectFilter || change.meta || change.years)
      return false;
    if (change.deleteLineIds?.length || change.deletePoolIds?.length || change.upsertPools?.length) return false;
    if (!this.rowIndex) this.rowIndex = new Map(model.rows.map((r, i) => [r.id, i]));
    const index = this.rowIndex;
    const rows = new Map<number, GridRow>(); // index → its new row
    const at = (i: number) => rows.get(i) ?? model.rows[i]!;
    let grand = model.grandTotal;
    for (const line of upserts) {
      const old = this.lines.get(line.id);
      const i = index.get(line.id);
      if (
        !old ||
        i === undefined ||
        old.poolId !== line.poolId ||
        old.parentId !== line.parentId ||
        old.position !== line.position
      )
        return false;
      const row = at(i);
      if (row.kind !== 'line' || row.hasChildren) return false;
      const delta = new Map<number, Kroner>();
      for (const y of this.years) {
        const d = (line.amounts[y] ?? 0) - (old.amounts[y] ?? 0);
        if (d !== 0) delta.set(y, d);
      }
      rows.set(i, leafRow(line, row.depth, this.years, this.cache));
      const totals = [poolTotalRowId(line.poolId), ...(line.parentId ? [line.parentId] : [])];
      for (const id of totals) {
        const j = index.get(id);
        if (j === undefined) return false;
        const moved = delta.size ? addToTotal(at(j), delta) : at(j);
        if (!moved) return false;
        rows.set(j, moved);
      }
      const g = delta.size ? addToTotal(grand, delta) : grand;
      if (!g) return false;
      grand = g;
    }
    for (const [i, row] of rows) {
      model.rows[i] = row;
      this.patched.set(row.id, row);
    }
    model.grandTotal = grand;
    if (this.shown) this.shown.bottom = grand; // unfiltered (a filter rebuilds): the bottom row is the Total
    for (const line of upserts) this.lines.set(line.id, line);
    // The view keeps its row array (patched in place) and its year columns: a new array of years
    // would give the grid new column definitions and repaint every cell.
    return true;
  }

  load(snapshot: Snapshot): void {
    this.meta = snapshot.meta;
    this.years = snapshot.years;
    this.pools = new Map(snapshot.pools.map((p) => [p.id, p]));
    this.lines = new Map(snapshot.lines.map((l) => [l.id, l]));
    this.lineInfo = new Map(Object.entries(snapshot.lineInfo ?? {}));
    this.history = snapshot.history;
    this.revision = snapshot.revision;
    this.projectsTouched = 'all';
    this.cardsTouched = 'all';
    this.changed();
  }

  apply(change: Change): void {
    const { projectIds, history, revision } = change;
    // What else a reply carries (status.set's rows for its view) is not the portfolio's.
    const portfolio = PORTFOLIO_PARTS.some((part) => change[part] !== undefined);
    this.projectsTouched = portfolio ? 'all' : (projectIds ?? []);
    this.cardsTouched = this.projectsTouched;
    if (!portfolio) {
      // Only projects (or nothing) changed: the grid's rows are as they were.
      this.history = history;
      this.revision = revision;
      this.notify();
      return;
    }
    for (const id of change.deleteLineIds ?? []) this.lineInfo.delete(id);
    for (const [id, info] of Object.entries(change.lineInfo ?? {})) this.lineInfo.set(id, info);
    if (this.patch(change)) {
      this.cardsTouched = projectIds ?? [];
      this.history = change.history;
      this.revision = change.revision;
      this.notify();
      return;
    }
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
      this.model = buildRowModel(
        { years: this.years, pools: [...this.pools.values()], lines: this.lines.values() },
        this.collapsed,
        this.cache,
      );
    }
    return this.model;
  }

  /**
   * The rows and year columns shown: the row model, of one pool when filtered, without hidden
   * years; and the bottom row: the whole portfolio's Total, or with a pool filter that pool's
   * «<pulje> i alt» (pinned at the bottom instead of scrolling with the pool's rows).
   */
  get view(): { rows: GridRow[]; years: number[]; bottom: GrandTotalRow | PoolTotalRow } {
    if (!this.shown) {
      const { rows, grandTotal } = this.rowModel;
      const pool = this.poolFilter && this.pools.has(this.poolFilter) ? this.poolFilter : null;
      const poolTotal = pool
        ? rows.find((r): r is PoolTotalRow => r.kind === 'poolTotal' && r.poolId === pool)
        : undefined;
      this.shown = {
        rows: this.filtered(
          pool ? rows.filter((r) => r.kind !== 'grandTotal' && r.kind !== 'poolTotal' && r.poolId === pool) : rows,
        ),
        years: this.years.filter((y) => !this.hiddenYears.has(y)),
        bottom: poolTotal ?? grandTotal,
      };
    }
    return this.shown;
  }

  private filtered(rows: GridRow[]): GridRow[] {
    const only = this.projectFilter;
    return only ? rows.filter((r) => r.kind !== 'line' || only.has(r.line.parentId ?? r.id)) : rows;
  }

  setProjectFilter(lineIds: ReadonlySet<string> | null): void {
    this.projectFilter = lineIds;
    this.changed();
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

  /**
   * Every pool and line row in the shown pool(s), folded or not: what Find searches (a match in a
   * folded pool is found, and `reveal` unfolds it).
   */
  searchRows(): GridRow[] {
    const pool = this.poolFilter && this.pools.has(this.poolFilter) ? this.poolFilter : null;
    const pools = [...this.pools.values()].filter((p) => !pool || p.id === pool);
    const lines = pool ? [...this.lines.values()].filter((l) => l.poolId === pool) : this.lines.values();
    return buildRowModel({ years: this.years, pools, lines }, new Set(), this.cache).rows.filter(
      (r) => r.kind === 'pool' || r.kind === 'line',
    );
  }

  /** Unfolds the pool and line that hide this row, so it can be shown. */
  reveal(row: GridRow): void {
    if (row.kind !== 'line') return;
    const hiding = [row.poolId, ...(row.line.parentId ? [row.line.parentId] : [])].filter((id) =>
      this.collapsed.has(id),
    );
    if (!hiding.length) return;
    for (const id of hiding) this.collapsed.delete(id);
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
    const taken = new Set(
      [...this.lines.values()].filter((l) => l.poolId === poolId).map((l) => l.name.toLocaleLowerCase('da')),
    );
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
