/**
 * The project card's fields as grid columns (shared/grid/project-cols.ts): what a typed entry
 * saves or why it is refused, how a field shows, and that copy, the range's sum, paste, fill and
 * clear treat the columns as text beside the amounts (shared/grid/edit.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Pool } from '../../../shared/domain/model';
import { copyRows, planClear, planFill, planPaste, rangeAmounts, type GridView } from '../../../shared/grid/edit';
import { isProjectCol, PROJECT_COLS, projectEntry, projectText } from '../../../shared/grid/project-cols';
import { buildRowModel, type GridRow } from '../../../shared/grid/row-model';
import { k, line } from './lines';

describe('an entry in a project column', () => {
  it('reads a phase by its word or the start of exactly one phase, case and accents aside', () => {
    expect(projectEntry('phase', 'Gennemførelse')).toEqual({ ok: true, value: { phase: 'Gennemførelse' } });
    expect(projectEntry('phase', 'gen')).toEqual({ ok: true, value: { phase: 'Gennemførelse' } });
    expect(projectEntry('phase', 'ide')).toEqual({ ok: true, value: { phase: 'Idé' } });
    expect(projectEntry('phase', 'p')).toEqual({ ok: true, value: { phase: 'Pauseret' } });
    expect(projectEntry('phase', '')).toEqual({ ok: true, value: { phase: null } });
  });

  it('refuses a phase that is none or could be two, naming the phases', () => {
    const ambiguous = projectEntry('phase', 'a'); // Analyse or Afsluttet
    expect(ambiguous.ok).toBe(false);
    expect(!ambiguous.ok && ambiguous.message).toBe(
      '«a» er ikke en fase. Vælg en af Idé, Analyse, Gennemførelse, Afsluttet, Pauseret.',
    );
    expect(projectEntry('phase', 'færdig').ok).toBe(false);
  });

  it('reads months as the card does (dec 27, 04-2024, 2024-04) and refuses what is no month', () => {
    expect(projectEntry('end', 'dec 27')).toEqual({ ok: true, value: { end: '2027-12' } });
    expect(projectEntry('start', '04-2024')).toEqual({ ok: true, value: { start: '2024-04' } });
    expect(projectEntry('end', 'mar. 2024')).toEqual({ ok: true, value: { end: '2024-03' } });
    expect(projectEntry('end', ' ')).toEqual({ ok: true, value: { end: null } });
    const bad = projectEntry('end', 'snart');
    expect(!bad.ok && bad.message).toBe('«snart» er ikke en måned. Skriv fx apr 24, apr. 2024, 04-2024 eller 2024-04.');
  });

  it('keeps number and responsible as text, an empty number as none, and refuses them too long', () => {
    expect(projectEntry('number', ' 18-6 ')).toEqual({ ok: true, value: { number: '18-6' } });
    expect(projectEntry('number', '')).toEqual({ ok: true, value: { number: null } });
    expect(projectEntry('responsible', 'RH')).toEqual({ ok: true, value: { responsible: 'RH' } });
    expect(projectEntry('number', 'x'.repeat(31)).ok).toBe(false);
    expect(projectEntry('responsible', 'x'.repeat(101)).ok).toBe(false);
  });

  it('shows months in Danish and nothing where a field is not set', () => {
    const fields = { number: '18-6', phase: 'Gennemførelse' as const, start: null, end: '2024-03', responsible: '' };
    expect(projectText(fields, 'end')).toBe('mar. 2024');
    expect(projectText(fields, 'start')).toBe('');
    expect(projectText(fields, 'phase')).toBe('Gennemførelse');
    expect(projectText(undefined, 'number')).toBe('');
  });

  it('knows its columns by id, and no year or name column is one', () => {
    expect(PROJECT_COLS.map((c) => c.header)).toEqual(['Nr.', 'Fase', 'Start', 'Slut', 'Ansvarlig']);
    expect(isProjectCol('p-end')).toBe(true);
    expect(['name', 'y2023', 'total'].some(isProjectCol)).toBe(false);
  });
});

describe('a range over the project columns', () => {
  const pools: Pool[] = [{ id: 'fr', name: 'Fællesregionale', position: 1, description: '' }];
  const lines = [
    line('kiit', 'fr', 'KIIT', 1, { 2022: k(4000), 2023: k(4500) }),
    line('ppj', 'fr', 'PPJ', 2, { 2022: k(1050) }),
  ];
  const phase: Record<string, string> = { kiit: 'Gennemførelse', ppj: '=Analyse' };
  // rows: 0 the pool, 1 KIIT, 2 PPJ, 3 the pool's total
  const view: GridView = {
    rows: buildRowModel({ years: [2022, 2023], pools, lines }).rows,
    cols: ['name', 'p-phase', 'y2022', 'y2023', 'total'],
    projectText: (row: GridRow, colId: string) => (colId === 'p-phase' ? (phase[row.id] ?? '') : ''),
  };
  const all = { top: 1, bottom: 2, left: 1, right: 3 };

  it('sums only the amounts', () => {
    expect([...rangeAmounts(view, all)]).toEqual([k(4000), k(4500), k(1050), 0]);
  });

  it('copies the fields as text, guarded against a spreadsheet reading them as formulas', () => {
    expect(copyRows(view, all)).toEqual([
      ['Gennemførelse', '4000', '4500'],
      ["'=Analyse", '1050', '0'],
    ]);
  });

  it('passes them by when pasting, filling and clearing amounts, and says so', () => {
    const paste = planPaste(view, { top: 1, bottom: 1, left: 1, right: 1 }, [['Analyse', '100']]);
    expect(paste.ok && { cells: paste.cells, skipped: paste.skipped }).toEqual({
      cells: [{ lineId: 'kiit', year: 2022, value: k(100) }],
      skipped: 1,
    });
    const fill = planFill(view, { top: 1, bottom: 1, left: 1, right: 2 }, { top: 1, bottom: 2, left: 1, right: 2 });
    expect(fill.cells).toEqual([{ lineId: 'ppj', year: 2022, value: k(4000) }]);
    expect(planClear(view, all).cells.map((c) => c.year)).toEqual([2022, 2023, 2022]);
  });
});
