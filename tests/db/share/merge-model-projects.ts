/**
 * Project data in the model-based merge property (merge-model.ts): edits of a project's phase,
 * end month, one light of a month's status and its remark, and the values the model compares,
 * under keys `j:<line>:<field>` with the merge's own field addresses (db/share/project-values.ts):
 * `project.phase`, `status.2023-11.time` … The model's rules are a line's value's (merge-model-rules.ts):
 * changed on one side it arrives, on both to different values a conflict of kind 'project'.
 * Kept apart from the amounts' edits so that the model's two halves grow separately.
 */
import * as projects from '../../../db/core/project-commands';
import type { Session } from '../../../db/core/session';
import type { Plan } from '../../../db/core/commands';
import { LIGHT_FIELDS, LIGHTS, PHASES } from '../../../shared/domain/project';
import type { Written } from './merge-model-rules';

export const PROJECT_EDITS = ['light', 'phase', 'end', 'remark'] as const;
export type ProjectEdit = (typeof PROJECT_EDITS)[number];
// Few fields, so that edits on two copies meet often (a conflict needs the same field of the same line).
const MONTHS = ['2023-11'];
const CARD = ['phase', 'end_month'] as const;
const STATUS = [...LIGHT_FIELDS, 'remark'] as const;

/** One project edit (n: the edit's number) of top-level line `lineId`; `other` picks a month and a light. */
export function projectEdit(db: Session['db'], edit: ProjectEdit, lineId: string, other: number, n: number): Plan {
  const month = MONTHS[other % MONTHS.length]!;
  switch (edit) {
    case 'light': {
      const field = (['time', 'money'] as const)[(other >> 1) % 2]!;
      return projects.setStatus(db, { lineId, month, changes: { [field]: LIGHTS[n % LIGHTS.length]! } });
    }
    case 'remark':
      return projects.setStatus(db, { lineId, month, changes: { remark: `b${n}` } });
    case 'phase':
      return projects.setProject(db, { lineId, changes: { phase: PHASES[n % PHASES.length]! } });
    case 'end':
      return projects.setProject(db, { lineId, changes: { end_month: `20${20 + (n % 10)}-0${1 + (n % 9)}` } });
  }
}

let months: Set<string> | undefined;

/**
 * The project values of the file's top-level lines, by model key: every card field edited and
 * status field of the edited months and the example's is there, null where not set, so that
 * a value is compared like an amount.
 */
export function readProjects(s: Session, topLevel: string[], out: Map<string, Written['value']>): void {
  const card = new Map(
    s.db
      .prepare<[], Record<string, string | null>>('SELECT * FROM project')
      .all()
      .map((r) => [r.line_id!, r]),
  );
  const status = new Map(
    s.db
      .prepare<[], Record<string, string | null>>('SELECT * FROM project_status')
      .all()
      .map((r) => [`${r.line_id}|${r.month}`, r]),
  );
  // The example's months (read once, from the first file: every sequence starts from it) and the edited ones.
  months ??= new Set([...MONTHS, ...[...status.values()].map((r) => r.month!)]);
  const v = (x: string | null | undefined) => (x === undefined || x === '' ? null : x);
  for (const id of topLevel) {
    for (const f of CARD) out.set(`j:${id}:project.${f}`, v(card.get(id)?.[f]));
    for (const m of months)
      for (const f of STATUS) out.set(`j:${id}:status.${m}.${f}`, v(status.get(`${id}|${m}`)?.[f]));
  }
}

/** The model key of a project conflict (its id is `project:<line>:<field>`). */
export const projectConflictKey = (id: string): string => `project j:${id.split(':').slice(1).join(':')}`;
