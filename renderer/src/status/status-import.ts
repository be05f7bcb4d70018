/**
 * Filer → Importér status fra Excel…: a status workbook in the report's layout read back into the
 * month after a preview, like the annex import (docs/files.md «A status workbook back in»). The
 * page sends the bytes, never a path; the apply is one undo step after a backup copy.
 */
import { formatMonth } from '../../../shared/danish/month';
import { count } from '../../../shared/danish/text';
import type { Actions } from '../actions';
import { ApiFailure, type Api } from '../api/client';
import { pickWorkbook, readAsBase64 } from '../files';
import type { Ui } from '../ui';

export async function importStatusWorkbook(api: Api, actions: Actions, ui: Ui, dropped?: File): Promise<void> {
  const file = dropped ?? (await pickWorkbook());
  if (!file) return;
  const stopped = (text: string) => ui.notice('Statusimporten kan ikke gennemføres', text);
  if (!/\.xlsx$/i.test(file.name))
    return stopped(`«${file.name}» er ikke en Excel-projektmappe (.xlsx). Intet blev ændret.`);
  ui.busy(`Læser «${file.name}» …`);
  let preview;
  try {
    preview = await api.call('status.importPreview', { fileName: file.name, data: await readAsBase64(file) });
  } catch (err) {
    const message = err instanceof ApiFailure ? err.message : (err as Error).message;
    return stopped(message.includes('Intet blev ændret') ? message : `${message} Intet blev ændret.`);
  } finally {
    ui.busy(null);
  }
  if (!(await ui.reviewStatusImport(preview)))
    return ui.notify('info', 'Statusimporten er annulleret. Intet blev ændret.');
  const changes = preview.changed.reduce((n, p) => n + p.changes.length, 0);
  if (await actions.change('status.importApply', { token: preview.token }))
    ui.notify(
      'info',
      `Status for ${formatMonth(preview.month)} importeret fra «${preview.fileName}»: ${count(changes, 'ændring', 'ændringer')} i ${count(preview.changed.length, 'projekt', 'projekter')}. Ctrl+Z fortryder hele importen.`,
    );
}
