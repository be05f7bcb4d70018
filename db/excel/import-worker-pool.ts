/**
 * One warm import worker (docs/files.md, «The warm worker»): starting a worker thread and loading
 * exceljs into it costs more than reading a 2,000-line annex, so one worker is started when the app
 * is idle (warmImportWorker) or on first need, and reused for every read. It keeps the heap limit
 * it was started with; a read that times out ends it (terminated, not trusted again), a crash ends
 * it by itself, and either way a fresh one is started in its place. It never keeps the process
 * alive (unref'd between reads) and stopWarmWorker ends it on quit. A read that comes while the
 * warm one is busy gets a worker of its own, ended after its answer.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerMessage, WorkerRequest } from './import-worker';

/** How to start the worker: a file, or (from TypeScript source) a bootstrap that loads it through tsx. */
export interface WorkerStart {
  script: string | URL;
  eval: boolean;
}

export interface WorkerSpec {
  start: WorkerStart;
  maxOldGenerationSizeMb: number;
}

/** Why a read ended without an answer: too slow, out of memory, or the thread died otherwise. */
export type WorkerFailure =
  | { kind: 'timeout' }
  | { kind: 'memory'; error: Error }
  | { kind: 'crash'; error: Error }
  | { kind: 'exit'; code: number };

export class WorkerFailed extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(`import worker: ${failure.kind}`);
  }
}

class PooledWorker {
  readonly thread: Worker;
  readonly ready: Promise<void>;
  busy = false;
  dead = false;
  private nextId = 1;

  /** `warmUp`: started ahead of need, so it may also read a small annex once (import-worker.ts). */
  constructor(
    readonly spec: WorkerSpec,
    warmUp: boolean,
  ) {
    this.thread = new Worker(spec.start.script, {
      eval: spec.start.eval,
      workerData: { warmUp },
      // Not the parent's flags: under tsx (the web harness, the CLI) the inherited loader hooks
      // made every module load in the worker go through them, 0.4 s → 1.1 s for a small annex.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: spec.maxOldGenerationSizeMb },
    });
    this.thread.unref();
    this.ready = new Promise<void>((resolve) => {
      const onReady = (m: WorkerMessage) => {
        if (!('ready' in m)) return;
        this.thread.off('message', onReady);
        resolve();
      };
      this.thread.on('message', onReady);
      this.thread.once('exit', () => resolve());
    });
    this.thread.once('exit', () => (this.dead = true));
    // An error with no read under way (a crash while idle) must not become an uncaught exception.
    this.thread.on('error', () => (this.dead = true));
  }

  /** One read; rejects with WorkerFailed when the thread times out, runs out of memory or dies. */
  read(request: WorkerRequest, timeoutMs: number): Promise<WorkerAnswer> {
    const id = this.nextId++;
    this.busy = true;
    this.thread.ref();
    return new Promise<WorkerAnswer>((resolve, reject) => {
      const done = (finish: () => void) => {
        clearTimeout(timer);
        this.thread.off('message', onMessage);
        this.thread.off('error', onError);
        this.thread.off('exit', onExit);
        this.busy = false;
        if (!this.dead) this.thread.unref();
        finish();
      };
      const fail = (failure: WorkerFailure) => done(() => reject(new WorkerFailed(failure)));
      const onMessage = (m: WorkerMessage) => {
        if ('id' in m && m.id === id) done(() => resolve(m.answer));
      };
      const onError = (error: Error & { code?: string }) =>
        fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', error } : { kind: 'crash', error });
      const onExit = (code: number) => fail({ kind: 'exit', code });
      const timer = setTimeout(() => {
        this.end();
        fail({ kind: 'timeout' });
      }, timeoutMs);
      this.thread.on('message', onMessage);
      this.thread.once('error', onError);
      this.thread.once('exit', onExit);
      this.thread.postMessage({ id, request }, [request.bytes.buffer as ArrayBuffer]);
    });
  }

  end(): void {
    this.dead = true;
    void this.thread.terminate();
  }
}

let warm: PooledWorker | null = null;

const sameSpec = (a: WorkerSpec, b: WorkerSpec) =>
  a.maxOldGenerationSizeMb === b.maxOldGenerationSizeMb &&
  a.start.eval === b.start.eval &&
  String(a.start.script) === String(b.start.script);

const alive = (w: PooledWorker | null): w is PooledWorker => !!w && !w.dead;

/** Starts the warm worker if there is none; resolves once it has loaded its code (exceljs included). */
export function warmWorker(spec: WorkerSpec): Promise<void> {
  if (!alive(warm)) warm = new PooledWorker(spec, true);
  return warm.ready;
}

/**
 * Reads with the warm worker (one started with other limits or code is replaced; while it is busy,
 * the read gets a worker of its own). A worker that failed is not used again: the warm one is replaced at once, so the next
 * read finds a warm worker again.
 */
export async function readInWorker(spec: WorkerSpec, request: WorkerRequest, timeoutMs: number): Promise<WorkerAnswer> {
  if (alive(warm) && !warm.busy && !sameSpec(warm.spec, spec)) warm.end();
  if (!alive(warm)) warm = new PooledWorker(spec, false);
  const worker = warm.busy ? new PooledWorker(spec, false) : warm;
  try {
    return await worker.read(request, timeoutMs);
  } catch (error) {
    if (worker === warm) warm = new PooledWorker(spec, true);
    throw error;
  } finally {
    if (worker !== warm) worker.end();
  }
}

/** Ends the warm worker (on quit). */
export function stopWarmWorker(): void {
  warm?.end();
  warm = null;
}

/** The warm worker's thread id, or null: for tests that a read reused it, or replaced a failed one. */
export function warmWorkerId(): number | null {
  return alive(warm) ? warm.thread.threadId : null;
}
