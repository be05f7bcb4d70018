/** The model-based merge property (merge-model.ts) over MODEL_RUNS sequences (default 300). */
import fc from 'fast-check';
import { it } from 'vitest';
import { mergeProperty } from './merge-model';

const RUNS = Number(process.env.MODEL_RUNS ?? 300);

it(`merges of copies made by every route equal the model of seen edits (${RUNS} sequences)`, () => {
  fc.assert(mergeProperty(), { numRuns: RUNS });
}, 1_800_000);
