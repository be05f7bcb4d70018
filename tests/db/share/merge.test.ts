/**
 * Merging a file from another region: RM makes the portfolio and sends it; RSD imports the copy
 * as its own file; both edit; RSD sends back and RM merges (and the other way round).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addLine, deleteLine, renameLine, setAmounts } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { runMigrations } from '../../../db/core/migrations/index';
import { APPLICATION_ID } from '../../../db/core/open';
import { applyMerge, importReceived, previewMerge } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import type { Session } from '../../../db/core/session';
import { listBackups } from '../../../db/core/backup';
import { cli, contents, tempDir, withSession } from './helpers';

let t: ReturnType<typeof tempDir>;
let rm: string;
let rsd: string;
let sends = 0;

/** Sends `from` (CLI send) and returns the copy's path. */
function send(from: string): string {
  const out = join(t.dir, `sendt-${++sends}.sqlite`);
  expect(cli('send', from, '--out', out).code).toBe(0);
  return out;
}

beforeEach(() => {
  t = tempDir();
  rm = join(t.dir, 'rm.sqlite');
  rsd = join(t.dir, 'rsd.sqlite');
  createPortfolio(rm, { example: true, region: 'RM' });
  const received = receiveFile(send(rm));
  importReceived(received, rsd, 'RSD');
  received.close();
});
afterEach(() => t.done());

const lineId = (s: Session, name: string) => s.snapshot().lines.find((l) => l.name === name)!.id;
const amount = (path: string, name: string, year: number) => withSession(path, (s) => s.snapshot().lines.find((l) => l.name === name)?.amounts[year]);
const set = (path: string, name: string, year: number, value: number | null) =>
  withSession(path, (s) => s.run((db) => setAmounts(db, { cells: [{ lineId: lineId(s, name), year, value }] })));
const LPR = 'LPR3 ID3 - Landspatientregister';
const ECPR = 'Integration til national eCPR';

function preview(mine: string, theirs: string) {
  const received = receiveFile(theirs);
  try {
    return withSession(mine, (s) => previewMerge(s.db, received).review);
  } finally {
    received.close();
  }
}

function merge(mine: string, theirs: string, choices: Parameters<typeof applyMerge>[2] = {}) {
  const received = receiveFile(theirs);
  try {
    return withSession(mine, (s) => {
      const before = s.revision;
      const { plan } = applyMerge(s, received, choices);
      return { review: plan.review, changed: s.revision !== before, history: s.history() };
    });
  } finally {
    received.close();
  }
}

describe('merge', () => {
  it('disjoint edits on both sides both apply, in one undo step, after a backup; then the other way round', () => {
    set(rm, LPR, 2022, 1_600_000);
    set(rsd, ECPR, 2023, 500_000);
    const fromRsd = send(rsd);
    const result = merge(rm, fromRsd);
    expect(result.review.conflicts).toEqual([]);
    expect(result.review.sharedHistory).toBe(true);
    expect(result.history.undoLabel).toBe('Flet fra Region Syddanmark («sendt-2.sqlite»)');
    expect(amount(rm, LPR, 2022)).toBe(1_600_000);
    expect(amount(rm, ECPR, 2023)).toBe(500_000);
    expect(listBackups(rm).map((b) => b.reason)).toEqual(['fletning']);
    // The audit log says where it came from.
    const db = new Database(rm, { readonly: true });
    expect(db.prepare("SELECT action FROM audit WHERE entity = 'amount' AND new_value = '500000'").pluck().get()).toMatch(/Region Syddanmark.*sendt-2/);
    db.close();
    // The line shows who changed it last.
    const info = withSession(rm, (s) => s.snapshot({ lineInfo: true }).lineInfo![lineId(s, ECPR)]);
    expect(info).toMatchObject({ createdBy: 'RM', changedBy: 'RSD' });
    // RSD merges RM's file: gets RM's edit, no conflict (it has seen its own).
    const back = merge(rsd, send(rm));
    expect(back.review.conflicts).toEqual([]);
    expect(amount(rsd, LPR, 2022)).toBe(1_600_000);
    expect(amount(rsd, ECPR, 2023)).toBe(500_000);
  });

  it('the same cell changed to different values on both sides is a conflict; the CLI exits 3 and changes nothing', () => {
    set(rm, LPR, 2022, 1_111_000);
    set(rsd, LPR, 2022, 2_222_000);
    const fromRsd = send(rsd);
    const review = preview(rm, fromRsd);
    expect(review.conflicts).toEqual([
      expect.objectContaining({ kind: 'amount', line: LPR, year: 2022, mine: 1_111_000, theirs: 2_222_000 }),
    ]);
    const before = contents(rm);
    const run = cli('merge', rm, fromRsd);
    expect(run.code).toBe(3);
    expect(contents(rm)).toBe(before);
    // Resolved as a typed value.
    const id = review.conflicts[0]!.id;
    merge(rm, fromRsd, { resolutions: new Map([[id, { take: 'value', value: 1_500_000 }]]) });
    expect(amount(rm, LPR, 2022)).toBe(1_500_000);
    // --take theirs on the other side.
    expect(cli('merge', rsd, send(rm), '--take', 'theirs').code).toBe(0);
    expect(amount(rsd, LPR, 2022)).toBe(1_500_000);
  });

  it('a line deleted on one side and edited on the other is a conflict, both ways; an untouched deleted line goes', () => {
    const del = (path: string, name: string) => withSession(path, (s) => s.run((db) => deleteLine(db, { lineId: lineId(s, name) })));
    del(rm, LPR);
    set(rsd, LPR, 2023, 9_000_000);
    set(rm, ECPR, 2022, 7_000_000);
    del(rsd, ECPR);
    del(rsd, 'MUSE EKG fase 2');
    const fromRsd = send(rsd);
    const review = preview(rm, fromRsd);
    expect(review.conflicts.map((c) => [c.kind, c.line]).sort()).toEqual([
      ['deleted-by-me', LPR],
      ['deleted-by-them', ECPR],
    ]);
    expect(review.deletions).toContainEqual(expect.objectContaining({ line: 'MUSE EKG fase 2', by: 'theirs', outcome: 'theirs' }));
    merge(rm, fromRsd, { take: 'mine' });
    expect(amount(rm, LPR, 2023)).toBeUndefined();
    expect(amount(rm, ECPR, 2022)).toBe(7_000_000);
    expect(amount(rm, 'MUSE EKG fase 2', 2023)).toBeUndefined();
    // RM decided having seen RSD's edits: RSD takes RM's decisions without a conflict.
    const back = merge(rsd, send(rm));
    expect(back.review.conflicts).toEqual([]);
    expect(amount(rsd, LPR, 2023)).toBeUndefined();
    expect(amount(rsd, ECPR, 2022)).toBe(7_000_000);
  });

  it('renames and new lines on both sides arrive', () => {
    withSession(rsd, (s) => s.run((db) => renameLine(db, { lineId: lineId(s, LPR), name: 'LPR3 (omdøbt)' })));
    const pool = withSession(rm, (s) => s.snapshot().pools[0]!.id);
    withSession(rm, (s) => s.run((db) => addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Ny fra RM' })));
    withSession(rsd, (s) => s.run((db) => addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Ny fra RSD' })));
    const { review } = merge(rm, send(rsd));
    expect(review.renames).toEqual([expect.objectContaining({ mine: LPR, theirs: 'LPR3 (omdøbt)', outcome: 'theirs' })]);
    expect(review.onlyTheirs.map((l) => l.line)).toEqual(['Ny fra RSD']);
    expect(review.onlyMine.map((l) => l.line)).toEqual(['Ny fra RM']);
    const names = withSession(rm, (s) => s.snapshot().lines.map((l) => l.name));
    expect(names).toEqual(expect.arrayContaining(['LPR3 (omdøbt)', 'Ny fra RM', 'Ny fra RSD']));
    expect(withSession(rm, (s) => s.snapshot({ lineInfo: true }).lineInfo![lineId(s, 'Ny fra RSD')]!.createdBy)).toBe('RSD');
  });

  it('"samme linje?": a line made on both sides with the same pool and name; matched once, remembered', () => {
    const pool = withSession(rm, (s) => s.snapshot().pools[1]!.id);
    for (const [path, value] of [[rm, 100_000], [rsd, 200_000]] as const) {
      withSession(path, (s) => {
        const created = s.run((db) => addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Fælles EPJ' })).createdId!;
        s.run((db) => setAmounts(db, { cells: [{ lineId: created, year: 2022, value }] }));
      });
    }
    const fromRsd = send(rsd);
    const review = preview(rm, fromRsd);
    expect(review.conflicts.map((c) => [c.kind, c.mine, c.theirs])).toEqual([['same-line', 'Fælles EPJ', 'Fælles EPJ']]);
    merge(rm, fromRsd, { resolutions: new Map([[review.conflicts[0]!.id, { take: 'theirs' }]]) });
    const lines = withSession(rm, (s) => s.snapshot().lines.filter((l) => l.name === 'Fælles EPJ'));
    expect(lines.map((l) => l.amounts)).toEqual([{ 2022: 200_000 }]);
    expect(merge(rm, fromRsd).changed).toBe(false);
    expect(preview(rm, fromRsd).conflicts).toEqual([]);
  });

  it('merging the same file a second time changes nothing', () => {
    set(rm, LPR, 2022, 1_000);
    set(rsd, LPR, 2023, 2_000);
    withSession(rsd, (s) => s.run((db) => deleteLine(db, { lineId: lineId(s, ECPR) })));
    const fromRsd = send(rsd);
    expect(merge(rm, fromRsd).changed).toBe(true);
    const after = contents(rm);
    const again = merge(rm, fromRsd);
    expect(again.changed).toBe(false);
    expect(again.review.conflicts).toEqual([]);
    expect(contents(rm)).toBe(after);
    expect(cli('merge', rm, fromRsd).code).toBe(0);
    expect(contents(rm)).toBe(after);
  });

  it('a file from an older schema version (20) merges after migration in the private copy', () => {
    const old = join(t.dir, 'gammel.sqlite');
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    runMigrations(db, 20);
    const pool = randomUUID();
    const line = randomUUID();
    db.exec(`
      INSERT INTO portfolio (id, title, region, created_at) VALUES ('${randomUUID()}', 'Gammel', 'RN', '2024-01-02T03:04:05.000Z');
      INSERT INTO budget_year (year) VALUES (2022), (2024);
      INSERT INTO pool (id, name, position, description) VALUES ('${pool}', 'Nordjyske projekter', 1024, '');
      INSERT INTO line (id, pool_id, parent_id, name, position, description) VALUES ('${line}', '${pool}', NULL, 'Telemedicin', 1024, '');
      INSERT INTO amount (line_id, year, kroner) VALUES ('${line}', 2024, 750000);`);
    db.close();
    const { review } = merge(rm, old);
    expect(review.from.schemaVersion).toBe(20);
    expect(review.sharedHistory).toBe(false);
    expect(review.newYears).toEqual([2024]);
    expect(review.newPools).toEqual(['Nordjyske projekter']);
    expect(amount(rm, 'Telemedicin', 2024)).toBe(750_000);
  });

  it('a merge after its preview (as merge.apply does it) reuses the reading of my file the preview made, unchanged, and does what a merge from scratch does', () => {
    set(rm, LPR, 2022, 1_111_000);
    set(rsd, LPR, 2022, 2_222_000);
    set(rsd, ECPR, 2023, 500_000);
    const fromRsd = send(rsd);
    const copy = join(t.dir, 'rm-kopi.sqlite');
    copyFileSync(rm, copy);
    const mine = (s: Session) => s.snapshot().lines;
    const received = receiveFile(fromRsd);
    try {
      const viaPreview = withSession(rm, (s) => {
        const preview = previewMerge(s.db, received);
        const read = JSON.stringify([...preview.mine.state.lines.values()]);
        applyMerge(s, received, { take: 'theirs' }, new Date(), preview);
        expect(JSON.stringify([...preview.mine.state.lines.values()]), 'the reading the preview made is not changed').toBe(read);
        return mine(s);
      });
      const fromScratch = withSession(copy, (s) => {
        applyMerge(s, received, { take: 'theirs' });
        return mine(s);
      });
      expect(viaPreview).toEqual(fromScratch);
      expect(viaPreview.find((l) => l.name === LPR)!.amounts[2022]).toBe(2_222_000);
    } finally {
      received.close();
    }
  });

  it('undo takes the whole merge back', () => {
    set(rsd, ECPR, 2023, 123_000);
    set(rsd, LPR, 2023, 456_000);
    const fromRsd = send(rsd);
    withSession(rm, (s) => {
      const received = receiveFile(fromRsd);
      applyMerge(s, received, {});
      received.close();
      s.undo();
      expect(s.snapshot().lines.find((l) => l.name === ECPR)!.amounts[2023]).toBe(0);
    });
  });
});

describe('undoing a merge undoes what it recorded of the other file', () => {
  /** RSD changes two values and a name, and adds a line; RM changes one value: a merge with work to do. */
  function editBoth(): string {
    set(rsd, ECPR, 2023, 123_000);
    set(rsd, LPR, 2023, 456_000);
    withSession(rsd, (s) => s.run((db) => renameLine(db, { lineId: lineId(s, 'MUSE EKG fase 2'), name: 'MUSE EKG (omdøbt)' })));
    const pool = withSession(rsd, (s) => s.snapshot().pools[0]!.id);
    withSession(rsd, (s) => s.run((db) => addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Ny fra RSD' })));
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
    return JSON.stringify({ years: snap.years, pools: snap.pools, lines: [...snap.lines].sort((a, b) => a.id.localeCompare(b.id)) });
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
  const recorded = (s: Session) => JSON.stringify(['share_seen', 'share_dot', 'share_alias'].map((t) => s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all()));

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
    expect(preview(rm, fromRsd).conflicts.map((c) => [c.kind, c.mine, c.theirs])).toEqual([['amount', 1_111_000, 2_222_000]]);
    merge(rm, fromRsd, { take: 'mine' });
    expect(amount(rm, LPR, 2022)).toBe(1_111_000);
    expect(merge(rm, fromRsd).changed).toBe(false);
  });
});

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
    withSession(rm, (s) => s.run((db) => renameLine(db, { lineId: lineId(s, 'MUSE EKG fase 2'), name: 'MUSE EKG (RM)' })));
    withSession(rsd, (s) => s.run((db) => renameLine(db, { lineId: lineId(s, 'MUSE EKG fase 2'), name: 'MUSE EKG (RSD)' })));
    const review = preview(rm, send(rsd));
    expect(review.sharedHistory).toBe(true);
    expect(review.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'amount', line: LPR, year: 2022, mine: 1_111_000, theirs: 2_222_000, base: original.lpr22 }),
        expect.objectContaining({ kind: 'name', mine: 'MUSE EKG (RM)', theirs: 'MUSE EKG (RSD)', base: 'MUSE EKG fase 2' }),
      ]),
    );
    const cell = (line: string, field: string, year: number | null) =>
      review.changes.find((c) => c.line === line)!.cells.find((c) => c.field === field && c.year === year);
    expect(cell(LPR, 'amount', 2022)).toMatchObject({ outcome: 'conflict', base: original.lpr22 });
    expect(cell(ECPR, 'amount', 2023)).toMatchObject({ outcome: 'theirs', mine: original.ecpr23, theirs: 500_000, base: original.ecpr23 });
    expect(cell(ECPR, 'amount', 2022)).toMatchObject({ outcome: 'mine', mine: 600_000, theirs: original.ecpr22, base: original.ecpr22 });
  });

  it('after a merge both ways, a new conflict shows the value agreed on then', () => {
    set(rsd, LPR, 2023, 300_000);
    merge(rm, send(rsd));
    merge(rsd, send(rm));
    set(rm, LPR, 2023, 310_000);
    set(rsd, LPR, 2023, 320_000);
    expect(preview(rm, send(rsd)).conflicts).toEqual([expect.objectContaining({ mine: 310_000, theirs: 320_000, base: 300_000 })]);
    // And the other way round, from RSD's history.
    expect(preview(rsd, send(rm)).conflicts).toEqual([expect.objectContaining({ mine: 320_000, theirs: 310_000, base: 300_000 })]);
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
    db.close();
    const other = new Database(apart);
    other.exec('DELETE FROM amount; DELETE FROM line; DELETE FROM pool; DELETE FROM audit;');
    const insert = (table: string, r: Record<string, unknown>) =>
      other.prepare(`INSERT INTO ${table} (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r).map((k) => `@${k}`).join(', ')})`).run(r);
    for (const p of pools) insert('pool', p);
    for (const l of [...rows].sort((a, b) => Number(a.parent_id !== null) - Number(b.parent_id !== null))) insert('line', l);
    for (const a of amounts) insert('amount', a);
    other.close();
    set(apart, LPR, 2022, 777_000);
    const review = preview(rm, send(apart));
    expect(review.sharedHistory).toBe(false);
    expect(review.conflicts).toEqual([expect.objectContaining({ kind: 'amount', line: LPR, year: 2022, theirs: 777_000 })]);
    expect(review.conflicts[0]).not.toHaveProperty('base');
    expect(review.changes.flatMap((c) => c.cells).every((c) => !('base' in c))).toBe(true);
  });
});
