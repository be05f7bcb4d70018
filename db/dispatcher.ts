/**
 * The one dispatcher: checks the channel and its arguments against the contract, runs the
 * handler on the open portfolio, checks the result, and answers with an envelope. Electron's
 * ipcMain and the browser harness's HTTP endpoint both call it.
 */
import { isChannel, type Channel } from '../shared/channels';
import { contract, describeIssues, type Args, type Envelope, type Result } from '../shared/contract';
import * as commands from './commands';
import { UserError } from './errors';
import { SCHEMA_VERSION } from './migrations/index';
import type { Session } from './session';
import { basename } from 'node:path';

export interface Backend {
  /** The open portfolio; throws a UserError when none is open. */
  session(): Session;
  shell: 'electron' | 'web' | 'cli';
  appVersion: string;
}

/** A handler answers at once, or later for work done off the main thread (reading a workbook). */
type Handlers = { [C in Channel]: (backend: Backend, args: Args<C>) => Result<C> | Promise<Result<C>> };

const handlers: Handlers = {
  'app.info': (b) => ({ fileName: basename(b.session().path), appVersion: b.appVersion, schemaVersion: SCHEMA_VERSION, shell: b.shell }),
  'portfolio.load': (b) => b.session().snapshot(),
  'portfolio.setMeta': (b, a) => b.session().run((db) => commands.setMeta(db, a)),
  'amounts.set': (b, a) => b.session().run((db) => commands.setAmounts(db, a)),
  'lines.add': (b, a) => b.session().run((db) => commands.addLine(db, a)),
  'lines.rename': (b, a) => b.session().run((db) => commands.renameLine(db, a)),
  'lines.setDescription': (b, a) => b.session().run((db) => commands.setLineDescription(db, a)),
  'lines.delete': (b, a) => b.session().run((db) => commands.deleteLine(db, a)),
  'lines.move': (b, a) => b.session().run((db) => commands.moveLine(db, a)),
  'lines.moveToPool': (b, a) => b.session().run((db) => commands.moveLineToPool(db, a)),
  'pools.add': (b, a) => b.session().run((db) => commands.addPool(db, a)),
  'pools.rename': (b, a) => b.session().run((db) => commands.renamePool(db, a)),
  'pools.setDescription': (b, a) => b.session().run((db) => commands.setPoolDescription(db, a)),
  'pools.delete': (b, a) => b.session().run((db) => commands.deletePool(db, a)),
  'pools.move': (b, a) => b.session().run((db) => commands.movePool(db, a)),
  'years.add': (b) => b.session().run((db) => commands.addYear(db)),
  'years.remove': (b, a) => b.session().run((db) => commands.removeYear(db, a)),
  'history.undo': (b) => b.session().undo(),
  'history.redo': (b) => b.session().redo(),
};

export type Dispatch = (channel: unknown, args: unknown) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  onError?: (err: unknown) => void;
  /**
   * Check every result against the contract (default). Arguments are always checked: they
   * cross the trust boundary. Results come from our own typed tables; checking them proves the
   * contract holds in tests, the browser harness and development, but costs ~10 µs a line
   * (0.85 s for a 100,000-line portfolio.load, build/bench), so the packaged app skips it.
   */
  checkResults?: boolean;
}

export function createDispatcher(backend: Backend, options: DispatcherOptions = {}): Dispatch {
  const checkResults = options.checkResults ?? true;
  return async (channel, rawArgs) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Ukendt kanal: ${String(channel).slice(0, 80)}` } };
    }
    const spec = contract[channel];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'invalid-args', message: describeIssues(parsed.error) } };
    try {
      const handler = handlers[channel] as (b: Backend, a: unknown) => unknown;
      const value = await handler(backend, parsed.data);
      if (!checkResults) return { ok: true, value };
      const checked = spec.result.safeParse(value);
      if (!checked.success) throw new Error(`Svaret på ${channel} passer ikke til kontrakten: ${describeIssues(checked.error)}`);
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof UserError) return { ok: false, error: { code: err.code, message: err.message } };
      options.onError?.(err);
      return { ok: false, error: { code: 'internal', message: `Der opstod en uventet fejl: ${(err as Error).message}. Intet blev ændret.` } };
    }
  };
}
