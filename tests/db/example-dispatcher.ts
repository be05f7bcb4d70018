/**
 * The example portfolio in a temporary folder, opened, behind the one dispatcher: what the
 * dispatcher tests of each channel family start from, as the app's renderer sees the backend.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Args, Result } from '../../shared/contract/contract';
import type { Channel } from '../../shared/contract/channels';
import { createPortfolio } from '../../db/core/create';
import { createDispatcher, type Dispatch, type DispatcherOptions } from '../../db/dispatcher';
import { openSession } from '../../db/index';
import type { Session } from '../../db/core/session';

export interface ExampleDispatcher {
  dir: string;
  session: Session;
  dispatch: Dispatch;
}

/** A new example portfolio `bilag1.sqlite` in a new folder named from `prefix`, and its dispatcher. */
export function openExampleDispatcher(prefix: string, options: DispatcherOptions = {}): ExampleDispatcher {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  createPortfolio(join(dir, 'bilag1.sqlite'), { example: true });
  const session = openSession(join(dir, 'bilag1.sqlite'));
  const dispatch = createDispatcher({ session: () => session, shell: 'web', appVersion: '0.1.0' }, options);
  return { dir, session, dispatch };
}

export function closeExampleDispatcher(example: ExampleDispatcher): void {
  example.session.close();
  rmSync(example.dir, { recursive: true, force: true });
}

/**
 * A channel call that answers the value, or throws the refusal as an Error with its message and
 * `code`. Typed by the contract when the channel is named literally; `call<T>(…)` otherwise.
 */
export function callerOf(dispatch: () => Dispatch) {
  async function call<C extends Channel>(channel: C, args: Args<C>): Promise<Result<C>>;
  async function call<T>(channel: string, args: unknown): Promise<T>;
  async function call(channel: string, args: unknown): Promise<unknown> {
    const answer = await dispatch()(channel, args);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.value;
  }
  return call;
}
