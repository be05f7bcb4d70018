/**
 * Previews waiting for the user to apply them: an Excel import (db/excel/handlers.ts) or a merge
 * (db/share/handlers.ts). A preview hands out a token; applying it applies exactly what was
 * previewed, and only while the portfolio is as it was then (its revision). Kept per open
 * portfolio, so a token from one file never applies to another, and they go when its Session does.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from './errors';
import type { Session } from './session';

interface Entry<T> {
  /** The portfolio's revision when previewed: a change since then makes the preview stale. */
  revision: number;
  value: T;
  /** Lets go of what the preview holds (a received file) when it is applied or dropped. */
  dispose?: () => void;
}

/** The Danish refusals: the preview is gone, or the portfolio changed since it was made. */
export interface PreviewWording {
  missing: string;
  stale: string;
}

export class Previews<T> {
  private readonly stores = new WeakMap<Session, Map<string, Entry<T>>>();

  /** `kept`: how many previews of an open portfolio wait at most; the oldest go first. */
  constructor(
    readonly kept: number,
    private readonly wording: PreviewWording,
  ) {}

  private entries(session: Session): Map<string, Entry<T>> {
    let store = this.stores.get(session);
    if (!store) this.stores.set(session, (store = new Map()));
    return store;
  }

  /** Keeps `value` as previewed now and returns its token. */
  put(session: Session, value: T, dispose?: () => void): string {
    const token = randomUUID();
    const store = this.entries(session);
    store.set(token, { revision: session.revision, value, dispose });
    // A Map iterates in insertion order: the first keys are the oldest.
    for (const old of [...store.keys()].slice(0, Math.max(0, store.size - this.kept))) this.drop(store, old);
    return token;
  }

  /**
   * Applies the preview of `token` with `apply`, then forgets it. Refused (not-found, conflict)
   * when it is gone or the portfolio changed since; if `apply` throws, the preview stays, so the
   * user can answer the refusal (accept mismatches, choose otherwise) and apply it again.
   */
  take<R>(session: Session, token: string, apply: (value: T) => R): R {
    const store = this.entries(session);
    const entry = store.get(token);
    if (!entry) throw new UserError(this.wording.missing, 'not-found');
    if (entry.revision !== session.revision) throw new UserError(this.wording.stale, 'conflict');
    const result = apply(entry.value);
    this.drop(store, token);
    return result;
  }

  /** Forgets every preview of the open portfolio. */
  clear(session: Session): void {
    const store = this.entries(session);
    for (const token of [...store.keys()]) this.drop(store, token);
  }

  /** The previewed value of `token`, if it is still kept (for tests). */
  peek(session: Session, token: string): T | undefined {
    return this.stores.get(session)?.get(token)?.value;
  }

  size(session: Session): number {
    return this.stores.get(session)?.size ?? 0;
  }

  private drop(store: Map<string, Entry<T>>, token: string): void {
    const entry = store.get(token);
    store.delete(token);
    entry?.dispose?.();
  }
}
