/**
 * Workbooks read for an import preview, waiting for the user to apply them. The preview hands out
 * a token; applying it imports exactly the workbook that was previewed, without reading the file
 * again. Kept per open portfolio (a token from one file never applies to another) and only the
 * last few, since a read annex of 100,000 lines holds tens of MB.
 */
import { randomUUID } from 'node:crypto';
import type { AnnexRead } from '../../shared/contract/annex';
import type { Session } from '../core/session';

export interface PendingImport {
  read: AnnexRead;
  fileName: string;
  /** The portfolio's revision when previewed: a change since then makes the preview stale. */
  revision: number;
  at: Date;
}

export const PENDING_KEPT = 3;

export class PendingImports {
  private readonly entries = new Map<string, PendingImport>();

  put(entry: Omit<PendingImport, 'at'>, now = new Date()): string {
    const token = randomUUID();
    this.entries.set(token, { ...entry, at: now });
    // A Map iterates in insertion order: the first keys are the oldest.
    for (const old of [...this.entries.keys()].slice(0, Math.max(0, this.entries.size - PENDING_KEPT))) this.entries.delete(old);
    return token;
  }

  get(token: string): PendingImport | undefined {
    return this.entries.get(token);
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}

const stores = new WeakMap<Session, PendingImports>();

/** The pending imports of an open portfolio; they go when its Session does. */
export function pendingImports(session: Session): PendingImports {
  let store = stores.get(session);
  if (!store) stores.set(session, (store = new PendingImports()));
  return store;
}
