/**
 * Every kind of change a user makes, through a Session on a real portfolio file: what it does
 * to the figures, that undo restores the exact previous portfolio and redo re-applies it, and
 * that each change leaves audit rows (when, which action, old and new value).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Args } from '../../../shared/contract/contract';
import type { Change, Snapshot } from '../../../shared/domain/model';
import { summarize } from '../../../shared/domain/summary';
import * as commands from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';

let dir: string;
let session: Session;

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

type Portfolio = Omit<Snapshot, 'history' | 'revision'>;
interface AuditRow {
  at: string;
  change_no: number;
  action: string;
  entity: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

/** The portfolio without undo state; lines in a fixed order (the grid orders them by position). */
function portfolio(): Portfolio {
  const { history: _h, revision: _r, ...rest } = session.snapshot();
  return { ...rest, lines: [...rest.lines].sort((a, b) => a.id.localeCompare(b.id)) };
}
const view = () => summarize(session.snapshot());
const lineId = (name: string) => session.snapshot().lines.find((l) => l.name === name)!.id;
const poolId = (name: string) => session.snapshot().pools.find((p) => p.name === name)!.id;
const audit = () =>
  session.db
    .prepare<[], AuditRow>('SELECT at, change_no, action, entity, field, old_value, new_value FROM audit ORDER BY seq')
    .all();
const poolLines = (pool: string) =>
  view()
    .pools.find((p) => p.name === pool)!
    .lines.map((l) => `${'-'.repeat(l.depth)}${l.name}`);

/**
 * Runs a change and checks what every change must do: it changes the portfolio, writes audit
 * rows, undo restores exactly the previous portfolio and redo re-applies exactly the change.
 */
function change(run: () => Change): { before: Portfolio; after: Portfolio; change: Change; rows: AuditRow[] } {
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

function refused(run: () => unknown, message: string | RegExp): void {
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

const setAmounts = (cells: Args<'amounts.set'>['cells']) => session.run((db) => commands.setAmounts(db, { cells }));
const addLine = (args: Args<'lines.add'>) => session.run((db) => commands.addLine(db, args));

describe('amounts', () => {
  it('sets amounts and empties a cell (null) as one undo step, with old and new value audited', () => {
    const lpr = lineId('LPR3 ID3 - Landspatientregister');
    const ecpr = lineId('Integration til national eCPR');
    const { rows } = change(() =>
      setAmounts([
        { lineId: lpr, year: 2023, value: 3_000_000 },
        { lineId: ecpr, year: 2022, value: null },
      ]),
    );
    expect(view().pools[0]!.lines.map((l) => l.amounts)).toEqual([
      { 2022: 1500, 2023: 3000 },
      { 2022: 0, 2023: 0 },
    ]);
    expect(session.snapshot().lines.find((l) => l.id === ecpr)!.amounts).toEqual({ 2023: 0 });
    expect(view().totals).toEqual({ 2022: 25950, 2023: 11800 });
    expect(rows.map((r) => [r.entity, r.field, r.old_value, r.new_value])).toEqual([
      ['amount', '2023', '2800000', '3000000'],
      ['amount', '2022', '2100000', null],
    ]);
    expect(rows[0]!.action).toBe('Ret 2 beløb');
  });

  it('an unchanged cell writes no audit row and makes no undo step', () => {
    const revision = session.revision;
    setAmounts([{ lineId: lineId('LPR3 ID3 - Landspatientregister'), year: 2022, value: 1_500_000 }]);
    expect(audit()).toEqual([]);
    expect(session.history().canUndo).toBe(false);
    expect(session.revision).toBe(revision);
  });

  it('refuses an amount on a parent line: its figures are the sum of its sub-lines', () => {
    refused(
      () => setAmounts([{ lineId: lineId('MUSE EKG'), year: 2022, value: 1000 }]),
      '«MUSE EKG» har underlinjer; dens beløb er summen af dem. Skriv beløbene på underlinjerne.',
    );
  });

  it('a new change clears redo', () => {
    const lpr = lineId('LPR3 ID3 - Landspatientregister');
    setAmounts([{ lineId: lpr, year: 2022, value: 1 }]);
    session.undo();
    expect(session.history()).toMatchObject({ canRedo: true, redoLabel: 'Ret beløb' });
    setAmounts([{ lineId: lpr, year: 2023, value: 2 }]);
    expect(session.history()).toMatchObject({ canUndo: true, canRedo: false, redoLabel: null });
    session.redo();
    expect(view().pools[0]!.lines[0]!.amounts).toEqual({ 2022: 1500, 2023: 0.002 });
  });
});

describe('lines', () => {
  it('adds a line after another, without amounts', () => {
    const nat = poolId('Nationale projekter');
    const { change: c } = change(() =>
      addLine({
        poolId: nat,
        parentId: null,
        afterLineId: lineId('LPR3 ID3 - Landspatientregister'),
        name: ' Ny linje ',
      }),
    );
    expect(poolLines('Nationale projekter')).toEqual([
      'LPR3 ID3 - Landspatientregister',
      'Ny linje',
      'Integration til national eCPR',
    ]);
    expect(c.createdId).toBe(lineId('Ny linje'));
    expect(view().totals).toEqual({ 2022: 28050, 2023: 11600 });
  });

  it("the first sub-line takes over its parent's amounts, so no total changes; undo gives them back", () => {
    const lpr = lineId('LPR3 ID3 - Landspatientregister');
    const nat = poolId('Nationale projekter');
    change(() => addLine({ poolId: nat, parentId: lpr, afterLineId: null, name: 'Fase 1' }));
    expect(view().pools[0]!.lines).toEqual([
      { name: 'LPR3 ID3 - Landspatientregister', depth: 0, amounts: { 2022: 1500, 2023: 2800 } },
      { name: 'Fase 1', depth: 1, amounts: { 2022: 1500, 2023: 2800 } },
      { name: 'Integration til national eCPR', depth: 0, amounts: { 2022: 2100, 2023: 0 } },
    ]);
    expect(view().totals).toEqual({ 2022: 28050, 2023: 11600 });
    // The second sub-line starts empty.
    change(() => addLine({ poolId: nat, parentId: lpr, afterLineId: null, name: 'Fase 2' }));
    expect(view().pools[0]!.lines.map((l) => [l.name, l.amounts[2022]])).toEqual([
      ['LPR3 ID3 - Landspatientregister', 1500],
      ['Fase 1', 1500],
      ['Fase 2', 0],
      ['Integration til national eCPR', 2100],
    ]);
  });

  it('renames a line and sets its description', () => {
    const id = lineId('Labrek (Laboratorie)');
    const { rows } = change(() => session.run((db) => commands.renameLine(db, { lineId: id, name: 'Labrek' })));
    expect(rows.map((r) => [r.field, r.old_value, r.new_value])).toEqual([['name', 'Labrek (Laboratorie)', 'Labrek']]);
    change(() =>
      session.run((db) => commands.setLineDescription(db, { lineId: id, description: 'Nyt laboratoriesystem.' })),
    );
    expect(session.snapshot().lines.find((l) => l.id === id)).toMatchObject({
      name: 'Labrek',
      description: 'Nyt laboratoriesystem.',
    });
  });

  it('refuses a duplicate line name in the same pool (ignoring case)', () => {
    refused(
      () =>
        session.run((db) =>
          commands.renameLine(db, { lineId: lineId('Labrek (Laboratorie)'), name: 'integration epj-ppj' }),
        ),
      'Der findes allerede en linje med navnet «Integration EPJ-PPJ» i puljen «Fællesregionale projekter».',
    );
    refused(
      () =>
        addLine({
          poolId: poolId('Nationale projekter'),
          parentId: null,
          afterLineId: null,
          name: 'Integration til national eCPR',
        }),
      /findes allerede en linje/,
    );
  });

  it('deletes a line with its sub-lines and amounts', () => {
    change(() => session.run((db) => commands.deleteLine(db, { lineId: lineId('MUSE EKG') })));
    expect(poolLines('Vestdansk It Samarbejde')).toEqual([
      'RIAS udbudsprojekt',
      'SIA ankomst - It understøttelse af akutafdelinger',
      'RIS/PACS (Regionalt RM)',
    ]);
    expect(view().totals).toEqual({ 2022: 25350, 2023: 9300 });
    expect(session.db.prepare('SELECT count(*) AS n FROM amount').get()).toEqual({ n: 20 });
    // One audit row per deleted line, holding what it was, figures included (in kroner).
    const rows = audit().filter((r) => r.action === 'Slet linje «MUSE EKG»');
    expect(rows.map((r) => [r.entity, r.new_value, JSON.parse(r.old_value!).name])).toEqual([
      ['line', null, 'MUSE EKG fase 1'],
      ['line', null, 'MUSE EKG fase 2'],
      ['line', null, 'MUSE EKG'],
    ]);
    expect(JSON.parse(rows[0]!.old_value!).amounts).toEqual({ 2022: 2_700_000, 2023: 0 });
  });

  it('moves a line up and down among its siblings, and a sub-line under its parent', () => {
    change(() =>
      session.run((db) => commands.moveLine(db, { lineId: lineId('Integration til national eCPR'), direction: 'up' })),
    );
    expect(poolLines('Nationale projekter')).toEqual([
      'Integration til national eCPR',
      'LPR3 ID3 - Landspatientregister',
    ]);
    change(() => session.run((db) => commands.moveLine(db, { lineId: lineId('MUSE EKG fase 1'), direction: 'down' })));
    expect(poolLines('Vestdansk It Samarbejde').slice(0, 3)).toEqual([
      'MUSE EKG',
      '-MUSE EKG fase 2',
      '-MUSE EKG fase 1',
    ]);
    // Moving the first line further up does nothing and makes no undo step.
    const steps = session.history().undoLabel;
    session.run((db) => commands.moveLine(db, { lineId: lineId('Integration til national eCPR'), direction: 'up' }));
    expect(session.history().undoLabel).toBe(steps);
  });

  it('moves a line with its sub-lines to the end of another pool', () => {
    change(() =>
      session.run((db) =>
        commands.moveLineToPool(db, { lineId: lineId('MUSE EKG'), poolId: poolId('Nationale projekter') }),
      ),
    );
    expect(poolLines('Nationale projekter')).toEqual([
      'LPR3 ID3 - Landspatientregister',
      'Integration til national eCPR',
      'MUSE EKG',
      '-MUSE EKG fase 1',
      '-MUSE EKG fase 2',
    ]);
    expect(view().pools.map((p) => p.totals)).toEqual([
      { 2022: 6300, 2023: 5100 },
      { 2022: 10650, 2023: 6500 },
      { 2022: 11100, 2023: 0 },
    ]);
    expect(view().totals).toEqual({ 2022: 28050, 2023: 11600 });
  });
});

describe('pools', () => {
  it('adds a pool after another', () => {
    const { change: c } = change(() =>
      session.run((db) =>
        commands.addPool(db, { name: 'Regionale projekter', afterPoolId: poolId('Nationale projekter') }),
      ),
    );
    expect(view().pools.map((p) => [p.name, p.totals])).toEqual([
      ['Nationale projekter', { 2022: 3600, 2023: 2800 }],
      ['Regionale projekter', { 2022: 0, 2023: 0 }],
      ['Fællesregionale projekter', { 2022: 10650, 2023: 6500 }],
      ['Vestdansk It Samarbejde', { 2022: 13800, 2023: 2300 }],
    ]);
    expect(c.createdId).toBe(poolId('Regionale projekter'));
  });

  it('renames a pool, sets its description, and refuses a duplicate name', () => {
    const id = poolId('Vestdansk It Samarbejde');
    change(() => session.run((db) => commands.renamePool(db, { poolId: id, name: 'VIS' })));
    change(() => session.run((db) => commands.setPoolDescription(db, { poolId: id, description: 'EPJ-samarbejdet.' })));
    expect(session.snapshot().pools.find((p) => p.id === id)).toMatchObject({
      name: 'VIS',
      description: 'EPJ-samarbejdet.',
    });
    refused(
      () => session.run((db) => commands.renamePool(db, { poolId: id, name: 'NATIONALE PROJEKTER' })),
      'Der findes allerede en pulje med navnet «Nationale projekter».',
    );
    refused(
      () => session.run((db) => commands.addPool(db, { name: 'vis', afterPoolId: null })),
      'Der findes allerede en pulje med navnet «VIS».',
    );
  });

  it('deletes a pool with all its lines and amounts', () => {
    change(() => session.run((db) => commands.deletePool(db, { poolId: poolId('Fællesregionale projekter') })));
    expect(view().pools.map((p) => p.name)).toEqual(['Nationale projekter', 'Vestdansk It Samarbejde']);
    expect(view().totals).toEqual({ 2022: 17400, 2023: 5100 });
  });

  it('moves a pool up and down', () => {
    change(() =>
      session.run((db) => commands.movePool(db, { poolId: poolId('Vestdansk It Samarbejde'), direction: 'up' })),
    );
    expect(view().pools.map((p) => p.name)).toEqual([
      'Nationale projekter',
      'Vestdansk It Samarbejde',
      'Fællesregionale projekter',
    ]);
    change(() =>
      session.run((db) => commands.movePool(db, { poolId: poolId('Nationale projekter'), direction: 'down' })),
    );
    expect(view().pools.map((p) => p.name)).toEqual([
      'Vestdansk It Samarbejde',
      'Nationale projekter',
      'Fællesregionale projekter',
    ]);
  });
});

describe('years', () => {
  it('adds the next year as an empty column', () => {
    change(() => session.run((db) => commands.addYear(db)));
    expect(view().years).toEqual([2022, 2023, 2024]);
    expect(view().totals).toEqual({ 2022: 28050, 2023: 11600, 2024: 0 });
  });

  it('refuses to remove a year that holds amounts, saying which', () => {
    refused(
      () => session.run((db) => commands.removeYear(db, { year: 2023 })),
      // Four lines have 2023 amounts; the message names one of them (which one depends on ids).
      /^År 2023 kan ikke fjernes, fordi det har beløb: «(LPR3 ID3 - Landspatientregister» 2\.800|Klinisk immunologisk IT \(KIIT\) \(Blodbank\)» 4\.500|Integration EPJ-PPJ» 2\.000|MUSE EKG fase 2» 2\.300) og 3 andre\. Sæt beløbene til 0 først\.$/,
    );
  });

  it('removes a year whose cells are all zero or empty; undo brings the zeros back', () => {
    session.run((db) => commands.addYear(db));
    setAmounts([
      { lineId: lineId('RIAS udbudsprojekt'), year: 2024, value: 0 },
      { lineId: lineId('MUSE EKG fase 2'), year: 2024, value: 0 },
    ]);
    const { before } = change(() => session.run((db) => commands.removeYear(db, { year: 2024 })));
    expect(view().years).toEqual([2022, 2023]);
    expect(before.lines.find((l) => l.name === 'RIAS udbudsprojekt')!.amounts).toEqual({
      2022: 400_000,
      2023: 0,
      2024: 0,
    });
  });
});

describe('the portfolio', () => {
  it('sets the title and the region', () => {
    const { rows } = change(() => session.run((db) => commands.setMeta(db, { title: 'Bilag 1, 2024' })));
    expect(rows.map((r) => [r.entity, r.field, r.new_value])).toEqual([['portfolio', 'title', 'Bilag 1, 2024']]);
    const { change: c } = change(() => session.run((db) => commands.setMeta(db, { region: 'RSD' })));
    expect(c.meta).toMatchObject({ title: 'Bilag 1, 2024', region: 'RSD' });
    expect(session.history().undoLabel).toBe('Region: Region Syddanmark');
  });

  it('every change is saved at once: the files on disk, as a power cut would leave them, hold it', () => {
    setAmounts([{ lineId: lineId('LPR3 ID3 - Landspatientregister'), year: 2023, value: 3_000_000 }]);
    // The session holds its file exclusively (a second connection is refused), so copy the file
    // and its -wal byte for byte while the session is still open, and open the copy.
    const copy = join(dir, 'efter-strømsvigt.sqlite');
    copyFileSync(session.path, copy);
    copyFileSync(`${session.path}-wal`, `${copy}-wal`);
    const again = openSession(copy, { readonly: true });
    try {
      expect(summarize(again.snapshot()).totals).toEqual({ 2022: 28050, 2023: 11800 });
    } finally {
      again.db.close();
    }
  });
});
