/**
 * The contract's status-workbook channels (status.importPreview, status.importApply), for
 * db/dispatcher.ts: read and preview the workbook's bytes, keep what was read under a token
 * (db/core/previews.ts), and apply exactly that while the portfolio is as previewed.
 */
import type { Handlers } from '../core/backend';
import { Previews } from '../core/previews';
import { applyStatusImport, planStatusImport, readStatusWorkbook, type StatusImportRead } from './status-import';

export const statusImportPreviews = new Previews<StatusImportRead>(3, {
  missing: 'Forhåndsvisningen af statusarket findes ikke længere. Vælg projektmappen igen.',
  stale: 'Porteføljen er ændret siden forhåndsvisningen. Vælg statusarket igen for at se, hvad det nu vil ændre.',
});

export const statusImportHandlers: Handlers<'status.importPreview' | 'status.importApply'> = {
  'status.importPreview': async (b, a) => {
    const session = b.session();
    const read = await readStatusWorkbook(Buffer.from(a.data, 'base64'), a.fileName, a.month);
    const { preview } = planStatusImport(session.db, read);
    return { token: statusImportPreviews.put(session, read), ...preview };
  },
  'status.importApply': (b, a) => {
    const session = b.session();
    return statusImportPreviews.take(session, a.token, (read) => applyStatusImport(session, read));
  },
};
