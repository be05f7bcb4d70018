/**
 * Sequences `npm run fuzz` found (merge-model.ts), each as the smallest scenario a user could meet,
 * on two regions' files (two-regions.ts).
 */
import { describe, expect, it } from 'vitest';
import { addLine, deletePool, moveLineToPool, removeYear } from '../../../db/core/commands';
import { withSession } from './helpers';
import { setAmounts } from '../../../db/core/commands';
import type { Session } from '../../../db/core/session';

const setAmountsOf = (db: Session['db'], lineId: string, year: number) =>
  setAmounts(db, { cells: [{ lineId, year, value: null }] });
import { amount, lineId, LPR, merge, preview, rm, rsd, send, set, useTwoRegions } from './two-regions';

useTwoRegions();

const poolOf = (path: string, name: string) =>
  withSession(path, (s) => s.snapshot().lines.find((l) => l.name === name)!.poolId);

describe('merges the fuzzer found refused or wrong', () => {
  it('a line moved to another pool on one side and given a sub-line on the other: the sub-line arrives in the new pool', () => {
    const from = poolOf(rm, LPR);
    const other = withSession(rm, (s) => s.snapshot().pools.find((p) => p.id !== from)!.id);
    withSession(rm, (s) => s.run((db) => moveLineToPool(db, { lineId: lineId(s, LPR), poolId: other })));
    const parentPool = poolOf(rsd, LPR);
    withSession(rsd, (s) =>
      s.run((db) => addLine(db, { poolId: parentPool, parentId: lineId(s, LPR), afterLineId: null, name: 'Ny under' })),
    );
    expect(merge(rm, send(rsd)).changed).toBe(true);
    const [sub, parent] = withSession(rm, (s) => [
      s.snapshot().lines.find((l) => l.name === 'Ny under')!,
      lineId(s, LPR),
    ]);
    expect(sub).toMatchObject({ poolId: other, parentId: parent });
    // And RSD, merging RM's file back, has the line and its sub-line in the new pool too.
    merge(rsd, send(rm));
    expect([poolOf(rsd, LPR), poolOf(rsd, 'Ny under')]).toEqual([other, other]);
  });

  it('a pool deleted after one of its lines was moved out, untouched on the other side: removed, no conflict', () => {
    const pool = poolOf(rm, LPR);
    const other = withSession(rm, (s) => s.snapshot().pools.find((p) => p.id !== pool)!.id);
    withSession(rm, (s) => {
      s.run((db) => moveLineToPool(db, { lineId: lineId(s, LPR), poolId: other }));
      s.run((db) => deletePool(db, { poolId: pool }));
    });
    expect(preview(rm, send(rsd)).conflicts).toEqual([]);
    merge(rm, send(rsd));
    expect(withSession(rm, (s) => s.snapshot().pools.some((p) => p.id === pool))).toBe(false);
    expect(poolOf(rm, LPR)).toBe(other);
    // RSD merging RM's file: the pool goes there too, the line moved with it.
    expect(preview(rsd, send(rm)).conflicts).toEqual([]);
    merge(rsd, send(rm));
    expect(withSession(rsd, (s) => s.snapshot().pools.some((p) => p.id === pool))).toBe(false);
    expect(poolOf(rsd, LPR)).toBe(other);
  });

  /** RM splits LPR: its first sub-line «LPR del 1» takes LPR's amounts (as typing a first sub-line does). */
  const split = (path: string) => {
    const poolId = poolOf(path, LPR);
    withSession(path, (s) =>
      s.run((db) => addLine(db, { poolId, parentId: lineId(s, LPR), afterLineId: null, name: 'LPR del 1' })),
    );
  };

  it('an amount written on a line the other side split into sub-lines: a conflict on its first sub-line, never on the line', () => {
    const before = amount(rm, LPR, 2023)!;
    split(rm);
    set(rsd, LPR, 2023, 5_000_000);
    expect(preview(rm, send(rsd)).conflicts).toEqual([
      expect.objectContaining({ kind: 'amount', line: 'LPR del 1', year: 2023, mine: before, theirs: 5_000_000 }),
    ]);
    expect(merge(rm, send(rsd), { take: 'theirs' }).changed).toBe(true);
    expect([amount(rm, 'LPR del 1', 2023), amount(rm, LPR, 2023)]).toEqual([5_000_000, undefined]);
  });

  it('the same the other way round: my amount on a line they split goes to their first sub-line if I keep mine', () => {
    const before = amount(rm, LPR, 2023)!;
    split(rm);
    set(rsd, LPR, 2023, 5_000_000);
    expect(preview(rsd, send(rm)).conflicts).toEqual([
      expect.objectContaining({ kind: 'amount', line: 'LPR del 1', year: 2023, mine: 5_000_000, theirs: before }),
    ]);
    expect(merge(rsd, send(rm), { take: 'mine' }).changed).toBe(true);
    expect([amount(rsd, 'LPR del 1', 2023), amount(rsd, LPR, 2023)]).toEqual([5_000_000, undefined]);
    // RSD's answer is RSD's write: RM, merging RSD's file back, takes it without a conflict.
    expect(preview(rm, send(rsd)).conflicts).toEqual([]);
    merge(rm, send(rsd));
    expect(amount(rm, 'LPR del 1', 2023)).toBe(5_000_000);
  });

  it('a year removed after splitting a line, kept because the other side wrote the line an amount in it: on the first sub-line', () => {
    split(rm);
    const years = withSession(rm, (s) => s.snapshot().years);
    const year = years[0]!;
    set(rm, 'LPR del 1', year, null);
    withSession(rm, (s) => {
      for (const l of s.snapshot().lines)
        if (l.amounts[year] != null && !s.snapshot().lines.some((c) => c.parentId === l.id))
          s.run((db) => setAmountsOf(db, l.id, year));
      s.run((db) => removeYear(db, { year }));
    });
    set(rsd, LPR, year, 7_000_000);
    expect(preview(rm, send(rsd)).conflicts.map((c) => c.kind)).toEqual(['year-removed-by-me']);
    expect(merge(rm, send(rsd), { take: 'theirs' }).changed).toBe(true);
    expect([amount(rm, 'LPR del 1', year), amount(rm, LPR, year)]).toEqual([7_000_000, undefined]);
  });
});
