/**
 * Pools, years and the portfolio's own fields, through a Session on a real portfolio file (the
 * same checks as commands.test.ts: undo restores, redo re-applies, every change is audited).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/domain/summary';
import * as commands from '../../../db/core/commands';
import { openSession } from '../../../db/index';
import {
  dir,
  session,
  view,
  lineId,
  poolId,
  change,
  refused,
  setAmounts,
  useExamplePortfolio,
} from './commands-helpers';

useExamplePortfolio();

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
