/**
 * The one dispatcher (db/dispatcher.ts) that Electron's ipcMain and the browser harness both
 * call: it refuses unknown channels and bad arguments with a Danish message and changes
 * nothing, turns a UserError into its code and message, and checks every answer against the
 * contract before it leaves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/contract';
import type { Snapshot } from '../../shared/domain/model';
import { summarize } from '../../shared/domain/summary';
import { createPortfolio } from '../../db/core/create';
import { createDispatcher, type Backend, type Dispatch } from '../../db/dispatcher';
import { UserError } from '../../db/core/errors';
import { SCHEMA_VERSION } from '../../db/core/migrations/index';
import { openSession } from '../../db/index';
import type { Session } from '../../db/core/session';

let dir: string;
let session: Session;
let dispatch: Dispatch;
let unexpected: unknown[];

function backend(getSession: () => Session): Backend {
  return { session: getSession, shell: 'web', appVersion: '0.1.0' };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-dispatch-'));
  createPortfolio(join(dir, 'bilag1.sqlite'), { example: true });
  session = openSession(join(dir, 'bilag1.sqlite'));
  unexpected = [];
  dispatch = createDispatcher(
    backend(() => session),
    { onError: (err) => unexpected.push(err) },
  );
});
afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const load = async (): Promise<Snapshot> => {
  const answer = await dispatch('portfolio.load', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as Snapshot;
};
const lineId = async (name: string) => (await load()).lines.find((l) => l.name === name)!.id;
const auditCount = () => (session.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;

/** Calls the dispatcher and checks that the portfolio and its audit log did not change. */
async function refusedWithoutChange(channel: unknown, args: unknown) {
  const before = await load();
  const answer = await dispatch(channel, args);
  expect(await load()).toEqual(before);
  expect(auditCount()).toBe(0);
  if (answer.ok) throw new Error(`${String(channel)} was accepted`);
  // The message is for the user: Danish, not zod's English defaults.
  expect(answer.error.message).not.toMatch(/\b(Invalid|expected|received|Unrecognized|Too small|Too big)\b/);
  return answer.error;
}

describe('refusals change nothing', () => {
  it('an unknown channel', async () => {
    expect(await refusedWithoutChange('portfolio.drop', {})).toEqual({
      code: 'unknown-channel',
      message: 'Ukendt kanal: portfolio.drop',
    });
    expect(await refusedWithoutChange(42, {})).toMatchObject({ code: 'unknown-channel' });
    expect(await refusedWithoutChange('__proto__', {})).toMatchObject({ code: 'unknown-channel' });
  });

  it('a line id that is not a UUID', async () => {
    const error = await refusedWithoutChange('amounts.set', { cells: [{ lineId: 'LPR3', year: 2022, value: 1000 }] });
    expect(error).toEqual({ code: 'invalid-args', message: 'Ugyldige oplysninger (cells.0.lineId): Ugyldig UUID' });
  });

  it('an amount that is not whole kroner', async () => {
    const error = await refusedWithoutChange('amounts.set', {
      cells: [{ lineId: await lineId('Labrek (Laboratorie)'), year: 2022, value: 1.5 }],
    });
    expect(error.code).toBe('invalid-args');
    expect(error.message).toMatch(/^Ugyldige oplysninger \(cells\.0\.value\): /);
  });

  it('an amount as text, or beyond the largest cell', async () => {
    const id = await lineId('Labrek (Laboratorie)');
    expect(
      (await refusedWithoutChange('amounts.set', { cells: [{ lineId: id, year: 2022, value: '1.500' }] })).message,
    ).toMatch(/^Ugyldige oplysninger \(cells\.0\.value\)/);
    expect(
      (await refusedWithoutChange('amounts.set', { cells: [{ lineId: id, year: 2022, value: 1e15 }] })).message,
    ).toMatch(/^Ugyldige oplysninger \(cells\.0\.value\)/);
  });

  it('an unknown extra key, at the top or inside a cell', async () => {
    const id = await lineId('Labrek (Laboratorie)');
    const top = await refusedWithoutChange('amounts.set', {
      cells: [{ lineId: id, year: 2022, value: 1 }],
      force: true,
    });
    expect(top).toEqual({ code: 'invalid-args', message: 'Ugyldige oplysninger: Ukendt nøgle: "force"' });
    const inner = await refusedWithoutChange('amounts.set', {
      cells: [{ lineId: id, year: 2022, value: 1, note: 'x' }],
    });
    expect(inner.code).toBe('invalid-args');
    expect(inner.message).toContain('(cells.0)');
    expect((await refusedWithoutChange('years.add', { year: 2030 })).code).toBe('invalid-args');
  });

  it('an empty name gets the contract\u2019s own Danish message', async () => {
    expect(
      await refusedWithoutChange('lines.rename', { lineId: await lineId('Labrek (Laboratorie)'), name: '   ' }),
    ).toEqual({
      code: 'invalid-args',
      message: 'Ugyldige oplysninger (name): Navnet må ikke være tomt.',
    });
  });

  it('arguments that are not an object at all', async () => {
    expect((await refusedWithoutChange('amounts.set', 'cells')).code).toBe('invalid-args');
    expect((await refusedWithoutChange('amounts.set', null)).code).toBe('invalid-args');
  });
});

describe('a UserError from the backend becomes its code and message', () => {
  it('an amount on a parent line is refused', async () => {
    expect(
      await refusedWithoutChange('amounts.set', {
        cells: [{ lineId: await lineId('MUSE EKG'), year: 2022, value: 1000 }],
      }),
    ).toEqual({
      code: 'refused',
      message: '«MUSE EKG» har underlinjer; dens beløb er summen af dem. Skriv beløbene på underlinjerne.',
    });
  });

  it('a line that no longer exists is not-found', async () => {
    expect(
      await refusedWithoutChange('lines.rename', { lineId: '0b8f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b', name: 'X' }),
    ).toEqual({
      code: 'not-found',
      message: 'Linjen findes ikke længere. Genindlæs porteføljen.',
    });
  });

  it('a duplicate pool name is a conflict', async () => {
    expect(await refusedWithoutChange('pools.add', { name: 'Vestdansk it samarbejde', afterPoolId: null })).toEqual({
      code: 'conflict',
      message: 'Der findes allerede en pulje med navnet «Vestdansk It Samarbejde».',
    });
  });

  it('no open portfolio', async () => {
    const none = createDispatcher(
      backend(() => {
        throw new UserError('Ingen portefølje er åben. Åbn eller opret en portefølje.');
      }),
    );
    expect(await none('portfolio.load', {})).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Ingen portefølje er åben. Åbn eller opret en portefølje.' },
    });
  });
});

describe('successful answers fit the contract', () => {
  it('portfolio.load and app.info', async () => {
    const answer = await dispatch('portfolio.load', undefined);
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(contract['portfolio.load'].result.safeParse(answer.value).success).toBe(true);
    expect(await dispatch('app.info', {})).toEqual({
      ok: true,
      value: { fileName: 'bilag1.sqlite', appVersion: '0.1.0', schemaVersion: SCHEMA_VERSION, shell: 'web' },
    });
  });

  it('amounts.set answers with the changed line, and undo through the dispatcher restores it', async () => {
    const id = await lineId('LPR3 ID3 - Landspatientregister');
    const answer = await dispatch('amounts.set', { cells: [{ lineId: id, year: 2023, value: 3_000_000 }] });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const value = contract['amounts.set'].result.parse(answer.value);
    expect(value.upsertLines?.map((l) => [l.id, l.amounts])).toEqual([[id, { 2022: 1_500_000, 2023: 3_000_000 }]]);
    expect(value.history).toEqual({ canUndo: true, undoLabel: 'Ret beløb', canRedo: false, redoLabel: null });
    expect(summarize(await load()).totals).toEqual({ 2022: 28050, 2023: 11800 });
    expect((await dispatch('history.undo', {})).ok).toBe(true);
    expect(summarize(await load()).totals).toEqual({ 2022: 28050, 2023: 11600 });
  });

  it('an answer that does not fit the contract is not sent: it becomes an internal error', async () => {
    const broken = {
      snapshot: () => {
        const snap = session.snapshot();
        return { ...snap, lines: snap.lines.map((l) => ({ ...l, amounts: { 2022: 0.5 } })) };
      },
    } as unknown as Session;
    const errors: unknown[] = [];
    const answer = await createDispatcher(
      backend(() => broken),
      { onError: (err) => errors.push(err) },
    )('portfolio.load', {});
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('internal');
    expect(answer.error.message).toMatch(
      /^Der opstod en uventet fejl: Svaret på portfolio\.load passer ikke til kontrakten.*Intet blev ændret\.$/,
    );
    expect(errors).toHaveLength(1);
    // The packaged app skips the result check (it costs ~10 µs a line); arguments are still checked.
    const unchecked = createDispatcher(
      backend(() => broken),
      { checkResults: false },
    );
    const passed = await unchecked('portfolio.load', {});
    expect(passed.ok && (passed.value as { lines: { amounts: unknown }[] }).lines[0]?.amounts).toEqual({ 2022: 0.5 });
    expect((await unchecked('amounts.set', { cells: [{ lineId: 'x', year: 2022, value: 1 }] })).ok).toBe(false);
  });

  it('an unexpected error is reported to onError and answered in Danish', async () => {
    const failing = createDispatcher(
      backend(() => {
        throw new Error('disk I/O error');
      }),
      { onError: (err) => unexpected.push(err) },
    );
    expect(await failing('portfolio.load', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Der opstod en uventet fejl: disk I/O error. Intet blev ændret.' },
    });
    expect(unexpected).toHaveLength(1);
  });
});
