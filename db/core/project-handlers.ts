/**
 * The contract's project channels (projects.*, status.*) for db/dispatcher.ts: a project's card
 * and the monthly status (docs/domain.md «Projects and monthly status»), each a plan run on the
 * open portfolio's Session (one undo step) or a read.
 */
import { previousMonth } from '../../shared/danish/month';
import type { Group, Handlers } from './backend';
import { setProject, setStatus, setStatusCells, startStatusMonth, type ProjectChanges } from './project-commands';
import { latestStatusMonth, readProjectCard, readStatusReport } from './project-queries';

/** The projects and status channels served here; reading a status workbook back is db/excel's. */
export type ProjectChannel = Exclude<Group<'projects' | 'status'>, 'status.importPreview' | 'status.importApply'>;

/** The contract's card names to the stored fields. */
const CARD_FIELDS = {
  number: 'number',
  purpose: 'purpose',
  responsible: 'responsible',
  phase: 'phase',
  start: 'start_month',
  end: 'end_month',
  caseRef: 'case_ref',
  riskProfile: 'risk_profile',
} as const;

export const projectHandlers: Handlers<ProjectChannel> = {
  'projects.get': (b, a) => readProjectCard(b.session().db, a.lineId),
  'projects.set': (b, a) => {
    const changes: ProjectChanges = {};
    for (const [key, value] of Object.entries(a.changes) as [keyof typeof CARD_FIELDS, string | null][])
      changes[CARD_FIELDS[key]] = value;
    return b.session().run((db) => setProject(db, { lineId: a.lineId, changes }));
  },
  'status.report': (b, a) => {
    const db = b.session().db;
    return readStatusReport(db, a.month ?? latestStatusMonth(db), a.lineIds);
  },
  'status.set': (b, a) => {
    const change = b.session().run((db) => setStatusCells(db, a));
    const lineIds = [...new Set(a.cells.map((c) => c.lineId))];
    return { ...change, projects: readStatusReport(b.session().db, a.month, lineIds).projects };
  },
  'status.setRemark': (b, a) =>
    b.session().run((db) => setStatus(db, { lineId: a.lineId, month: a.month, changes: { remark: a.remark } })),
  'status.newMonth': (b, a) =>
    b.session().run((db) => startStatusMonth(db, { month: a.month, from: a.from ?? previousMonth(a.month) })),
};
