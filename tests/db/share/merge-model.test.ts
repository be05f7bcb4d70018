/** The model-based merge property (merge-model.ts) over MODEL_RUNS sequences (default 300). */
import fc from 'fast-check';
import { it } from 'vitest';
import { mergeProperty } from './merge-model';

const RUNS = Number(process.env.MODEL_RUNS ?? 300);
// A fixed seed, so that `npm test` checks the same 300 sequences every run; `npm run fuzz` explores
// new ones with a random seed and prints the seed that replays a failure.
const SEED = Number(process.env.MODEL_SEED ?? 20261204);

it(`merges of copies made by every route equal the model of seen edits (${RUNS} sequences)`, () => {
  fc.assert(mergeProperty(), { numRuns: RUNS, seed: SEED });
}, 1_800_000);
