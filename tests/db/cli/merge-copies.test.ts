/**
 * Issue 11's scenario in the CLI: two copies sent from one file and edited directly (no «Åbn fil
 * fra anden region») merge without losing an edit; a cell changed on both sides is a conflict with
 * the true common value; a plain file copy and the CLI on the same file behave alike.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MergeReview } from '../../../db/share/merge';
import { cli, tempDir, withSession } from '../share/helpers';

const LPR = 'LPR3 ID3 - Landspatientregister';
const LABREK = 'Labrek (Laboratorie)';
/** Stored in kroner; the CLI's --amount is in thousands (t.kr.). */
const amount = (path: string, name: string, year: number) =>
  withSession(path, (s) => s.snapshot().lines.find((l) => l.name === name)?.amounts[year]);

let t: ReturnType<typeof tempDir>;
let base: string, a: string, b: string;
beforeEach(() => {
  t = tempDir();
  [base, a, b] = ['base', 'a', 'b'].map((n) => join(t.dir, `${n}.sqlite`)) as [string, string, string];
  expect(cli('new', base, '--example').code).toBe(0);
});
afterEach(() => t.done());

describe('copies edited directly merge without losing an edit (issue 11)', () => {
  it('two sent copies: B’s 500 arrives in A, and A’s 3.000 stays', () => {
    expect(cli('send', base, '--out', a).code).toBe(0);
    expect(cli('send', base, '--out', b).code).toBe(0);
    expect(cli('set', a, '--line', LPR, '--year', '2023', '--amount', '3.000').code).toBe(0);
    expect(cli('set', b, '--line', LABREK, '--year', '2022', '--amount', '500').code).toBe(0);
    const r = cli('merge', a, b);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('1 værdi fra dem');
    expect(amount(a, LABREK, 2022)).toBe(500_000);
    expect(amount(a, LPR, 2023)).toBe(3_000_000);
    // And back: B takes A's edit, and merging again changes nothing.
    expect(cli('merge', b, a).code).toBe(0);
    expect(amount(b, LPR, 2023)).toBe(3_000_000);
    expect(amount(b, LABREK, 2022)).toBe(500_000);
    expect(cli('merge', a, b).out).toContain('0 værdier fra dem');
  });

  it('a cell changed on both copies is a conflict whose common value is the original', () => {
    const original = amount(base, LABREK, 2022);
    copyFileSync(base, a); // a plain file copy
    expect(cli('send', base, '--out', b).code).toBe(0);
    expect(cli('set', a, '--line', LABREK, '--year', '2022', '--amount', '420').code).toBe(0);
    expect(cli('set', b, '--line', LABREK, '--year', '2022', '--amount', '450').code).toBe(0);
    const r = cli('merge', a, b, '--json', '--dry-run');
    const review = JSON.parse(r.out) as MergeReview;
    expect(review.conflicts).toHaveLength(1);
    expect(review.conflicts[0]).toMatchObject({
      line: LABREK,
      year: 2022,
      mine: 420_000,
      theirs: 450_000,
      base: original,
    });
    expect(cli('merge', a, b).code).toBe(3);
    expect(amount(a, LABREK, 2022)).toBe(420_000);
  });

  it('the CLI writing to the original file while a copy of it is edited: both edits survive', () => {
    copyFileSync(base, a);
    expect(cli('set', base, '--line', LABREK, '--year', '2022', '--amount', '111').code).toBe(0);
    expect(cli('set', a, '--line', LPR, '--year', '2023', '--amount', '222').code).toBe(0);
    expect(cli('merge', base, a).code).toBe(0);
    expect(amount(base, LPR, 2023)).toBe(222_000);
    expect(amount(base, LABREK, 2022)).toBe(111_000);
  });
});

describe('the CLI names who is writing with --region', () => {
  it('set --region RSD on a sent copy: the edit is RSD’s, the portfolio stays RM’s', () => {
    const before = process.env.PULJEPLAN_REGION;
    expect(cli('send', base, '--out', a).code).toBe(0);
    expect(cli('set', a, '--line', LABREK, '--year', '2022', '--amount', '500', '--region', 'RSD').code).toBe(0);
    const info = withSession(a, (s) => {
      const snap = s.snapshot({ lineInfo: true });
      return {
        region: snap.meta.region,
        changedBy: snap.lineInfo![snap.lines.find((l) => l.name === LABREK)!.id]!.changedBy,
      };
    });
    expect(info).toEqual({ region: 'RM', changedBy: 'RSD' });
    expect(process.env.PULJEPLAN_REGION, 'restored after the command').toBe(before);
    expect(cli('set', a, '--line', LABREK, '--year', '2022', '--amount', '1', '--region', 'XX').code).toBe(1);
  });
});
