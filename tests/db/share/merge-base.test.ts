/** The common value (base) a merge review shows for what both files changed (two regions' files, two-regions.ts). */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renameLine } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { withSession } from './helpers';
import { amount, ECPR, lineId, LPR, merge, preview, set, t, rm, rsd, send, useTwoRegions } from './two-regions';

useTwoRegions();

describe('the common value of what both files changed (base)', () => {
  it('a conflict shows the value both had; a value one side changed shows the other side’s as the common one', () => {
    const original = {
      lpr22: amount(rm, LPR, 2022)!,
      ecpr23: amount(rm, ECPR, 2023)!,
      ecpr22: amount(rm, ECPR, 2022)!,
    };
    set(rm, LPR, 2022, 1_111_000);
    set(rsd, LPR, 2022, 2_222_000);
    set(rsd, ECPR, 2023, 500_000); // only theirs: taken
    set(rm, ECPR, 2022, 600_000); // only mine: kept
    withSession(rm, (s) =>
      s.run((db) => renameLine(db, { lineId: lineId(s, 'MUSE EKG fase 2'), name: 'MUSE EKG (RM)' })),
    );
    withSession(rsd, (s) =>
      s.run((db) => renameLine(db, { lineId: lineId(s, 'MUSE EKG fase 2'), name: 'MUSE EKG (RSD)' })),
    );
    const review = preview(rm, send(rsd));
    expect(review.sharedHistory).toBe(true);
    expect(review.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'amount',
          line: LPR,
          year: 2022,
          mine: 1_111_000,
          theirs: 2_222_000,
          base: original.lpr22,
        }),
        expect.objectContaining({
          kind: 'name',
          mine: 'MUSE EKG (RM)',
          theirs: 'MUSE EKG (RSD)',
          base: 'MUSE EKG fase 2',
        }),
      ]),
    );
    const cell = (line: string, field: string, year: number | null) =>
      review.changes.find((c) => c.line === line)!.cells.find((c) => c.field === field && c.year === year);
    expect(cell(LPR, 'amount', 2022)).toMatchObject({ outcome: 'conflict', base: original.lpr22 });
    expect(cell(ECPR, 'amount', 2023)).toMatchObject({
      outcome: 'theirs',
      mine: original.ecpr23,
      theirs: 500_000,
      base: original.ecpr23,
    });
    expect(cell(ECPR, 'amount', 2022)).toMatchObject({
      outcome: 'mine',
      mine: 600_000,
      theirs: original.ecpr22,
      base: original.ecpr22,
    });
  });

  it('after a merge both ways, a new conflict shows the value agreed on then', () => {
    set(rsd, LPR, 2023, 300_000);
    merge(rm, send(rsd));
    merge(rsd, send(rm));
    set(rm, LPR, 2023, 310_000);
    set(rsd, LPR, 2023, 320_000);
    expect(preview(rm, send(rsd)).conflicts).toEqual([
      expect.objectContaining({ mine: 310_000, theirs: 320_000, base: 300_000 }),
    ]);
    // And the other way round, from RSD's history.
    expect(preview(rsd, send(rm)).conflicts).toEqual([
      expect.objectContaining({ mine: 320_000, theirs: 310_000, base: 300_000 }),
    ]);
  });

  it('after syncs both ways, the common value is the last value both have seen, not the last of mine they took', () => {
    set(rm, LPR, 2023, 1_000_000);
    merge(rsd, send(rm)); // RSD takes RM's 1.000
    set(rsd, LPR, 2023, 2_000_000);
    merge(rm, send(rsd)); // RM takes RSD's 2.000: both have seen it
    set(rm, LPR, 2023, 3_100_000);
    set(rsd, LPR, 2023, 3_200_000);
    expect(preview(rm, send(rsd)).conflicts).toEqual([
      expect.objectContaining({ mine: 3_100_000, theirs: 3_200_000, base: 2_000_000 }),
    ]);
    expect(preview(rsd, send(rm)).conflicts).toEqual([
      expect.objectContaining({ mine: 3_200_000, theirs: 3_100_000, base: 2_000_000 }),
    ]);
  });

  it('a common value emptied by the last sync both ways shows as empty', () => {
    set(rm, LPR, 2023, 1_000_000);
    merge(rsd, send(rm));
    set(rsd, LPR, 2023, null);
    merge(rm, send(rsd));
    set(rm, LPR, 2023, 3_100_000);
    set(rsd, LPR, 2023, 3_200_000);
    expect(preview(rm, send(rsd)).conflicts).toEqual([
      expect.objectContaining({ mine: 3_100_000, theirs: 3_200_000, base: null }),
    ]);
  });

  it('a cell emptied on one side and changed on the other: the common value, and null where a side emptied it', () => {
    const original = amount(rm, LPR, 2022)!;
    set(rm, LPR, 2022, null);
    set(rsd, LPR, 2022, 42_000);
    const [conflict] = preview(rm, send(rsd)).conflicts;
    expect(conflict).toMatchObject({ mine: null, theirs: 42_000, base: original });
  });

  it('files that share no history: every differing value is a conflict, and no common value is shown', () => {
    // A copy of RM's file made apart (its own copy id and origin), as a file copied outside Puljeplan.
    const apart = join(t.dir, 'for-sig.sqlite');
    createPortfolio(apart, { example: true, region: 'RH' });
    const db = new Database(rm, { readonly: true });
    const rows = db.prepare('SELECT * FROM line').all() as Record<string, unknown>[];
    const amounts = db.prepare('SELECT * FROM amount').all() as Record<string, unknown>[];
    const pools = db.prepare('SELECT * FROM pool').all() as Record<string, unknown>[];
    // Project data is the file's too (merged as a line's values: docs/architecture.md).
    const projectTables = ['project', 'project_status', 'milestone', 'risk_activity', 'pool_kind'];
    const projects = projectTables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all()] as const);
    db.close();
    const other = new Database(apart);
    other.exec(
      'DELETE FROM project_status; DELETE FROM risk_activity; DELETE FROM milestone; DELETE FROM project; DELETE FROM pool_kind;' +
        ' DELETE FROM amount; DELETE FROM line; DELETE FROM pool; DELETE FROM audit;',
    );
    const insert = (table: string, r: Record<string, unknown>) =>
      other
        .prepare(
          `INSERT INTO ${table} (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r)
            .map((k) => `@${k}`)
            .join(', ')})`,
        )
        .run(r);
    for (const p of pools) insert('pool', p);
    for (const l of [...rows].sort((a, b) => Number(a.parent_id !== null) - Number(b.parent_id !== null)))
      insert('line', l);
    for (const a of amounts) insert('amount', a);
    for (const [table, rs] of projects) for (const r of rs) insert(table, r as Record<string, unknown>);
    other.close();
    set(apart, LPR, 2022, 777_000);
    const review = preview(rm, send(apart));
    expect(review.sharedHistory).toBe(false);
    expect(review.conflicts).toEqual([
      expect.objectContaining({ kind: 'amount', line: LPR, year: 2022, theirs: 777_000 }),
    ]);
    expect(review.conflicts[0]).not.toHaveProperty('base');
    expect(review.changes.flatMap((c) => c.cells).every((c) => !('base' in c))).toBe(true);
  });
});
