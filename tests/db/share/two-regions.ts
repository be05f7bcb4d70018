/**
 * The merge tests' two files: RM makes the example portfolio and sends it; RSD imports the copy
 * as its own file; both edit; one sends and the other merges. With the helpers they share.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { setAmounts } from '../../../db/core/commands';
import { createPortfolio } from '../../../db/core/create';
import type { Session } from '../../../db/core/session';
import { applyMerge, importReceived, previewMerge } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import { cli, tempDir, withSession } from './helpers';

export interface TwoRegions {
  dir: string;
  rm: string;
  rsd: string;
  /** Sends `from` (CLI send) and returns the copy's path (sendt-1.sqlite, sendt-2.sqlite, …). */
  send: (from: string) => string;
  done: () => void;
}

/** RM's file and RSD's, which began as RM's copy (sent as sendt-1.sqlite): for a beforeEach. */
export function twoRegions(): TwoRegions {
  const t = tempDir();
  let sends = 0;
  const send = (from: string) => {
    const out = join(t.dir, `sendt-${++sends}.sqlite`);
    expect(cli('send', from, '--out', out).code).toBe(0);
    return out;
  };
  const rm = join(t.dir, 'rm.sqlite');
  const rsd = join(t.dir, 'rsd.sqlite');
  createPortfolio(rm, { example: true, region: 'RM' });
  const received = receiveFile(send(rm));
  importReceived(received, rsd, 'RSD');
  received.close();
  return { dir: t.dir, rm, rsd, send, done: t.done };
}

export const lineId = (s: Session, name: string) => s.snapshot().lines.find((l) => l.name === name)!.id;
export const amount = (path: string, name: string, year: number) =>
  withSession(path, (s) => s.snapshot().lines.find((l) => l.name === name)?.amounts[year]);
export const set = (path: string, name: string, year: number, value: number | null) =>
  withSession(path, (s) => s.run((db) => setAmounts(db, { cells: [{ lineId: lineId(s, name), year, value }] })));
export const LPR = 'LPR3 ID3 - Landspatientregister';
export const ECPR = 'Integration til national eCPR';

export function preview(mine: string, theirs: string) {
  const received = receiveFile(theirs);
  try {
    return withSession(mine, (s) => previewMerge(s.db, received).review);
  } finally {
    received.close();
  }
}

export function merge(mine: string, theirs: string, choices: Parameters<typeof applyMerge>[2] = {}) {
  const received = receiveFile(theirs);
  try {
    return withSession(mine, (s) => {
      const before = s.revision;
      const { plan } = applyMerge(s, received, choices);
      return { review: plan.review, changed: s.revision !== before, history: s.history() };
    });
  } finally {
    received.close();
  }
}

/** The running test's two regions' files (live bindings: a fresh pair before each test, see useTwoRegions). */
export let t: TwoRegions;
export let rm: string;
export let rsd: string;
export let send: TwoRegions['send'];

/** Registers the two regions' files for each test of a file: call once at its top. */
export function useTwoRegions(): void {
  beforeEach(() => {
    t = twoRegions();
    ({ rm, rsd, send } = t);
  });
  afterEach(() => t.done());
}
