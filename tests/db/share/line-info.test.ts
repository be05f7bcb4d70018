/**
 * "Who changed it last, when" stays current without a reload: every Change the session returns
 * carries the lineInfo of the lines it upserts (db/share/provenance.ts lineInfoOf), equal to what
 * portfolio.load would read afterwards (readLineInfo) — for an edit, an undo and a redo, a merge,
 * a restore, and a change of more than 2,000 lines (one pass instead of a lookup per line).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addLine, setAmounts } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { openPortfolio } from '../../../db/core/open';
import { Session } from '../../../db/core/session';
import { provenance } from '../../../db/share/provenance';
import { listBackups } from '../../../db/core/backup';
import { applyMerge, importReceived, restoreBackup } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import type { Change } from '../../../shared/domain/model';
import { makePortfolio } from './generate';
import { cli, tempDir } from './helpers';

let t: ReturnType<typeof tempDir>;
let rm: string;
let rsd: string;
beforeEach(() => {
  t = tempDir();
  rm = join(t.dir, 'rm.sqlite');
  rsd = join(t.dir, 'rsd.sqlite');
});
afterEach(() => t.done());

/** A session whose clock says `at`, with share's line info as db/index.ts openSession gives it. */
function withSessionAt<T>(path: string, at: string, body: (s: Session) => T): T {
  const s = new Session(openPortfolio(path), path, () => new Date(at), provenance);
  try {
    return body(s);
  } finally {
    s.close();
  }
}

/** RSD's file: RM's sent copy, imported. */
function importToRsd(): void {
  const sent = join(t.dir, 'rm-sendt.sqlite');
  expect(cli('send', rm, '--out', sent).code).toBe(0);
  const received = receiveFile(sent);
  importReceived(received, rsd, 'RSD');
  received.close();
}

function send(path: string, name: string): string {
  const out = join(t.dir, name);
  expect(cli('send', path, '--out', out).code).toBe(0);
  return out;
}

/** The Change has the info of exactly its upserted lines, as a reload reads it. */
function expectCurrent(s: Session, change: Change): void {
  const ids = (change.upsertLines ?? []).map((l) => l.id).sort();
  expect(ids.length).toBeGreaterThan(0);
  expect(Object.keys(change.lineInfo ?? {}).sort()).toEqual(ids);
  const reloaded = s.snapshot({ lineInfo: true }).lineInfo!;
  for (const id of ids) expect(change.lineInfo![id], id).toEqual(reloaded[id]);
}

const T1 = '2026-11-22T13:03:00.000Z';
const T2 = '2026-11-23T09:15:00.000Z';
const T3 = '2026-11-24T10:00:00.000Z';

describe('lineInfo in the Changes the session returns', () => {
  it('an edit, its undo and its redo: changed by this copy, at the change', () => {
    createPortfolio(rm, { example: true, region: 'RM' });
    withSessionAt(rm, T1, (s) => {
      const line = s.snapshot().lines.find((l) => !s.snapshot().lines.some((c) => c.parentId === l.id))!;
      const edit = s.run((db) => setAmounts(db, { cells: [{ lineId: line.id, year: 2022, value: 1_000 }] }));
      expect(edit.lineInfo).toEqual({ [line.id]: { createdBy: 'RM', changedBy: 'RM', changedAt: T1 } });
      expectCurrent(s, edit);
      expectCurrent(s, s.undo());
      expectCurrent(s, s.redo());
      // A new line: made here.
      const added = s.run((db) =>
        addLine(db, { poolId: line.poolId, parentId: null, afterLineId: null, name: 'Ny linje' }),
      );
      expect(added.lineInfo![added.createdId!]).toEqual({ createdBy: 'RM', changedBy: 'RM', changedAt: T1 });
    });
  });

  it('a merge: the lines that came from the other region name it and the time it changed them; its undo names this copy', () => {
    createPortfolio(rm, { example: true, region: 'RM' });
    importToRsd();
    const { lineId, poolId } = withSessionAt(rsd, T1, (s) => {
      const line = s.snapshot().lines.find((l) => l.name === 'LPR3 ID3 - Landspatientregister')!;
      s.run((db) => setAmounts(db, { cells: [{ lineId: line.id, year: 2023, value: 9_000 }] }));
      return { lineId: line.id, poolId: line.poolId };
    });
    const newId = withSessionAt(
      rsd,
      T2,
      (s) => s.run((db) => addLine(db, { poolId, parentId: null, afterLineId: null, name: 'Ny fra RSD' })).createdId!,
    );
    const fromRsd = send(rsd, 'fra-rsd.sqlite');
    withSessionAt(rm, T3, (s) => {
      const received = receiveFile(fromRsd);
      const { change } = applyMerge(s, received, {});
      received.close();
      expect(change.lineInfo![lineId]).toEqual({ createdBy: 'RM', changedBy: 'RSD', changedAt: T1 });
      expect(change.lineInfo![newId]).toEqual({ createdBy: 'RSD', changedBy: 'RSD', changedAt: T2 });
      expectCurrent(s, change);
      const undone = s.undo();
      expect(undone.lineInfo![lineId]).toEqual({ createdBy: 'RM', changedBy: 'RM', changedAt: T3 });
      expectCurrent(s, undone);
      const redone = s.redo();
      expect(redone.lineInfo![lineId]).toEqual({ createdBy: 'RM', changedBy: 'RSD', changedAt: T1 });
      expectCurrent(s, redone);
    });
  });

  it('a restore of a backup copy', () => {
    createPortfolio(rm, { example: true, region: 'RM' });
    importToRsd();
    withSessionAt(rsd, T1, (s) => {
      const line = s.snapshot().lines.find((l) => l.name === 'LPR3 ID3 - Landspatientregister')!;
      s.run((db) => setAmounts(db, { cells: [{ lineId: line.id, year: 2023, value: 9_000 }] }));
    });
    const fromRsd = send(rsd, 'fra-rsd.sqlite');
    withSessionAt(rm, T2, (s) => {
      const received = receiveFile(fromRsd);
      applyMerge(s, received, {});
      received.close();
      const change = restoreBackup(s, listBackups(rm)[0]!.fileName);
      expectCurrent(s, change);
      expect(Object.values(change.lineInfo!).every((i) => i.changedBy === 'RM' && i.changedAt === T2)).toBe(true);
    });
  });

  it('changes of more than 2,000 lines: an edit and a merge', () => {
    makePortfolio(rm, 2_100, 3);
    importToRsd();
    withSessionAt(rsd, T1, (s) => {
      const cells = s.snapshot().lines.map((l) => ({ lineId: l.id, year: 2026, value: 5_001 }));
      expectCurrent(
        s,
        s.run((db) => setAmounts(db, { cells })),
      );
    });
    const fromRsd = send(rsd, 'fra-rsd.sqlite');
    withSessionAt(rm, T2, (s) => {
      const mine = s
        .snapshot()
        .lines.slice(0, 10)
        .map((l) => ({ lineId: l.id, year: 2027, value: 7_001 }));
      s.run((db) => setAmounts(db, { cells: mine }));
    });
    withSessionAt(rm, T3, (s) => {
      const received = receiveFile(fromRsd);
      const { change } = applyMerge(s, received, {});
      received.close();
      expect(change.upsertLines).toHaveLength(2_100);
      expectCurrent(s, change);
      const info = Object.values(change.lineInfo!);
      expect(info.every((i) => i.changedBy === 'RSD' && i.changedAt === T1)).toBe(true);
      expectCurrent(s, s.undo());
    });
  });
});
