/**
 * Export -> read (db/excel/read-annex-file.ts, the worker that reads workbooks from elsewhere) ->
 * import into an empty portfolio gives back every pool, line, sub-line and amount to the krone:
 * negative amounts, decimals (1.234,5), zeros, 12 years, names that start with = + @ (and
 * sub-lines whose own name starts with -), on one sheet and one sheet per pool. An empty cell is
 * exported as 0, as the grid shows it, and comes back as 0 (docs/grid.md, «Zeros»).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { exportAnnex } from '../../../db/excel/export';
import { applyImport } from '../../../db/excel/import-apply';
import { planImport } from '../../../db/excel/import-plan';
import { readAnnexFile } from '../../../db/excel/read-annex-file';
import { openSession } from '../../../db/index';
import type { Snapshot } from '../../../shared/domain/model';
import { annexView, generatePortfolio } from './excel-helpers';

/** The portfolio with every empty year of a line as 0: what the export writes and the grid shows. */
const zerosFilled = (s: Snapshot): Snapshot => ({
  ...s,
  lines: s.lines.map((l) => ({ ...l, amounts: Object.fromEntries(s.years.map((y) => [y, l.amounts[y] ?? 0])) })),
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-roundtrip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export, then import into an empty portfolio', () => {
  for (let seed = 1; seed <= 10; seed++) {
    const perPool = seed % 2 === 0;
    it(`is exact for generated portfolio ${seed} (${perPool ? 'one sheet per pool' : 'one sheet'})`, async () => {
      const source = join(dir, `source-${seed}.sqlite`);
      generatePortfolio(source, seed, { years: 12, lines: 14 });
      const original = openSession(source, { readonly: true });
      const snapshot = original.snapshot();
      original.db.close();
      const xlsx = join(dir, `bilag-${seed}.xlsx`);
      await exportAnnex(snapshot, { perPool, descriptions: seed % 3 === 0 }, xlsx);

      const read = await readAnnexFile(readFileSync(xlsx), `bilag-${seed}.xlsx`);
      expect(read.mismatches).toEqual([]);
      const target = join(dir, `target-${seed}.sqlite`);
      createPortfolio(target, { years: [] });
      const session = openSession(target);
      try {
        const preview = planImport(session.snapshot(), read, 'bilag.xlsx');
        expect(preview.added).toHaveLength(snapshot.lines.length);
        expect(preview.newYears).toEqual(snapshot.years);
        applyImport(session, read, 'bilag.xlsx', { removeMissing: false, acceptMismatches: false });
        expect(annexView(session.snapshot())).toEqual(annexView(zerosFilled(snapshot)));
        // And the same workbook imported again changes nothing.
        const again = planImport(session.snapshot(), read, 'bilag.xlsx');
        expect([again.added, again.changed, again.missing]).toEqual([[], [], []]);
      } finally {
        session.close();
      }
    });
  }
});
