/**
 * Child process for the kill -9 test (crash.test.ts): opens a portfolio and edits it through the
 * real dispatcher until the parent kills it. Usage:
 *   node --import tsx tests/db/core/crash-child.ts <file> <stream|big> <first counter value> <seed>
 *   node --import tsx tests/db/core/crash-child.ts <file> <merge|import> <received file>
 *
 * Protocol on stdout, one line per event, written with writeSync so every line is in the pipe
 * before the next step starts (a line under PIPE_BUF is written atomically, so a kill never
 * leaves half a line):
 *   opening                         about to open the file
 *   ready                           opened; edits follow
 *   try <n> <json of the call>      about to dispatch call n (the parent's "in flight" edit)
 *   ack <n> <lineId> <year> <value> amounts.set n returned ok (one line per cell)
 *   ack <n> <lineId> name <name>    lines.add / lines.rename n returned ok
 *   try <n> big <marker> <count>    about to set <count> cells to <marker> in one amounts.set
 *   ack <n> big <marker> <count>    ... and it returned ok (one line, not 5,000)
 * An ack is only written after dispatch returned ok, i.e. after the transaction committed.
 */
import { writeSync } from 'node:fs';
import { createDispatcher } from '../../../db/dispatcher';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';
import { applyMerge, importReceived } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import { seededRandom } from '../../seeded-random';

const [file, mode, firstArg, seedArg] = process.argv.slice(2);
const shareMode = mode === 'merge' || mode === 'import';
if (!file || (mode !== 'stream' && mode !== 'big' && !shareMode))
  throw new Error('usage: crash-child.ts <file> <stream|big> <first> <seed> | <file> <merge|import> <received file>');

/** Writes one line, retrying if the pipe is full and stdout happens to be non-blocking. */
function say(text: string): void {
  const buf = Buffer.from(`${text}\n`);
  for (let off = 0; off < buf.length;) {
    try {
      off += writeSync(1, buf, off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

// tests/db/share/crash.test.ts: one merge of the received file into <file>, or one import of it as
// the new file <file>, announced with `try` and acknowledged with `ack`; then wait to be killed.
if (shareMode) {
  const received = receiveFile(firstArg!);
  if (mode === 'merge') {
    say('opening');
    const mine = openSession(file);
    say('try 1 merge');
    applyMerge(mine, received, { take: 'theirs' });
  } else {
    say('try 1 import');
    importReceived(received, file);
  }
  say(`ack 1 ${mode}`);
  setInterval(() => {}, 1000);
  await new Promise(() => {});
}

// Seeded, so a failing run can be replayed from its seed.
const random = seededRandom(Number(seedArg));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

say('opening');
const session: Session = openSession(file);
const dispatch = createDispatcher({ session: () => session, shell: 'cli', appVersion: 'crash-test' });
say('ready');

const snap = session.snapshot();
const years = snap.years;
const poolIds = snap.pools.map((p) => p.id);
const parents = new Set(snap.lines.map((l) => l.parentId).filter((id): id is string => !!id));
// Only leaf lines take amounts (a line with sub-lines shows their sum).
const leaves = snap.lines.filter((l) => !parents.has(l.id)).map((l) => l.id);

let counter = Number(firstArg);
let n = 0;

async function call(channel: string, args: unknown, announce?: string): Promise<{ value: unknown }> {
  n++;
  say(`try ${n} ${announce ?? JSON.stringify({ channel, args })}`);
  const res = await dispatch(channel, args);
  if (!res.ok) throw new Error(`${channel} failed: ${res.error.message}`);
  return res;
}

if (mode === 'big') {
  // A few ordinary edits, then one large change whose cells all get the same marker value: after a
  // kill the parent finds either all of them or none.
  for (let i = 0; i < 3; i++) {
    const lineId = pick(leaves);
    const year = pick(years);
    const value = counter++;
    await call('amounts.set', { cells: [{ lineId, year, value }] });
    say(`ack ${n} ${lineId} ${year} ${value}`);
  }
  const marker = counter++;
  const cells = leaves.flatMap((lineId) => years.map((year) => ({ lineId, year, value: marker }))).slice(0, 5000);
  await call('amounts.set', { cells }, `big ${marker} ${cells.length}`);
  say(`ack ${n} big ${marker} ${cells.length}`);
  // Stay alive so the parent decides when this process dies.
  setInterval(() => {}, 1000);
} else {
  let previous = '';
  for (;;) {
    const r = random();
    if (r < 0.04) {
      const name = `Ny linje ${counter++}`;
      const res = await call('lines.add', { poolId: pick(poolIds), parentId: null, afterLineId: null, name });
      const id = (res.value as { createdId: string }).createdId;
      leaves.push(id);
      say(`ack ${n} ${id} name ${name}`);
    } else if (r < 0.08) {
      const lineId = pick(leaves);
      const name = `Omdøbt ${counter++}`;
      await call('lines.rename', { lineId, name });
      say(`ack ${n} ${lineId} name ${name}`);
    } else {
      // One to three cells, never the cell of the previous edit, each with the next counter value.
      const cells: { lineId: string; year: number; value: number }[] = [];
      const keys = new Set<string>([previous]);
      const count = r < 0.9 ? 1 : 2 + Math.floor(random() * 2);
      while (cells.length < count) {
        const lineId = pick(leaves);
        const year = pick(years);
        if (keys.has(`${lineId}:${year}`)) continue;
        keys.add(`${lineId}:${year}`);
        cells.push({ lineId, year, value: counter++ });
      }
      previous = `${cells[cells.length - 1]!.lineId}:${cells[cells.length - 1]!.year}`;
      await call('amounts.set', { cells });
      for (const c of cells) say(`ack ${n} ${c.lineId} ${c.year} ${c.value}`);
    }
  }
}
