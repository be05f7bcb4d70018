/**
 * A portfolio's project data as the merge sees it (docs/architecture.md «The path of a merge»):
 * every value is a field of its project's line, so it has a dot like a line's name or an amount
 * (dots.ts) and share_dot stores it under entity 'line' with no new schema:
 * - `project.<field>`: a card field (number, purpose, phase, …);
 * - `status.<YYYY-MM>.<field>`: one light, the overall or the remark of a month's status;
 * - `milestone.<YYYY-Hn>.text` and `.state`: a half-year's milestone;
 * - `risk.<id>`: an it-råd activity (made and deleted, never edited): its text, or absent;
 * and a pool's kind is the pool's field `kind`. An absent value, '' and NULL are one: «none».
 * The audit log's project rows (db/core/project-ops.ts) are mapped onto these addresses, for the
 * dots of this copy's own changes and for the common value of a conflict (history.ts).
 */
import type { DB } from '../core/open';
import { PROJECT_FIELDS, STATUS_FIELDS, type RiskActivityRecord } from '../core/project-ops';
import type { Entity } from './dots';
import type { Field, History, Value } from './history';

/** One side's project values: per line, its values by field (absent: none); pool kinds; risk activities by id. */
export interface ProjectValues {
  lines: Map<string, Map<string, string>>;
  pools: Map<string, string>;
  risks: Map<string, RiskActivityRecord>;
}

/** A field address of project data (the line's own fields never hold a dot). */
export const isProjectField = (field: string): boolean => field.includes('.');

export const riskText = (r: { kind: string; month: string; note: string }): string =>
  `${r.kind} ${r.month}${r.note ? ` · ${r.note}` : ''}`;

export function readProjectValues(db: DB): ProjectValues {
  const lines = new Map<string, Map<string, string>>();
  const put = (lineId: string, field: string, v: string | null) => {
    if (v === null || v === '') return;
    let m = lines.get(lineId);
    if (!m) lines.set(lineId, (m = new Map()));
    m.set(field, v);
  };
  for (const p of db.prepare<[], Record<string, string | null>>('SELECT * FROM project').all())
    for (const f of PROJECT_FIELDS) put(p.line_id!, `project.${f}`, p[f] ?? null);
  for (const s of db.prepare<[], Record<string, string | null>>('SELECT * FROM project_status').all())
    for (const f of STATUS_FIELDS) put(s.line_id!, `status.${s.month}.${f}`, s[f] ?? null);
  for (const m of db
    .prepare<[], { line_id: string; half: string; text: string; state: string | null }>('SELECT * FROM milestone')
    .all()) {
    put(m.line_id, `milestone.${m.half}.text`, m.text);
    put(m.line_id, `milestone.${m.half}.state`, m.state);
  }
  const risks = new Map<string, RiskActivityRecord>();
  for (const r of db.prepare<[], RiskActivityRecord>('SELECT * FROM risk_activity').all()) {
    risks.set(r.id, r);
    put(r.line_id, `risk.${r.id}`, riskText(r));
  }
  const pools = new Map(
    db
      .prepare<[], [string, string]>('SELECT pool_id, kind FROM pool_kind')
      .raw(true)
      .all()
      .map(([id, kind]) => [id, kind]),
  );
  return { lines, pools, risks };
}

const PROJECT_ENTITIES = "('project', 'project_status', 'milestone', 'risk_activity', 'pool_kind')";

type AuditRow = [entity: string, id: string | null, field: string | null, old: string | null, neu: string | null];

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The addresses one audit row of project data wrote, each with the value it had before the row
 * (undefined where a received file's log holds something that is not one of ours).
 */
function addressesOf(row: AuditRow): [Entity, string, string, Value | undefined][] {
  const [entity, id, field, old, neu] = row;
  if (id === null) return [];
  switch (entity) {
    case 'project':
      return field ? [['line', id, `project.${field}`, str(old)]] : [];
    case 'project_status': {
      const [month, f] = (field ?? '').split(' ');
      return month && f ? [['line', id, `status.${month}.${f}`, str(old)]] : [];
    }
    case 'milestone': {
      if (!field) return [];
      const before = parse(old);
      return [
        ['line', id, `milestone.${field}.text`, old === null ? null : before ? str(before.text) : undefined],
        ['line', id, `milestone.${field}.state`, old === null ? null : before ? str(before.state) : undefined],
      ];
    }
    case 'risk_activity': {
      const a = parse(old) ?? parse(neu);
      const lineId = str(a?.line_id);
      if (!a || !lineId) return [];
      const before =
        old === null ? null : riskText({ kind: String(a.kind), month: String(a.month), note: String(a.note ?? '') });
      return [['line', lineId, `risk.${id}`, before]];
    }
    case 'pool_kind':
      return [['pool', id, 'kind', old === 'other' ? null : str(old)]];
    default:
      return [];
  }
}

/** This copy's own changes of project data after `since` (less `cancelled`): the newest change of each address. */
export function localProjectChanges(
  db: DB,
  since: number,
  cancelled: string,
): [Entity, string, string, number, string][] {
  const newest = new Map<string, [Entity, string, string, number, string]>();
  const rows = db
    .prepare<[number, string], [...AuditRow, number, string]>(
      `SELECT entity, entity_id, field, old_value, new_value, change_no, at FROM audit
       WHERE change_no > ? AND change_no NOT IN (SELECT value FROM json_each(?)) AND entity IN ${PROJECT_ENTITIES}
       ORDER BY seq`,
    )
    .raw(true)
    .all(since, cancelled);
  for (const [entity, id, field, old, neu, n, at] of rows)
    for (const [e, i, f] of addressesOf([entity, id, field, old, neu]))
      newest.set(`${e}\u0001${i}\u0001${f}`, [e, i, f, n, at]);
  return [...newest.values()];
}

/**
 * The history of project values (history.ts's, for the addresses above): a value just after
 * change `after` is the old value of its first change after that.
 */
function projectValuesAfter(db: DB, cancelled: number[], fields: Field[], after: number): (Value | undefined)[] {
  const first = new Map<string, Value | undefined>();
  const rows = db
    .prepare<[number, string], AuditRow>(
      `SELECT entity, entity_id, field, old_value, new_value FROM audit
       WHERE change_no > ? AND change_no NOT IN (SELECT value FROM json_each(?)) AND entity IN ${PROJECT_ENTITIES}
       ORDER BY seq`,
    )
    .raw(true)
    .all(after, JSON.stringify(cancelled));
  for (const row of rows)
    for (const [e, id, f, old] of addressesOf(row)) {
      const k = `${e}\u0001${id}\u0001${f}`;
      if (!first.has(k)) first.set(k, old);
    }
  return fields.map((f) => {
    const k = `line\u0001${f.id}\u0001${f.field}`;
    // Not changed since: the value is still the one the file holds, which the caller knows; unknown here.
    return first.has(k) ? first.get(k) : undefined;
  });
}

/** A file's history (history.ts) that also answers for project values. */
export function withProjectHistory(db: DB, cancelled: number[], lines: History): History {
  return {
    valuesAfter(fields, after) {
      const own = fields.filter((f) => !isProjectField(f.field));
      const project = fields.filter((f) => isProjectField(f.field));
      const a = lines.valuesAfter(own, after);
      const b = project.length ? projectValuesAfter(db, cancelled, project, after) : [];
      let i = 0;
      let j = 0;
      return fields.map((f) => (isProjectField(f.field) ? b[j++] : a[i++]));
    },
    // A project value's later write is not looked up (its audit rows are per table): the value after `after` stands.
    valuesWritten: (fields, changeNos) =>
      lines.valuesWritten(
        fields,
        fields.map((f, i) => (isProjectField(f.field) ? undefined : changeNos[i])),
      ),
  };
}
