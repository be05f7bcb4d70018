/**
 * Sequences `npm run fuzz` found (merge-model.ts), each as the smallest scenario a user could meet,
 * on two regions' files (two-regions.ts).
 */
import { describe, expect, it } from 'vitest';
import { addLine, deletePool, moveLineToPool } from '../../../db/core/commands';
import { withSession } from './helpers';
import { lineId, LPR, merge, preview, rm, rsd, send, useTwoRegions } from './two-regions';

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
});
