/**
 * The import worker: reads an .xlsx (read-workbook.ts) and the annex in it (db/excel/annex/read.ts) in a
 * worker thread started by read-annex-file.ts with memory limits and a timeout, so a workbook
 * built to exhaust memory or time ends this thread, not the app (docs/files.md).
 * It answers with one message: the annex, or a Danish message for the user.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transferables, type PackedAnnex } from './annex/transfer';
import { AnnexError, readAnnexPacked } from './annex/read';
import { UserError } from '../core/errors';
import { readWorkbook, WORKBOOK_LIMITS, type WorkbookLimits } from './read-workbook';

export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
  limits?: Partial<WorkbookLimits>;
}

export type WorkerAnswer =
  | { ok: true; packed: PackedAnnex }
  /** `user`: a Danish message about the workbook; `unreadable`: exceljs could not parse it. */
  | { ok: false; kind: 'user' | 'unreadable'; message: string };

export async function answer(request: WorkerRequest): Promise<WorkerAnswer> {
  try {
    const { sheets, notes } = await readWorkbook(
      request.bytes,
      { ...WORKBOOK_LIMITS, ...request.limits },
      request.fileName,
    );
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
    port.postMessage(reply, reply.ok ? transferables(reply.packed) : []),
  );
}
