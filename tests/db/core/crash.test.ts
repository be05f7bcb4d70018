/**
 * kill -9 durability: a child process (crash-child.ts) edits a portfolio through the real
 * dispatcher and acknowledges each edit on stdout only after it returned ok; we SIGKILL it at a
 * random moment and reopen the file. The file must pass quick_check and our own open checks,
 * every acknowledged edit must be there, and the one edit in flight must be there entirely or
 * not at all (for a 5,000-cell change too). Runs reuse one file, so each run also recovers the
 * WAL the previous kill left behind.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { openSession } from '../../../db/index';
import { openPortfolio } from '../../../db/core/open';
import { sql } from '../../../db/core/queries';
import { spawnKillable, type Child, type KillAt } from './crash-harness';

const RUNS = 30;
const YEARS = Array.from({ length: 10 }, (_, i) => 2025 + i);

/** The state we compare: `a:<line>:<year>` -> kroner and `n:<line>` -> name. */
type State = Map<string, string | number>;

let dir: string;
let file: string;

/** 3 pools, 570 lines of which 30 have two sub-lines: 570 leaves x 10 years, enough for 5,000 cells. */
function seedPortfolio(path: string): void {
  createPortfolio(path, { title: 'Crash', region: 'RM', years: YEARS });
  const db = openPortfolio(path);
  const s = sql(db);
  db.transaction(() => {
    for (let p = 0; p < 3; p++) {
      const poolId = randomUUID();
      s.insertPool.run({ id: poolId, name: `Pulje ${p}`, position: (p + 1) * 1024, description: '' });
      for (let i = 0; i < 180; i++) {
        const id = randomUUID();
        s.insertLine.run({
          id,
          pool_id: poolId,
          parent_id: null,
          name: `Linje ${p}.${i}`,
          position: (i + 1) * 1024,
          description: '',
        });
        const leaves = i % 18 === 0 ? [1, 2].map(() => randomUUID()) : [id];
        if (leaves[0] !== id) {
          leaves.forEach((sub, j) =>
            s.insertLine.run({
              id: sub,
              pool_id: poolId,
              parent_id: id,
              name: `Linje ${p}.${i}.${j}`,
              position: (j + 1) * 1024,
              description: '',
            }),
          );
        }
        for (const leaf of leaves) for (const y of YEARS) if ((i + y) % 3) s.upsertAmount.run(leaf, y, (i + 1) * 1000);
      }
    }
  })();
  db.close();
}

/** quick_check on a plain connection, then our open (identity, version, quick_check) and a snapshot. */
function reopen(path: string): State {
  const raw = new Database(path);
  const check = raw.pragma('quick_check');
  raw.close();
  expect(check).toEqual([{ quick_check: 'ok' }]);
  openPortfolio(path).close();
  const session = openSession(path);
  try {
    const state: State = new Map();
    for (const line of session.snapshot().lines) {
      state.set(`n:${line.id}`, line.name);
      for (const [year, kroner] of Object.entries(line.amounts)) state.set(`a:${line.id}:${year}`, kroner);
    }
    return state;
  } finally {
    session.close();
  }
}

/** Runs the child on the shared file (crash-harness.ts kills it when `killAt` returns a delay). */
function runChild(mode: 'stream' | 'big', first: number, seed: number, killAt: KillAt): Promise<Child> {
  return spawnKillable([file, mode, String(first), String(seed)], killAt);
}

const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

/** Applies a dispatched call (as announced on its `try` line) to a state. */
function apply(state: State, payload: string, createdId?: string): void {
  const { channel, args } = JSON.parse(payload) as { channel: string; args: Record<string, unknown> };
  if (channel === 'amounts.set')
    for (const c of args.cells as { lineId: string; year: number; value: number }[])
      state.set(`a:${c.lineId}:${c.year}`, c.value);
  if (channel === 'lines.rename') state.set(`n:${args.lineId}`, args.name as string);
  if (channel === 'lines.add' && createdId) state.set(`n:${createdId}`, args.name as string);
}

/**
 * What the file must hold after the run: `before` plus every call that has an ack line (an ack
 * means the whole call committed, even if the kill came between its per-cell ack lines).
 */
function replay(before: State, lines: string[]) {
  const expected = new Map(before);
  const tries = new Map<number, string>();
  const acked = new Set<number>();
  let bigAcked: { marker: number; count: number } | null = null;
  for (const line of lines) {
    const [kind, nText, ...rest] = line.split(' ');
    const n = Number(nText);
    if (kind === 'try') tries.set(n, rest.join(' '));
    if (kind !== 'ack' || acked.has(n)) continue;
    acked.add(n);
    if (rest[0] === 'big') bigAcked = { marker: Number(rest[1]), count: Number(rest[2]) };
    else apply(expected, tries.get(n)!, rest[0]);
  }
  const inFlight = [...tries.entries()].filter(([n]) => !acked.has(n)).map(([, payload]) => payload);
  return { expected, inFlight, bigAcked, lastAck: [...lines].reverse().find((l) => l.startsWith('ack ')) };
}

/** Keys whose value differs between two states (either side missing counts). */
function diff(a: State, b: State): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k));
}

function checkRun(before: State, after: State, run: Child): string[] {
  const { expected, inFlight, bigAcked, lastAck } = replay(before, run.lines);
  if (inFlight.length > 1) return [`${inFlight.length} calls in flight`];
  // Cells that got the big change's marker value: all of them or none (acknowledged: all).
  const flight = inFlight[0];
  const big = flight?.startsWith('big ')
    ? { marker: Number(flight.split(' ')[1]), count: Number(flight.split(' ')[2]) }
    : bigAcked;
  if (big) {
    const marked = [...after].filter(([k, v]) => k.startsWith('a:') && v === big.marker).map(([k]) => k);
    const allowed = bigAcked ? [big.count] : [0, big.count];
    if (!allowed.includes(marked.length))
      return [`big change: ${marked.length} of ${big.count} cells present (must be ${allowed.join(' or ')})`];
    for (const k of marked) expected.set(k, big.marker);
  }
  let problems = diff(expected, after);
  if (flight && !flight.startsWith('big ') && problems.length) {
    // The in-flight call may have committed: then exactly its keys differ, each with its new value.
    const withFlight = new Map(expected);
    const added = problems.filter((k) => !expected.has(k));
    apply(withFlight, flight, added.length === 1 ? added[0]!.slice(2) : undefined);
    problems = diff(withFlight, after);
  }
  // Spelled out although the diff covers it: the last acknowledged value is there, unless the
  // in-flight call committed over the same cell (only the big change can: stream edits avoid the
  // previous edit's cell).
  if (lastAck) {
    const [, , a, b, c] = lastAck.split(' ');
    const key = `a:${a}:${b}`;
    const overwritten = flight?.startsWith('big ') && after.get(key) === big?.marker;
    if (b !== 'name' && a !== 'big' && !overwritten && after.get(key) !== Number(c))
      problems.push(`last ack missing: ${lastAck}`);
  }
  return problems
    .slice(0, 5)
    .map((k) => (k.includes(' ') ? k : `${k}: expected ${expected.get(k)}, found ${after.get(k)}`));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-crash-'));
  file = join(dir, 'crash.sqlite');
  seedPortfolio(file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('kill -9 at random moments never loses an acknowledged edit nor half a change', async () => {
  let state = reopen(file);
  let bigDuration = 0;
  const summary: string[] = [];
  const failures: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Every sixth run is a big change: 25 stream runs and 5 big ones, interleaved.
    const big = i % 6 === 5;
    const seed = Math.floor(Math.random() * 2 ** 31);
    // Where to kill: right after spawn (often before the file is touched), while opening, or
    // mid-stream; for the big change, some time into it (the first run measures how long it takes).
    const style = big ? 'big' : ['spawn', 'opening', 'stream', 'stream', 'stream'][i % 5]!;
    let tryAt = 0;
    const run = await runChild(big ? 'big' : 'stream', (i + 1) * 1_000_000, seed, (line, ms) => {
      if (style === 'spawn' && line === 'spawned') return rand(0, 700);
      if (style === 'opening' && line === 'opening') return rand(0, 15);
      if (style === 'stream' && line === 'ready') return rand(10, 250);
      if (style === 'big' && /^try \d+ big /.test(line)) {
        tryAt = ms;
        return bigDuration ? rand(0, bigDuration * 1.2) : null;
      }
      if (style === 'big' && /^ack \d+ big /.test(line)) {
        bigDuration = Math.max(bigDuration, ms - tryAt);
        return 0;
      }
      return null;
    });
    const after = reopen(file);
    const problems =
      run.signal === 'SIGKILL'
        ? checkRun(state, after, run)
        : [`child ended by itself (code ${run.code}): ${run.stderr.slice(0, 500)}`];
    const acks = run.lines.filter((l) => l.startsWith('ack ')).length;
    summary.push(
      `run ${i} ${style} seed=${seed}: ${run.lines.length} lines, ${acks} acks, last="${run.lines.at(-1)?.slice(0, 80) ?? ''}" ${problems.length ? 'FAIL' : 'ok'}`,
    );
    if (problems.length) failures.push(`run ${i}: ${problems.join('; ')}`);
    state = after;
  }
  if (failures.length) console.log(`${summary.join('\n')}\n${failures.join('\n')}`);
  expect(failures).toEqual([]);
}, 300_000);
