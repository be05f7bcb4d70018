/**
 * The building blocks of the contract's schemas (contract.ts, files.ts): ids, years, kroner, names,
 * and the portfolio as it crosses to the page (Snapshot, Change). One declaration gives both the
 * runtime check and the TypeScript type.
 */
import { z } from 'zod';
import { AMOUNT_LIMIT_MESSAGE, TEXT_LIMITS, tooLongMessage, YEAR_RANGE } from '../domain/limits';
import { MAX_CELL_KRONER } from '../domain/money';
import { REGION_CODES } from '../domain/model';

// Error messages reach the user (docs/architecture.md, "One contract, two shells"), and
// zod's default ones are English ("Invalid UUID"); its own Danish locale covers every check.
z.config(z.locales.da());

export const Id = z.uuid();
export const Year = z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max);
export const KRONER_MESSAGE = AMOUNT_LIMIT_MESSAGE;
export const Kroner = z
  .number({ error: KRONER_MESSAGE })
  .int({ error: KRONER_MESSAGE })
  .min(-MAX_CELL_KRONER, { error: KRONER_MESSAGE })
  .max(MAX_CELL_KRONER, { error: KRONER_MESSAGE });
export const Name = z.string().trim().min(1, 'Navnet må ikke være tomt.').max(TEXT_LIMITS.name, tooLongMessage('name'));
export const Title = z
  .string()
  .trim()
  .min(1, 'Titlen må ikke være tom.')
  .max(TEXT_LIMITS.title, tooLongMessage('title'));
export const Description = z.string().max(TEXT_LIMITS.description, tooLongMessage('description'));
export const Comment = z.string().max(TEXT_LIMITS.comment, tooLongMessage('comment'));
export const AmountCell = z.object({ lineId: Id, year: Year, value: Kroner.nullable() }).strict();
export const Direction = z.enum(['up', 'down']);
export const Region = z.enum(REGION_CODES);

export const Meta = z.object({ id: Id, title: z.string(), region: Region, createdAt: z.string() });
export const Pool = z.object({ id: Id, name: z.string(), position: z.number().int(), description: z.string() });
export const Amounts = z.record(z.string().regex(/^\d{4}$/), Kroner);
export const Line = z.object({
  id: Id,
  poolId: Id,
  parentId: Id.nullable(),
  name: z.string(),
  position: z.number().int(),
  description: z.string(),
  comment: z.string().optional(),
  amounts: Amounts,
});
export const History = z.object({
  canUndo: z.boolean(),
  undoLabel: z.string().nullable(),
  canRedo: z.boolean(),
  redoLabel: z.string().nullable(),
});
// Who made a line and who changed it last (regions; times ISO), for the grid (issue 4).
export const LineInfo = z.object({ createdBy: Region, changedBy: Region.nullable(), changedAt: z.string().nullable() });
export const Snapshot = z.object({
  meta: Meta,
  years: z.array(Year),
  pools: z.array(Pool),
  lines: z.array(Line),
  lineInfo: z.record(z.string(), LineInfo).optional(),
  history: History,
  revision: z.number().int(),
});
export const Change = z.object({
  meta: Meta.optional(),
  years: z.array(Year).optional(),
  upsertPools: z.array(Pool).optional(),
  deletePoolIds: z.array(Id).optional(),
  upsertLines: z.array(Line).optional(),
  deleteLineIds: z.array(Id).optional(),
  createdId: Id.optional(),
  /** Who made each upserted line and who changed it last (issue 4). */
  lineInfo: z.record(z.string(), LineInfo).optional(),
  /** Projects (top-level lines) whose card or status changed (docs/domain.md «Projects and monthly status»). */
  projectIds: z.array(Id).optional(),
  history: History,
  revision: z.number().int(),
});
export const None = z.object({}).strict();
