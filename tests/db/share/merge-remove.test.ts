/**
 * Merges remove pools and years as they remove lines (issue 11): applied when the other side had
 * seen all of them; when it had changed something inside since, one conflict for the whole pool or
 * year, answered keep or remove.
 */
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addLine, addPool, addYear, deletePool, removeYear } from '../../../db/core/commands';
import { amount, LPR, merge, preview, set, t, useTwoRegions } from './two-regions';
import { cli, withSession } from './helpers';

useTwoRegions();

const snapshot = (path: string) => withSession(path, (s) => s.snapshot());
const hasPool = (path: string, id: string) => snapshot(path).pools.some((p) => p.id === id);
const conflicts = (mine: string, theirs: string) => preview(mine, theirs).conflicts.map((c) => [c.kind, c.id]);

/** RSD adds a pool with one line and a year, and RM merges them in: both files have them. */
function shared(): { poolId: string; year: number } {
  const poolId = withSession(t.rsd, (s) => {
    const id = s.run((db) => addPool(db, { name: 'Ny pulje', afterPoolId: null })).createdId!;
    s.run((db) => addLine(db, { poolId: id, name: 'Puljens linje', parentId: null, afterLineId: null }));
    s.run((db) => addYear(db));
    return id;
  });
  const year = Math.max(...snapshot(t.rsd).years);
  merge(t.rm, t.send(t.rsd));
  expect(hasPool(t.rm, poolId)).toBe(true);
  expect(snapshot(t.rm).years).toContain(year);
  return { poolId, year };
}

const deleteThePool = (path: string, poolId: string) =>
  withSession(path, (s) => s.run((db) => deletePool(db, { poolId })));
const removeTheYear = (path: string, year: number) => withSession(path, (s) => s.run((db) => removeYear(db, { year })));

describe('a pool one side deleted', () => {
  it('deleted by them after seeing all of it, untouched by me: removed with its lines, no conflict', () => {
    const { poolId } = shared();
    deleteThePool(t.rsd, poolId);
    const { review, changed } = merge(t.rm, t.send(t.rsd));
    expect(review.conflicts).toEqual([]);
    expect(changed).toBe(true);
    expect(hasPool(t.rm, poolId)).toBe(false);
    expect(amount(t.rm, 'Puljens linje', 2022)).toBeUndefined();
  });

  it('deleted by me, changed inside by them: one conflict for the whole pool, keep brings it back with their change', () => {
    const { poolId } = shared();
    deleteThePool(t.rm, poolId);
    set(t.rsd, 'Puljens linje', 2023, 700);
    const theirs = t.send(t.rsd);
    expect(conflicts(t.rm, theirs)).toEqual([['pool-deleted-by-me', `pool-deleted-by-me:${poolId}`]]);
    // 'theirs' keeps what they have: the pool.
    merge(t.rm, theirs, { resolutions: new Map([[`pool-deleted-by-me:${poolId}`, { take: 'theirs' }]]) });
    expect(hasPool(t.rm, poolId)).toBe(true);
    expect(amount(t.rm, 'Puljens linje', 2023)).toBe(700);
  });

  it('deleted by me, changed inside by them: remove keeps it gone, their line too', () => {
    const { poolId } = shared();
    deleteThePool(t.rm, poolId);
    set(t.rsd, 'Puljens linje', 2023, 700);
    merge(t.rm, t.send(t.rsd), { resolutions: new Map([[`pool-deleted-by-me:${poolId}`, { take: 'mine' }]]) });
    expect(hasPool(t.rm, poolId)).toBe(false);
    expect(snapshot(t.rm).lines.some((l) => l.name === 'Puljens linje')).toBe(false);
  });

  it('deleted by them, a line added by me since: a conflict; remove removes both, keep keeps the pool with my line', () => {
    const { poolId } = shared();
    withSession(t.rm, (s) =>
      s.run((db) => addLine(db, { poolId, name: 'Min linje', parentId: null, afterLineId: null })),
    );
    deleteThePool(t.rsd, poolId);
    const theirs = t.send(t.rsd);
    const id = `pool-deleted-by-them:${poolId}`;
    expect(conflicts(t.rm, theirs)).toEqual([['pool-deleted-by-them', id]]);
    expect(() => merge(t.rm, theirs)).toThrow(/1 konflikt \(«Hele puljen»\)/);
    const before = snapshot(t.rm);
    copyFileSync(t.rm, `${t.rm}.før`);
    merge(t.rm, theirs, { resolutions: new Map([[id, { take: 'theirs' }]]) });
    expect(hasPool(t.rm, poolId)).toBe(false);
    expect(snapshot(t.rm).lines.some((l) => l.name === 'Min linje' || l.name === 'Puljens linje')).toBe(false);
    copyFileSync(`${t.rm}.før`, t.rm); // the file as it was before the merge, to answer the other way
    merge(t.rm, theirs, { resolutions: new Map([[id, { take: 'mine' }]]) });
    const kept = snapshot(t.rm);
    expect(kept.pools.some((p) => p.id === poolId)).toBe(true);
    expect(kept.lines.filter((l) => l.poolId === poolId).map((l) => l.name)).toEqual(['Puljens linje', 'Min linje']);
    expect(kept.lines.length).toBe(before.lines.length);
  });
});

describe('a year one side removed', () => {
  it('removed by them after seeing all of it, untouched by me: removed, no conflict', () => {
    const { year } = shared();
    removeTheYear(t.rsd, year);
    const { review } = merge(t.rm, t.send(t.rsd));
    expect(review.conflicts).toEqual([]);
    expect(snapshot(t.rm).years).not.toContain(year);
  });

  it('removed by me, an amount set in it by them: one conflict; keep brings it back with their amount', () => {
    const { year } = shared();
    removeTheYear(t.rm, year);
    set(t.rsd, LPR, year, 700);
    const theirs = t.send(t.rsd);
    const id = `year-removed-by-me:${year}`;
    expect(conflicts(t.rm, theirs)).toEqual([['year-removed-by-me', id]]);
    merge(t.rm, theirs, { resolutions: new Map([[id, { take: 'theirs' }]]) });
    expect(snapshot(t.rm).years).toContain(year);
    expect(amount(t.rm, LPR, year)).toBe(700);
  });

  it('removed by me, an amount set in it by them: remove keeps it removed', () => {
    const { year } = shared();
    removeTheYear(t.rm, year);
    set(t.rsd, LPR, year, 700);
    merge(t.rm, t.send(t.rsd), { resolutions: new Map([[`year-removed-by-me:${year}`, { take: 'mine' }]]) });
    expect(snapshot(t.rm).years).not.toContain(year);
    expect(amount(t.rm, LPR, year)).toBeUndefined();
  });

  it('removed by them, an amount set in it by me since: remove empties and removes it, keep keeps my amount', () => {
    const { year } = shared();
    set(t.rm, LPR, year, 900);
    removeTheYear(t.rsd, year);
    const theirs = t.send(t.rsd);
    const id = `year-removed-by-them:${year}`;
    expect(conflicts(t.rm, theirs)).toEqual([['year-removed-by-them', id]]);
    copyFileSync(t.rm, `${t.rm}.før`);
    merge(t.rm, theirs, { resolutions: new Map([[id, { take: 'theirs' }]]) });
    expect(snapshot(t.rm).years).not.toContain(year);
    expect(amount(t.rm, LPR, year)).toBeUndefined();
    copyFileSync(`${t.rm}.før`, t.rm); // the file as it was before the merge, to answer the other way
    merge(t.rm, theirs, { resolutions: new Map([[id, { take: 'mine' }]]) });
    expect(amount(t.rm, LPR, year)).toBe(900);
  });
});

it('the CLI lists a pool conflict and takes an answer for it with --take', () => {
  const { poolId } = shared();
  withSession(t.rm, (s) =>
    s.run((db) => addLine(db, { poolId, name: 'Min linje', parentId: null, afterLineId: null })),
  );
  deleteThePool(t.rsd, poolId);
  const theirs = t.send(t.rsd);
  const refused = cli('merge', t.rm, theirs);
  expect(refused.code).toBe(3);
  expect(refused.out).toContain('Ny pulje: Hele puljen [pool-deleted-by-them]: min «Ny pulje», deres tom');
  expect(cli('merge', t.rm, theirs, '--take', 'theirs').code).toBe(0);
  expect(hasPool(t.rm, poolId)).toBe(false);
});
