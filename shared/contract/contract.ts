/**
 * The one contract between the UI and the backend: each channel with a runtime schema for
 * its arguments and its result, and a line saying what it does. The dispatcher (db/) checks
 * both; Electron's ipcMain and the browser harness's HTTP endpoint serve the same dispatcher.
 * zod is used because these values cross a trust boundary (renderer -> main) and a schema
 * library gives exact, tested checks and TypeScript types from one declaration. The editing
 * channels are here; the file channels (Excel, files between regions, backups) in files.ts; the
 * shared building blocks in schemas.ts.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from './channels';
import { fileContract } from './files';
import { statusImportContract } from './status-import-contract';
import { projectContract } from './projects';
import { projectCardContract } from './project-card';
import {
  AmountCell,
  Amounts,
  Change,
  Comment,
  Description,
  Direction,
  Id,
  Name,
  Title,
  None,
  Region,
  Snapshot,
  Year,
} from './schemas';

const PersonRegion = z.object({ region: Region.nullable() });

export const contract = {
  'app.info': {
    doc: 'Which file is open, and the app and schema versions.',
    args: None,
    result: z.object({
      fileName: z.string(),
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      shell: z.enum(['electron', 'web', 'cli']),
    }),
  },
  'portfolio.load': { doc: 'The whole open portfolio, with undo/redo state.', args: None, result: Snapshot },
  'portfolio.setMeta': {
    doc: "Set the portfolio's title and/or region.",
    args: z.object({ title: Title.optional(), region: Region.optional() }).strict(),
    result: Change,
  },
  'person.region': {
    doc: "The person's region: who is writing (chosen once per installation; null: not chosen yet, the app asks).",
    args: None,
    result: PersonRegion,
  },
  'person.setRegion': {
    doc: "Set the person's region («Indstillinger»); the open portfolio's next change is recorded as theirs.",
    args: z.object({ region: Region }).strict(),
    result: PersonRegion,
  },
  'amounts.set': {
    doc: 'Set amounts (whole kroner; null empties the cell) as one change and one undo step.',
    args: z
      .object({
        cells: z.array(AmountCell).min(1).max(2_000_000),
      })
      .strict(),
    result: Change,
  },
  'amounts.paste': {
    doc: 'A paste: set amounts, rename lines and add new lines (with amounts) at the end of a pool, as one change and one undo step.',
    args: z
      .object({
        cells: z.array(AmountCell).max(2_000_000),
        renames: z.array(z.object({ lineId: Id, name: Name }).strict()).max(100_000),
        add: z
          .object({
            poolId: Id,
            lines: z
              .array(z.object({ name: Name, amounts: Amounts }).strict())
              .min(1)
              .max(100_000),
          })
          .strict()
          .optional(),
      })
      .strict(),
    result: Change,
  },
  'lines.add': {
    doc: 'Add a line to a pool (after a given line, before one, or last), or a sub-line under a line.',
    args: z
      .object({
        poolId: Id,
        parentId: Id.nullable(),
        afterLineId: Id.nullable(),
        beforeLineId: Id.optional(),
        name: Name,
      })
      .strict(),
    result: Change,
  },
  'lines.rename': { doc: 'Rename a line.', args: z.object({ lineId: Id, name: Name }).strict(), result: Change },
  'lines.setDescription': {
    doc: "Set a project's description (the annex's prose).",
    args: z.object({ lineId: Id, description: Description }).strict(),
    result: Change,
  },
  'lines.setComment': {
    doc: "Set a line's short comment (shown as a marker in the grid); empty removes it.",
    args: z.object({ lineId: Id, comment: Comment }).strict(),
    result: Change,
  },
  'lines.place': {
    doc: 'Move a line (row dragging) to just before or after another line of the same level, in its pool or another.',
    args: z.object({ lineId: Id, targetLineId: Id, where: z.enum(['before', 'after']) }).strict(),
    result: Change,
  },
  'lines.delete': { doc: 'Delete a line with its sub-lines.', args: z.object({ lineId: Id }).strict(), result: Change },
  'lines.move': {
    doc: 'Move a line one place up or down among its siblings.',
    args: z.object({ lineId: Id, direction: Direction }).strict(),
    result: Change,
  },
  'lines.moveToPool': {
    doc: 'Move a line (with its sub-lines) to the end of another pool.',
    args: z.object({ lineId: Id, poolId: Id }).strict(),
    result: Change,
  },
  'lines.indent': {
    doc: 'Make a line the last sub-line of the line above it (Alt+Shift+→); its amounts follow, no total changes.',
    args: z.object({ lineId: Id }).strict(),
    result: Change,
  },
  'lines.outdent': {
    doc: 'Make a sub-line a line just below its parent (Alt+Shift+←).',
    args: z.object({ lineId: Id }).strict(),
    result: Change,
  },
  'lines.sort': {
    doc: "Sort a pool's lines (and each line's sub-lines) by name A→Å or by an amount column (a year or I alt), largest first; `descending` turns the order.",
    args: z
      .object({
        poolId: Id,
        by: z.union([z.literal('name'), z.literal('total'), Year]),
        descending: z.boolean().optional(),
      })
      .strict(),
    result: Change,
  },
  'pools.add': {
    doc: 'Add a pool after a given pool, or last.',
    args: z.object({ name: Name, afterPoolId: Id.nullable() }).strict(),
    result: Change,
  },
  'pools.rename': { doc: 'Rename a pool.', args: z.object({ poolId: Id, name: Name }).strict(), result: Change },
  'pools.setDescription': {
    doc: "Set a pool's description.",
    args: z.object({ poolId: Id, description: Description }).strict(),
    result: Change,
  },
  'pools.delete': { doc: 'Delete a pool with all its lines.', args: z.object({ poolId: Id }).strict(), result: Change },
  'pools.move': {
    doc: 'Move a pool one place up or down.',
    args: z.object({ poolId: Id, direction: Direction }).strict(),
    result: Change,
  },
  'years.add': { doc: 'Add the year after the last one as a column.', args: None, result: Change },
  'years.remove': {
    doc: 'Remove a year whose amounts are all zero or empty.',
    args: z.object({ year: Year }).strict(),
    result: Change,
  },
  'history.undo': { doc: 'Undo the last change.', args: None, result: Change },
  'history.redo': { doc: 'Redo the last undone change.', args: None, result: Change },
  ...fileContract,
  ...statusImportContract,
  ...projectContract,
  ...projectCardContract,
} as const satisfies Record<Channel, { doc: string; args: z.ZodType; result: z.ZodType }>;

// Every channel has a schema and every schema has a channel.
const _complete: Record<Channel, unknown> = contract;
void _complete;
void CHANNELS;

export type Contract = typeof contract;
export type Args<C extends Channel> = z.input<Contract[C]['args']>;
export type Result<C extends Channel> = z.output<Contract[C]['result']>;

export interface ApiError {
  code: 'unknown-channel' | 'invalid-args' | 'not-found' | 'refused' | 'conflict' | 'internal';
  message: string;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Anything that can call the contract: the preload object, the HTTP client, a test. */
export type Invoke = <C extends Channel>(channel: C, args: Args<C>) => Promise<Envelope<Result<C>>>;

/** First Danish message from a zod error, naming the field. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Ugyldige oplysninger.';
  const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
  return `Ugyldige oplysninger${where}: ${issue.message}`;
}
