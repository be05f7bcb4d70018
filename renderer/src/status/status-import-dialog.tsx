/**
 * Filer → Importér status fra Excel…: what reading the status workbook back would change, per
 * project and field (docs/files.md «A status workbook back in»), the rows that name no project
 * and the notes; nothing changes until «Importér».
 */
import type { StatusImportPreviewData } from '../../../shared/contract/status-import';
import { STATUS_IMPORT_FIELD_NAMES } from '../../../shared/contract/status-import';
import { formatMonth } from '../../../shared/danish/month';
import { count } from '../../../shared/danish/text';
import { Modal } from '../components/modal';

interface Props {
  preview: StatusImportPreviewData;
  onApply: () => void;
  onCancel: () => void;
}

export function StatusImportDialog({ preview, onApply, onCancel }: Props) {
  const changes = preview.changed.reduce((n, p) => n + p.changes.length, 0);
  return (
    <Modal
      title={`Importér status for ${formatMonth(preview.month)} fra «${preview.fileName}»`}
      titleId="pp-status-import-title"
      className="pp-status-import"
      testId="status-import-dialog"
      onCancel={onCancel}
      backdropCancels={false}
    >
      <p className="pp-hint" data-testid="status-import-summary">
        Ark «{preview.sheet}», måned {formatMonth(preview.month)}
        {preview.monthFrom === 'angivet' ? ' (angivet)' : ' (fra arket)'}: {count(changes, 'ændring', 'ændringer')} i{' '}
        {count(preview.changed.length, 'projekt', 'projekter')}, {count(preview.unchanged, 'række', 'rækker')} uden
        ændringer.
      </p>
      {preview.changed.length > 0 && (
        <table data-testid="status-import-changes">
          <thead>
            <tr>
              <th>Nr.</th>
              <th>Projekt</th>
              <th>Felt</th>
              <th>Før</th>
              <th>Efter</th>
              <th>Celle</th>
            </tr>
          </thead>
          <tbody>
            {preview.changed.flatMap((p) =>
              p.changes.map((c, i) => (
                <tr key={`${p.row}:${c.field}`}>
                  <td>{i === 0 ? (p.number ?? '') : ''}</td>
                  <td>{i === 0 ? p.name : ''}</td>
                  <td>{STATUS_IMPORT_FIELD_NAMES[c.field]}</td>
                  <td>{c.from || '–'}</td>
                  <td>{c.to || '–'}</td>
                  <td>{c.cell}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {preview.unknown.length > 0 && (
        <>
          <h3>Rækker uden projekt (springes over)</h3>
          <ul data-testid="status-import-unknown">
            {preview.unknown.map((u) => (
              <li key={u.row}>
                Række {u.row}: {u.number ? `${u.number} ` : ''}
                {u.name} — {u.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.missing.length > 0 && (
        <p className="pp-hint">Ikke i arket (bliver som de er): {preview.missing.join(', ')}.</p>
      )}
      {preview.notes.map((n) => (
        <p key={n} className="pp-hint">
          {n}
        </p>
      ))}
      <div className="pp-dialog-buttons">
        <button type="button" onClick={onCancel}>
          Annullér
        </button>
        <button type="button" className="pp-primary" disabled={!changes} onClick={onApply} data-autofocus>
          Importér
        </button>
      </div>
    </Modal>
  );
}
