/**
 * Merges remove pools and years as they remove lines (issue 11): applied when the other side had
 * seen all of them; kept when this side changed something inside since (a line of its own in the
 * pool), line by line.
 */
import { describe, expect, it } from 'vitest';
import { addLine, addPool, addYear, deletePool, removeYear } from '../../../db/core/commands';
import { merge, t, useTwoRegions } from './two-regions';
import { withSession } from './helpers';

useTwoRegions();

const snapshot = (path: string) => withSession(path, (s) => s.snapshot());

/** RSD adds a pool and a year, and RM merges them in: both files have them. */
function shared(): { poolId: string; year: number } {
  const poolId = withSession(
    t.rsd,
    (s) => s.run((db) => addPool(db, { name: 'Ny pulje', afterPoolId: null })).createdId!,
  );
  withSession(t.rsd, (s) => s.run((db) => addYear(db)));
  const year = Math.max(...snapshot(t.rsd).years);
  merge(t.rm, t.send(t.rsd));
  expect(snapshot(t.rm).pools.some((p) => p.id === poolId)).toBe(true);
  expect(snapshot(t.rm).years).toContain(year);
  return { poolId, year };
}

describe('a merge removes pools and years the other side deleted', () => {
  it('a pool and a year they deleted, after seeing all of them, go', () => {
    const { poolId, year } = shared();
    withSession(t.rsd, (s) => {
      s.run((db) => deletePool(db, { poolId }));
      s.run((db) => removeYear(db, { year }));
    });
    const { changed } = merge(t.rm, t.send(t.rsd));
    expect(changed).toBe(true);
    const after = snapshot(t.rm);
    expect(after.pools.some((p) => p.id === poolId)).toBe(false);
    expect(after.years).not.toContain(year);
  });

  it('a pool I added a line to since stays, with my line', () => {
    const { poolId } = shared();
    withSession(t.rm, (s) =>
      s.run((db) => addLine(db, { poolId, name: 'Min linje', parentId: null, afterLineId: null })),
    );
    withSession(t.rsd, (s) => s.run((db) => deletePool(db, { poolId })));
    merge(t.rm, t.send(t.rsd));
    const after = snapshot(t.rm);
    expect(after.pools.some((p) => p.id === poolId)).toBe(true);
    expect(after.lines.some((l) => l.name === 'Min linje')).toBe(true);
  });
});
