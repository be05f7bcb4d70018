/**
 * The import worker: reads an .xlsx (read-workbook.ts) and the annex in it (db/excel/annex/read.ts) in a
 * worker thread started by read-annex-file.ts with memory limits and a timeout, so a workbook
 * built to exhaust memory or time ends this thread, not the app (docs/files.md).
 * It answers with one message: the annex (or, for a status workbook, the plain sheet grids that
 * db/excel/status-import-read.ts reads), or a Danish message for the user.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transferables, type PackedAnnex } from './annex/transfer';
import { AnnexError, readAnnexPacked } from './annex/read';
import { UserError } from '../core/errors';
import { readWorkbook, WORKBOOK_LIMITS, type WorkbookLimits, type WorkbookRead } from './read-workbook';

export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
  limits?: Partial<WorkbookLimits>;
  /** Answer with the sheet grids instead of an annex (the status workbook). */
  grids?: boolean;
}

export type WorkerAnswer =
  | { ok: true; packed: PackedAnnex }
  | { ok: true; grids: WorkbookRead }
  /** `user`: a Danish message about the workbook; `unreadable`: exceljs could not parse it. */
  | { ok: false; kind: 'user' | 'unreadable'; message: string };

export async function answer(request: WorkerRequest): Promise<WorkerAnswer> {
  try {
    const { sheets, notes } = await readWorkbook(
      request.bytes,
      { ...WORKBOOK_LIMITS, ...request.limits },
      request.fileName,
      { fills: request.grids },
    );
    if (request.grids) return { ok: true, grids: { sheets, notes } };
    return { ok: true, packed: readAnnexPacked(sheets, notes) };
  } catch (error) {
    if (error instanceof AnnexError || error instanceof UserError)
      return { ok: false, kind: 'user', message: error.message };
    return { ok: false, kind: 'unreadable', message: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  void answer(workerData as WorkerRequest).then((reply) =>
    port.postMessage(reply, reply.ok && 'packed' in reply ? transferables(reply.packed) : []),
  );
}
