/**
 * The import review's logic (renderer/src/import-review.ts): a confirmed «samme linje?» is one kept
 * line (not a new and a missing one) and brings its changed cells; new years come with their
 * totals; the closing message counts in Danish plurals, removed lines only when removed.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/contract/annex';
import { importedText, lossDetails, newYearText, newYearTotals, reviewed } from '../../renderer/src/import-review';

const preview: ImportPreview = {
  token: 't',
  fileName: 'bilag.xlsx',
  years: [2023, 2024],
  newYears: [2024],
  pools: [
    { name: 'A', isNew: false, lineCount: 2, totals: { 2023: 100, 2024: 1_500_000 } },
    { name: 'B', isNew: false, lineCount: 1, totals: { 2023: 0, 2024: -250_000 } },
  ],
  added: [
    { pool: 'A', line: 'Nyt navn', parent: null, amounts: { 2023: 100 } },
    { pool: 'B', line: 'Helt ny', parent: null, amounts: {} },
  ],
  changed: [{ pool: 'A', line: 'Fast', year: 2023, old: 5, new: 0 }],
  renamed: [
    {
      lineId: 'id-1',
      pool: 'A',
      from: 'Gammelt navn',
      to: 'Nyt navn',
      changed: [{ pool: 'A', line: 'Gammelt navn', year: 2023, old: 90, new: 100 }],
    },
  ],
  missing: [
    { lineId: 'id-1', pool: 'A', line: 'Gammelt navn', loses: ['beskrivelse'] },
    { lineId: 'id-2', pool: 'B', line: 'Væk', loses: [] },
  ],
  mismatches: [],
  notes: [],
};

describe('import review', () => {
  it('a confirmed pair is one kept line with its changed cells; unconfirmed, a new and a missing line', () => {
    const yes = reviewed(preview, new Set(['id-1']));
    expect(yes.added.map((a) => a.line)).toEqual(['Helt ny']);
    expect(yes.missing.map((m) => m.line)).toEqual(['Væk']);
    expect(yes.changed.map((c) => [c.line, c.old, c.new])).toEqual([
      ['Fast', 5, 0],
      ['Gammelt navn', 90, 100],
    ]);
    const no = reviewed(preview, new Set());
    expect([no.added.length, no.missing.length, no.changed.length, no.renamed.length]).toEqual([2, 2, 1, 0]);
  });

  it('shows a new year with its total over all pools, in 1.000 kr', () => {
    expect(newYearTotals(preview).map(newYearText)).toEqual(['Nyt år 2024 (i alt 1.250)']);
  });

  it('lists only the removed lines that take something with them', () => {
    expect(lossDetails(preview.missing)).toEqual([['A: Gammelt navn', 'beskrivelse']]);
  });

  it('counts the import in Danish plurals, removed lines only when removed', () => {
    expect(importedText(preview, { removeMissing: true, acceptMismatches: false, renames: ['id-1'] })).toBe(
      'Importeret fra «bilag.xlsx»: 1 ny linje, 2 ændrede beløb, 1 omdøbt linje, 1 nyt år, 1 fjernet linje. Ctrl+Z fortryder hele importen.',
    );
    expect(importedText(preview, { removeMissing: false, acceptMismatches: false, renames: [] })).toBe(
      'Importeret fra «bilag.xlsx»: 2 nye linjer, 1 ændret beløb, 1 nyt år. Ctrl+Z fortryder hele importen.',
    );
  });
});
