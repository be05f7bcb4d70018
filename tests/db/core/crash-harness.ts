/**
 * Spawning the kill -9 child (crash-child.ts) and killing it at a chosen moment: shared by the
 * edit stream test (crash.test.ts) and the merge/import test (tests/db/share/crash.test.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Called with `spawned` first, then each stdout line and the ms since spawn; a number kills after that delay. */
export type KillAt = (line: string, ms: number) => number | null;

export interface Child {
  lines: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs crash-child.ts with `args` and kills it when `killAt` (called for each stdout line) returns a delay. */
export function spawnKillable(args: string[], killAt: KillAt): Promise<Child> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    let pending = '';
    let armed = false;
    const kill = (delay: number) => {
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delay);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const delay = armed ? null : killAt(line, Date.now() - started);
        if (delay !== null) kill(delay);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const spawnDelay = killAt('spawned', 0);
    if (spawnDelay !== null) kill(spawnDelay);
    child.on('error', reject);
    // A child that is never killed would hang the test; the cap is far above any planned delay.
    const cap = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code, signal) => {
      clearTimeout(cap);
      resolve({ lines, signal, code, stderr });
    });
  });
}
