/**
 * The one dispatcher: checks the channel and its arguments against the contract, runs the
 * handler on the open portfolio, checks the result, and answers with an envelope. Electron's
 * ipcMain and the browser harness's HTTP endpoint both call it.
 */
import { isChannel, type Channel } from '../shared/contract/channels';
import { contract, describeIssues, type ApiError, type Envelope } from '../shared/contract/contract';
import type { Backend, Handlers } from './core/backend';
import { UserError } from './core/errors';
import { coreHandlers } from './core/handlers';
import { projectHandlers } from './core/project-handlers';
import { projectCardHandlers } from './core/project-card-handlers';
import { excelHandlers } from './excel/handlers';
import { statusImportHandlers } from './excel/status-import-handlers';
import { shareHandlers } from './share/handlers';
import { personHandlers } from './share/person-handlers';

export type { Backend } from './core/backend';

/** Every channel of the contract, each from its group's table: a channel without a handler does not compile. */
const handlers: Handlers<Channel> = {
  ...coreHandlers,
  ...projectHandlers,
  ...projectCardHandlers,
  ...excelHandlers,
  ...shareHandlers,
  ...personHandlers,
  ...statusImportHandlers,
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

/** A refusal the user is told (UserError: Danish, says what to do) as the envelope's error; null for anything else. */
export function userFailure(err: unknown): { ok: false; error: ApiError } | null {
  return err instanceof UserError ? { ok: false, error: { code: err.code, message: err.message } } : null;
}

export function createDispatcher(backend: Backend, options: DispatcherOptions = {}): Dispatch {
  const checkResults = options.checkResults ?? true;
  return async (channel, rawArgs) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'unknown-channel', message: `Ukendt kanal: ${String(channel).slice(0, 80)}` },
      };
    }
    const spec = contract[channel];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'invalid-args', message: describeIssues(parsed.error) } };
    try {
      const handler = handlers[channel] as (b: Backend, a: unknown) => unknown;
      const value = await handler(backend, parsed.data);
      if (!checkResults) return { ok: true, value };
      const checked = spec.result.safeParse(value);
      if (!checked.success)
        throw new Error(`Svaret på ${channel} passer ikke til kontrakten: ${describeIssues(checked.error)}`);
      return { ok: true, value: checked.data };
    } catch (err) {
      const failure = userFailure(err);
      if (failure) return failure;
      options.onError?.(err);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Der opstod en uventet fejl: ${(err as Error).message}. Intet blev ændret.`,
        },
      };
    }
  };
}
