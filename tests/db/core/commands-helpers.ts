/**
 * The set-up and checks the command tests share (commands.test.ts, commands-pools.test.ts): a fresh
 * example portfolio per test, the portfolio without undo state, the audit log, and `change` /
 * `refused`, which check what every change and every refusal must do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Args } from '../../../shared/contract/contract';
import type { Change, Snapshot } from '../../../shared/domain/model';
import { summarize } from '../../../shared/domain/summary';
import * as commands from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';

/** The folder of the running test's portfolio. */
export let dir: string;
/** The open example portfolio of the running test (a fresh copy before each test). */
export let session: Session;

/** Registers the per-test portfolio: call once at the top of a test file. */
export function useExamplePortfolio(): void {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'puljeplan-commands-'));
    const file = join(dir, 'bilag1.sqlite');
    createPortfolio(file, { example: true });
    session = openSession(file);
  });
  afterEach(() => {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export type Portfolio = Omit<Snapshot, 'history' | 'revision'>;
export interface AuditRow {
  at: string;
  change_no: number;
  action: string;
  entity: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

/** The portfolio without undo state; lines in a fixed order (the grid orders them by position). */
export function portfolio(): Portfolio {
  const { history: _h, revision: _r, ...rest } = session.snapshot();
  return { ...rest, lines: [...rest.lines].sort((a, b) => a.id.localeCompare(b.id)) };
}
export const view = () => summarize(session.snapshot());
export const lineId = (name: string) => session.snapshot().lines.find((l) => l.name === name)!.id;
export const poolId = (name: string) => session.snapshot().pools.find((p) => p.name === name)!.id;
export const audit = () =>
  session.db
    .prepare<[], AuditRow>('SELECT at, change_no, action, entity, field, old_value, new_value FROM audit ORDER BY seq')
    .all();
export const poolLines = (pool: string) =>
  view()
    .pools.find((p) => p.name === pool)!
    .lines.map((l) => `${'-'.repeat(l.depth)}${l.name}`);

/**
 * Runs a change and checks what every change must do: it changes the portfolio, writes audit
 * rows, undo restores exactly the previous portfolio and redo re-applies exactly the change.
 */
export function change(run: () => Change): { before: Portfolio; after: Portfolio; change: Change; rows: AuditRow[] } {
  const before = portfolio();
  const auditBefore = audit().length;
  const result = run();
  const after = portfolio();
  expect(after, 'the change changed nothing').not.toEqual(before);
  const rows = audit().slice(auditBefore);
  expect(rows.length, 'no audit rows').toBeGreaterThan(0);
  for (const r of rows) {
    expect(Date.parse(r.at), 'audit time').not.toBeNaN();
    expect(r.action).toBe(session.history().undoLabel);
    expect(r.old_value !== null || r.new_value !== null).toBe(true);
  }
  expect(new Set(rows.map((r) => r.change_no)).size, 'one change number per action').toBe(1);

  session.undo();
  expect(portfolio(), 'undo restores the previous portfolio').toEqual(before);
  expect(
    audit()
      .slice(auditBefore + rows.length)
      .every((r) => r.action.startsWith('Fortryd: ')),
  ).toBe(true);
  session.redo();
  expect(portfolio(), 'redo re-applies the change').toEqual(after);
  return { before, after, change: result, rows };
}

export function refused(run: () => unknown, message: string | RegExp): void {
  const before = portfolio();
  const auditBefore = audit().length;
  let error: unknown;
  try {
    run();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(UserError);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
  expect(portfolio(), 'nothing changed').toEqual(before);
  expect(audit()).toHaveLength(auditBefore);
}

export const setAmounts = (cells: Args<'amounts.set'>['cells']) =>
  session.run((db) => commands.setAmounts(db, { cells }));
export const addLine = (args: Args<'lines.add'>) => session.run((db) => commands.addLine(db, args));
