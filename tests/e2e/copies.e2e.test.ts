/**
 * Issue 11's scenario in Debian's Chromium: two copies of one portfolio, made without «Send» —
 * a plain file copy (Explorer, an attachment opened where it lies) — each edited in its own
 * region, then merged in the page. Every copy has its own identity before its first write
 * (docs/architecture.md, «Identity of a copy»), so the review shows each side's edit as that
 * side's, the true common value in «Fælles», no conflict, and both edits arrive.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setAmounts } from '../../db/core/commands';
import { openSession } from '../../db/index';
import { cell, chromiumMissing, rowId, useApp, type Harness } from './harness';
import { fileMenuWithFile, LABREK, LPR3 } from './grid-helpers';

const shown = async (page: Page, name: string, col: string) => cell(page, await rowId(page, name), col).textContent();

/** The cells of the one row in `table` that names `line`. */
async function rowOf(table: Locator, line: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ hasText: line });
  await expect.poll(() => row.count()).toBe(1);
  return row.getByRole('cell').allTextContents();
}

/**
 * Region Syddanmark's copy: the portfolio's file copied as it lies on disk (no Send, no new id
 * given on the way), then edited there by a person in Syddanmark: Labrek 2022 → 500.
 */
function plainCopyEditedByRsd(h: Harness): string {
  const folder = join(h.dir, 'kopi');
  mkdirSync(folder);
  const copy = join(folder, 'Bilag 1 - kopi.sqlite');
  // What is on disk is the whole portfolio (the harness has written every edit at once).
  h.server.session.db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(h.file, copy);
  const rsd = openSession(copy, { region: 'RSD' });
  try {
    const labrek = rsd.snapshot().lines.find((l) => l.name === LABREK)!.id;
    rsd.run((db) => setAmounts(db, { cells: [{ lineId: labrek, year: 2022, value: 500_000 }] }));
  } finally {
    rsd.close();
  }
  return copy;
}

describe.skipIf(chromiumMissing)('two copies made without Send, merged in Chromium', () => {
  let h: Harness;
  let page: Page;
  useApp((harness, p) => {
    h = harness;
    page = p;
  });

  it('a plain file copy edited elsewhere merges back: each edit arrives, «Fælles» is the true common value, 0 conflicts', async () => {
    const copy = plainCopyEditedByRsd(h);
    // Meanwhile, here: LPR3 2023 → 3.000 (it was 2.800 in both).
    await cell(page, await rowId(page, LPR3), 'y2023').click();
    await page.keyboard.type('3.000');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page, LPR3, 'y2023')).toBe('3.000');

    await fileMenuWithFile(page, 'Flet fil fra anden region…', copy);
    const review = page.getByTestId('merge-review');
    await expect.poll(() => review.getByTestId('merge-counts').textContent()).toContain('0 konflikter');
    expect(await review.getByTestId('merge-counts').textContent()).toContain('1 værdi hentes fra deres fil');
    expect(await review.getByTestId('merge-status').textContent()).toContain('Klar til at flette');

    await review.getByRole('tab', { name: /Ændringer pr\. linje og år/ }).click();
    const changes = review.getByTestId('merge-changes');
    // Pool, line, year, Min, Deres, Fælles, outcome.
    expect((await rowOf(changes, LABREK)).slice(2)).toEqual(['2022', '400', '500', '400', 'Deres tages']);
    expect((await rowOf(changes, LPR3)).slice(2)).toEqual(['2023', '3.000', '2.800', '2.800', 'Min beholdes']);

    await review.getByRole('button', { name: 'Flet', exact: true }).click();
    await expect.poll(() => shown(page, LABREK, 'y2022')).toBe('500');
    expect(await shown(page, LPR3, 'y2023')).toBe('3.000');
  });
});
