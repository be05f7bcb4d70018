/** Hjælp → Tastaturgenveje: every shortcut, grouped. Esc or Enter closes it. */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../shortcuts';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="pp-overlay" onMouseDown={onClose}>
      <div
        className="pp-dialog pp-shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pp-shortcuts-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Enter') {
            e.preventDefault();
            onClose();
          }
          e.stopPropagation();
        }}
      >
        <h2 id="pp-shortcuts-title">Tastaturgenveje</h2>
        <div className="pp-shortcut-groups">
          {SHORTCUTS.map((g) => (
            <section key={g.group}>
              <h3>{g.group}</h3>
              <table>
                <tbody>
                  {g.keys.map(([keys, what]) => (
                    <tr key={keys}>
                      <td className="pp-keys">{keys}</td>
                      <td>{what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        <div className="pp-dialog-buttons">
          <button type="button" ref={close} className="pp-primary" onClick={onClose}>
            Luk
          </button>
        </div>
      </div>
    </div>
  );
}
