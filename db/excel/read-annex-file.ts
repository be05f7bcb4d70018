/**
 * Reads Bilag 1 (or, for the status workbook, the plain sheets) from the bytes of an .xlsx that came
 * from elsewhere: the zip directory is checked
 * here (zip-guard.ts), then the workbook is parsed in a worker thread with a heap limit and a
 * timeout (docs/files.md: a 6.4 KB workbook took 13 s and 1.4 GB in exceljs), the one kept warm
 * (import-worker-pool.ts).
 * Whatever goes wrong becomes a Danish UserError; the app and the open portfolio are untouched.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AnnexRead } from '../../shared/contract/annex';
import { unpackAnnex } from './annex/transfer';
import { UserError } from '../core/errors';
import type { WorkerAnswer, WorkerRequest } from './import-worker';
import { readInWorker, warmWorker, WorkerFailed, type WorkerSpec, type WorkerStart } from './import-worker-pool';
import type { WorkbookRead } from './read-workbook';
import { checkZip } from './zip-guard';

export interface ReadAnnexOptions {
  /** Milliseconds before the worker is stopped (default 60 s). */
  timeoutMs?: number;
  /** The worker's V8 old-generation heap limit (default 1536 MB). */
  maxOldGenerationSizeMb?: number;
  /** Rows holding a value, over all sheets (default 200,000). */
  maxRows?: number;
  /** Which worker code to run (default: importWorkerStart()); the bench runs the built bundle, as the app does. */
  worker?: WorkerStart;
}

export const IMPORT_DEFAULTS = { timeoutMs: 60_000, maxOldGenerationSizeMb: 1536 };

/**
 * Where the worker's code is, relative to this module. From TypeScript source (vitest, tsx) it
 * is import-worker.ts, required through tsx's CommonJS hook (in Node 20 a worker does not get
 * the hooks of `--import tsx`). In the Electron main bundle, where build-electron.mjs defines
 * `import.meta.url` as the URL of dist/electron/main.cjs, it is excel-worker.cjs beside it.
 */
export function importWorkerStart(moduleUrl: string = import.meta.url): WorkerStart {
  if (/\.[cm]?ts$/.test(moduleUrl)) {
    const tsx = createRequire(moduleUrl).resolve('tsx/cjs/api');
    const entry = fileURLToPath(new URL('./import-worker.ts', moduleUrl));
    return { script: `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});\n`, eval: true };
  }
  // A path rather than a URL: Electron reads a worker inside app.asar by path (electron#33216).
  return { script: fileURLToPath(new URL('./excel-worker.cjs', moduleUrl)), eval: false };
}

export const tooComplexMessage = (why: string) =>
  `Projektmappen er for stor eller for kompleks til at blive læst (${why}). ` +
  'Gem en kopi, der kun indeholder bilagstabellen, og prøv igen.';

const unreadableMessage = (fileName: string) =>
  `«${fileName}» er beskadiget eller ikke en gyldig Excel-projektmappe og kan ikke læses. Åbn den i Excel, gem den igen, og prøv igen.`;

const seconds = (ms: number) => (ms <= 1000 ? '1 sekund' : `${Math.ceil(ms / 1000)} sekunder`);

async function runWorker(request: WorkerRequest, options: ReadAnnexOptions, fileName: string): Promise<WorkerAnswer> {
  const timeoutMs = options.timeoutMs ?? IMPORT_DEFAULTS.timeoutMs;
  try {
    return await readInWorker(workerSpec(options), request, timeoutMs);
  } catch (error) {
    if (!(error instanceof WorkerFailed)) throw error;
    const f = error.failure;
    const user =
      f.kind === 'timeout'
        ? new UserError(tooComplexMessage(`læsningen tog mere end ${seconds(timeoutMs)}`))
        : f.kind === 'memory'
          ? new UserError(tooComplexMessage('den kræver for meget hukommelse'))
          : f.kind === 'crash'
            ? new UserError(unreadableMessage(fileName))
            : new UserError(tooComplexMessage(`læsningen stoppede med kode ${f.code}`));
    throw Object.assign(user, { cause: 'error' in f ? f.error : error });
  }
}

const workerSpec = (options: Pick<ReadAnnexOptions, 'worker' | 'maxOldGenerationSizeMb'>): WorkerSpec => ({
  start: options.worker ?? importWorkerStart(),
  maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? IMPORT_DEFAULTS.maxOldGenerationSizeMb,
});

/**
 * Starts the import worker now, so the first import does not wait for it (the app calls this once
 * it is idle); resolves when the worker has loaded exceljs. stopImportWorker ends it on quit.
 */
export function warmImportWorker(options: Pick<ReadAnnexOptions, 'worker' | 'maxOldGenerationSizeMb'> = {}) {
  return warmWorker(workerSpec(options));
}

export { stopWarmWorker as stopImportWorker } from './import-worker-pool';

/** The zip guard, then the worker; a refusal of either is a Danish UserError. */
async function readChecked(
  bytes: Uint8Array,
  fileName: string,
  options: ReadAnnexOptions,
  grids: boolean,
): Promise<Extract<WorkerAnswer, { ok: true }>> {
  checkZip(bytes, fileName);
  // A copy of exactly these bytes, moved to the worker: Buffer#slice would share (and the
  // transfer detach) the caller's memory, possibly Node's shared pool.
  const copy = new Uint8Array(bytes);
  const request: WorkerRequest = {
    bytes: copy,
    fileName,
    limits: options.maxRows === undefined ? {} : { maxRows: options.maxRows },
    ...(grids ? { grids: true } : {}),
  };
  const reply = await runWorker(request, options, fileName);
  if (reply.ok) return reply;
  throw new UserError(reply.kind === 'user' ? reply.message : unreadableMessage(fileName));
}

/** The annex in an .xlsx; throws UserError (Danish) and changes nothing when the file is refused. */
export async function readAnnexFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadAnnexOptions = {},
): Promise<AnnexRead> {
  const reply = await readChecked(bytes, fileName, options, false);
  if (!('packed' in reply)) throw new UserError(unreadableMessage(fileName));
  return unpackAnnex(reply.packed);
}

/** The visible sheets of an .xlsx as plain grids, behind the same guards as the annex (the status workbook). */
export async function readWorkbookFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadAnnexOptions = {},
): Promise<WorkbookRead> {
  const reply = await readChecked(bytes, fileName, options, true);
  if (!('grids' in reply)) throw new UserError(unreadableMessage(fileName));
  return reply.grids;
}
