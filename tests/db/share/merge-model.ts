/**
 * The model-based merge property (issue 11): random sequences over 2–5 copies of one portfolio,
 * made by every route (a plain file copy or an attachment opened where it lies, Gem som, Send,
 * «Åbn fil fra anden region», the CLI's send; every action is a new Session on the file), edited
 * (amounts, names, descriptions, new lines and sub-lines, deletions, moves in and between pools), merged in
 * random directions with random conflict choices, some merges undone or undone and redone. After
 * each merge the file must equal a reference model that keeps, for every copy, the SET of edits
 * it has seen (no version vectors), and the merge's conflicts must be exactly the model's.
 * The rules are in merge-model-rules.ts; local edits are observed (the file before and after), so the
 * model predicts merges only.
 * Used by merge-model.test.ts (npm test) and merge-fuzz.ts (npm run fuzz).
 */
import fc from 'fast-check';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as commands from '../../../db/core/commands';
import { copyPortfolio } from '../../../db/core/copy';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import type { Session } from '../../../db/core/session';
import { openSession } from '../../../db/index';
import { applyMerge, importReceived, previewMerge } from '../../../db/share/apply';
import type { Resolution } from '../../../db/share/merge';
import { mergeModel, type ModelCopy, type Written } from './merge-model-rules';
import { PROJECT_EDITS, projectConflictKey, projectEdit, readProjects } from './merge-model-projects';
import { runCli } from '../../../db/cli/main';
import { receiveFile } from '../../../db/share/receive';
import { sendCopy } from '../../../db/share/send';

type Route = 'file' | 'saveAs' | 'send' | 'receive' | 'cli';
const EDITS = [
  'amount',
  'name',
  'description',
  'comment',
  'add',
  'sub',
  'delete',
  'move',
  'pool',
  'addPool',
  'deletePool',
  'addYear',
  'removeYear',
  ...PROJECT_EDITS,
] as const;
export type Action =
  | { kind: 'edit'; copy: number; edit: (typeof EDITS)[number]; line: number; other: number }
  | { kind: 'copy'; from: number; route: Route }
  | { kind: 'merge'; into: number; from: number; choices: number; undo: 0 | 1 | 2 };

const edits = fc.record({
  kind: fc.constant('edit' as const),
  copy: fc.nat(4),
  edit: fc.constantFrom(...EDITS, 'amount', 'amount', 'name', 'deletePool', 'removeYear'),
  line: fc.nat(7), // among the first 8 lines by id: edits on both sides meet often
  other: fc.nat(),
});
const copies = fc.record({
  kind: fc.constant('copy' as const),
  from: fc.nat(4),
  route: fc.constantFrom<Route>('file', 'saveAs', 'send', 'receive', 'cli'),
});
const merges = fc.record({
  kind: fc.constant('merge' as const),
  into: fc.nat(4),
  from: fc.nat(4),
  choices: fc.nat(),
  undo: fc.constantFrom<0 | 1 | 2>(0, 0, 1, 2),
});
export const actions = fc.array(
  fc.oneof({ arbitrary: edits, weight: 5 }, { arbitrary: copies, weight: 2 }, { arbitrary: merges, weight: 3 }),
  { minLength: 3, maxLength: 16 },
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

/**
 * The sequences' files live in memory where the system has a memory folder: the property is about
 * merges, not disks, and every write's fsync on a shared disk made 300 sequences take minutes.
 */
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** The example portfolio, made once per process: every sequence starts from a copy of it (one origin). */
let made: string | undefined;
function template(): string {
  if (made) return made;
  const path = join(mkdtempSync(join(scratch, 'puljeplan-model-template-')), 'eksempel.sqlite');
  createPortfolio(path, { example: true, region: 'RM' });
  process.once('exit', () => rmSync(join(path, '..'), { recursive: true, force: true }));
  return (made = path);
}

/** The file's values by model key (merge-model-rules.ts). */
function read(s: Session): Map<string, Written['value']> {
  const snap = s.snapshot();
  const out = new Map<string, Written['value']>();
  for (const l of snap.lines) {
    out.set(`x:${l.id}`, 'ja');
    out.set(`n:${l.id}`, l.name);
    out.set(`d:${l.id}`, l.description);
    out.set(`c:${l.id}`, l.comment ?? '');
    out.set(`p:${l.id}`, `${l.poolId}|${l.parentId ?? ''}|${l.position}`);
    for (const y of snap.years) out.set(`a:${l.id}:${y}`, l.amounts[y] ?? null);
  }
  readProjects(
    s,
    snap.lines.filter((l) => l.parentId === null).map((l) => l.id),
    out,
  );
  for (const p of snap.pools) out.set(`P:${p.id}`, 'ja');
  for (const y of snap.years) out.set(`Y:${y}`, 'ja');
  return out;
}

/**
 * One edit as a user makes it (n: the edit's number, which makes every value it writes new).
 * `line` and `other` pick a line and a pool or year among what the file has.
 */
function edit(s: Session, a: Extract<Action, { kind: 'edit' }>, n: number): void {
  const snap = s.snapshot();
  const lines = [...snap.lines].sort((x, y) => (x.id < y.id ? -1 : 1));
  const l = lines[a.line % lines.length];
  const pool = snap.pools[a.other % snap.pools.length]!;
  if (!l) return;
  const hasChildren = lines.some((c) => c.parentId === l.id);
  if (a.edit === 'removeYear') {
    // Never the last year: addYear (the last + 1) would bring the same year back as a new one.
    if (snap.years.length < 2) return;
    const year = snap.years[a.other % (snap.years.length - 1)]!;
    const leaves = lines.filter((x) => !lines.some((c) => c.parentId === x.id) && x.amounts[year] != null);
    const cells = leaves.map((x) => ({ lineId: x.id, year, value: null }));
    if (cells.length) s.run((db) => commands.setAmounts(db, { cells }));
    s.run((db) => commands.removeYear(db, { year }));
    return;
  }
  s.run((db) => {
    switch (a.edit) {
      case 'amount':
        if (hasChildren) return { label: '', ops: [] };
        return commands.setAmounts(db, {
          cells: [{ lineId: l.id, year: snap.years[a.other % snap.years.length]!, value: n * 1000 }],
        });
      case 'name':
        return commands.renameLine(db, { lineId: l.id, name: `n${n}` });
      case 'description':
        return commands.setLineDescription(db, { lineId: l.id, description: `d${n}` });
      case 'comment':
        return commands.setLineComment(db, { lineId: l.id, comment: `c${n}` });
      case 'addPool':
        return commands.addPool(db, { name: `pulje${n}`, afterPoolId: null });
      case 'deletePool':
        return commands.deletePool(db, { poolId: pool.id });
      case 'addYear':
        return commands.addYear(db);
      case 'removeYear':
        return { label: '', ops: [] }; // removeYear below: emptied first, as a user must
      case 'add':
        return commands.addLine(db, { poolId: pool.id, parentId: null, afterLineId: null, name: `ny${n}` });
      case 'sub':
        if (l.parentId) return { label: '', ops: [] };
        return commands.addLine(db, { poolId: l.poolId, parentId: l.id, afterLineId: null, name: `u${n}` });
      case 'delete':
        return commands.deleteLine(db, { lineId: l.id });
      case 'move':
        return commands.moveLine(db, { lineId: l.id, direction: a.other % 2 ? 'up' : 'down' });
      case 'pool':
        if (l.parentId) return { label: '', ops: [] };
        return commands.moveLineToPool(db, { lineId: l.id, poolId: pool.id });
      default:
        if (l.parentId) return { label: '', ops: [] };
        return projectEdit(db, a.edit, l.id, a.other, n);
    }
  });
}

const silent = { out: () => {}, err: () => {} };

/** A copy of `from` at `to`, made by one of the routes a user has. */
function copy(dir: string, from: string, to: string, route: Route, step: number): void {
  if (route === 'file')
    copyFileSync(from, to); // Explorer, or an attachment opened where it lies
  else if (route === 'saveAs') withSession(from, (s) => copyPortfolio(s.db, from, to));
  else if (route === 'send') withSession(from, (s) => sendCopy(s.db, from, to, 'model'));
  else if (route === 'cli') {
    if (runCli(['send', from, '--out', to], silent) !== 0) throw new Error(`cli send ${from} failed`);
  } else {
    const sent = join(dir, `sendt-${step}.sqlite`);
    withSession(from, (s) => sendCopy(s.db, from, sent, 'model'));
    const received = receiveFile(sent);
    importReceived(received, to, 'RSD');
    received.close();
  }
}

/**
 * A local edit `n` as the model sees it, from the file before and after: every value that changed
 * was written by it. A deleted line, pool or year, and the amounts of a removed year, leave a
 * value undefined (the deletion is a write others may not have seen); the empty amounts of a
 * year added are no write (they carry the line's own).
 */
function observe(m: ModelCopy, before: Map<string, Written['value']>, after: Map<string, Written['value']>, n: number) {
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(k) === after.get(k)) continue;
    const line = `x:${k.split(':')[1]}`;
    if (k.startsWith('a:') && !before.has(k) && after.get(k) === null && before.has(line))
      m.state.set(k, { edit: m.state.get(k)?.edit ?? m.state.get(line)!.edit, value: null });
    else if (after.has(k) || /^[xPY]:/.test(k) || (k.startsWith('a:') && after.has(line)))
      m.state.set(k, { edit: n, value: after.get(k) });
    else m.state.delete(k);
  }
}

/** The model key of a conflict in the review: `<kind> <key>`. */
function conflictKey(c: { id: string; lineId: string | null; year: number | null; kind: string }): string {
  if (c.kind === 'project') return projectConflictKey(c.id);
  if (c.kind.startsWith('pool-')) return `${c.kind} P:${c.id.split(':')[1]}`;
  if (c.kind.startsWith('year-')) return `${c.kind} Y:${c.year}`;
  const prefix = { amount: 'a', name: 'n', description: 'd', comment: 'c' }[c.kind as 'amount'] ?? 'x';
  return `${c.kind} ${prefix}:${c.lineId}${c.kind === 'amount' ? `:${c.year}` : ''}`;
}

/** Runs one sequence against real files and the model; throws on the first difference. */
export function runSequence(seq: Action[]): void {
  const dir = mkdtempSync(join(scratch, 'puljeplan-model-'));
  try {
    const first = join(dir, 'c0.sqlite');
    copyFileSync(template(), first);
    // The example's values: edit 0, which every copy has seen.
    const initial = withSession(first, read);
    const files = [first];
    const model: ModelCopy[] = [
      { state: new Map([...initial].map(([k, value]) => [k, { edit: 0, value }])), seen: new Set([0]) },
    ];
    let next = 1;
    for (const [step, a] of seq.entries()) {
      const where = `step ${step} ${JSON.stringify(a)}`;
      if (a.kind === 'edit') {
        const c = a.copy % files.length;
        const n = next++;
        withSession(files[c]!, (s) => {
          const before = read(s);
          try {
            edit(s, a, n);
          } catch (err) {
            if (!(err instanceof UserError)) throw err; // refused, as a user would see
          }
          const after = read(s);
          const m = model[c]!;
          observe(m, before, after, n);
          m.seen.add(n);
        });
      } else if (a.kind === 'copy') {
        if (files.length >= 5) continue;
        const from = a.from % files.length;
        const to = join(dir, `c${files.length}.sqlite`);
        copy(dir, files[from]!, to, a.route, step);
        files.push(to);
        model.push({ state: new Map(model[from]!.state), seen: new Set(model[from]!.seen) });
      } else {
        const i = a.into % files.length;
        const j = a.from % files.length;
        if (i === j) continue;
        const mine = model[i]!;
        const { merged, conflicts } = mergeModel(mine, model[j]!, (k) => choose(k, a.choices), next++);
        const received = receiveFile(files[j]!);
        try {
          withSession(files[i]!, (s) => {
            const review = previewMerge(s.db, received).review;
            const got = review.conflicts.map(conflictKey).sort();
            if (JSON.stringify(got) !== JSON.stringify([...conflicts].sort()))
              throw new Error(`${where}: conflicts ${JSON.stringify(got)}, model ${JSON.stringify(conflicts.sort())}`);
            const resolutions = new Map<string, Resolution>(
              review.conflicts.map((c) => [c.id, { take: choose(conflictKey(c).split(' ')[1]!, a.choices) }]),
            );
            applyMerge(s, received, { resolutions });
            const changed = !sameValues(merged, mine);
            if (a.undo >= 1 && changed) s.undo();
            if (a.undo === 2 && changed) s.redo();
            // A merge that changes nothing is no undo step: what it learnt of theirs stays.
            model[i] = a.undo === 1 && changed ? mine : merged;
            expectState(where, read(s), model[i]!);
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

function values(m: ModelCopy): Map<string, Written['value']> {
  const out = new Map<string, Written['value']>();
  for (const [k, w] of m.state) if (w.value !== undefined) out.set(k, w.value);
  return out;
}

function sameValues(a: ModelCopy, b: ModelCopy): boolean {
  const va = values(a);
  const vb = values(b);
  return va.size === vb.size && [...va].every(([k, v]) => vb.has(k) && vb.get(k) === v);
}

function expectState(where: string, got: Map<string, Written['value']>, m: ModelCopy): void {
  const want = values(m);
  for (const k of new Set([...got.keys(), ...want.keys()]))
    if (got.get(k) !== want.get(k))
      throw new Error(`${where}: ${k} is ${JSON.stringify(got.get(k))}, model ${JSON.stringify(want.get(k))}`);
}

export const mergeProperty = () => fc.property(actions, (seq) => runSequence(seq));
