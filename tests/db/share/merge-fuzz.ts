/**
 * `npm run fuzz [-- <count>] [--seed <n> --path <p>]`: the model-based merge property
 * (merge-model.ts) over many sequences (default 100,000). On a failure fast-check prints the
 * shrunk sequence and the seed and path that replay it.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { mergeProperty } from './merge-model';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string' }, path: { type: 'string' } },
});
const numRuns = Number(positionals[0] ?? 100_000);
const t = performance.now();
fc.assert(mergeProperty(), {
  numRuns,
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  ...(values.path ? { path: values.path } : {}),
});
console.log(`${numRuns} sequences passed in ${((performance.now() - t) / 1000).toFixed(0)} s`);
