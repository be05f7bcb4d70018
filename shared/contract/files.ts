/**
 * The contract's channels for files: the Excel annex (excel.*), portfolio files between regions
 * (file.*, merge.*) and backups (backups.*). contract.ts joins them with the editing channels.
 */
import { z } from 'zod';
import { TEXT_LIMITS } from '../domain/model';
import type { ImportPreview as ImportPreviewType } from './annex';
import { Amounts, Change, Id, Kroner, None, Region, Year } from './schemas';

// The Excel annex (shared/contract/annex.ts). A total may pass the limit of one cell, so it is any exact integer.
const TotalKroner = z.number().int();
const YearKey = z.string().regex(/^\d{4}$/);
const Mismatch = z.object({
  sheet: z.string(),
  cell: z.string(),
  found: TotalKroner,
  computed: TotalKroner,
  message: z.string(),
});
const CellChange = z.object({
  pool: z.string(),
  line: z.string(),
  year: Year,
  old: Kroner.nullable(),
  new: Kroner.nullable(),
});
const ImportPreview = z.object({
  token: Id,
  fileName: z.string(),
  years: z.array(Year),
  newYears: z.array(Year),
  pools: z.array(
    z.object({
      name: z.string(),
      isNew: z.boolean(),
      lineCount: z.number().int(),
      totals: z.record(YearKey, TotalKroner),
    }),
  ),
  added: z.array(z.object({ pool: z.string(), line: z.string(), parent: z.string().nullable(), amounts: Amounts })),
  changed: z.array(CellChange),
  renamed: z.array(
    z.object({ lineId: Id, pool: z.string(), from: z.string(), to: z.string(), changed: z.array(CellChange) }),
  ),
  missing: z.array(z.object({ lineId: Id, pool: z.string(), line: z.string(), loses: z.array(z.string()) })),
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
export const Workbook = z
  .string()
  .max(MAX_WORKBOOK_BASE64, WORKBOOK_TOO_BIG)
  .pipe(z.base64('Filens indhold kunne ikke læses (ugyldig base64).'));

// Sharing .sqlite files between regions (db/share/). A received file comes from the page as bytes
// (never a path: docs/architecture.md, «Stier»); up to 512 MB.
export const MAX_PORTFOLIO_BASE64 = 720_000_000;
const PortfolioSource = z
  .object({
    fileName: z.string().min(1).max(255),
    data: z
      .string()
      .max(MAX_PORTFOLIO_BASE64, 'Filen er for stor (højst 512 MB).')
      .pipe(z.base64('Filens indhold kunne ikke læses (ugyldig base64).')),
  })
  .strict();
/** An opaque name for a file the backend itself chose or was given by the user (docs/architecture.md, «Stier»). */
const FileToken = Id;
const ReceivedFile = z.object({
  fileName: z.string(),
  title: z.string(),
  region: Region,
  sentBy: z
    .object({ region: Region, sentAt: z.string(), appVersion: z.string(), schemaVersion: z.number().int() })
    .nullable(),
  fileSchemaVersion: z.number().int(),
  years: z.array(Year),
  pools: z.number().int(),
  lines: z.number().int(),
  summary: z.string(),
});
const MergeValue = z.union([z.string(), z.number().int(), z.null()]);
const Outcome = z.enum(['mine', 'theirs', 'conflict']);
const MergeConflict = z.object({
  /**
   * Stable for a pair of files: `amount:<lineId>:<year>`, `name:<lineId>`, `deleted-by-me:<lineId>`, `same-line:<theirLineId>`,
   * `pool-deleted-by-them:<poolId>`, `year-removed-by-me:<year>` …
   */
  id: z.string(),
  /**
   * A pool or year one side removed while the other changed something in it: the answer applies to
   * the whole pool or year ('mine' is my side's: removed if I removed it, kept if they did).
   */
  kind: z.enum([
    'amount',
    'name',
    'description',
    'comment',
    'deleted-by-me',
    'deleted-by-them',
    'same-line',
    'project',
    'pool-deleted-by-me',
    'pool-deleted-by-them',
    'year-removed-by-me',
    'year-removed-by-them',
  ]),
  /** A project value's Danish label (kind 'project'): «Status nov. 2023 · Tid», «Fase» … */
  label: z.string().optional(),
  /** Null for a pool or a year. */
  lineId: Id.nullable(),
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
  from: z.object({
    region: Region,
    title: z.string(),
    sentAt: z.string().nullable(),
    appVersion: z.string().nullable(),
    schemaVersion: z.number().int(),
  }),
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
      cells: z.array(
        z.object({
          field: z.enum(['amount', 'name', 'description', 'comment', 'project']),
          label: z.string().optional(),
          year: Year.nullable(),
          mine: MergeValue,
          theirs: MergeValue,
          base: MergeValue.optional(),
          outcome: Outcome,
        }),
      ),
    }),
  ),
  onlyTheirs: z.array(
    z.object({ lineId: Id, pool: z.string(), line: z.string(), parent: z.string().nullable(), amounts: Amounts }),
  ),
  onlyMine: z.array(z.object({ lineId: Id, pool: z.string(), line: z.string() })),
  renames: z.array(z.object({ lineId: Id, pool: z.string(), mine: z.string(), theirs: z.string(), outcome: Outcome })),
  deletions: z.array(
    z.object({ lineId: Id, pool: z.string(), line: z.string(), by: z.enum(['mine', 'theirs']), outcome: Outcome }),
  ),
  newYears: z.array(Year),
  newPools: z.array(z.string()),
  counts: z.object({ fromTheirs: z.number().int(), conflicts: z.number().int(), unresolved: z.number().int() }),
});
const Resolution = z
  .object({
    id: z.string().max(200),
    take: z.enum(['mine', 'theirs', 'value']),
    value: z.union([Kroner, z.string().max(TEXT_LIMITS.description), z.null()]).optional(),
  })
  .strict();
const Backup = z.object({ fileName: z.string(), at: z.string(), reason: z.string(), bytes: z.number().int() });

export const fileContract = {
  'excel.preview': {
    doc: 'Read an annex workbook (base64) and say what importing it would change; nothing changes yet.',
    args: z.object({ fileName: z.string().min(1).max(255), data: Workbook }).strict(),
    result: ImportPreview,
  },
  'excel.apply': {
    doc: 'Import the previewed workbook (after a backup copy) as one change and one undo step.',
    args: z
      .object({
        token: Id,
        removeMissing: z.boolean(),
        acceptMismatches: z.boolean(),
        /** The portfolio lines whose «samme linje?» the user confirmed (preview.renamed[].lineId). */
        renames: z.array(Id).max(1_000_000).optional(),
      })
      .strict(),
    result: Change,
  },
  'excel.export': {
    doc: 'The portfolio as the Bilag 1 workbook (base64), on one sheet or one per pool.',
    args: z
      .object({ perPool: z.boolean(), years: z.array(Year).min(1).max(400).optional(), descriptions: z.boolean() })
      .strict(),
    result: z.object({ fileName: z.string(), data: z.string() }),
  },
  'file.check': {
    doc: 'Check a received portfolio file (never writing it) and say where it came from; a refusal names the problem.',
    args: z.object({ source: PortfolioSource }).strict(),
    result: ReceivedFile,
  },
  'file.send': {
    doc: 'Write one self-contained copy to send to another region (`Puljeplan <region> <date>.sqlite` beside the portfolio); `folder` is for showing only.',
    args: z.object({}).strict(),
    result: z.object({ folder: z.string(), fileName: z.string(), bytes: z.number().int() }),
  },
  'file.import': {
    doc: 'Make a new portfolio file from a received file (checked, copied row by row; the received file is never written), beside the open portfolio, named after the received file. The app then opens it with file.open and the returned `file` token.',
    args: z.object({ source: PortfolioSource, region: Region.optional() }).strict(),
    result: z.object({ file: FileToken, fileName: z.string() }),
  },
  'file.open': {
    doc: 'Make the portfolio file named by the token `file` (from file.import) the open one (checked first; the present one stays open if it cannot be). The page reloads afterwards.',
    args: z.object({ file: FileToken }).strict(),
    result: z.object({ fileName: z.string() }),
  },
  'merge.preview': {
    doc: 'Read a received file and say what merging it into the open portfolio would do (conflicts first); nothing changes yet.',
    args: z.object({ source: PortfolioSource }).strict(),
    result: MergeReview,
  },
  'merge.apply': {
    doc: 'Merge the previewed file (after a backup copy) as one change and one undo step; every conflict needs a resolution (or `take`).',
    args: z
      .object({
        token: Id,
        resolutions: z.array(Resolution).max(2_000_000),
        take: z.enum(['mine', 'theirs']).optional(),
      })
      .strict(),
    result: Change,
  },
  'backups.list': {
    doc: 'The backup copies of the open portfolio, newest first, with date and reason.',
    args: None,
    result: z.array(Backup),
  },
  'backups.restore': {
    doc: 'Restore a backup copy (after a backup of the present state) as one change and one undo step.',
    args: z.object({ fileName: z.string().min(1).max(255) }).strict(),
    result: Change,
  },
} as const;
