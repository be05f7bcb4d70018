/**
 * The contract's channels for the project card in the side panel (docs/domain.md «Projects and
 * monthly status»): milestones, the it-råd's activities, a pool's kind, the card's details and
 * the it-råd flags the grid marks. contract.ts joins them with the editing channels.
 * The card itself is read and set through `projects.get` / `projects.set` (projects.ts).
 */
import { z } from 'zod';
import { isMonth } from '../danish/month';
import { TEXT_LIMITS } from '../domain/limits';
import { MILESTONE_STATES, POOL_KINDS, RISK_ACTIVITY_KINDS } from '../domain/project';
import { Change, Id } from './schemas';

const Month = z.string().refine(isMonth, { message: 'Angiv en måned som 2023-11.' });
const Half = z.string().regex(/^\d{4}-H[12]$/, 'Angiv et halvår som 2024-H1.');

const MilestoneState = z.enum(MILESTONE_STATES);
const Milestone = z.object({ half: Half, text: z.string(), state: MilestoneState.nullable() });
const RiskActivity = z.object({ id: Id, kind: z.enum(RISK_ACTIVITY_KINDS), month: Month, note: z.string() });
const PoolKind = z.enum(POOL_KINDS);

export const CardDetailsSchema = z.object({
  milestones: z.array(Milestone),
  riskActivities: z.array(RiskActivity),
  poolKind: PoolKind,
  /** The *Ansvarlig* list: the regions and bodies, then every other name the portfolio's cards use. */
  responsibles: z.array(z.string()),
});
export type CardDetails = z.infer<typeof CardDetailsSchema>;

export const RiskFlagsSchema = z.object({
  /** Projects that must be risk-assessed and are not yet, in the grid's order. */
  flags: z.array(z.object({ lineId: Id, name: z.string(), reason: z.string() })),
  /** Pools that are national or fællesregional (others are not listed). */
  poolKinds: z.record(z.string(), PoolKind),
});
export type RiskFlags = z.infer<typeof RiskFlagsSchema>;

export const projectCardContract = {
  'projectCard.details': {
    doc: "A project's milestones and it-råd activities, its pool's kind and the list of responsibles.",
    args: z.object({ lineId: Id }).strict(),
    result: CardDetailsSchema,
  },
  'projectCard.riskFlags': {
    doc: 'Every project the it-råd rule says must be risk-assessed and is not yet, and the kinds of the pools.',
    args: z.object({}).strict(),
    result: RiskFlagsSchema,
  },
  'milestones.set': {
    doc: "Set a project's milestone of a half-year (text and state); null removes it. One undo step.",
    args: z
      .object({
        lineId: Id,
        half: Half,
        value: z.object({ text: z.string().max(TEXT_LIMITS.description), state: MilestoneState.nullable() }).nullable(),
      })
      .strict(),
    result: Change,
  },
  'riskActivities.add': {
    doc: 'Record an it-råd activity (risikovurdering or sparringsmøde) of a project. One undo step.',
    args: z
      .object({
        lineId: Id,
        kind: z.enum(RISK_ACTIVITY_KINDS),
        month: Month,
        note: z.string().max(TEXT_LIMITS.description),
      })
      .strict(),
    result: Change,
  },
  'riskActivities.remove': {
    doc: 'Remove an it-råd activity. One undo step.',
    args: z.object({ id: Id }).strict(),
    result: Change,
  },
  'pools.setKind': {
    doc: "Set a pool's kind for the it-råd rule (national, fællesregional or other). One undo step.",
    args: z.object({ poolId: Id, kind: PoolKind }).strict(),
    result: Change,
  },
} as const;
