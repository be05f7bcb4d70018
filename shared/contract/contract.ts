/**
 * The one contract between the UI and the backend: each channel with a runtime schema for
 * its arguments and its result, and a line saying what it does. The dispatcher (db/) checks
 * both; Electron's ipcMain and the browser harness's HTTP endpoint serve the same dispatcher.
 * zod is used because these values cross a trust boundary (renderer -> main) and a schema
 * library gives exact, tested checks and TypeScript types from one declaration.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from './channels';
import { MAX_CELL_KRONER } from '../domain/money';
import { REGION_CODES, TEXT_LIMITS } from '../domain/model';
import type { ImportPreview as ImportPreviewType } from './annex';

// Error messages reach the user (docs/architecture.md, "One contract, two shells"), and
// zod's default ones are English ("Invalid UUID"); its own Danish locale covers every check.
z.config(z.locales.da());

const Id = z.uuid();
const Year = z.number().int().min(1900).max(2200);
const KRONER_MESSAGE = 'Beløbet skal være hele kroner og højst 100 mia. kr (plus eller minus).';
const Kroner = z
  .number({ error: KRONER_MESSAGE })
  .int({ error: KRONER_MESSAGE })
  .min(-MAX_CELL_KRONER, { error: KRONER_MESSAGE })
  .max(MAX_CELL_KRONER, { error: KRONER_MESSAGE });
const Name = z.string().trim().min(1, 'Navnet må ikke være tomt.').max(TEXT_LIMITS.name);
const Description = z.string().max(TEXT_LIMITS.description);
const Comment = z.string().max(TEXT_LIMITS.comment, `En kommentar må højst have ${TEXT_LIMITS.comment} tegn.`);
const AmountCell = z.object({ lineId: Id, year: Year, value: Kroner.nullable() }).strict();
const Direction = z.enum(['up', 'down']);
const Region = z.enum(REGION_CODES);

const Meta = z.object({ id: Id, title: z.string(), region: Region, createdAt: z.string() });
const Pool = z.object({ id: Id, name: z.string(), position: z.number().int(), description: z.string() });
const Amounts = z.record(z.string().regex(/^\d{4}$/), Kroner);
const Line = z.object({
  id: Id,
  poolId: Id,
  parentId: Id.nullable(),
  name: z.string(),
  position: z.number().int(),
  description: z.string(),
  comment: z.string().optional(),
  amounts: Amounts,
});
const History = z.object({
  canUndo: z.boolean(),
  undoLabel: z.string().nullable(),
  canRedo: z.boolean(),
  redoLabel: z.string().nullable(),
});
// Who made a line and who changed it last (regions; times ISO), for the grid (issue 4).
const LineInfo = z.object({ createdBy: Region, changedBy: Region.nullable(), changedAt: z.string().nullable() });
const Snapshot = z.object({
  meta: Meta,
  years: z.array(Year),
  pools: z.array(Pool),
  lines: z.array(Line),
  lineInfo: z.record(z.string(), LineInfo).optional(),
  history: History,
  revision: z.number().int(),
});
const Change = z.object({
  meta: Meta.optional(),
  years: z.array(Year).optional(),
  upsertPools: z.array(Pool).optional(),
  deletePoolIds: z.array(Id).optional(),
  upsertLines: z.array(Line).optional(),
  deleteLineIds: z.array(Id).optional(),
  createdId: Id.optional(),
  /** Who made each upserted line and who changed it last (issue 4). */
  lineInfo: z.record(z.string(), LineInfo).optional(),
  history: History,
  revision: z.number().int(),
});
const None = z.object({}).strict();

// The Excel annex (shared/contract/annex.ts). A total may pass the limit of one cell, so it is any exact integer.
const TotalKroner = z.number().int();
const YearKey = z.string().regex(/^\d{4}$/);
const Mismatch = z.object({ sheet: z.string(), cell: z.string(), found: TotalKroner, computed: TotalKroner, message: z.string() });
const ImportPreview = z.object({
  token: Id,
  fileName: z.string(),
  years: z.array(Year),
  newYears: z.array(Year),
  pools: z.array(z.object({ name: z.string(), isNew: z.boolean(), lineCount: z.number().int(), totals: z.record(YearKey, TotalKroner) })),
  added: z.array(z.object({ pool: z.string(), line: z.string(), parent: z.string().nullable(), amounts: Amounts })),
  changed: z.array(z.object({ pool: z.string(), line: z.string(), year: Year, old: Kroner.nullable(), new: Kroner.nullable() })),
  missing: z.array(z.object({ pool: z.string(), line: z.string() })),
  mismatches: z.array(Mismatch),
  notes: z.array(z.string()),
});
// The schema and the interface the reader and the dialog use must say the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _previewMatches: Same<z.output<typeof ImportPreview>, ImportPreviewType> = true;
void _previewMatches;

/** An .xlsx of up to about 100 MB, as base64 (4 characters per 3 bytes). */
export const MAX_WORKBOOK_BASE64 = 140_000_000;
const WORKBOOK_TOO_BIG = 'Projektmappen er for stor (højst 100 MB).';
const Workbook = z.string().max(MAX_WORKBOOK_BASE64, WORKBOOK_TOO_BIG).pipe(z.base64('Filens indhold kunne ikke læses (ugyldig base64).'));

// Sharing .sqlite files between regions (db/share/). A received file comes as a path (the app's
// file dialog, the CLI) or as bytes (the browser harness); up to 512 MB.
export const MAX_PORTFOLIO_BASE64 = 720_000_000;
const PortfolioSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      fileName: z.string().min(1).max(255),
      data: z.string().max(MAX_PORTFOLIO_BASE64, 'Filen er for stor (højst 512 MB).').pipe(z.base64('Filens indhold kunne ikke læses (ugyldig base64).')),
    })
    .strict(),
]);
const ReceivedFile = z.object({
  fileName: z.string(),
  title: z.string(),
  region: Region,
  sentBy: z.object({ region: Region, sentAt: z.string(), appVersion: z.string(), schemaVersion: z.number().int() }).nullable(),
  fileSchemaVersion: z.number().int(),
  years: z.array(Year),
  pools: z.number().int(),
  lines: z.number().int(),
  summary: z.string(),
});
const MergeValue = z.union([z.string(), z.number().int(), z.null()]);
const Outcome = z.enum(['mine', 'theirs', 'conflict']);
const MergeConflict = z.object({
  /** Stable for a pair of files: `amount:<lineId>:<year>`, `name:<lineId>`, `deleted-by-me:<lineId>`, `same-line:<theirLineId>` … */
  id: z.string(),
  kind: z.enum(['amount', 'name', 'description', 'comment', 'deleted-by-me', 'deleted-by-them', 'same-line']),
  lineId: Id,
  theirLineId: Id.nullable(),
  pool: z.string(),
  line: z.string(),
  year: Year.nullable(),
  mine: MergeValue,
  theirs: MergeValue,
  /** The value in the copy both files came from, where the history tells it; absent when unknown. */
  base: MergeValue.optional(),
});
const MergeReview = z.object({
  token: Id,
  fileName: z.string(),
  from: z.object({ region: Region, title: z.string(), sentAt: z.string().nullable(), appVersion: z.string().nullable(), schemaVersion: z.number().int() }),
  /** False when the files share no history: every differing value is then a conflict. */
  sharedHistory: z.boolean(),
  /** Shown first; each is resolved as mine, theirs or a typed value. */
  conflicts: z.array(MergeConflict),
  /** Per line and year (or text field): mine, theirs, and what the merge does by itself. */
  changes: z.array(
    z.object({
      lineId: Id,
      pool: z.string(),
      line: z.string(),
      cells: z.array(z.object({ field: z.enum(['amount', 'name', 'description', 'comment']), year: Year.nullable(), mine: MergeValue, theirs: MergeValue, base: MergeValue.optional(), outcome: Outcome })),
    }),
  ),
  onlyTheirs: z.array(z.object({ lineId: Id, pool: z.string(), line: z.string(), parent: z.string().nullable(), amounts: Amounts })),
  onlyMine: z.array(z.object({ lineId: Id, pool: z.string(), line: z.string() })),
  renames: z.array(z.object({ lineId: Id, pool: z.string(), mine: z.string(), theirs: z.string(), outcome: Outcome })),
  deletions: z.array(z.object({ lineId: Id, pool: z.string(), line: z.string(), by: z.enum(['mine', 'theirs']), outcome: Outcome })),
  newYears: z.array(Year),
  newPools: z.array(z.string()),
  counts: z.object({ fromTheirs: z.number().int(), conflicts: z.number().int(), unresolved: z.number().int() }),
});
const Resolution = z
  .object({ id: z.string().max(200), take: z.enum(['mine', 'theirs', 'value']), value: z.union([Kroner, z.string().max(TEXT_LIMITS.description), z.null()]).optional() })
  .strict();
const Backup = z.object({ fileName: z.string(), at: z.string(), reason: z.string(), bytes: z.number().int() });

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
    args: z.object({ title: Name.optional(), region: Region.optional() }).strict(),
    result: Change,
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
          .object({ poolId: Id, lines: z.array(z.object({ name: Name, amounts: Amounts }).strict()).min(1).max(100_000) })
          .strict()
          .optional(),
      })
      .strict(),
    result: Change,
  },
  'lines.add': {
    doc: 'Add a line to a pool (after a given line, before one, or last), or a sub-line under a line.',
    args: z
      .object({ poolId: Id, parentId: Id.nullable(), afterLineId: Id.nullable(), beforeLineId: Id.optional(), name: Name })
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
  'excel.preview': {
    doc: 'Read an annex workbook (base64) and say what importing it would change; nothing changes yet.',
    args: z.object({ fileName: z.string().min(1).max(255), data: Workbook }).strict(),
    result: ImportPreview,
  },
  'excel.apply': {
    doc: 'Import the previewed workbook (after a backup copy) as one change and one undo step.',
    args: z.object({ token: Id, removeMissing: z.boolean(), acceptMismatches: z.boolean() }).strict(),
    result: Change,
  },
  'excel.export': {
    doc: 'The portfolio as the Bilag 1 workbook (base64), on one sheet or one per pool.',
    args: z.object({ perPool: z.boolean(), years: z.array(Year).min(1).max(400).optional(), descriptions: z.boolean() }).strict(),
    result: z.object({ fileName: z.string(), data: z.string() }),
  },
  'file.check': {
    doc: 'Check a received portfolio file (never writing it) and say where it came from; a refusal names the problem.',
    args: z.object({ source: PortfolioSource }).strict(),
    result: ReceivedFile,
  },
  'file.send': {
    doc: 'Write one self-contained copy to send to another region (default: `Puljeplan <region> <date>.sqlite` beside the portfolio).',
    args: z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
    result: z.object({ path: z.string(), fileName: z.string(), bytes: z.number().int() }),
  },
  'file.import': {
    doc: 'Make a new portfolio file from a received file (checked, copied row by row; the received file is never written). Default place: beside the open portfolio, named after the received file. The app then opens it with file.open.',
    args: z.object({ source: PortfolioSource, path: z.string().min(1).max(4096).optional(), region: Region.optional() }).strict(),
    result: z.object({ path: z.string(), fileName: z.string() }),
  },
  'file.open': {
    doc: 'Make the portfolio file at `path` the open one (checked first; the present one stays open if it cannot be). The page reloads afterwards.',
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: z.object({ path: z.string(), fileName: z.string() }),
  },
  'merge.preview': {
    doc: 'Read a received file and say what merging it into the open portfolio would do (conflicts first); nothing changes yet.',
    args: z.object({ source: PortfolioSource }).strict(),
    result: MergeReview,
  },
  'merge.apply': {
    doc: 'Merge the previewed file (after a backup copy) as one change and one undo step; every conflict needs a resolution (or `take`).',
    args: z.object({ token: Id, resolutions: z.array(Resolution).max(2_000_000), take: z.enum(['mine', 'theirs']).optional() }).strict(),
    result: Change,
  },
  'backups.list': { doc: 'The backup copies of the open portfolio, newest first, with date and reason.', args: None, result: z.array(Backup) },
  'backups.restore': {
    doc: 'Restore a backup copy (after a backup of the present state) as one change and one undo step.',
    args: z.object({ fileName: z.string().min(1).max(255) }).strict(),
    result: Change,
  },
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
