/**
 * A file's own history of values, for the merge review's common value ("base"): every local
 * change is in the audit log with the value before it, so the value a field had just after change
 * number `after` is the old value of its first change after that (or of its line's deletion). One
 * grouped query over the changes after `after` (audit_by_change), for the lines asked about only.
 */
import type { DB } from '../core/open';
import { ValueMap } from './dots';

export type Value = string | number | null;

export interface Field {
  entity: 'line' | 'amount';
  id: string;
  /** A text field of a line, or an amount's year. */
  field: string;
}

export interface History {
  /** Per field asked: its value just after change `after`, or undefined where the log cannot tell. */
  valuesAfter(fields: Field[], after: number): (Value | undefined)[];
  /** Per field asked: the value change `changeNos[i]` wrote to it (none asked: undefined), or undefined where the log cannot tell. */
  valuesWritten(fields: Field[], changeNos: (number | undefined)[]): (Value | undefined)[];
}

interface First {
  seq: number;
  old: string | null;
}

/** An audit value as the merge shows it; anything a received file's log holds that is not one of ours is unknown. */
function parseValue(entity: Field['entity'], old: string | null): Value | undefined {
  if (entity === 'line') return typeof old === 'string' ? old : undefined;
  if (old === null) return null;
  const n = Number(old);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A field of a line deleted or inserted, from the audit value (the line as JSON, with its amounts). */
function fromWholeLine(f: Field, old: string | null): Value | undefined {
  if (old === null) return undefined; // the line was made after `after` (or deleted by the change)
  let line: unknown;
  try {
    line = JSON.parse(old);
  } catch {
    return undefined;
  }
  if (typeof line !== 'object' || line === null) return undefined;
  const l = line as { name?: unknown; description?: unknown; comment?: unknown; amounts?: Record<string, unknown> };
  if (f.entity === 'amount') {
    const v = l.amounts?.[f.field] ?? null;
    return v === null || (typeof v === 'number' && Number.isSafeInteger(v)) ? v : undefined;
  }
  const v = f.field === 'comment' ? (l.comment ?? '') : l[f.field as 'name' | 'description'];
  return typeof v === 'string' ? v : undefined;
}

/** `cancelled`: change numbers to leave out (merges that were undone, and their undos: dots.ts). */
export function historyOf(db: DB, cancelled: number[]): History {
  return {
    valuesAfter(fields, after) {
      if (!fields.length) return [];
      const first = new ValueMap<First>();
      const rows = db
        .prepare<
          [number, string, string],
          { entity: 'line' | 'amount'; id: string; field: string | null; seq: number; old: string | null }
        >(
          // SQLite returns the bare column old_value from the row holding min(seq).
          `SELECT entity, entity_id AS id, field, min(seq) AS seq, old_value AS old FROM audit
           WHERE change_no > ? AND change_no NOT IN (SELECT value FROM json_each(?))
             AND entity IN ('line', 'amount') AND entity_id IN (SELECT value FROM json_each(?))
           GROUP BY entity, entity_id, field`,
        )
        .all(after, JSON.stringify(cancelled), JSON.stringify([...new Set(fields.map((f) => f.id))]));
      for (const r of rows) first.set(r.entity, r.id, r.field ?? '', { seq: r.seq, old: r.old });
      return fields.map((f) => {
        const own = first.get(f.entity, f.id, f.field);
        const existence = first.get('line', f.id, '');
        if (existence && (!own || existence.seq < own.seq)) return fromWholeLine(f, existence.old);
        return own ? parseValue(f.entity, own.old) : undefined;
      });
    },
    valuesWritten(fields, changeNos) {
      const asked = fields.flatMap((f, i) => (changeNos[i] === undefined ? [] : [[changeNos[i], f.id]]));
      if (!asked.length) return fields.map(() => undefined);
      const written = new ValueMap<string | null>();
      const rows = db
        .prepare<
          [string],
          { n: number; entity: 'line' | 'amount'; id: string; field: string | null; new: string | null }
        >(
          `SELECT change_no AS n, entity, entity_id AS id, field, new_value AS new FROM audit
           WHERE entity IN ('line', 'amount') AND (change_no, entity_id) IN (SELECT value->>0, value->>1 FROM json_each(?))`,
        )
        .all(JSON.stringify(asked));
      for (const r of rows) written.set(r.entity, `${r.n}|${r.id}`, r.field ?? '', r.new);
      return fields.map((f, i) => {
        const at = `${changeNos[i]}|${f.id}`;
        if (changeNos[i] === undefined) return undefined;
        const own = written.get(f.entity, at, f.field);
        if (own !== undefined) return parseValue(f.entity, own);
        // Written with the whole line (a line the change inserted, its amounts with it).
        const whole = written.get('line', at, '');
        return whole === undefined ? undefined : fromWholeLine(f, whole);
      });
    },
  };
}
