/**
 * The contract's Excel channels (excel.preview, excel.apply, excel.export), for db/dispatcher.ts,
 * and the import's two steps that the CLI (db/cli/main.ts) takes the same way: read and preview
 * the workbook, then apply exactly what was read.
 */
import { Writable } from 'node:stream';
import { format } from 'date-fns';
import type { AnnexRead } from '../../shared/contract/annex';
import type { Args, Result } from '../../shared/contract/contract';
import type { Group, Handlers } from '../core/backend';
import { Previews } from '../core/previews';
import type { Session } from '../core/session';
import { exportAnnex } from './export';
import { exportFileName } from './export-layout';
import { applyImport } from './import-apply';
import type { Portfolio } from '../../shared/domain/model';
import { planImportChecked, type ImportConflict, type ImportPreviewData, type LossesOf } from './import-plan';
import { projectLosses } from './import-losses';
import { readAnnexFile } from './read-annex-file';

/** A workbook read for an import preview: applying its token imports it without reading the file again. */
export interface PreviewedImport {
  read: AnnexRead;
  fileName: string;
}

/** The last few previews only, since a read annex of 100,000 lines holds tens of MB. */
export const importPreviews = new Previews<PreviewedImport>(3, {
  missing: 'Forhåndsvisningen af importen findes ikke længere. Vælg projektmappen igen.',
  stale:
    'Porteføljen er ændret siden forhåndsvisningen. Vælg projektmappen igen for at se, hvad importen nu vil ændre.',
});

/** Reads a workbook's annex (off the main thread; refused in Danish when it is not one). */
export function readImport(bytes: Uint8Array, fileName: string): Promise<AnnexRead> {
  return readAnnexFile(bytes, fileName);
}

/**
 * What importing `read` into a portfolio as `state` would change, and the conflicts that refuse it
 * unless the lines the workbook lacks are removed. Apply it with applyImport (db/excel/import-apply.ts).
 */
export function previewImport(
  state: Omit<Portfolio, 'meta'>,
  read: AnnexRead,
  fileName: string,
  losses?: LossesOf,
): { preview: ImportPreviewData; conflicts: ImportConflict[] } {
  return planImportChecked(state, read, fileName, losses);
}

/** previewImport for an open portfolio, with what each missing line's project rows would lose (import-losses.ts). */
export function previewSessionImport(session: Session, read: AnnexRead, fileName: string) {
  return previewImport(session.snapshot(), read, fileName, projectLosses(session.db));
}

export const excelHandlers: Handlers<Group<'excel'>> = {
  'excel.preview': async (b, a) => {
    const session = b.session();
    const read = await readImport(Buffer.from(a.data, 'base64'), a.fileName);
    const { preview } = previewSessionImport(session, read, a.fileName);
    const token = importPreviews.put(session, { read, fileName: a.fileName });
    return { token, ...preview };
  },
  'excel.apply': (b, a) => {
    const session = b.session();
    return importPreviews.take(session, a.token, ({ read, fileName }) => applyImport(session, read, fileName, a));
  },
  'excel.export': async (b, a) => exportToBase64(b.session(), a),
};

/** The workbook in memory, for the contract (the renderer saves it); the CLI writes to a file instead. */
async function exportToBase64(session: Session, options: Args<'excel.export'>): Promise<Result<'excel.export'>> {
  const snapshot = session.snapshot();
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await exportAnnex(snapshot, options, sink);
  return {
    fileName: exportFileName(snapshot.meta.title, format(new Date(), 'yyyy-MM-dd')),
    data: Buffer.concat(chunks).toString('base64'),
  };
}
