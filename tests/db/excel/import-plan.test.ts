/**
 * Planning and applying an import (db/excel/import-plan.ts, import-apply.ts) against the example:
 * the preview's added / changed / missing lines, new years and pools; applying it is one undo
 * step after a checked backup copy; lines the workbook lacks go only when asked; a workbook whose
 * totals disagree with its lines is refused unless the user accepts it.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../../db/core/backup';
import { createPortfolio } from '../../../db/core/create';
import * as commands from '../../../db/core/commands';
import { applyImport } from '../../../db/excel/import-apply';
import { importOps, planImport } from '../../../db/excel/import-plan';
import { UserError } from '../../../db/core/errors';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';
import type { AnnexRead, Mismatch } from '../../../shared/contract/annex';
import { annexView, readOf, withoutHistory } from './excel-helpers';

let dir: string;
let session: Session;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-import-'));
  createPortfolio(join(dir, 'bilag1.sqlite'), { example: true });
  session = openSession(join(dir, 'bilag1.sqlite'));
});
afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const line = (read: AnnexRead, name: string) => read.pools.flatMap((p) => p.lines).find((l) => l.name === name)!;
const apply = (read: AnnexRead, removeMissing = false) =>
  applyImport(session, read, 'bilag.xlsx', { removeMissing, acceptMismatches: false });

describe('preview', () => {
  it('finds nothing to do in the workbook the portfolio itself would export', () => {
    const snap = session.snapshot();
    const p = planImport(snap, readOf(snap), 'bilag.xlsx');
    expect(p).toMatchObject({
      fileName: 'bilag.xlsx',
      years: [2022, 2023],
      newYears: [],
      added: [],
      changed: [],
      missing: [],
      mismatches: [],
    });
    expect(p.pools.map((x) => [x.name, x.isNew, x.lineCount, x.totals])).toEqual([
      ['Nationale projekter', false, 2, { 2022: 3_600_000, 2023: 2_800_000 }],
      ['Fællesregionale projekter', false, 5, { 2022: 10_650_000, 2023: 6_500_000 }],
      ['Vestdansk It Samarbejde', false, 6, { 2022: 13_800_000, 2023: 2_300_000 }],
    ]);
    expect(importOps(session.db, readOf(snap), { removeMissing: true }).ops).toEqual([]);
  });

  it('an empty cell and a 0 in the workbook are the same amount: no change either way (one rule for zeros)', () => {
    const snap = session.snapshot();
    const labrek = snap.lines.find((l) => l.name === 'Labrek (Laboratorie)')!;
    session.run((db) => commands.setAmounts(db, { cells: [{ lineId: labrek.id, year: 2023, value: null }] }));
    const read = readOf(snap);
    line(read, 'Labrek (Laboratorie)').amounts[2023] = 0;
    line(read, 'RIAS udbudsprojekt').amounts = { 2022: 400_000 }; // its stored 0 in 2023 left empty
    expect(planImport(session.snapshot(), read, 'bilag.xlsx').changed).toEqual([]);
    line(read, 'Labrek (Laboratorie)').amounts[2023] = 1_000;
    expect(planImport(session.snapshot(), read, 'bilag.xlsx').changed).toHaveLength(1);
  });

  it('lists added lines with their parent, changed cells, missing lines, new years and new pools', () => {
    const snap = session.snapshot();
    const read = readOf(snap);
    read.years.push(2024);
    line(read, 'LPR3 ID3 - Landspatientregister').amounts = { 2022: 1_600_000, 2023: 2_800_000, 2024: 500_000 };
    delete line(read, 'Labrek (Laboratorie)').amounts['2022']; // an empty cell where the portfolio has 400
    line(read, 'MUSE EKG').amounts = { 2022: 1, 2023: 2 }; // a parent's own cells: totals, ignored
    const vis = read.pools[2]!;
    vis.lines.splice(3, 0, {
      name: 'MUSE EKG fase 3',
      depth: 1,
      amounts: { 2024: 100_000 },
      sheet: 'Bilag 1',
      row: 30,
    });
    vis.lines = vis.lines.filter((l) => l.name !== 'RIAS udbudsprojekt');
    read.pools.push({
      name: 'Regionale projekter',
      sheet: 'Bilag 1',
      headerRow: 40,
      lines: [
        { name: 'Ny platform', depth: 0, amounts: {}, sheet: 'Bilag 1', row: 41 },
        { name: 'Ny platform fase 1', depth: 1, amounts: { 2024: -250_000 }, sheet: 'Bilag 1', row: 42 },
      ],
    });
    read.pools[0]!.name = 'NATIONALE PROJEKTER'; // matched without regard to case
    const p = planImport(snap, read, 'bilag.xlsx');
    expect(p.newYears).toEqual([2024]);
    expect(p.pools.map((x) => [x.name, x.isNew])).toEqual([
      ['Nationale projekter', false],
      ['Fællesregionale projekter', false],
      ['Vestdansk It Samarbejde', false],
      ['Regionale projekter', true],
    ]);
    expect(p.added).toEqual([
      { pool: 'Vestdansk It Samarbejde', line: 'MUSE EKG fase 3', parent: 'MUSE EKG', amounts: { 2024: 100_000 } },
      { pool: 'Regionale projekter', line: 'Ny platform', parent: null, amounts: {} },
      { pool: 'Regionale projekter', line: 'Ny platform fase 1', parent: 'Ny platform', amounts: { 2024: -250_000 } },
    ]);
    expect(p.changed).toEqual([
      {
        pool: 'Nationale projekter',
        line: 'LPR3 ID3 - Landspatientregister',
        year: 2022,
        old: 1_500_000,
        new: 1_600_000,
      },
      // 2024 is a new year: its cells are the year (in the pools' totals), not changes «– → 500.000».
      { pool: 'Fællesregionale projekter', line: 'Labrek (Laboratorie)', year: 2022, old: 400_000, new: null },
    ]);
    expect(p.pools[0]!.totals[2024]).toBe(500_000);
    expect(p.missing).toEqual([
      {
        lineId: expect.any(String),
        pool: 'Vestdansk It Samarbejde',
        line: 'RIAS udbudsprojekt',
        loses: ['beskrivelse'],
      },
    ]);
    expect(p.renamed).toEqual([]);
  });

  it('refuses a workbook that has the same line twice in a pool, or a sub-line under nothing', () => {
    const snap = session.snapshot();
    const twice = readOf(snap);
    twice.pools[0]!.lines.push({ ...twice.pools[0]!.lines[0]!, name: ' lpr3 id3 - LANDSPATIENTREGISTER ', row: 99 });
    expect(() => planImport(snap, twice, 'x.xlsx')).toThrow(
      /står to gange i puljen «Nationale projekter» \(Bilag 1!A5 og Bilag 1!A99\)/,
    );
    const orphan = readOf(snap);
    orphan.pools[0]!.lines[0]!.depth = 1;
    expect(() => planImport(snap, orphan, 'x.xlsx')).toThrow(UserError);
  });
});

describe('apply', () => {
  it('makes the portfolio equal the workbook, in one undo step that restores the exact portfolio', () => {
    const before = session.snapshot();
    const read = readOf(before);
    read.years.push(2024);
    line(read, 'LPR3 ID3 - Landspatientregister').amounts = { 2022: 1_600_000, 2024: 500_000 };
    read.pools[1]!.lines.splice(1, 0, {
      name: 'Ny linje',
      depth: 0,
      amounts: { 2023: 1_234_500 },
      sheet: 'Bilag 1',
      row: 1,
    });
    read.pools.push({
      name: 'Ny pulje',
      sheet: 'Bilag 1',
      headerRow: 50,
      lines: [{ name: 'A', depth: 0, amounts: { 2022: 1000 }, sheet: 'Bilag 1', row: 51 }],
    });
    const change = apply(read);
    expect(change.history.undoLabel).toBe('Importér «bilag.xlsx»');
    const after = session.snapshot();
    expect(annexView(after)).toEqual({ years: [2022, 2023, 2024], pools: annexView(readOfView(read)).pools });
    // The new line sits where the workbook has it: second in its pool.
    expect(
      annexView(after)
        .pools[1]!.lines.map((l) => l.name)
        .slice(0, 2),
    ).toEqual(['Klinisk immunologisk IT (KIIT) (Blodbank)', 'Ny linje']);
    session.undo();
    expect(withoutHistory(session.snapshot())).toEqual(withoutHistory(before));
    session.redo();
    expect(annexView(session.snapshot())).toEqual(annexView(after));
  });

  it('writes a backup copy that passes quick_check before it changes anything', () => {
    const read = readOf(session.snapshot());
    line(read, 'Integration EPJ-PPJ').amounts = { 2022: 1, 2023: 2 };
    apply(read);
    const copies = readdirSync(backupDir(session.path)).filter((f) => f.endsWith('import.sqlite'));
    expect(copies).toHaveLength(1);
    const copy = new Database(join(backupDir(session.path), copies[0]!), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    const epj = copy
      .prepare(
        "SELECT kroner FROM amount JOIN line ON line.id = line_id WHERE name = 'Integration EPJ-PPJ' ORDER BY year",
      )
      .all();
    copy.close();
    expect(epj).toEqual([{ kroner: 1_500_000 }, { kroner: 2_000_000 }]);
  });

  it('keeps the lines the workbook lacks, and removes them (with their sub-lines) only when asked', () => {
    const before = session.snapshot();
    const read = readOf(before);
    read.pools[2]!.lines = read.pools[2]!.lines.filter((l) => !l.name.startsWith('MUSE'));
    apply(read);
    expect(session.snapshot().lines).toHaveLength(before.lines.length);
    apply(read, true);
    const names = session.snapshot().lines.map((l) => l.name);
    expect(names).toHaveLength(before.lines.length - 3);
    expect(names.some((n) => n.startsWith('MUSE'))).toBe(false);
    session.undo();
    expect(withoutHistory(session.snapshot())).toEqual(withoutHistory(before));
  });

  it('refuses totals that disagree with the lines unless the user accepts them', () => {
    const before = session.snapshot();
    const read = readOf(before);
    line(read, 'Labrek (Laboratorie)').amounts = { 2022: 500_000, 2023: 0 };
    const mismatch: Mismatch = {
      sheet: 'Bilag 1',
      cell: 'B17',
      found: 10_600_000,
      computed: 10_750_000,
      message: 'Bilag 1!B17: 10.600, men linjerne giver 10.750',
    };
    read.mismatches = [mismatch];
    expect(() => apply(read)).toThrow(
      /^Projektmappen har totaler, der ikke passer med linjerne \(Bilag 1!B17: 10.600, men linjerne giver 10.750\)/,
    );
    expect(withoutHistory(session.snapshot())).toEqual(withoutHistory(before));
    expect(() => apply(read)).toThrow(expect.objectContaining({ code: 'conflict' }));
    applyImport(session, read, 'bilag.xlsx', { removeMissing: false, acceptMismatches: true });
    expect(session.snapshot().lines.find((l) => l.name.startsWith('Labrek'))!.amounts).toEqual({
      2022: 500_000,
      2023: 0,
    });
  });

  it('moves a sub-line out from under its line, and a line in under another', () => {
    const before = session.snapshot();
    const read = readOf(before);
    const vis = read.pools[2]!;
    line(read, 'MUSE EKG fase 2').depth = 0; // fase 2 becomes a line of its own …
    const sia = vis.lines.findIndex((l) => l.name.startsWith('SIA'));
    vis.lines.splice(sia + 1, 0, { ...vis.lines.find((l) => l.name.startsWith('RIS/PACS'))!, depth: 1 }); // … RIS/PACS goes under SIA
    vis.lines.splice(vis.lines.length - 1, 1);
    line(read, 'SIA ankomst - It understøttelse af akutafdelinger').amounts = {};
    const p = planImport(before, read, 'x.xlsx');
    expect(p.notes.join(' ')).toMatch(/«RIS\/PACS \(Regionalt RM\)» bliver underlinje til «SIA ankomst/);
    expect(p.changed).toContainEqual({
      pool: 'Vestdansk It Samarbejde',
      line: 'SIA ankomst - It understøttelse af akutafdelinger',
      year: 2022,
      old: 700_000,
      new: null,
    });
    apply(read);
    expect(annexView(session.snapshot()).pools[2]).toEqual(annexView(readOfView(read)).pools[2]);
    session.undo();
    expect(withoutHistory(session.snapshot())).toEqual(withoutHistory(before));
  });

  it('refuses figures on a line whose sub-lines it would keep, unless they are removed', () => {
    const before = session.snapshot();
    const read = readOf(before);
    read.pools[2]!.lines = read.pools[2]!.lines.filter((l) => l.depth === 0);
    line(read, 'MUSE EKG').amounts = { 2022: 2_700_000, 2023: 2_300_000 };
    expect(planImport(before, read, 'x.xlsx').notes.join(' ')).toMatch(
      /«MUSE EKG» i puljen «Vestdansk It Samarbejde» har beløb i projektmappen, men har underlinjer/,
    );
    expect(() => apply(read)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(withoutHistory(session.snapshot())).toEqual(withoutHistory(before));
    apply(read, true);
    const muse = session.snapshot().lines.find((l) => l.name === 'MUSE EKG')!;
    expect(muse.amounts).toEqual({ 2022: 2_700_000, 2023: 2_300_000 });
    session.undo();
    expect(withoutHistory(session.snapshot())).toEqual(withoutHistory(before));
  });

  it('imports into an empty portfolio exactly, in the workbook order', () => {
    const example = session.snapshot();
    const path = join(dir, 'tom.sqlite');
    createPortfolio(path, { years: [] });
    const empty = openSession(path);
    try {
      applyImport(empty, readOf(example), 'bilag.xlsx', { removeMissing: false, acceptMismatches: false });
      expect(annexView(empty.snapshot())).toEqual(annexView(example));
    } finally {
      empty.close();
    }
  });
});

/** The annex view of a read, for comparing with a portfolio's. */
function readOfView(read: AnnexRead) {
  return {
    years: read.years,
    pools: read.pools.map((p, i) => ({ id: String(i), name: p.name, position: i, description: '' })),
    lines: read.pools.flatMap((p, i) => {
      let parent = '';
      return p.lines.map((l, j) => {
        const id = `${i}:${j}`;
        if (l.depth === 0) parent = id;
        return {
          id,
          poolId: String(i),
          parentId: l.depth ? parent : null,
          name: l.name,
          position: j,
          description: '',
          amounts: l.amounts,
        };
      });
    }),
  };
}
