/**
 * One open portfolio: its connection, the undo/redo history, and the change counter. Every
 * change runs as one transaction (committed, with the WAL synced, before it returns) and
 * comes back as a Change the UI applies to its copy.
 */
import type { Change, HistoryState, Line, LineInfo, Snapshot } from '../../shared/domain/model';
import { UserError } from './errors';
import { applyOp, newTouched, type Op, type Touched } from './ops';
import type { Plan } from './commands';
import type { DB } from './open';
import { readAllLines, readLine, readMeta, readPools, readYears, sql } from './queries';

/**
 * Bookkeeping a change does beside the portfolio's own tables, undone and redone with it (a
 * merge's record of where its values came from: db/share/lineage.ts). Applied after the change's
 * ops, in its transaction, under its change number and time; returns what undoes it.
 */
export interface Extra {
  apply(db: DB, change: { changeNo: number; at: string }): Extra;
}

interface Step {
  label: string;
  ops: Op[];
  extra?: Extra;
}

/**
 * Who made and last changed each line (the grid's «oprettet af / ændret af»). The core does not
 * know where that comes from; db/index.ts openSession passes share's provenance
 * (db/share/provenance.ts). Without one, snapshots and changes carry no lineInfo.
 */
export interface LineInfoSource {
  /** Every line, for portfolio.load. */
  all(db: DB): Record<string, LineInfo>;
  /** The lines change `made` just wrote (inside the per-edit path: keep it to prepared lookups). */
  of(db: DB, ids: string[], made: { changeNo: number; at: string }): Record<string, LineInfo>;
}

/**
 * What a session does before its first write, inside that write's transaction: db/index.ts
 * openSession passes share's new copy identity (db/share/epochs.ts), so that every writing session
 * writes under an id of its own. Called once per session (again only if that transaction failed).
 */
export interface WriterStart {
  begin(db: DB, firstChange: number, at: string): void;
}

export const HISTORY_LIMIT = 500;

/** Above this many lines one pass over the table beats a lookup per line (an import, a paste). */
const BULK_READ = 2_000;

function readLines(db: DB, ids: Set<string>): Line[] {
  if (ids.size > BULK_READ) return readAllLines(db).filter((l) => ids.has(l.id));
  return [...ids].map((id) => readLine(db, id)).filter((l): l is Line => !!l);
}

export class Session {
  private undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private changeNo: number;
  private begun = false;

  constructor(
    readonly db: DB,
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
    private readonly lineInfo: LineInfoSource | null = null,
    private readonly writer: WriterStart | null = null,
  ) {
    this.changeNo = sql(db).lastChangeNo.get()?.n ?? 0;
  }

  /**
   * Someone else writes from now on (the person's region changed in «Indstillinger»): the next
   * write begins again (WriterStart.begin), so its changes are recorded under the new writer.
   */
  writerChanged(): void {
    this.begun = false;
  }

  get revision(): number {
    return this.changeNo;
  }

  history(): HistoryState {
    const u = this.undoStack[this.undoStack.length - 1];
    const r = this.redoStack[this.redoStack.length - 1];
    return { canUndo: !!u, undoLabel: u?.label ?? null, canRedo: !!r, redoLabel: r?.label ?? null };
  }

  /** `lineInfo`: also who made and last changed each line (portfolio.load), if the session has a LineInfoSource. */
  snapshot(options: { lineInfo?: boolean } = {}): Snapshot {
    const read = this.db.transaction(() => ({
      meta: readMeta(this.db),
      years: readYears(this.db),
      pools: readPools(this.db),
      lines: readAllLines(this.db),
      ...(options.lineInfo && this.lineInfo ? { lineInfo: this.lineInfo.all(this.db) } : {}),
    }));
    return { ...read(), history: this.history(), revision: this.changeNo };
  }

  /** Plans and applies a user action in one transaction; it becomes one undo step. */
  run(plan: (db: DB) => Plan & { extra?: Extra }): Change {
    let createdId: string | undefined;
    let step: Step | null = null;
    const { touched, ctx } = this.transact((db, ctx) => {
      const p = plan(db);
      createdId = p.createdId;
      if (!p.ops.length) return;
      const ops = this.applyAll(p.ops, { ...ctx, action: p.label });
      step = { label: p.label, ops, extra: p.extra?.apply(db, ctx) };
    });
    if (step) {
      this.undoStack.push(step);
      if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
      this.redoStack = [];
    }
    const change = this.changeFrom(touched, ctx);
    return createdId ? { ...change, createdId } : change;
  }

  undo(): Change {
    return this.replay(this.undoStack, this.redoStack, 'Fortryd');
  }

  redo(): Change {
    return this.replay(this.redoStack, this.undoStack, 'Annullér fortryd');
  }

  private replay(from: Step[], to: Step[], verb: string): Change {
    const step = from.pop();
    if (!step) return this.changeFrom(newTouched(), null);
    try {
      let inverse: Step = { label: step.label, ops: [] };
      const { touched, ctx } = this.transact((db, ctx) => {
        const ops = this.applyAll(step.ops, { ...ctx, action: `${verb}: ${step.label}` });
        inverse = { label: step.label, ops, extra: step.extra?.apply(db, ctx) };
      });
      to.push(inverse);
      return this.changeFrom(touched, ctx);
    } catch (err) {
      if (err instanceof UserError) {
        throw new UserError(
          `«${step.label}» kan ikke ${verb === 'Fortryd' ? 'fortrydes' : 'gentages'}: porteføljen er ændret siden. ${err.message}`,
          'conflict',
        );
      }
      throw err;
    }
  }

  /** Applies ops in order and returns the ops that undo them, in the order to apply them. */
  private applyAll(ops: Op[], ctx: { at: string; changeNo: number; action: string; touched: Touched }): Op[] {
    const inverse: Op[] = [];
    for (const op of ops) inverse.push(applyOp(this.db, op, ctx));
    return inverse.reverse();
  }

  private transact(body: (db: DB, ctx: { at: string; changeNo: number; touched: Touched }) => void): {
    touched: Touched;
    ctx: { at: string; changeNo: number };
  } {
    const touched = newTouched();
    const changeNo = this.changeNo + 1;
    const ctx = { at: this.now().toISOString(), changeNo, touched };
    this.db
      .transaction(() => {
        if (!this.begun && this.writer) this.writer.begin(this.db, changeNo, ctx.at);
        body(this.db, ctx);
      })
      .immediate();
    this.begun = true;
    if (
      touched.lines.size ||
      touched.deletedLines.size ||
      touched.pools.size ||
      touched.deletedPools.size ||
      touched.years ||
      touched.meta ||
      touched.projects.size
    ) {
      this.changeNo = changeNo;
    }
    return { touched, ctx };
  }

  /** `made`: the change that touched the lines (each of them has an audit row of it), for their lineInfo. */
  private changeFrom(t: Touched, made: { changeNo: number; at: string } | null): Change {
    const change: Change = { history: this.history(), revision: this.changeNo };
    if (t.meta) change.meta = readMeta(this.db);
    if (t.years) change.years = readYears(this.db);
    if (t.pools.size) change.upsertPools = readPools(this.db).filter((p) => t.pools.has(p.id));
    if (t.deletedPools.size) change.deletePoolIds = [...t.deletedPools];
    if (t.lines.size) {
      change.upsertLines = readLines(this.db, t.lines);
      if (made && this.lineInfo)
        change.lineInfo = this.lineInfo.of(
          this.db,
          change.upsertLines.map((l) => l.id),
          made,
        );
    }
    if (t.deletedLines.size) change.deleteLineIds = [...t.deletedLines];
    if (t.projects.size) change.projectIds = [...t.projects];
    return change;
  }

  close(): void {
    if (!this.db.open) return;
    // Leave one self-contained file behind: fold the WAL back into it and leave WAL mode, so
    // that the file a user attaches to an e-mail is complete and a read-only look at it (the
    // CLI's summary) creates no -wal/-shm beside it. The next open turns WAL on again.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.pragma('journal_mode = DELETE');
    } finally {
      this.db.close();
    }
  }
}
