/**
 * The contract's project-card channels for db/dispatcher.ts (docs/domain.md «Projects and
 * monthly status»): reads of the card, and changes each run as a plan on the open portfolio's
 * Session (one undo step).
 */
import type { Channel } from '../../shared/contract/channels';
import type { Group, Handlers } from './backend';
import { addRiskActivity, removeRiskActivity, setMilestone, setPoolKind } from './project-commands';
import { readCardDetails, readRiskFlags } from './project-card';

export type ProjectCardChannel = Extract<
  Channel,
  'pools.setKind' | Group<'projectCard' | 'milestones' | 'riskActivities'>
>;

export const projectCardHandlers: Handlers<ProjectCardChannel> = {
  'projectCard.details': (b, a) => readCardDetails(b.session().db, a.lineId),
  'projectCard.riskFlags': (b) => readRiskFlags(b.session().db),
  'milestones.set': (b, a) => b.session().run((db) => setMilestone(db, a)),
  'riskActivities.add': (b, a) => b.session().run((db) => addRiskActivity(db, a)),
  'riskActivities.remove': (b, a) => b.session().run((db) => removeRiskActivity(db, a)),
  'pools.setKind': (b, a) => b.session().run((db) => setPoolKind(db, a)),
};
