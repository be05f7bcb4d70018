/**
 * The import worker: reads an .xlsx (read-workbook.ts) and the annex in it (db/excel/annex/read.ts) in a
 * worker thread started by import-worker-pool.ts with memory limits and a timeout, so a workbook
 * built to exhaust memory or time ends this thread, not the app (docs/files.md). The thread is
 * kept warm and reused; it answers each request with one message: the annex (or, for a status workbook, the plain sheet grids that
 * db/excel/status-import-read.ts reads), or a Danish message for the user.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { transferables, type PackedAnnex } from './annex/transfer';
import { AnnexError, readAnnexPacked } from './annex/read';
import { UserError } from '../core/errors';
import { loadExcelJS } from './exceljs';
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

/** What the worker says: that its code is loaded, or the answer to request `id`. */
export type WorkerMessage = { ready: true } | { id: number; answer: WorkerAnswer };

if (parentPort) {
  const port = parentPort;
  // Kept warm and reused (import-worker-pool.ts): one request at a time, each answered by its id.
  port.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
    void answer(request).then((reply) =>
      port.postMessage(
        { id, answer: reply } satisfies WorkerMessage,
        reply.ok && 'packed' in reply ? transferables(reply.packed) : [],
      ),
    );
  });
  // Warm means ready to read at once: exceljs loaded (most of a second) and the reading code run
  // once on a small annex, so the user's file is not the one the JIT learns on.
  // A worker started for a read waiting now (workerData.warmUp false) only loads exceljs.
  const warming = (workerData as { warmUp?: boolean } | undefined)?.warmUp ? warmUp() : loadExcelJS();
  void warming.finally(() => port.postMessage({ ready: true } satisfies WorkerMessage));
}

/** A small annex (300 lines × 12 years, totals as formulas), written and read once in this thread. */
async function warmUp(): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bilag 1');
  const years = Array.from({ length: 12 }, (_, i) => 2025 + i);
  ws.addRow(['Opvarmning']);
  ws.addRow(['Beløb i 1.000 kr', ...years, 'I alt']);
  for (let i = 0; i < 300; i++) {
    const amounts = years.map((_, j) => (i * 7 + j * 13) % 900);
    const total = amounts.reduce((a, b) => a + b, 0);
    ws.addRow([`Linje ${i}`, ...amounts, { formula: `SUM(B${i + 3}:M${i + 3})`, result: total }]).numFmt = '#,##0';
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  await answer({ bytes, fileName: 'opvarmning.xlsx' });
}
