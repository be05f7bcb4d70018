/**
 * The contract's channels for reading a status workbook back (docs/files.md «A status workbook
 * back in»), in the pattern of excel.preview / excel.apply: the page sends the workbook's bytes
 * (never a path: docs/architecture.md «Stier») and gets a preview under a token; applying the token
 * applies exactly what was previewed. contract.ts joins them with the other channels.
 */
import { z } from 'zod';
import { Workbook } from './files';
import { Change, Id } from './schemas';
import { STATUS_IMPORT_FIELDS, type StatusImportPreviewData } from './status-import';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Angiv en måned som 2023-11.');

const StatusImportPreview = z.object({
  fileName: z.string(),
  sheet: z.string(),
  month: z.string(),
  monthFrom: z.enum(['ark', 'angivet']),
  changed: z.array(
    z.object({
      row: z.number().int(),
      number: z.string().nullable(),
      name: z.string(),
      pool: z.string(),
      changes: z.array(
        z.object({ field: z.enum(STATUS_IMPORT_FIELDS), cell: z.string(), from: z.string(), to: z.string() }),
      ),
    }),
  ),
  unchanged: z.number().int(),
  unknown: z.array(
    z.object({ row: z.number().int(), number: z.string().nullable(), name: z.string(), reason: z.string() }),
  ),
  missing: z.array(z.string()),
  notes: z.array(z.string()),
});
// The schema and the interface the reader and the CLI use must say the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _previewMatches: Same<z.output<typeof StatusImportPreview>, StatusImportPreviewData> = true;
void _previewMatches;

export const statusImportContract = {
  'status.importPreview': {
    doc: 'Read a status workbook (base64, the layout of the status report) and say what it would change in the month (the sheet’s, or `month`) per project and field, and which rows name no project; nothing changes yet.',
    args: z.object({ fileName: z.string().min(1).max(255), data: Workbook, month: Month.optional() }).strict(),
    result: StatusImportPreview.extend({ token: Id }),
  },
  'status.importApply': {
    doc: 'Apply the previewed status workbook (after a backup copy) as one change and one undo step.',
    args: z.object({ token: Id }).strict(),
    result: Change,
  },
};
