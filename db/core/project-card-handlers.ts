/**
 * The contract's project-card channels for db/dispatcher.ts (docs/domain.md «Projects and
 * monthly status»): reads of the card, and changes each run as a plan on the open portfolio's
 * Session (one undo step).
 */
import type { Channel } from '../../shared/contract/channels';
import type { Group, Handlers } from './backend';
import { addRiskActivity, removeRiskActivity, setMilestone, setPoolKind, setProject } from './project-commands';
import type { ProjectChanges } from './project-commands';
import { readCardDetails, readProjectCard, readRiskFlags } from './project-card';

export type ProjectCardChannel = Extract<
  Channel,
  'projects.get' | 'projects.set' | 'pools.setKind' | Group<'projectCard' | 'milestones' | 'riskActivities'>
>;

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

export const projectCardHandlers: Handlers<ProjectCardChannel> = {
  'projects.get': (b, a) => readProjectCard(b.session().db, a.lineId),
  'projects.set': (b, a) => {
    const changes: ProjectChanges = {};
    for (const [key, value] of Object.entries(a.changes) as [keyof typeof CARD_FIELDS, string | null][])
      changes[CARD_FIELDS[key]] = value;
    return b.session().run((db) => setProject(db, { lineId: a.lineId, changes }));
  },
  'projectCard.details': (b, a) => readCardDetails(b.session().db, a.lineId),
  'projectCard.riskFlags': (b) => readRiskFlags(b.session().db),
  'milestones.set': (b, a) => b.session().run((db) => setMilestone(db, a)),
  'riskActivities.add': (b, a) => b.session().run((db) => addRiskActivity(db, a)),
  'riskActivities.remove': (b, a) => b.session().run((db) => removeRiskActivity(db, a)),
  'pools.setKind': (b, a) => b.session().run((db) => setPoolKind(db, a)),
};
