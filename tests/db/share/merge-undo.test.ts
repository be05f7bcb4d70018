/** Undoing a merge (two regions' files, two-regions.ts): the file is again as if never merged, its record of the other file too. */
import { describe, expect, it } from 'vitest';
import { addLine, renameLine } from '../../../db/core/commands';
import type { Session } from '../../../db/core/session';
import { applyMerge, previewMerge } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import { withSession } from './helpers';
import { amount, ECPR, lineId, LPR, merge, preview, set, rm, rsd, send, useTwoRegions } from './two-regions';

useTwoRegions();

describe('undoing a merge undoes what it recorded of the other file', () => {
  /** RSD changes two values and a name, and adds a line; RM changes one value: a merge with work to do. */
  function editBoth(): string {
    set(rsd, ECPR, 2023, 123_000);
    set(rsd, LPR, 2023, 456_000);
    withSession(rsd, (s) =>
      s.run((db) => renameLine(db, { lineId: lineId(s, 'MUSE EKG fase 2'), name: 'MUSE EKG (omdøbt)' })),
    );
    const pool = withSession(rsd, (s) => s.snapshot().pools[0]!.id);
    withSession(rsd, (s) =>
      s.run((db) => addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Ny fra RSD' })),
    );
    set(rm, LPR, 2022, 1_000);
    return send(rsd);
  }

  /** Merges in an open session (the undo history is the session's). */
  function mergeIn(s: Session, theirs: string, choices: Parameters<typeof applyMerge>[2] = {}) {
    const received = receiveFile(theirs);
    try {
      const before = s.revision;
      return { review: applyMerge(s, received, choices).plan.review, changed: s.revision !== before };
    } finally {
      received.close();
    }
  }
  const data = (s: Session) => {
    const snap = s.snapshot();
    return JSON.stringify({
      years: snap.years,
      pools: snap.pools,
      lines: [...snap.lines].sort((a, b) => a.id.localeCompare(b.id)),
    });
  };
  const previewIn = (s: Session, theirs: string) => {
    const received = receiveFile(theirs);
    try {
      return previewMerge(s.db, received).review;
    } finally {
      received.close();
    }
  };
  /** What the file records of other copies and of values that came from them. */
  const recorded = (s: Session) =>
    JSON.stringify(
      ['share_seen', 'share_dot', 'share_alias'].map((t) =>
        s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all(),
      ),
    );

  it('merge, undo, merge again: the second merge does what the first did', () => {
    const fromRsd = editBoth();
    withSession(rm, (s) => {
      const before = data(s);
      const recordBefore = recorded(s);
      const first = mergeIn(s, fromRsd);
      expect(first.changed).toBe(true);
      const merged = data(s);
      s.undo();
      expect(data(s)).toBe(before);
      expect(recorded(s)).toBe(recordBefore);
      // The file is again as if never merged: the preview is the first one's.
      expect(previewIn(s, fromRsd)).toEqual(first.review);
      const second = mergeIn(s, fromRsd);
      expect(second.changed).toBe(true);
      expect(second.review).toEqual(first.review);
      expect(data(s)).toBe(merged);
      // Merging twice without an undo changes nothing the second time.
      expect(mergeIn(s, fromRsd).changed).toBe(false);
      expect(data(s)).toBe(merged);
    });
  });

  it('undo then redo is the merge again: merging the same file afterwards changes nothing', () => {
    const fromRsd = editBoth();
    withSession(rm, (s) => {
      mergeIn(s, fromRsd);
      const merged = data(s);
      // The same record, but under the redo's change number (the last column of share_dot).
      const record = () => recorded(s).replace(/,\d+\]/g, ']');
      const recordAfterMerge = record();
      s.undo();
      s.redo();
      expect(s.history()).toMatchObject({ canUndo: true, canRedo: false });
      expect(data(s)).toBe(merged);
      expect(record()).toBe(recordAfterMerge);
      expect(mergeIn(s, fromRsd).changed).toBe(false);
      expect(previewIn(s, fromRsd).conflicts).toEqual([]);
      // Undo of the redone merge: as never merged again.
      s.undo();
      expect(mergeIn(s, fromRsd).changed).toBe(true);
      expect(data(s)).toBe(merged);
    });
  });

  it('the other region, merging back a file whose merge was undone, gets my own values and keeps its own', () => {
    const fromRsd = editBoth();
    withSession(rm, (s) => {
      mergeIn(s, fromRsd);
      s.undo();
    });
    expect(amount(rm, ECPR, 2023)).toBe(0);
    // RM's file no longer holds RSD's values nor knows them: for RSD, nothing of its own is old.
    const back = merge(rsd, send(rm));
    expect(back.review.conflicts).toEqual([]);
    expect(amount(rsd, LPR, 2022)).toBe(1_000);
    expect(amount(rsd, ECPR, 2023)).toBe(123_000);
    expect(amount(rsd, LPR, 2023)).toBe(456_000);
  });

  it('a conflict resolved, undone, resolved the other way', () => {
    set(rm, LPR, 2022, 1_111_000);
    set(rsd, LPR, 2022, 2_222_000);
    const fromRsd = send(rsd);
    withSession(rm, (s) => {
      mergeIn(s, fromRsd, { take: 'theirs' });
      s.undo();
    });
    expect(amount(rm, LPR, 2022)).toBe(1_111_000);
    expect(preview(rm, fromRsd).conflicts.map((c) => [c.kind, c.mine, c.theirs])).toEqual([
      ['amount', 1_111_000, 2_222_000],
    ]);
    merge(rm, fromRsd, { take: 'mine' });
    expect(amount(rm, LPR, 2022)).toBe(1_111_000);
    expect(merge(rm, fromRsd).changed).toBe(false);
  });
});
