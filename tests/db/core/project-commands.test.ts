/**
 * Project commands (docs/domain.md «Projects and monthly status») on the example portfolio: each
 * user action is one undo step with audit rows, refusals change nothing, a deleted line or pool
 * takes its project rows along and undo brings them back, and the status report follows.
 */
import { describe, expect, it } from 'vitest';
import * as commands from '../../../db/core/commands';
import * as projects from '../../../db/core/project-commands';
import { findProjectLine, readStatusReport } from '../../../db/core/project-queries';
import { UserError } from '../../../db/core/errors';
import { session, useExamplePortfolio } from './commands-helpers';

useExamplePortfolio();

// A line the example gives no project data (db/core/example.ts), so each test starts from none.
const KIIT = 'Integration EPJ-PPJ';
const kiit = () => findProjectLine(session.db, KIIT).id;
const report = (month = '2023-11') => readStatusReport(session.db, month);
const project = (name: string, month = '2023-11') => report(month).projects.find((p) => p.name === name)!;
const tables = () =>
  Object.fromEntries(
    ['project', 'project_status', 'risk_activity', 'milestone', 'pool_kind'].map((t) => [
      t,
      session.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all(),
    ]),
  );

describe('project card', () => {
  it('sets several fields as one undo step, audited, and undo/redo restore them', () => {
    const before = tables();
    session.run((db) =>
      projects.setProject(db, {
        lineId: kiit(),
        changes: { number: '21-3', phase: 'Gennemførelse', end_month: '2024-03', responsible: 'RH' },
      }),
    );
    expect(project(KIIT)).toMatchObject({ number: '21-3', phase: 'Gennemførelse', end: '2024-03', responsible: 'RH' });
    expect(session.history().undoLabel).toBe(`Ret projektet «${KIIT}»`);
    const audit = session.db
      .prepare("SELECT field, new_value FROM audit WHERE entity = 'project' ORDER BY seq")
      .all() as { field: string }[];
    expect(audit.map((a) => a.field)).toEqual(['number', 'phase', 'end_month', 'responsible']);
    session.undo();
    expect(tables()).toEqual(before);
    expect(session.history().canUndo).toBe(false);
    session.redo();
    expect(project(KIIT).number).toBe('21-3');
  });

  it('a number already used by another project is refused, naming it, and nothing changes', () => {
    session.run((db) => projects.setProject(db, { lineId: kiit(), changes: { number: '21-3' } }));
    const labrek = findProjectLine(session.db, 'Labrek (Laboratorie)').id;
    const before = tables();
    expect(() => session.run((db) => projects.setProject(db, { lineId: labrek, changes: { number: '21-3' } }))).toThrow(
      `Projektnummer 21-3 bruges allerede af «${KIIT}».`,
    );
    expect(tables()).toEqual(before);
  });

  it('a sub-line is not a project', () => {
    const muse = session.db.prepare("SELECT id FROM line WHERE name = 'MUSE EKG fase 1'").pluck().get() as string;
    expect(() => session.run((db) => projects.setProject(db, { lineId: muse, changes: { number: '1-1' } }))).toThrow(
      /er en underlinje; kun en linje øverst i en pulje er et projekt/,
    );
    expect(() => findProjectLine(session.db, 'MUSE EKG fase 1')).toThrow(/findes ikke/);
  });

  it('refuses values outside the model (a phase, a month) before writing', () => {
    expect(() => session.run((db) => projects.setProject(db, { lineId: kiit(), changes: { phase: 'Drift' } }))).toThrow(
      UserError,
    );
    expect(() =>
      session.run((db) => projects.setProject(db, { lineId: kiit(), changes: { end_month: '2024-13' } })),
    ).toThrow(UserError);
    expect(project(KIIT)).toMatchObject({ phase: null, end: null });
  });
});

describe('monthly status', () => {
  it('overall is the worst light; the previous month stands beside it; undo of a new month leaves no row', () => {
    session.run((db) =>
      projects.setStatus(db, { lineId: kiit(), month: '2023-10', changes: { deliveries: 'gul', time: 'grøn' } }),
    );
    session.run((db) =>
      projects.setStatus(db, {
        lineId: kiit(),
        month: '2023-11',
        changes: { deliveries: 'rød', time: 'rød', money: 'rød', remark: 'Rød status på leverancer, tid og økonomi.' },
      }),
    );
    const p = project(KIIT);
    expect(p.status).toEqual({ deliveries: 'rød', time: 'rød', money: 'rød', resources: '-', overall: 'rød' });
    expect(p.previous).toEqual({ deliveries: 'gul', time: 'grøn', money: '-', resources: '-', overall: 'gul' });
    expect(p.remark).toBe('Rød status på leverancer, tid og økonomi.');
    session.undo();
    expect(project(KIIT).previous).not.toBeNull();
    expect(project(KIIT).status.deliveries).toBe('-');
  });

  it('an overall set by hand wins over the worst light', () => {
    session.run((db) =>
      projects.setStatus(db, { lineId: kiit(), month: '2023-11', changes: { deliveries: 'rød', overall: 'gul' } }),
    );
    expect(project(KIIT).status.overall).toBe('gul');
  });

  it('«Ny statusmåned» starts a month from the one before, as one undo step', () => {
    session.run((db) =>
      projects.setStatus(db, { lineId: kiit(), month: '2023-11', changes: { deliveries: 'rød', remark: 'x' } }),
    );
    session.run((db) => projects.startStatusMonth(db, { month: '2023-12', from: '2023-11' }));
    expect(project(KIIT, '2023-12')).toMatchObject({ status: { deliveries: 'rød' }, remark: 'x' });
    session.undo();
    expect(project(KIIT, '2023-12').previous).not.toBeNull();
    expect(project(KIIT, '2023-12').status.deliveries).toBe('-');
  });
});

describe('deleting and undoing keeps a project whole', () => {
  it('a deleted line takes its card, statuses, risk activities and milestones along; undo puts them back', () => {
    const id = kiit();
    session.run((db) => projects.setProject(db, { lineId: id, changes: { number: '21-3', risk_profile: 'B' } }));
    session.run((db) => projects.setStatus(db, { lineId: id, month: '2023-11', changes: { time: 'rød' } }));
    session.run((db) => projects.addRiskActivity(db, { lineId: id, kind: 'risikovurdering', month: '2022-05' }));
    session.run((db) =>
      projects.setMilestone(db, { lineId: id, half: '2024-H1', value: { text: 'Go-live', state: 'risiko' } }),
    );
    const before = tables();
    session.run((db) => commands.deleteLine(db, { lineId: id }));
    const rows = tables() as Record<string, { line_id?: string }[]>;
    for (const t of ['project', 'project_status', 'risk_activity', 'milestone'])
      expect(rows[t]!.filter((r) => r.line_id === id)).toEqual([]);
    session.undo();
    expect(tables()).toEqual(before);
  });

  it('a deleted pool keeps its kind for undo', () => {
    const pool = session.db
      .prepare("SELECT id FROM pool WHERE name = 'Vestdansk It Samarbejde'")
      .pluck()
      .get() as string;
    session.run((db) => projects.setPoolKind(db, { poolId: pool, kind: 'fællesregional' }));
    for (const l of session.db
      .prepare('SELECT id FROM line WHERE pool_id = ? ORDER BY parent_id IS NULL')
      .pluck()
      .all(pool))
      session.run((db) => commands.deleteLine(db, { lineId: l as string }));
    const before = tables().pool_kind;
    session.run((db) => commands.deletePool(db, { poolId: pool }));
    session.undo();
    expect(tables().pool_kind).toEqual(before);
  });
});

describe('the it-råd rule in the report', () => {
  it('an amount edit that crosses 10.000 raises the flag; a risikovurdering satisfies it', () => {
    const id = kiit();
    const pool = session.db.prepare('SELECT pool_id FROM line WHERE id = ?').pluck().get(id) as string;
    session.run((db) => projects.setPoolKind(db, { poolId: pool, kind: 'fællesregional' }));
    // 1.500 + 2.000 = 3.500; 8.500 in 2023 makes exactly 10.000: not over.
    session.run((db) => commands.setAmounts(db, { cells: [{ lineId: id, year: 2023, value: 8_500_000 }] }));
    expect(project(KIIT).total).toBe(10_000);
    expect(project(KIIT).riskReview).toEqual({ required: false, reason: null, profile: null });
    session.run((db) => commands.setAmounts(db, { cells: [{ lineId: id, year: 2023, value: 8_500_001 }] }));
    expect(project(KIIT).riskReview.required).toBe(true);
    session.run((db) => projects.addRiskActivity(db, { lineId: id, kind: 'risikovurdering', month: '2023-05' }));
    expect(project(KIIT).riskReview).toMatchObject({
      required: false,
      reason: expect.stringMatching(/risikovurderet 2023-05\.$/),
    });
  });
});
