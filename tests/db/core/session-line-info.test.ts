/**
 * The core session knows nothing of where line info comes from (db/core/session.ts LineInfoSource):
 * without a source it carries none; with one it asks `all` for portfolio.load and `of` once per
 * change, for exactly the lines that change upserts, under that change's number and time. What
 * share's provenance answers is tested in tests/db/share/line-info.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineInfo } from '../../../shared/domain/model';
import { setAmounts } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { openPortfolio } from '../../../db/core/open';
import { Session, type LineInfoSource } from '../../../db/core/session';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-session-info-'));
  file = join(dir, 'bilag1.sqlite');
  createPortfolio(file, { example: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AT = '2026-11-22T13:03:00.000Z';
const info: LineInfo = { createdBy: 'RM', changedBy: 'RM', changedAt: AT };

function stub() {
  const calls = { all: 0, of: [] as { ids: string[]; made: { changeNo: number; at: string } }[] };
  const source: LineInfoSource = {
    all: () => {
      calls.all++;
      return { every: info };
    },
    of: (_db, ids, made) => {
      calls.of.push({ ids, made: { changeNo: made.changeNo, at: made.at } });
      return Object.fromEntries(ids.map((id) => [id, info]));
    },
  };
  return { calls, source };
}

function withSession<T>(source: LineInfoSource | null, body: (s: Session) => T): T {
  const s = new Session(openPortfolio(file), file, () => new Date(AT), source);
  try {
    return body(s);
  } finally {
    s.close();
  }
}

const leaf = (s: Session) => {
  const lines = s.snapshot().lines;
  return lines.find((l) => !lines.some((c) => c.parentId === l.id))!;
};

describe('Session line info', () => {
  it('without a source, neither a snapshot nor a change carries lineInfo', () => {
    withSession(null, (s) => {
      expect(s.snapshot({ lineInfo: true }).lineInfo).toBeUndefined();
      const id = leaf(s).id;
      const change = s.run((db) => setAmounts(db, { cells: [{ lineId: id, year: 2023, value: 1_001 }] }));
      expect(change.upsertLines?.map((l) => l.id)).toContain(id);
      expect(change.lineInfo).toBeUndefined();
    });
  });

  it('asks the source for every line on load, and once per change for the lines it upserts', () => {
    const { calls, source } = stub();
    withSession(source, (s) => {
      expect(s.snapshot().lineInfo).toBeUndefined();
      expect(calls.all).toBe(0);
      expect(s.snapshot({ lineInfo: true }).lineInfo).toEqual({ every: info });
      expect(calls.all).toBe(1);

      const id = leaf(s).id;
      const change = s.run((db) => setAmounts(db, { cells: [{ lineId: id, year: 2023, value: 1_001 }] }));
      expect(calls.of).toEqual([
        { ids: change.upsertLines!.map((l) => l.id), made: { changeNo: change.revision, at: AT } },
      ]);
      expect(Object.keys(change.lineInfo!).sort()).toEqual(change.upsertLines!.map((l) => l.id).sort());

      const undone = s.undo();
      expect(calls.of).toHaveLength(2);
      expect(calls.of[1]!.made).toEqual({ changeNo: undone.revision, at: AT });

      // A change that writes nothing asks nothing.
      s.run((db) => setAmounts(db, { cells: [{ lineId: id, year: 2023, value: leaf(s).amounts[2023] ?? null }] }));
      expect(calls.of).toHaveLength(2);
    });
  });
});
