/**
 * Issue 12, item 9: every limit holds where a text or amount is written. The commands are called
 * here without the contract's schemas (as the CLI, the import and a merge call them), so what
 * refuses is the check every change passes (db/core/limits.ts); the limit itself is still
 * accepted, and a refused change leaves the portfolio and its audit as they were.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as commands from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { MAX_CELL_KRONER } from '../../../shared/domain/money';
import { TEXT_LIMITS } from '../../../shared/domain/limits';
import { dir, lineId, poolId, refused, session, setAmounts, useExamplePortfolio } from './commands-helpers';

useExamplePortfolio();

const LPR = 'LPR3 ID3 - Landspatientregister';
const POOL = 'Nationale projekter';
const text = (n: number) => 'x'.repeat(n);
const run = (plan: Parameters<typeof session.run>[0]) => () => session.run(plan);

describe('texts past their limit are refused by the commands, naming the limit', () => {
  it('a line name, a pool name and a new line over 300 characters; exactly 300 is accepted', () => {
    const lpr = lineId(LPR);
    const pool = poolId(POOL);
    const over = text(TEXT_LIMITS.name + 1);
    const message = 'Et navn må højst have 300 tegn (den har 301).';
    refused(
      run((db) => commands.renameLine(db, { lineId: lpr, name: over })),
      message,
    );
    refused(
      run((db) => commands.renamePool(db, { poolId: pool, name: over })),
      message,
    );
    refused(
      run((db) => commands.addPool(db, { name: over, afterPoolId: null })),
      message,
    );
    refused(
      run((db) => commands.addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: over })),
      message,
    );
    refused(
      run((db) =>
        commands.pasteCells(db, {
          cells: [],
          renames: [],
          add: { poolId: pool, lines: [{ name: over, amounts: {} }] },
        }),
      ),
      message,
    );
    session.run((db) => commands.renameLine(db, { lineId: lpr, name: text(TEXT_LIMITS.name) }));
    expect(session.snapshot().lines.find((l) => l.id === lpr)!.name).toHaveLength(300);
  });

  it('a title, a description and a comment over their limits', () => {
    const lpr = lineId(LPR);
    refused(
      run((db) => commands.setMeta(db, { title: text(100_000) })),
      'Titlen må højst have 300 tegn (den har 100.000).',
    );
    refused(
      run((db) => commands.setLineDescription(db, { lineId: lpr, description: text(20_001) })),
      'En beskrivelse må højst have 20.000 tegn (den har 20.001).',
    );
    refused(
      run((db) => commands.setPoolDescription(db, { poolId: poolId(POOL), description: text(20_001) })),
      'En beskrivelse må højst have 20.000 tegn (den har 20.001).',
    );
    refused(
      run((db) => commands.setLineComment(db, { lineId: lpr, comment: text(501) })),
      'En kommentar må højst have 500 tegn (den har 501).',
    );
  });
});

describe('amounts past the limit of a cell', () => {
  it('over 100 mia. kr or not whole kroner is refused; the limit itself is accepted', () => {
    const lpr = lineId(LPR);
    for (const value of [MAX_CELL_KRONER + 1, -MAX_CELL_KRONER - 1, 1.5, Number.NaN])
      refused(
        () => setAmounts([{ lineId: lpr, year: 2023, value }]),
        /^Beløbet skal være hele kroner og højst 100 mia/,
      );
    setAmounts([{ lineId: lpr, year: 2023, value: -MAX_CELL_KRONER }]);
    expect(session.snapshot().lines.find((l) => l.id === lpr)!.amounts[2023]).toBe(-MAX_CELL_KRONER);
  });
});

describe('a new file', () => {
  it('with a title over the limit is refused before any file is made', () => {
    const file = join(dir, 'ny.sqlite');
    expect(() => createPortfolio(file, { title: text(TEXT_LIMITS.title + 1) })).toThrow(UserError);
    expect(existsSync(file)).toBe(false);
  });
});
