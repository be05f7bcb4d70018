/**
 * The contract's channels for projects (docs/domain.md «Projects and monthly status»): a
 * project's card (projects.*) and the monthly status (status.*). contract.ts joins them with the
 * editing channels. Values are the stored ones: months `YYYY-MM`, lights `grøn|gul|rød` or null
 * (ikke vurderet); the report writes lights as `grøn|gul|rød|-`, as `cli report --json`.
 */
import { z } from 'zod';
import { isMonth } from '../danish/month';
import { TEXT_LIMITS } from '../domain/limits';
import { LIGHTS, PHASES, PROJECT_TEXT_LIMITS, RISK_PROFILES } from '../domain/project';
import { Change, Id } from './schemas';

export const Month = z.string().refine(isMonth, { message: 'Angiv en måned som 2023-11.' });
const Light = z.enum(LIGHTS);
const Phase = z.enum(PHASES);
const RiskProfile = z.enum(RISK_PROFILES);
/** A light as the report writes it: the word, or `-` for ikke vurderet. */
const LightText = z.enum([...LIGHTS, '-']);
const ReportLights = z.object({
  deliveries: LightText,
  time: LightText,
  money: LightText,
  resources: LightText,
  overall: LightText,
});
const RiskReview = z.object({
  required: z.boolean(),
  reason: z.string().nullable(),
  profile: RiskProfile.nullable(),
});

/** A project's card; `null` (or '' for the texts) where nothing is set. */
export const ProjectCard = z.object({
  lineId: Id,
  number: z.string().nullable(),
  purpose: z.string(),
  responsible: z.string(),
  phase: Phase.nullable(),
  start: Month.nullable(),
  end: Month.nullable(),
  caseRef: z.string(),
  riskProfile: RiskProfile.nullable(),
  riskReview: RiskReview,
});

/** The card fields a user changes; a field left out is unchanged, null (or '') clears it. */
export const ProjectChangesSchema = z
  .object({
    number: z.string().max(PROJECT_TEXT_LIMITS.number).nullable(),
    purpose: z.string().max(TEXT_LIMITS.description),
    responsible: z.string().max(PROJECT_TEXT_LIMITS.responsible),
    phase: Phase.nullable(),
    start: Month.nullable(),
    end: Month.nullable(),
    caseRef: z.string().max(PROJECT_TEXT_LIMITS.caseRef),
    riskProfile: RiskProfile.nullable(),
  })
  .partial()
  .strict();

/** One field of one project's status in a month: a light or the overall status set by hand (null clears it). */
export const StatusCell = z
  .object({
    lineId: Id,
    field: z.enum(['deliveries', 'time', 'money', 'resources', 'overall']),
    value: Light.nullable(),
  })
  .strict();

export const StatusReportSchema = z.object({
  month: Month,
  projects: z.array(
    z.object({
      lineId: Id,
      number: z.string().nullable(),
      name: z.string(),
      pool: z.string(),
      phase: Phase.nullable(),
      start: Month.nullable(),
      end: Month.nullable(),
      responsible: z.string(),
      status: ReportLights,
      previous: ReportLights.nullable(),
      remark: z.string(),
      purpose: z.string(),
      total: z.number().int(),
      riskReview: RiskReview,
    }),
  ),
});

export const projectContract = {
  'projects.get': {
    doc: "A project's card (a top-level line), with the it-råd rule as it stands.",
    args: z.object({ lineId: Id }).strict(),
    result: ProjectCard,
  },
  'projects.set': {
    doc: "Set fields of a project's card as one change and one undo step.",
    args: z.object({ lineId: Id, changes: ProjectChangesSchema }).strict(),
    result: Change,
  },
  'status.report': {
    doc: 'The monthly status report: every project with its lights in the month and the month before; without a month, the newest month with a status; with lineIds, only those projects (a view repainting what changed).',
    args: z.object({ month: Month.optional(), lineIds: z.array(Id).max(100_000).optional() }).strict(),
    result: StatusReportSchema,
  },
  'status.set': {
    doc: "Set lights (or the overall status) of projects in one month as one change and one undo step (a paste is one); the reply carries those projects' rows of the month, so a view repaints them without asking again.",
    args: z.object({ month: Month, cells: z.array(StatusCell).min(1).max(100_000) }).strict(),
    result: Change.extend({ projects: StatusReportSchema.shape.projects }),
  },
  'status.setRemark': {
    doc: "Set a project's remarks (Bemærkninger) in one month.",
    args: z.object({ lineId: Id, month: Month, remark: z.string().max(TEXT_LIMITS.description) }).strict(),
    result: Change,
  },
  'status.newMonth': {
    doc: '«Ny statusmåned»: every project with a status in the month before (or `from`) and none in `month` starts from it, as one undo step.',
    args: z.object({ month: Month, from: Month.optional() }).strict(),
    result: Change,
  },
} as const;
