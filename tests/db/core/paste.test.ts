/**
 * Bulk edits from the grid (amounts.paste, lines.place, lines.add before a line): one
 * transaction and one undo step each; a clash refuses all of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addLine, addYear, pasteCells, placeLine } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';

let dir: string;
let session: Session;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-paste-'));
  const path = join(dir, 'bilag.sqlite');
  createPortfolio(path, { example: true });
  session = openSession(path);
});
afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const lines = () => session.snapshot().lines;
const byName = (name: string) => lines().find((l) => l.name === name)!;
const poolOf = (name: string) => byName(name).poolId;
const order = (poolId: string) =>
  lines()
    .filter((l) => l.poolId === poolId && !l.parentId)
    .sort((a, b) => a.position - b.position)
    .map((l) => l.name);

describe('amounts.paste', () => {
  it('sets amounts, renames and adds lines at the end of the pool as one undo step', () => {
    const lpr = byName('LPR3 ID3 - Landspatientregister');
    const before = lines().length;
    const revision = session.revision;
    session.run((db) =>
      pasteCells(db, {
        cells: [{ lineId: lpr.id, year: 2022, value: 1_600_000 }],
        renames: [{ lineId: lpr.id, name: 'LPR3 ID3' }],
        add: {
          poolId: lpr.poolId,
          lines: [
            { name: 'SDP', amounts: { 2022: 300_000 } },
            { name: 'Ny linje', amounts: {} },
          ],
        },
      }),
    );
    expect(session.revision).toBe(revision + 1);
    expect(byName('LPR3 ID3').amounts[2022]).toBe(1_600_000);
    expect(order(lpr.poolId)).toEqual(['LPR3 ID3', 'Integration til national eCPR', 'SDP', 'Ny linje']);
    expect(byName('SDP').amounts).toEqual({ 2022: 300_000 });
    expect(session.history().undoLabel).toBe('Sæt ind: 1 beløb, 1 navn, 2 nye linjer');
    session.undo();
    expect(lines().length).toBe(before);
    expect(byName('LPR3 ID3 - Landspatientregister').amounts[2022]).toBe(1_500_000);
  });

  it('a new name that is taken refuses the whole paste', () => {
    const lpr = byName('LPR3 ID3 - Landspatientregister');
    const revision = session.revision;
    const paste = () =>
      session.run((db) =>
        pasteCells(db, {
          cells: [{ lineId: lpr.id, year: 2022, value: 1 }],
          renames: [],
          add: {
            poolId: lpr.poolId,
            lines: [
              { name: 'a', amounts: {} },
              { name: 'A', amounts: {} },
            ],
          },
        }),
      );
    expect(paste).toThrow(UserError);
    expect(session.revision).toBe(revision);
    expect(byName('LPR3 ID3 - Landspatientregister').amounts[2022]).toBe(1_500_000);
  });

  it('12,000 cells on 1,000 new lines in one step', () => {
    for (let i = 0; i < 10; i++) session.run((db) => addYear(db));
    const poolId = poolOf('RIAS udbudsprojekt');
    const years = session.snapshot().years;
    const add = {
      poolId,
      lines: Array.from({ length: 1000 }, (_, i) => ({
        name: `P ${i}`,
        amounts: Object.fromEntries(years.map((y) => [y, (i + 1) * 1000])),
      })),
    };
    const t = performance.now();
    session.run((db) => pasteCells(db, { cells: [], renames: [], add }));
    console.log(`amounts.paste of 1,000 lines × 12 years: ${(performance.now() - t).toFixed(0)} ms`);
    expect(lines().length).toBe(1013);
    session.undo();
    expect(lines().length).toBe(13);
  });
});

describe('lines.place and lines.add before a line', () => {
  it('drops a line before or after another, in its pool or another; one undo puts it back', () => {
    const nat = poolOf('LPR3 ID3 - Landspatientregister');
    session.run((db) =>
      placeLine(db, {
        lineId: byName('LPR3 ID3 - Landspatientregister').id,
        targetLineId: byName('Integration til national eCPR').id,
        where: 'after',
      }),
    );
    expect(order(nat)).toEqual(['Integration til national eCPR', 'LPR3 ID3 - Landspatientregister']);
    session.undo();
    expect(order(nat)).toEqual(['LPR3 ID3 - Landspatientregister', 'Integration til national eCPR']);
    const muse = byName('MUSE EKG');
    session.run((db) =>
      placeLine(db, { lineId: muse.id, targetLineId: byName('LPR3 ID3 - Landspatientregister').id, where: 'before' }),
    );
    expect(order(nat)[0]).toBe('MUSE EKG');
    expect(byName('MUSE EKG fase 1').poolId).toBe(nat);
    expect(() =>
      session.run((db) =>
        placeLine(db, {
          lineId: byName('RIAS udbudsprojekt').id,
          targetLineId: byName('MUSE EKG fase 1').id,
          where: 'after',
        }),
      ),
    ).toThrow('kun flyttes blandt linjer');
  });

  it('adds a line before the first one', () => {
    const lpr = byName('LPR3 ID3 - Landspatientregister');
    session.run((db) =>
      addLine(db, { poolId: lpr.poolId, parentId: null, afterLineId: null, beforeLineId: lpr.id, name: 'Først' }),
    );
    expect(order(lpr.poolId)[0]).toBe('Først');
  });
});
