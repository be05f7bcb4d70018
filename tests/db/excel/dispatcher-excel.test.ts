/**
 * The Excel channels through the one dispatcher (what the app's dialogs call): excel.export gives
 * a workbook and its file name; excel.preview reads a workbook and hands out a token; excel.apply
 * imports exactly what was previewed as one undo step, refused while totals disagree or after the
 * portfolio changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../db/dispatcher';
import { importPreviews } from '../../../db/excel/handlers';
import type { Session } from '../../../db/core/session';
import { callerOf, closeExampleDispatcher, openExampleDispatcher, type ExampleDispatcher } from '../example-dispatcher';
import type { ImportPreview } from '../../../shared/contract/annex';
import type { Change, Snapshot } from '../../../shared/domain/model';
import { loadWorkbook, withoutHistory } from './excel-helpers';

// The annex fixture: the repository's copy, else the shared one it was copied from.
const IN_REPO = fileURLToPath(new URL('../../fixtures/bilag1-2022-2023.xlsx', import.meta.url));
const FIXTURE = existsSync(IN_REPO) ? IN_REPO : '/work/shared/fixtures/bilag1-2022-2023.xlsx';

let session: Session;
let dispatch: Dispatch;
const call = callerOf(() => dispatch);
let example: ExampleDispatcher;
beforeEach(() => {
  example = openExampleDispatcher('puljeplan-dispatch-excel-', {
    onError: (err) => {
      throw err;
    },
  });
  ({ session, dispatch } = example);
});
afterEach(() => closeExampleDispatcher(example));

async function workbook(edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  edit?.(wb.getWorksheet('Bilag 1')!);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('excel.export', () => {
  it('answers with the workbook as base64 and a dated file name', async () => {
    const out = await call<{ fileName: string; data: string }>('excel.export', { perPool: false, descriptions: true });
    expect(out.fileName).toMatch(
      /^Bilag 1 Udmøntning af midler til nationale og tværregionale projekter \d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const wb = await loadWorkbook(Buffer.from(out.data, 'base64'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bilag 1', 'Beskrivelser']);
    expect(wb.getWorksheet('Bilag 1')!.getCell('B30').value).toEqual({ formula: 'SUM(B7,B17,B28)', result: 28050 });
  });

  it('refuses no years and a year the portfolio lacks, in Danish', async () => {
    await expect(call('excel.export', { perPool: false, descriptions: false, years: [] })).rejects.toMatchObject({
      code: 'invalid-args',
    });
    await expect(call('excel.export', { perPool: false, descriptions: false, years: [2031] })).rejects.toThrow(
      /År 2031 findes ikke/,
    );
    await expect(call('excel.export', { perPool: 'ja', descriptions: false })).rejects.toMatchObject({
      code: 'invalid-args',
    });
  });
});

describe('excel.preview and excel.apply', () => {
  it('previews a changed workbook, applies it as one undo step, and undo restores the portfolio', async () => {
    const before = await call<Snapshot>('portfolio.load', {});
    const data = await workbook((ws) => {
      ws.getCell('C6').value = 250;
      ws.getCell('D6').value = { formula: 'SUM(B6:C6)', result: 2350 };
      ws.getCell('C7').value = { formula: 'SUM(C5:C6)', result: 3050 };
      ws.getCell('D7').value = { formula: 'SUM(D5:D6)', result: 6650 };
    });
    const preview = await call<ImportPreview>('excel.preview', { fileName: 'rettet.xlsx', data });
    expect(preview.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(preview.changed).toEqual([
      { pool: 'Nationale projekter', line: 'Integration til national eCPR', year: 2023, old: 0, new: 250_000 },
    ]);
    expect(preview.mismatches).toEqual([]);
    const change = await call<Change>('excel.apply', {
      token: preview.token,
      removeMissing: false,
      acceptMismatches: false,
    });
    expect(change.history.undoLabel).toBe('Importér «rettet.xlsx»');
    expect(
      (await call<Snapshot>('portfolio.load', {})).lines.find((l) => l.name === 'Integration til national eCPR')!
        .amounts,
    ).toEqual({ 2022: 2_100_000, 2023: 250_000 });
    // A token is used once.
    await expect(
      call('excel.apply', { token: preview.token, removeMissing: false, acceptMismatches: false }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await call('history.undo', {});
    expect(withoutHistory(await call<Snapshot>('portfolio.load', {}))).toEqual(withoutHistory(before));
  });

  it('refuses to apply while totals disagree with the lines, until the user accepts it', async () => {
    const data = await workbook((ws) => {
      ws.getCell('B17').value = { formula: 'SUM(B12:B16)', result: 10600 };
    });
    const preview = await call<ImportPreview>('excel.preview', { fileName: 'forkert.xlsx', data });
    expect(preview.mismatches).toEqual([
      expect.objectContaining({ sheet: 'Bilag 1', cell: 'B17', found: 10_600_000, computed: 10_650_000 }),
    ]);
    const args = { token: preview.token, removeMissing: false, acceptMismatches: false };
    await expect(call('excel.apply', args)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Projektmappen har totaler, der ikke passer med linjerne/),
    });
    const change = await call<Change>('excel.apply', { ...args, acceptMismatches: true });
    // The lines are the facts and they equal the portfolio's: nothing to change, no undo step.
    expect(change.history.canUndo).toBe(false);
    expect(change.upsertLines).toBeUndefined();
  });

  it('refuses a stale preview: the portfolio changed after it', async () => {
    const preview = await call<ImportPreview>('excel.preview', { fileName: 'bilag.xlsx', data: await workbook() });
    await call('years.add', {});
    await expect(
      call('excel.apply', { token: preview.token, removeMissing: false, acceptMismatches: false }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/ændret siden forhåndsvisningen/),
    });
  });

  it('refuses what is not a workbook, and arguments that break the contract', async () => {
    const junk = Buffer.from('ikke en projektmappe').toString('base64');
    await expect(call('excel.preview', { fileName: 'junk.xlsx', data: junk })).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/«junk\.xlsx»/),
    });
    await expect(call('excel.preview', { fileName: 'x.xlsx', data: '%%% ikke base64' })).rejects.toMatchObject({
      code: 'invalid-args',
    });
    await expect(call('excel.preview', { fileName: '', data: junk })).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(
      call('excel.apply', { token: 'abc', removeMissing: false, acceptMismatches: false }),
    ).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(
      call('excel.apply', { token: crypto.randomUUID(), removeMissing: false, acceptMismatches: false }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});

it('keeps only the last few pending imports', () => {
  const read = { years: [], pools: [], mismatches: [], notes: [] };
  const tokens = Array.from({ length: importPreviews.kept + 2 }, () =>
    importPreviews.put(session, { read, fileName: 'x.xlsx' }),
  );
  expect(importPreviews.kept).toBe(3);
  expect(importPreviews.size(session)).toBe(importPreviews.kept);
  expect(importPreviews.peek(session, tokens[0]!)).toBeUndefined();
  expect(importPreviews.peek(session, tokens.at(-1)!)?.fileName).toBe('x.xlsx');
  expect(readFileSync(FIXTURE).length).toBeGreaterThan(0);
});
