/** Filer → Gendan fra sikkerhedskopi…: the backup copies of the open portfolio, newest first. */
import { useEffect, useRef } from 'react';
import { backupReason, danishTime, fileSize } from '../danish-text';
import type { Result } from '../../../shared/contract/contract';
import { Modal } from './modal';

/** One backup copy of the open portfolio, as the backend lists them. */
export type Backup = Result<'backups.list'>[number];

interface Props {
  backups: readonly Backup[];
  onChoose: (backup: Backup) => void;
  onCancel: () => void;
}

export function BackupDialog({ backups, onChoose, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <Modal
      title="Gendan fra sikkerhedskopi"
      titleId="pp-backups-title"
      className="pp-backups"
      testId="backup-dialog"
      onCancel={onCancel}
    >
      <p className="pp-hint">
        Puljeplan gemmer en kopi af porteføljen, før en import, en fletning eller en gendannelse ændrer den. Vælg den
        kopi, porteføljen skal være som igen; du kan fortryde med Ctrl+Z.
      </p>
      <table>
        <thead>
          <tr>
            <th>Tidspunkt</th>
            <th>Gemt</th>
            <th className="pp-num">Størrelse</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {backups.map((b, i) => (
            <tr key={b.fileName} data-testid="backup-row" title={b.fileName}>
              <td>{danishTime(b.at)}</td>
              <td>{backupReason(b.reason)}</td>
              <td className="pp-num">{fileSize(b.bytes)}</td>
              <td className="pp-num">
                <button
                  type="button"
                  ref={i === 0 ? first : undefined}
                  onClick={() => onChoose(b)}
                  aria-label={`Gendan kopien fra ${danishTime(b.at)}`}
                >
                  Gendan…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pp-dialog-buttons">
        <button type="button" onClick={onCancel}>
          Luk
        </button>
      </div>
    </Modal>
  );
}
