/**
 * Applying an import to an open portfolio: refused while the workbook's totals disagree with its
 * lines (unless the user accepts that the totals are recomputed), then a checked backup copy, then
 * the whole import as one transaction and one undo step (docs/files.md).
 */
import type { AnnexRead, Mismatch } from '../../shared/contract/annex';
import type { Change } from '../../shared/domain/model';
import { backupCopy } from '../core/backup';
import { UserError } from '../core/errors';
import type { Session } from '../core/session';
import { importOps } from './import-plan';

/** The refusal when totals disagree; `override` says how to import anyway (dialog or CLI flag). */
export function mismatchMessage(mismatches: Mismatch[], override = 'vælg at importere alligevel'): string {
  const first = mismatches
    .slice(0, 2)
    .map((m) => m.message)
    .join('; ');
  const more = mismatches.length > 2 ? ` og ${mismatches.length - 2} flere` : '';
  return `Projektmappen har totaler, der ikke passer med linjerne (${first}${more}). Ret projektmappen, eller ${override}: så regnes totalerne forfra ud fra linjerne.`;
}

export interface ApplyOptions {
  removeMissing: boolean;
  acceptMismatches: boolean;
  /** Portfolio line ids whose «samme linje?» pair the user confirmed (db/excel/import-renames.ts). */
  renames?: readonly string[];
  /** Skip the backup copy: for a portfolio file the import itself has just created. */
  noBackup?: boolean;
  /** How the user overrides a mismatch, for the message. */
  override?: string;
}

export function applyImport(session: Session, read: AnnexRead, fileName: string, options: ApplyOptions): Change {
  if (read.mismatches.length && !options.acceptMismatches)
    throw new UserError(mismatchMessage(read.mismatches, options.override), 'conflict');
  if (!options.noBackup) backupCopy(session.db, session.path, 'import');
  return session.run((db) =>
    importOps(db, read, { removeMissing: options.removeMissing, fileName, renames: options.renames }),
  );
}
