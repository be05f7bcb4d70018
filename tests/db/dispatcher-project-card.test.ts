/**
 * The project card's channels (shared/contract/project-card.ts) through the one dispatcher: a
 * pool's kind decides the it-råd flag, a risikovurdering removes it, milestones and activities are
 * one undo step each, and a taken number is refused with the conflict code, nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskFlags } from '../../shared/contract/project-card';
import type { Snapshot } from '../../shared/domain/model';
import type { Dispatch } from '../../db/dispatcher';
import type { Session } from '../../db/core/session';
import { callerOf, closeExampleDispatcher, openExampleDispatcher, type ExampleDispatcher } from './example-dispatcher';

let session: Session;
let dispatch: Dispatch;
const call = callerOf(() => dispatch);
let snap: Snapshot;

const lineId = (name: string) => snap.lines.find((l) => l.name === name)!.id;
const poolId = (name: string) => snap.pools.find((p) => p.name === name)!.id;
const flagged = async () => (await call<RiskFlags>('projectCard.riskFlags', {})).flags.map((f) => f.name);

let example: ExampleDispatcher;
beforeEach(async () => {
  example = openExampleDispatcher('puljeplan-card-');
  ({ session, dispatch } = example);
  snap = await call<Snapshot>('portfolio.load', {});
});
afterEach(() => closeExampleDispatcher(example));

describe('the project card channels', () => {
  it('the flag follows the pool kind and the threshold, and a risikovurdering removes it', async () => {
    const muse = lineId('MUSE EKG fase 1');
    // 2.700 + 9.000 in Vestdansk It Samarbejde (other): not flagged until the pool is fællesregional.
    await call('amounts.set', { cells: [{ lineId: muse, year: 2023, value: 9_000_000 }] });
    expect(await flagged()).toEqual([]);
    await call('pools.setKind', { poolId: poolId('Vestdansk It Samarbejde'), kind: 'fællesregional' });
    expect(await flagged()).toEqual(['MUSE EKG']);
    const museEkg = lineId('MUSE EKG');
    await call('riskActivities.add', { lineId: museEkg, kind: 'risikovurdering', month: '2024-03', note: '' });
    expect(await flagged()).toEqual([]);
    await call('history.undo', {});
    expect(await flagged()).toEqual(['MUSE EKG']);
    const kinds = (await call<RiskFlags>('projectCard.riskFlags', {})).poolKinds;
    expect(kinds[poolId('Vestdansk It Samarbejde')]).toBe('fællesregional');
    expect(kinds[poolId('Nationale projekter')]).toBe('national');
  });

  it('milestones are set, changed and removed, each one undo step', async () => {
    const labrek = lineId('Labrek (Laboratorie)');
    const details = () => call<{ milestones: unknown[] }>('projectCard.details', { lineId: labrek });
    await call('milestones.set', { lineId: labrek, half: '2024-H1', value: { text: 'Pilot', state: 'risiko' } });
    await call('milestones.set', { lineId: labrek, half: '2024-H1', value: { text: 'Pilot', state: 'nået' } });
    expect((await details()).milestones).toEqual([{ half: '2024-H1', text: 'Pilot', state: 'nået' }]);
    await call('history.undo', {});
    expect((await details()).milestones).toEqual([{ half: '2024-H1', text: 'Pilot', state: 'risiko' }]);
    await call('milestones.set', { lineId: labrek, half: '2024-H1', value: null });
    expect((await details()).milestones).toEqual([]);
  });

  it('a number already used is refused as a conflict and nothing changes', async () => {
    const labrek = lineId('Labrek (Laboratorie)');
    const before = session.revision;
    const r = await dispatch('projects.set', { lineId: labrek, changes: { number: '18-6' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(session.revision).toBe(before);
    expect(await call('projects.get', { lineId: labrek })).toMatchObject({ number: null, riskProfile: 'B' });
  });
});
