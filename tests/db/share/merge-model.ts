/**
 * The model-based merge property (issue 11): random sequences over 2–5 copies of one portfolio,
 * made by every route (a plain file copy, Gem som, Send, «Åbn fil fra anden region», and the
 * CLI's: every action is a new Session on the file), edited (amounts, descriptions), merged in
 * random directions with random conflict choices, some merges undone or undone and redone. After
 * each merge the file must equal a reference model that keeps, for every copy, the SET of edits
 * it has seen (no version vectors), and the merge's conflicts must be exactly the model's.
 * The model's rule for a value that differs: mine stays if I have seen the edit that wrote theirs;
 * theirs is taken if they have seen the edit that wrote mine; else it is a conflict.
 * Used by merge-model.test.ts (npm test) and merge-fuzz.ts (npm run fuzz).
 */
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setAmounts, setLineDescription } from '../../../db/core/commands';
import { copyPortfolio } from '../../../db/core/copy';
import { createPortfolio } from '../../../db/core/create';
import type { Session } from '../../../db/core/session';
import { openSession } from '../../../db/index';
import { applyMerge, importReceived, previewMerge } from '../../../db/share/apply';
import type { Resolution } from '../../../db/share/merge';
import { receiveFile } from '../../../db/share/receive';
import { sendCopy } from '../../../db/share/send';

const LINES = 3;
const YEARS = [2022, 2023];
/** A value's address in the model: `a:<line index>:<year>` or `d:<line index>`. */
const KEYS = [
  ...Array.from({ length: LINES }, (_, i) => YEARS.map((y) => `a:${i}:${y}`)).flat(),
  ...Array.from({ length: LINES }, (_, i) => `d:${i}`),
];

type Route = 'file' | 'saveAs' | 'send' | 'receive';
export type Action =
  | { kind: 'edit'; copy: number; key: number }
  | { kind: 'copy'; from: number; route: Route }
  | { kind: 'merge'; into: number; from: number; choices: number; undo: 0 | 1 | 2 };

interface ModelCopy {
  /** Per key: the edit that wrote the value (the value is the edit's number). */
  state: Map<string, number>;
  seen: Set<number>;
}

const edits = fc.record({ kind: fc.constant('edit' as const), copy: fc.nat(4), key: fc.nat(KEYS.length - 1) });
const copies = fc.record({
  kind: fc.constant('copy' as const),
  from: fc.nat(4),
  route: fc.constantFrom<Route>('file', 'saveAs', 'send', 'receive'),
});
const merges = fc.record({
  kind: fc.constant('merge' as const),
  into: fc.nat(4),
  from: fc.nat(4),
  choices: fc.nat(),
  undo: fc.constantFrom<0 | 1 | 2>(0, 0, 1, 2),
});
export const actions = fc.array(
  fc.oneof({ arbitrary: edits, weight: 4 }, { arbitrary: copies, weight: 2 }, { arbitrary: merges, weight: 3 }),
  { minLength: 3, maxLength: 14 },
);

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
const choose = (key: string, choices: number): 'mine' | 'theirs' => ((hash(key) ^ choices) & 1 ? 'theirs' : 'mine');

function withSession<T>(path: string, body: (s: Session) => T): T {
  const s = openSession(path);
  try {
    return body(s);
  } finally {
    s.close();
  }
}

/** The example portfolio, made once per process: every sequence starts from a copy of it (one origin). */
let made: string | undefined;
function template(): string {
  if (made) return made;
  const path = join(mkdtempSync(join(tmpdir(), 'puljeplan-model-template-')), 'eksempel.sqlite');
  createPortfolio(path, { example: true, region: 'RM' });
  process.once('exit', () => rmSync(join(path, '..'), { recursive: true, force: true }));
  return (made = path);
}

/** Runs one sequence against real files and the model; throws on the first difference. */
export function runSequence(seq: Action[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-model-'));
  try {
    const first = join(dir, 'c0.sqlite');
    copyFileSync(template(), first);
    const lineIds = withSession(first, (s) =>
      s
        .snapshot()
        .lines.filter((l) => l.parentId === null && !s.snapshot().lines.some((c) => c.parentId === l.id))
        .slice(0, LINES)
        .map((l) => l.id),
    );
    const initial = withSession(first, (s) => read(s, lineIds));
    // Initial values: edit 0, which every copy has seen; edit n writes the value n (amount n·1000, description «dn»).
    const files = [first];
    const model: ModelCopy[] = [{ state: new Map(KEYS.map((k) => [k, 0])), seen: new Set([0]) }];
    const value = (key: string, edit: number) =>
      edit === 0 ? initial.get(key)! : key.startsWith('a:') ? edit * 1000 : `d${edit}`;
    let next = 1;
    for (const [step, a] of seq.entries()) {
      const where = `step ${step} ${JSON.stringify(a)}`;
      if (a.kind === 'edit') {
        const c = a.copy % files.length;
        const key = KEYS[a.key]!;
        const n = next++;
        withSession(files[c]!, (s) => s.run((db) => write(db, lineIds, key, value(key, n))));
        model[c]!.state.set(key, n);
        model[c]!.seen.add(n);
      } else if (a.kind === 'copy') {
        if (files.length >= 5) continue;
        const from = files[a.from % files.length]!;
        const to = join(dir, `c${files.length}.sqlite`);
        if (a.route === 'file') copyFileSync(from, to);
        else if (a.route === 'saveAs') withSession(from, (s) => copyPortfolio(s.db, from, to));
        else if (a.route === 'send') withSession(from, (s) => sendCopy(s.db, from, to, 'model'));
        else {
          const sent = join(dir, `sendt-${step}.sqlite`);
          withSession(from, (s) => sendCopy(s.db, from, sent, 'model'));
          const received = receiveFile(sent);
          importReceived(received, to, 'RSD');
          received.close();
        }
        const m = model[a.from % files.length]!;
        files.push(to);
        model.push({ state: new Map(m.state), seen: new Set(m.seen) });
      } else {
        const i = a.into % files.length;
        const j = a.from % files.length;
        if (i === j) continue;
        const mine = model[i]!;
        const theirs = model[j]!;
        const merged: ModelCopy = { state: new Map(mine.state), seen: new Set([...mine.seen, ...theirs.seen]) };
        const conflicts: string[] = [];
        for (const key of KEYS) {
          const wm = mine.state.get(key)!;
          const wt = theirs.state.get(key)!;
          if (wm === wt || mine.seen.has(wt)) continue;
          if (theirs.seen.has(wm)) merged.state.set(key, wt);
          else {
            conflicts.push(key);
            if (choose(key, a.choices) === 'theirs') merged.state.set(key, wt);
          }
        }
        const received = receiveFile(files[j]!);
        try {
          withSession(files[i]!, (s) => {
            const review = previewMerge(s.db, received).review;
            const got = review.conflicts.map((c) => keyOf(c, lineIds)).sort();
            if (JSON.stringify(got) !== JSON.stringify([...conflicts].sort()))
              throw new Error(`${where}: conflicts ${JSON.stringify(got)}, model ${JSON.stringify(conflicts.sort())}`);
            const resolutions = new Map<string, Resolution>(
              review.conflicts.map((c) => [c.id, { take: choose(keyOf(c, lineIds), a.choices) }]),
            );
            applyMerge(s, received, { resolutions });
            const changed = KEYS.some((k) => merged.state.get(k) !== mine.state.get(k));
            if (a.undo >= 1 && changed) s.undo();
            if (a.undo === 2 && changed) s.redo();
            // A merge that changes nothing is no undo step: what it learnt of theirs stays.
            model[i] = a.undo === 1 && changed ? mine : merged;
            expectState(where, read(s, lineIds), model[i]!, value);
          });
        } finally {
          received.close();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function keyOf(c: { lineId: string; year: number | null; kind: string }, lineIds: string[]): string {
  const i = lineIds.indexOf(c.lineId);
  return c.kind === 'amount' ? `a:${i}:${c.year}` : c.kind === 'description' ? `d:${i}` : `${c.kind}:${i}`;
}

function read(s: Session, lineIds: string[]): Map<string, number | string | null> {
  const lines = new Map(s.snapshot().lines.map((l) => [l.id, l]));
  return new Map(
    KEYS.map((k) => {
      const [kind, i, year] = k.split(':');
      const l = lines.get(lineIds[Number(i)]!)!;
      return [k, kind === 'a' ? (l.amounts[Number(year)] ?? null) : l.description];
    }),
  );
}

function write(db: Parameters<typeof setAmounts>[0], lineIds: string[], key: string, v: number | string | null) {
  const [kind, i, year] = key.split(':');
  const lineId = lineIds[Number(i)]!;
  return kind === 'a'
    ? setAmounts(db, { cells: [{ lineId, year: Number(year), value: v as number | null }] })
    : setLineDescription(db, { lineId, description: v as string });
}

function expectState(
  where: string,
  got: Map<string, unknown>,
  m: ModelCopy,
  value: (key: string, edit: number) => unknown,
): void {
  for (const k of KEYS) {
    const want = value(k, m.state.get(k)!);
    if (got.get(k) !== want)
      throw new Error(`${where}: ${k} is ${JSON.stringify(got.get(k))}, model ${JSON.stringify(want)}`);
  }
}

export const mergeProperty = () => fc.property(actions, (seq) => runSequence(seq));
