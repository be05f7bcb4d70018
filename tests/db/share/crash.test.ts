/**
 * kill -9 during a merge and during an import of a received file (tests/db/core/crash-harness.ts and
 * crash-child.ts, modes merge and import): afterwards the file passes quick_check and our open
 * checks, and holds the state before or the state after, never a mix.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { setAmounts } from '../../../db/core/commands';
import { openSession } from '../../../db/index';
import { openPortfolio } from '../../../db/core/open';
import { applyMerge, importReceived } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import { sendCopy } from '../../../db/share/send';
import { killDuringStep } from '../core/crash-harness';
import { seededRandom } from '../../seeded-random';
import { makePortfolio } from './generate';
import { tempDir } from './helpers';

const RUNS = 20;
let t: ReturnType<typeof tempDir>;
let mine: string;
let theirs: string;
let expectedAfter: string;
let stateBefore: string;

/** Lines and amounts, after our own open (quick_check, identity, version). */
function state(path: string): string {
  openPortfolio(path).close();
  const s = openSession(path);
  try {
    return JSON.stringify(
      s
        .snapshot()
        .lines.map((l) => [l.id, l.name, l.amounts])
        .sort(),
    );
  } finally {
    s.close();
  }
}

beforeAll(() => {
  t = tempDir();
  mine = join(t.dir, 'rm.sqlite');
  makePortfolio(mine, 3_000, 1);
  // Their file: a sent copy imported by RSD, with a tenth of the cells changed.
  const session = openSession(mine);
  const sent = join(t.dir, 'sendt.sqlite');
  sendCopy(session.db, mine, sent, 'test');
  session.close();
  const received = receiveFile(sent);
  const rsd = join(t.dir, 'rsd.sqlite');
  importReceived(received, rsd, 'RSD');
  received.close();
  const other = openSession(rsd);
  const random = seededRandom(9);
  const cells = other.snapshot().lines.flatMap((l) =>
    Object.keys(l.amounts)
      .filter(() => random() < 0.1)
      .map((y) => ({ lineId: l.id, year: Number(y), value: Math.floor(random() * 1e6) })),
  );
  other.run((db) => setAmounts(db, { cells }));
  theirs = join(t.dir, 'fra-rsd.sqlite');
  sendCopy(other.db, rsd, theirs, 'test');
  other.close();
  stateBefore = state(mine);
  const probe = join(t.dir, 'probe.sqlite');
  copyFileSync(mine, probe);
  const s = openSession(probe);
  const r = receiveFile(theirs);
  applyMerge(s, r, { take: 'theirs' });
  r.close();
  s.close();
  expectedAfter = state(probe);
  expect(expectedAfter).not.toBe(stateBefore);
}, 60_000);

afterAll(() => t.done());

/** Kills at a random moment from just before the announced step to a bit past its usual length (crash-harness.ts). */
function killRuns(mode: 'merge' | 'import', target: () => string, check: (path: string, acked: boolean) => string) {
  let path = '';
  return killDuringStep(
    RUNS,
    seededRandom(mode === 'merge' ? 11 : 12),
    () => {
      path = target();
      return [path, mode, theirs];
    },
    (_run, acked) => check(path, acked),
  );
}

test(`kill -9 during a merge (${RUNS} runs): the file is as before or as after, and passes quick_check`, async () => {
  const outcomes = await killRuns(
    'merge',
    () => {
      const path = join(t.dir, 'run.sqlite');
      for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
      copyFileSync(mine, path);
      return path;
    },
    (path, acked) => {
      const now = state(path);
      expect([stateBefore, expectedAfter]).toContain(now);
      if (acked) expect(now).toBe(expectedAfter);
      return now === expectedAfter ? 'after' : 'before';
    },
  );
  expect(outcomes).toContain('after');
}, 600_000);

test(`kill -9 during an import (${RUNS} runs): no file, or the whole file`, async () => {
  let n = 0;
  const outcomes = await killRuns(
    'import',
    () => join(t.dir, `import-${n++}.sqlite`),
    (path, acked) => {
      if (!existsSync(path)) {
        expect(acked).toBe(false);
        return 'before';
      }
      expect(state(path)).toBe(state(theirs));
      return 'after';
    },
  );
  expect(outcomes).toContain('after');
}, 600_000);
