/**
 * Every kind of change a user makes, through a Session on a real portfolio file: what it does
 * to the figures, that undo restores the exact previous portfolio and redo re-applies it, and
 * that each change leaves audit rows (when, which action, old and new value).
 */
import { describe, expect, it } from 'vitest';
import * as commands from '../../../db/core/commands';
import {
  session,
  view,
  lineId,
  poolId,
  audit,
  poolLines,
  change,
  refused,
  setAmounts,
  addLine,
  useExamplePortfolio,
} from './commands-helpers';

useExamplePortfolio();

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
