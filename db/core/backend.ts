/**
 * What every contract handler is given (db/dispatcher.ts): the open portfolio and which shell
 * runs it. The handler tables (db/core/handlers.ts, db/excel/handlers.ts, db/share/handlers.ts)
 * all have the one signature of `Handlers`, so the dispatcher routes them alike.
 */
import type { Channel } from '../../shared/contract/channels';
import type { Args, Result } from '../../shared/contract/contract';
import type { Session } from './session';

export interface Backend {
  /** The open portfolio; throws a UserError when none is open. */
  session(): Session;
  shell: 'electron' | 'web' | 'cli';
  appVersion: string;
  /** Makes another file the open portfolio (checked first; the present one stays open if it cannot be). */
  open?(path: string): Session;
}

/** A handler answers at once, or later for work done off the main thread (reading a workbook). */
export type Handler<C extends Channel> = (backend: Backend, args: Args<C>) => Result<C> | Promise<Result<C>>;

/** A table of handlers for the channels `K`: each one present, each with its channel's types. */
export type Handlers<K extends Channel> = { [C in K]: Handler<C> };

/** The channels of one group, by their prefixes (`Group<'excel'>`: excel.preview, excel.apply …). */
export type Group<P extends string> = Extract<Channel, `${P}.${string}`>;
