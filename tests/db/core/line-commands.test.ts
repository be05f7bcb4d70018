/**
 * Indent / outdent and sorting a pool (db/core/line-commands.ts) on the example portfolio: the
 * shape changes, no total changes, undo restores exactly and redo re-applies (`change`).
 */
import { describe, expect, it } from 'vitest';
import * as lineCommands from '../../../db/core/line-commands';
import { change, lineId, poolId, poolLines, refused, session, useExamplePortfolio, view } from './commands-helpers';

useExamplePortfolio();

const indent = (name: string) => session.run((db) => lineCommands.indentLine(db, { lineId: lineId(name) }));
const outdent = (name: string) => session.run((db) => lineCommands.outdentLine(db, { lineId: lineId(name) }));
const sort = (pool: string, by: 'name' | 'total' | number, descending?: boolean) =>
  session.run((db) =>
    lineCommands.sortPool(db, { poolId: poolId(pool), by, ...(descending === undefined ? {} : { descending }) }),
  );
const totals = () => view().pools.map((p) => [p.name, p.totals]);
const lineTotal = (pool: string, name: string) =>
  Object.values(
    view()
      .pools.find((p) => p.name === pool)!
      .lines.find((l) => l.name === name)!.amounts,
  ).reduce((a, b) => a + b, 0);
const VIS = 'Vestdansk It Samarbejde';

describe('indent', () => {
  it('makes a line the last sub-line of the line above; no pool total changes', () => {
    const before = totals();
    change(() => indent('RIAS udbudsprojekt'));
    expect(poolLines(VIS)).toEqual([
      'MUSE EKG',
      '-MUSE EKG fase 1',
      '-MUSE EKG fase 2',
      '-RIAS udbudsprojekt',
      'SIA ankomst - It understøttelse af akutafdelinger',
      'RIS/PACS (Regionalt RM)',
    ]);
    expect(lineTotal(VIS, 'MUSE EKG')).toBe(5400);
    expect(totals()).toEqual(before);
    expect(session.history().undoLabel).toBe('Ryk «RIAS udbudsprojekt» ind under «MUSE EKG»');
  });

  it("keeps the line above's own amounts in a first sub-line «Øvrigt», so nothing is lost", () => {
    const before = totals();
    change(() => indent('Integration til national eCPR'));
    expect(poolLines('Nationale projekter')).toEqual([
      'LPR3 ID3 - Landspatientregister',
      '-Øvrigt',
      '-Integration til national eCPR',
    ]);
    const lines = view().pools[0]!.lines;
    expect(lines.map((l) => [l.name, l.amounts[2022], l.amounts[2023]])).toEqual([
      ['LPR3 ID3 - Landspatientregister', 3600, 2800],
      ['Øvrigt', 1500, 2800],
      ['Integration til national eCPR', 2100, 0],
    ]);
    expect(totals()).toEqual(before);
  });

  it('refuses what cannot be a sub-line, in Danish, changing nothing', () => {
    refused(
      () => indent('LPR3 ID3 - Landspatientregister'),
      'Der er ingen linje over «LPR3 ID3 - Landspatientregister», som den kan blive underlinje til.',
    );
    refused(() => indent('MUSE EKG fase 2'), '«MUSE EKG fase 2» er allerede en underlinje; der er kun ét niveau.');
    refused(() => indent('Labrek (Laboratorie)'), /«Labrek \(Laboratorie\)» har projektoplysninger/);
    indent('RIAS udbudsprojekt');
    outdent('RIAS udbudsprojekt');
    refused(() => outdent('RIAS udbudsprojekt'), '«RIAS udbudsprojekt» er ikke en underlinje.');
  });
});

describe('outdent', () => {
  it('makes a sub-line a line just below its parent, the other sub-lines stay', () => {
    const before = totals();
    change(() => outdent('MUSE EKG fase 1'));
    expect(poolLines(VIS)).toEqual([
      'MUSE EKG',
      '-MUSE EKG fase 2',
      'MUSE EKG fase 1',
      'RIAS udbudsprojekt',
      'SIA ankomst - It understøttelse af akutafdelinger',
      'RIS/PACS (Regionalt RM)',
    ]);
    expect(lineTotal(VIS, 'MUSE EKG')).toBe(2300);
    expect(totals()).toEqual(before);
  });

  it('outdenting the last sub-line leaves its line empty, and indenting it back restores the shape', () => {
    outdent('MUSE EKG fase 2');
    outdent('MUSE EKG fase 1');
    expect(lineTotal(VIS, 'MUSE EKG')).toBe(0);
    indent('MUSE EKG fase 1');
    expect(poolLines(VIS).slice(0, 3)).toEqual(['MUSE EKG', '-MUSE EKG fase 1', 'MUSE EKG fase 2']);
    expect(lineTotal(VIS, 'MUSE EKG')).toBe(2700);
  });
});

describe('sort a pool', () => {
  it('by name A→Å and back, one undo step', () => {
    change(() => sort(VIS, 'name'));
    expect(poolLines(VIS).filter((l) => !l.startsWith('-'))).toEqual([
      'MUSE EKG',
      'RIAS udbudsprojekt',
      'RIS/PACS (Regionalt RM)',
      'SIA ankomst - It understøttelse af akutafdelinger',
    ]);
    change(() => sort(VIS, 'name', true));
    expect(poolLines(VIS)).toEqual([
      'SIA ankomst - It understøttelse af akutafdelinger',
      'RIS/PACS (Regionalt RM)',
      'RIAS udbudsprojekt',
      'MUSE EKG',
      '-MUSE EKG fase 2',
      '-MUSE EKG fase 1',
    ]);
  });

  it('by I alt or a year, largest first; equal amounts keep their order', () => {
    change(() => sort(VIS, 'total'));
    expect(poolLines(VIS).filter((l) => !l.startsWith('-'))).toEqual([
      'RIS/PACS (Regionalt RM)',
      'MUSE EKG',
      'SIA ankomst - It understøttelse af akutafdelinger',
      'RIAS udbudsprojekt',
    ]);
    change(() => sort(VIS, 2023, false));
    expect(poolLines(VIS).filter((l) => !l.startsWith('-'))).toEqual([
      'RIS/PACS (Regionalt RM)',
      'SIA ankomst - It understøttelse af akutafdelinger',
      'RIAS udbudsprojekt',
      'MUSE EKG',
    ]);
  });

  it('a pool already in that order is left alone: no change, no undo step', () => {
    const label = session.history().undoLabel;
    const result = sort('Nationale projekter', 'total');
    expect(result.upsertLines ?? []).toEqual([]);
    expect(session.history().undoLabel).toBe(label);
  });
});
