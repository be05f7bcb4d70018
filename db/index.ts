/**
 * The backend's one public face: the app (electron/), the CLI (db/cli/) and the browser harness
 * (db/web/) reach db/ only through this file (a lint rule, eslint.config.js). Everything else in
 * db/ may change shape without them noticing.
 */
import type { Change, RegionCode } from '../shared/domain/model';
import type { MilestoneState, RiskActivityKind, StatusReport } from '../shared/domain/project';
import { setAmounts } from './core/commands';
import {
  addRiskActivity,
  setMilestone,
  setProject,
  setStatus,
  type ProjectChanges,
  type StatusChanges,
} from './core/project-commands';
import { findProjectLine, latestStatusMonth, readStatusReport } from './core/project-queries';
import { applyStatusImport, planStatusImport, type StatusImportRead } from './excel/status-import';
import type { StatusImportPreviewData } from '../shared/contract/status-import';
import { saveCopyAs, type CopiedFile } from './core/copy';
import { readMeta } from './core/queries';
import { openPortfolio, type OpenOptions } from './core/open';
import { Session } from './core/session';
import { newEpoch } from './share/epochs';
import { personRegion } from './share/person';
import { provenance } from './share/provenance';

// ---------- a portfolio file and its session ----------
export { sameFile } from './core/same-file';
export type { Session } from './core/session';
export type { OpenOptions } from './core/open';

/**
 * Opens a portfolio file as a working session. The session holds its file exclusively
 * (db/core/open.ts): a second open of the same file, even in this process, is refused as "åben et
 * andet sted", so ask sameFile before switching files. The core session gets share's line
 * provenance (who made and changed each line) and its copy identity (db/share/epochs.ts: a new
 * epoch before the first write, recording `region`, else the person's region (db/share/person.ts) as
 * it is then, else the portfolio's) injected here: the core imports no feature.
 */
export function openSession(path: string, options: OpenOptions & { region?: RegionCode } = {}): Session {
  return new Session(
    openPortfolio(path, options),
    path,
    undefined,
    provenance,
    newEpoch(options.region ?? (() => personRegion())),
  );
}
export { createPortfolio } from './core/create';
/** Where a shell keeps the person's region (Electron: electron/settings.ts; the browser harness: its folder). */
export { keepPersonSettings, settingsFile, type PersonSettings } from './share/person';
export { UserError } from './core/errors';
export {
  isOpenElsewhere,
  isSqliteFile,
  movedAsideNote,
  TargetExistsError,
  TargetInUseError,
  TargetIsPortfolioError,
  writeFileAtomic,
  writeFileAtomicAsync,
} from './core/atomic-file';

/** The region the open portfolio belongs to (a new file's default, the window title). */
export function portfolioRegion(session: Session): RegionCode {
  return readMeta(session.db).region;
}

/** Gem som: a copy of the open portfolio at `path`, to go on working in (Excel's Save As). */
export function saveCopyOf(session: Session, path: string): CopiedFile {
  return saveCopyAs(session.db, session.path, path);
}

/** Sets one cell (null empties it) as one undo step, as the grid does. */
export function setAmount(session: Session, lineId: string, year: number, value: number | null): Change {
  return session.run((db) => setAmounts(db, { cells: [{ lineId, year, value }] }));
}

// ---------- projects: card, monthly status, the report (docs/domain.md «Projects and monthly status») ----------
export type { ProjectChanges, StatusChanges } from './core/project-commands';

/** The top-level line (a project) named `line`, in `pool` if given; refused in Danish when none or several. */
export function projectLine(session: Session, line: string, pool?: string): { id: string; name: string } {
  return findProjectLine(session.db, line, pool);
}

/** Sets fields of a project's card as one undo step. */
export function updateProject(session: Session, lineId: string, changes: ProjectChanges): Change {
  return session.run((db) => setProject(db, { lineId, changes }));
}

/** Sets a project's lights and remarks of one month as one undo step. */
export function updateStatus(session: Session, lineId: string, month: string, changes: StatusChanges): Change {
  return session.run((db) => setStatus(db, { lineId, month, changes }));
}

/** Sets (or with null removes) a project's milestone of a half-year (`2024-H1`) as one undo step. */
export function updateMilestone(
  session: Session,
  lineId: string,
  half: string,
  value: { text: string; state: MilestoneState | null } | null,
): Change {
  return session.run((db) => setMilestone(db, { lineId, half, value }));
}

/** Records an it-råd activity (risikovurdering or sparringsmøde) of a project as one undo step. */
export function recordRiskActivity(
  session: Session,
  lineId: string,
  activity: { kind: RiskActivityKind; month: string; note?: string },
): Change {
  return session.run((db) => addRiskActivity(db, { lineId, ...activity }));
}

/** The monthly status report; without a month, the newest month with a status (else this month). */
export function statusReport(session: Session, month?: string): StatusReport {
  return readStatusReport(session.db, month ?? latestStatusMonth(session.db));
}

// ---------- the contract, for the app and the browser harness ----------
export { createDispatcher, userFailure, type Backend, type Dispatch, type DispatcherOptions } from './dispatcher';
export { PortfolioHost, type HostDeps } from './host';

// ---------- Excel: the import's preview and apply, and the export (db/excel/handlers.ts) ----------
export { readImport, previewImport, previewSessionImport } from './excel/handlers';
/** The import worker kept warm: started when the app is idle, ended on quit (import-worker-pool.ts). */
export { warmImportWorker, stopImportWorker } from './excel/read-annex-file';
export { applyImport, mismatchMessage } from './excel/import-apply';
export { conflictMessage } from './excel/import-match';
export type { ImportPreviewData } from './excel/import-plan';
export { exportAnnex, type ExportOptions, type PortfolioData } from './excel/export';
export { exportStatusReport } from './excel/status-export';
export { readStatusWorkbook, type StatusImportRead } from './excel/status-import';

/** What reading a status workbook back would change (docs/files.md «A status workbook back in»); nothing is changed. */
export function statusImportPreview(session: Session, read: StatusImportRead): StatusImportPreviewData {
  return planStatusImport(session.db, read).preview;
}

/** Reads a status workbook back: a backup copy, then every change as one undo step. */
export function applyStatusWorkbook(session: Session, read: StatusImportRead): Change {
  return applyStatusImport(session, read);
}
export { annexPrintDocument, statusPrintDocument, type AnnexPrintChoices } from './excel/print-data';

// ---------- sharing: check, send and merge (db/share/handlers.ts) ----------
export { receiveFile } from './share/receive';
/** «Renset kopi»: a refused own file's checked rows into a new file (cli rescue). */
export { rescueFile } from './share/rescue';
export { fileToken } from './share/file-tokens';
export { describeReceived, previewMergeInto, applyPreviewedMerge, sentCopyPath, sendPortfolio } from './share/handlers';
export type { MergeReview } from './share/merge';
