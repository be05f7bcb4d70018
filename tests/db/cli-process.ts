/**
 * The CLI and a file holder as separate processes, for the tests that must see what a user sees
 * (exit codes, stderr, files on disk) or need a file held open by another process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOLDER = fileURLToPath(new URL('./core/hold-child.ts', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it, in its own process (`npm run cli` is `node build/cli.mjs …`: the bundle, rebuilt when stale). */
export function cliProcess(...argv: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'cli.mjs'), ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Starts a process that holds `path` open as the app does (tests/db/core/hold-child.ts: one
 * committed edit left in its -wal) and resolves once it has.
 */
export function holdOpen(path: string): Promise<ChildProcess> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.setEncoding('utf8').on('data', (c: string) => c.includes('ready') && ok(child));
    child.on('exit', (code) => fail(new Error(`the holder ended (code ${code}): ${stderr}`)));
  });
}

/** The title hold-child.ts writes into the file it holds. */
export const HELD_TITLE = 'Ændret af den, der har filen åben';

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGKILL');
  });
}
