/**
 * Merging a file from another region: RM makes the portfolio and sends it; RSD imports the copy
 * as its own file; both edit; RSD sends back and RM merges (and the other way round).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLine, deleteLine, renameLine, setAmounts } from '../../../db/core/commands';
import { runMigrations } from '../../../db/core/migrations/index';
import { APPLICATION_ID } from '../../../db/core/open';
import { applyMerge, previewMerge } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import type { Session } from '../../../db/core/session';
import { listBackups } from '../../../db/core/backup';
import { cli, contents, withSession } from './helpers';
import { amount, ECPR, lineId, LPR, merge, preview, set, t, rm, rsd, send, useTwoRegions } from './two-regions';

useTwoRegions();

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
    expect(
      db.prepare("SELECT action FROM audit WHERE entity = 'amount' AND new_value = '500000'").pluck().get(),
    ).toMatch(/Region Syddanmark.*sendt-2/);
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
    const del = (path: string, name: string) =>
      withSession(path, (s) => s.run((db) => deleteLine(db, { lineId: lineId(s, name) })));
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
    expect(review.deletions).toContainEqual(
      expect.objectContaining({ line: 'MUSE EKG fase 2', by: 'theirs', outcome: 'theirs' }),
    );
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
    withSession(rm, (s) =>
      s.run((db) => addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Ny fra RM' })),
    );
    withSession(rsd, (s) =>
      s.run((db) => addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Ny fra RSD' })),
    );
    const { review } = merge(rm, send(rsd));
    expect(review.renames).toEqual([
      expect.objectContaining({ mine: LPR, theirs: 'LPR3 (omdøbt)', outcome: 'theirs' }),
    ]);
    expect(review.onlyTheirs.map((l) => l.line)).toEqual(['Ny fra RSD']);
    expect(review.onlyMine.map((l) => l.line)).toEqual(['Ny fra RM']);
    const names = withSession(rm, (s) => s.snapshot().lines.map((l) => l.name));
    expect(names).toEqual(expect.arrayContaining(['LPR3 (omdøbt)', 'Ny fra RM', 'Ny fra RSD']));
    expect(withSession(rm, (s) => s.snapshot({ lineInfo: true }).lineInfo![lineId(s, 'Ny fra RSD')]!.createdBy)).toBe(
      'RSD',
    );
  });

  it('"samme linje?": a line made on both sides with the same pool and name; matched once, remembered', () => {
    const pool = withSession(rm, (s) => s.snapshot().pools[1]!.id);
    for (const [path, value] of [
      [rm, 100_000],
      [rsd, 200_000],
    ] as const) {
      withSession(path, (s) => {
        const created = s.run((db) =>
          addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Fælles EPJ' }),
        ).createdId!;
        s.run((db) => setAmounts(db, { cells: [{ lineId: created, year: 2022, value }] }));
      });
    }
    const fromRsd = send(rsd);
    const review = preview(rm, fromRsd);
    expect(review.conflicts.map((c) => [c.kind, c.mine, c.theirs])).toEqual([
      ['same-line', 'Fælles EPJ', 'Fælles EPJ'],
    ]);
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
        expect(
          JSON.stringify([...preview.mine.state.lines.values()]),
          'the reading the preview made is not changed',
        ).toBe(read);
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
