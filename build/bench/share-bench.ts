/**
 * Bench section `share` (bench.ts): sharing files between regions (db/share/). Two 20,000-line
 * portfolios of common descent (RM's, and RSD's imported from RM's sent copy), each with 10 % of
 * the cells changed, 1 % on both sides to different values (conflicts, taken as theirs).
 * Times: send RM's copy, check RSD's file, preview the merge (check + plan), merge as the app
 * does it after the preview (merge.apply: the preview's checked copy; plan with the choices,
 * backup, apply); then, after undoing that merge, the CLI's merge from the file (check + plan +
 * backup + apply), and the undo of a merge.
 */
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setAmounts } from '../../db/core/commands';
import { openSession } from '../../db/index';
import { applyMerge, importReceived, previewMerge } from '../../db/share/apply';
import { receiveFile } from '../../db/share/receive';
import { sendCopy } from '../../db/share/send';
import { seededRandom } from '../../tests/seeded-random';

export interface ShareBenchContext {
  dir: string;
  /** The bench's generated portfolio (10 years) and its leaf lines. */
  portfolio: { path: string; leaves: string[] };
  years: number[];
  table: (header: string[], rows: (string | number)[][]) => void;
  ms: (v: number) => string;
}

function timed<T>(body: () => T): [T, number] {
  const t = performance.now();
  const value = body();
  return [value, performance.now() - t];
}

export function shareBench({ dir, portfolio, years, table, ms }: ShareBenchContext): void {
  const mine = join(dir, 'share-rm.sqlite');
  copyFileSync(portfolio.path, mine);
  const rsd = join(dir, 'share-rsd.sqlite');
  const first = join(dir, 'share-first.sqlite');
  let session = openSession(mine);
  sendCopy(session.db, mine, first, 'bench');
  session.close();
  const received = receiveFile(first);
  importReceived(received, rsd, 'RSD');
  received.close();
  const random = seededRandom(7);
  const picks = portfolio.leaves.flatMap((lineId) => years.map((year) => ({ lineId, year, r: random() })));
  const edit = (path: string, offset: number, low: number, high: number) => {
    const s = openSession(path);
    const cells = picks
      .filter((c) => c.r >= low && c.r < high)
      .map((c) => ({ lineId: c.lineId, year: c.year, value: (offset + Math.floor(c.r * 1e6)) * 1000 }));
    s.run((db) => setAmounts(db, { cells }));
    s.close();
  };
  edit(mine, 1, 0, 0.1);
  edit(rsd, 2, 0.09, 0.19); // cells with 0.09 <= r < 0.1 changed on both sides: conflicts
  session = openSession(rsd);
  const theirs = join(dir, 'share-fra-rsd.sqlite');
  sendCopy(session.db, rsd, theirs, 'bench');
  session.close();
  session = openSession(mine);
  const mb = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;
  const rows: (string | number)[][] = [];
  const sent = join(dir, 'share-sendt.sqlite');
  const [, sendMs] = timed(() => sendCopy(session.db, mine, sent, 'bench'));
  rows.push(['send (VACUUM INTO, count and quick_check the copy, rename)', ms(sendMs), mb(sent)]);
  const [checked, checkMs] = timed(() => receiveFile(theirs));
  checked.close();
  rows.push(['check (private copy, quick_check, schema, rows checked into memory)', ms(checkMs), mb(theirs)]);
  const [preview, previewMs] = timed(() => {
    const r = receiveFile(theirs);
    return { received: r, plan: previewMerge(session.db, r) };
  });
  const review = preview.plan.review;
  rows.push([
    'merge preview (check + three-way plan)',
    ms(previewMs),
    `${review.counts.fromTheirs} values from theirs, ${review.counts.conflicts} conflicts`,
  ]);
  const [merged, mergeMs] = timed(() =>
    applyMerge(session, preview.received, { take: 'theirs' }, new Date(), preview.plan),
  );
  preview.received.close();
  rows.push([
    'merge after the preview (plan with choices + backup + apply as one undo step)',
    ms(mergeMs),
    `${merged.change.upsertLines?.length ?? 0} lines changed`,
  ]);
  const [, undoMs] = timed(() => session.undo());
  rows.push(['undo of the merge', ms(undoMs), '']);
  const [again, cliMs] = timed(() => {
    const r = receiveFile(theirs);
    try {
      return applyMerge(session, r, { take: 'theirs' });
    } finally {
      r.close();
    }
  });
  rows.push([
    'merge from the file, as the CLI (check + plan + backup + apply)',
    ms(cliMs),
    `${again.plan.review.counts.fromTheirs} values from theirs again`,
  ]);
  session.close();
  table([`step (${portfolio.leaves.length} leaf lines x ${years.length} years)`, 'ms', ''], rows);
}
