/**
 * status.importPreview / status.importApply through the one dispatcher (what an app dialog calls):
 * the workbook as bytes, a preview under a token with nothing changed, then exactly that applied as
 * one undo step; refused after the portfolio changed, and a bad workbook refused in Danish.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../db/dispatcher';
import { exportStatusReport, statusReport, updateStatus } from '../../../db/index';
import type { Session } from '../../../db/core/session';
import { callerOf, closeExampleDispatcher, openExampleDispatcher, type ExampleDispatcher } from '../example-dispatcher';
import type { StatusImportPreviewData } from '../../../shared/contract/status-import';
import type { Change } from '../../../shared/domain/model';

const KIIT = 'Klinisk immunologisk IT (KIIT) (Blodbank)';

let dir: string;
let session: Session;
let dispatch: Dispatch;
const call = callerOf(() => dispatch);
let example: ExampleDispatcher;
beforeEach(() => {
  example = openExampleDispatcher('puljeplan-dispatch-status-');
  ({ dir, session, dispatch } = example);
});
afterEach(() => closeExampleDispatcher(example));

/** The status report as written, with KIIT's Ressourcer set to `word`, as base64. */
async function statusWorkbook(word: string): Promise<string> {
  const path = join(dir, 'status.xlsx');
  await exportStatusReport(statusReport(session), path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.getWorksheet('Status')!.eachRow((row) => {
    if (row.getCell(2).value === KIIT) row.getCell(8).value = word;
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const kiit = () => statusReport(session, '2023-11').projects.find((p) => p.name === KIIT)!;

describe('status.importPreview and status.importApply', () => {
  it('previews with nothing changed, then applies exactly that as one undo step', async () => {
    const preview = await call<StatusImportPreviewData & { token: string }>('status.importPreview', {
      fileName: 'status.xlsx',
      data: await statusWorkbook('gul'),
    });
    expect(preview.changed.map((c) => [c.name, c.changes.map((f) => [f.field, f.from, f.to])])).toEqual([
      [KIIT, [['resources', '-', 'gul']]],
    ]);
    expect(kiit().status.resources).toBe('-');
    const change = await call<Change>('status.importApply', { token: preview.token });
    expect(change.history.undoLabel).toBe('Importér status for nov. 2023 fra «status.xlsx»');
    expect(kiit().status.resources).toBe('gul');
    await call('history.undo', {});
    expect(kiit().status.resources).toBe('-');
  });

  it('refuses a preview after the portfolio changed, and a bad word in Danish', async () => {
    const preview = await call<{ token: string }>('status.importPreview', {
      fileName: 'status.xlsx',
      data: await statusWorkbook('grøn'),
    });
    updateStatus(
      session,
      session.db.prepare<[string], { id: string }>('SELECT id FROM line WHERE name = ?').get(KIIT)!.id,
      '2023-11',
      { remark: 'Ændret imens' },
    );
    await expect(call('status.importApply', { token: preview.token })).rejects.toMatchObject({ code: 'conflict' });
    expect(kiit().status.resources).toBe('-');
    await expect(
      call('status.importPreview', { fileName: 'status.xlsx', data: await statusWorkbook('lilla') }),
    ).rejects.toThrow(/^Ark 'Status', celle H\d+: 'lilla' er ikke en farve \(grøn, gul, rød eller -\)$/);
  });
});
