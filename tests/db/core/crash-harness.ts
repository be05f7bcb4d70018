/**
 * Spawning the kill -9 child (crash-child.ts, or another child script) and killing it at a chosen
 * moment: shared by the edit stream test (crash.test.ts), the merge/import test
 * (tests/db/share/crash.test.ts) and the atomic-write test (atomic-crash.test.ts).
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

/** Runs `script` (crash-child.ts) with `args` and kills it when `killAt` (called for each stdout line) returns a delay. */
export function spawnKillable(args: string[], killAt: KillAt, script = CHILD): Promise<Child> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
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

/**
 * `runs` + 1 runs of a child that announces one step with a `try …` line and acknowledges it with
 * an `ack …` line: the first run measures the step and is killed only after its ack; each later
 * run draws from `random` a moment between the `try` and 1.3 times the step's longest measured
 * length, so kills fall before, during and after the step. A draw past the measured length is
 * meant to fall after the step: that run is killed at its ack, however much slower the step is
 * this time (on a loaded machine a fixed delay could land before every write ended). `check` is
 * given the run's index and whether its ack came, and returns the run's outcome (e.g. «before»).
 */
export async function killDuringStep(
  runs: number,
  random: () => number,
  args: (run: number) => string[],
  check: (run: number, acked: boolean) => string,
  script = CHILD,
): Promise<string[]> {
  let duration = 0;
  const outcomes: string[] = [];
  for (let i = 0; i <= runs; i++) {
    let tryAt = 0;
    const run = await spawnKillable(
      args(i),
      (line, ms) => {
        if (line.startsWith('try')) {
          tryAt = ms;
          const at = random() * 1.3;
          return i === 0 || at >= 1 ? null : at * duration; // null: killed at the ack, below
        }
        if (line.startsWith('ack')) {
          duration = Math.max(duration, ms - tryAt);
          return 0;
        }
        return null;
      },
      script,
    );
    if (run.signal !== 'SIGKILL') throw new Error(`run ${i} ended by itself (code ${run.code}): ${run.stderr}`);
    outcomes.push(
      check(
        i,
        run.lines.some((l) => l.startsWith('ack')),
      ),
    );
  }
  return outcomes;
}
