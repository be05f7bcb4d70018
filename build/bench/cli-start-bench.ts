/**
 * Bench section `cli` (bench.ts): how long a short CLI command takes as a process, start included
 * (docs/architecture.md, «The CLI's start»): the source through tsx (what `npm run cli` ran before),
 * the prebuilt bundle (build/cli.mjs, warm), and the bundle just after a source changed (rebuild
 * included). npm's own start (~0.2 s) comes on top of each.
 */
import { spawnSync } from 'node:child_process';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';

interface Context {
  dir: string;
  table: (header: string[], rows: (string | number)[][]) => void;
  ms: (v: number) => string;
  median: (samples: number[]) => number;
}

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = 5;
const TSX = [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'db', 'cli', 'main.ts')];
const BUNDLE = [join(ROOT, 'build', 'cli.mjs')];

function timedRun(entry: string[], argv: string[]): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, [...entry, ...argv], { cwd: ROOT, encoding: 'utf8' });
  const elapsed = performance.now() - t;
  if (run.status !== 0) throw new Error(`cli ${argv[0]}: ${run.stderr}`);
  return elapsed;
}

export function cliStartBench({ dir, table, ms, median }: Context): void {
  const example = join(dir, 'cli-start-example.sqlite');
  timedRun(BUNDLE, ['new', example, '--example']); // also builds the bundle if it is not current
  const rows: (string | number)[][] = [];
  for (const command of [
    ['check', example],
    ['summary', example],
  ]) {
    const old: number[] = [];
    const warm: number[] = [];
    const changed: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      old.push(timedRun(TSX, command));
      warm.push(timedRun(BUNDLE, command));
      const now = new Date();
      utimesSync(join(ROOT, 'db', 'cli', 'main.ts'), now, now); // a source saved: the next start rebuilds
      changed.push(timedRun(BUNDLE, command));
    }
    rows.push([command[0]!, ms(median(old)), ms(median(warm)), ms(median(changed))]);
  }
  table(['command', 'tsx (before), ms', 'bundle, ms', 'bundle after a source change, ms'], rows);
}
