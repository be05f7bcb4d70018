/**
 * «Samme linje?» and «Fjern disse linjer» in the import (db/excel/import-renames.ts,
 * import-losses.ts) on the example: a line renamed in the app or in the workbook is offered as one
 * line; confirmed, it keeps its id, description, comment and project card and takes the workbook's
 * name and figures in one undo step; rejected, it is a new line and a missing one as before; a
 * missing line says what would go with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as commands from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import { findProjectLine, readProjectCard } from '../../../db/core/project-queries';
import type { Session } from '../../../db/core/session';
import { applyImport } from '../../../db/excel/import-apply';
import { projectLosses } from '../../../db/excel/import-losses';
import { planImportChecked } from '../../../db/excel/import-plan';
import { openSession } from '../../../db/index';
import type { AnnexRead } from '../../../shared/contract/annex';
import { readOf, withoutHistory } from './excel-helpers';

let dir: string;
let session: Session;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-renames-'));
  createPortfolio(join(dir, 'bilag1.sqlite'), { example: true });
  session = openSession(join(dir, 'bilag1.sqlite'));
});
afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const KIIT = 'Klinisk immunologisk IT (KIIT) (Blodbank)';
const line = (read: AnnexRead, name: string) => read.pools.flatMap((p) => p.lines).find((l) => l.name === name)!;
const preview = (read: AnnexRead) =>
  planImportChecked(session.snapshot(), read, 'bilag.xlsx', projectLosses(session.db)).preview;
const apply = (read: AnnexRead, renames: string[], removeMissing = false) =>
  applyImport(session, read, 'bilag.xlsx', { removeMissing, acceptMismatches: false, renames });

describe('samme linje?', () => {
  it('offers a line renamed in the app as the same line, and confirmed keeps its id, texts and project card', () => {
    const kiit = findProjectLine(session.db, KIIT).id;
    session.run((db) => commands.setLineComment(db, { lineId: kiit, comment: 'Forsinket' }));
    const workbook = readOf(session.snapshot()); // sent out before the rename
    line(workbook, KIIT).amounts['2023'] = 1_234_000;
    session.run((db) => commands.renameLine(db, { lineId: kiit, name: 'KIIT – blodbank' }));
    const before = session.snapshot();

    const p = preview(workbook);
    expect(p.renamed).toEqual([
      {
        lineId: kiit,
        pool: 'Fællesregionale projekter',
        from: 'KIIT – blodbank',
        to: KIIT,
        changed: [
          {
            pool: 'Fællesregionale projekter',
            line: 'KIIT – blodbank',
            year: 2023,
            old: before.lines.find((l) => l.id === kiit)!.amounts['2023'] ?? null,
            new: 1_234_000,
          },
        ],
      },
    ]);
    // Until confirmed, the pair is still one new and one missing line.
    expect(p.added.map((a) => a.line)).toEqual([KIIT]);
    expect(p.missing.map((m) => m.line)).toEqual(['KIIT – blodbank']);

    const card = readProjectCard(session.db, kiit);
    apply(workbook, [kiit], true);
    const after = session.snapshot();
    expect(after.lines).toHaveLength(before.lines.length);
    const kept = after.lines.find((l) => l.id === kiit)!;
    expect(kept).toMatchObject({
      name: KIIT,
      comment: 'Forsinket',
      description: before.lines.find((l) => l.id === kiit)!.description,
    });
    expect(kept.amounts['2023']).toBe(1_234_000);
    expect(readProjectCard(session.db, kiit)).toEqual(card);
    expect(session.history().undoLabel).toBe('Importér «bilag.xlsx»');
    session.undo();
    expect(withoutHistory(session.snapshot())).toEqual(withoutHistory(before));
  });

  it('rejected, the pair is a new line and a kept (or removed) missing one, as without the offer', () => {
    const kiit = findProjectLine(session.db, KIIT).id;
    const workbook = readOf(session.snapshot());
    line(workbook, KIIT).name = 'KIIT – blodbank';
    expect(preview(workbook).renamed.map((r) => [r.lineId, r.from, r.to])).toEqual([[kiit, KIIT, 'KIIT – blodbank']]);
    apply(workbook, []);
    const names = session.snapshot().lines.map((l) => l.name);
    expect(names).toContain(KIIT);
    expect(names).toContain('KIIT – blodbank');
  });

  it('pairs by the same amounts to the krone when the renamed line has also moved', () => {
    const workbook = readOf(session.snapshot());
    const pool = workbook.pools[1]!;
    const kiit = line(workbook, KIIT);
    pool.lines = [...pool.lines.filter((l) => l !== kiit), { ...kiit, name: 'KIIT nyt navn' }];
    const p = preview(workbook);
    expect(p.renamed.map((r) => [r.from, r.to, r.changed])).toEqual([[KIIT, 'KIIT nyt navn', []]]);
    // One krone off and away from its place: no longer the same line.
    line(workbook, 'KIIT nyt navn').amounts['2022']! += 1;
    expect(preview(workbook).renamed).toEqual([]);
  });

  it('pairs a renamed sub-line under its own line, and confirmed it stays a sub-line with its id', () => {
    const before = session.snapshot();
    const fase1 = before.lines.find((l) => l.name === 'MUSE EKG fase 1')!;
    const workbook = readOf(before);
    line(workbook, 'MUSE EKG fase 1').name = 'MUSE EKG fase 1 (EKG-system)';
    const p = preview(workbook);
    expect(p.renamed.map((r) => [r.lineId, r.from, r.to])).toEqual([
      [fase1.id, 'MUSE EKG fase 1', 'MUSE EKG fase 1 (EKG-system)'],
    ]);
    apply(workbook, [fase1.id], true);
    const after = session.snapshot().lines.find((l) => l.id === fase1.id)!;
    expect(after).toMatchObject({
      name: 'MUSE EKG fase 1 (EKG-system)',
      parentId: fase1.parentId,
      amounts: fase1.amounts,
    });
    expect(session.snapshot().lines).toHaveLength(before.lines.length);
  });

  it('a renamed line with sub-lines: its sub-lines move only if the pair is rejected', () => {
    const before = session.snapshot();
    const muse = before.lines.find((l) => l.name === 'MUSE EKG')!;
    const workbook = readOf(before);
    line(workbook, 'MUSE EKG').name = 'MUSE EKG-system';
    const p = preview(workbook);
    expect(p.renamed.map((r) => [r.lineId, r.to])).toEqual([[muse.id, 'MUSE EKG-system']]);
    expect(p.notes).toContain(
      '«MUSE EKG fase 1» flyttes fra «MUSE EKG» til «MUSE EKG-system», hvis de ikke er samme linje.',
    );
    apply(workbook, [muse.id]);
    const after = session.snapshot();
    expect(after.lines.find((l) => l.id === muse.id)!.name).toBe('MUSE EKG-system');
    expect(after.lines.filter((l) => l.parentId === muse.id).map((l) => l.name)).toEqual([
      'MUSE EKG fase 1',
      'MUSE EKG fase 2',
    ]);
    session.undo();
    apply(workbook, []);
    const rejected = session.snapshot();
    const system = rejected.lines.find((l) => l.name === 'MUSE EKG-system')!;
    expect(system.id).not.toBe(muse.id);
    expect(rejected.lines.filter((l) => l.parentId === system.id)).toHaveLength(2);
  });

  it('refuses a confirmed pair the preview did not offer (the portfolio changed since)', () => {
    const workbook = readOf(session.snapshot());
    const kiit = findProjectLine(session.db, KIIT).id;
    expect(() => apply(workbook, [kiit])).toThrow(/Vælg projektmappen igen/);
  });
});

describe('fjern disse linjer', () => {
  it('says what each missing line would take with it: texts, project card, status months, activities', () => {
    const kiit = findProjectLine(session.db, KIIT).id;
    session.run((db) => commands.setLineComment(db, { lineId: kiit, comment: 'Forsinket' }));
    const workbook = readOf(session.snapshot());
    workbook.pools[1]!.lines = workbook.pools[1]!.lines.filter(
      (l) => l.name !== KIIT && l.name !== 'Labrek (Laboratorie)',
    );
    workbook.pools[1]!.lines.push({ name: 'Helt ny', depth: 0, amounts: {}, sheet: 'Bilag 1', row: 99 });
    const p = preview(workbook);
    expect(p.renamed).toEqual([]); // two gone, one new: no place and no amounts to pair by
    const loses = Object.fromEntries(p.missing.map((m) => [m.line, m.loses]));
    expect(loses[KIIT]).toEqual(['beskrivelse', 'kommentar', 'projektkort', '1 statusmåned', '1 risikoaktivitet']);
    expect(loses['Labrek (Laboratorie)']).toEqual(['beskrivelse', 'projektkort', '1 risikoaktivitet']);
  });
});
