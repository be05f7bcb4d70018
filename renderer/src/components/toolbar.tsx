/**
 * The command bar: the same actions as the native menu and the keyboard. Its Filer menu is the
 * page's own file menu (a browser has no native one): Excel, files between regions, backups.
 */
import { useRef, useState } from 'react';
import { FILE_COMMANDS } from '../../../shared/contract/channels';
import type { HistoryState } from '../../../shared/domain/model';
import type { Actions } from '../actions';
import { ContextMenu, type MenuEntry } from './context-menu';

interface Props {
  actions: Actions;
  history: HistoryState;
  sidePanel: boolean;
}

/** The native menu's Filer commands, in its order and words (shared/contract/channels.ts). */
function fileMenu(actions: Actions): MenuEntry[] {
  return FILE_COMMANDS.flatMap((group, i): MenuEntry[] => [
    ...(i ? ['separator' as const] : []),
    ...group.map((c) => ({ label: c.label, run: () => actions.run(c.command) })),
  ]);
}

export function Toolbar({ actions, history, sidePanel }: Props) {
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const fileButton = useRef<HTMLButtonElement>(null);
  const b = (
    label: string,
    onClick: () => unknown,
    title: string,
    extra: { disabled?: boolean; pressed?: boolean } = {},
  ) => (
    <button
      type="button"
      onClick={() => void onClick()}
      title={title}
      disabled={extra.disabled}
      aria-pressed={extra.pressed}
      onMouseDown={(e) => e.preventDefault()}
    >
      {label}
    </button>
  );
  return (
    <div className="pp-toolbar" role="toolbar" aria-label="Handlinger">
      <div className="pp-group">
        <button
          ref={fileButton}
          type="button"
          className="pp-menu-button"
          aria-haspopup="menu"
          aria-expanded={menuAt !== null}
          title="Excel, filer mellem regionerne og sikkerhedskopier"
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            setMenuAt(menuAt ? null : { x: r.left, y: r.bottom + 2 });
          }}
        >
          Filer ▾
        </button>
        {b(
          'Importér fra Excel…',
          () => actions.importExcel(),
          'Indlæs et Bilag 1 fra en Excel-projektmappe (eller træk filen ind i vinduet)',
        )}
        {b('Eksportér til Excel…', actions.exportExcel, 'Gem porteføljen som et færdigt Bilag 1 i Excel')}
      </div>
      <div className="pp-group">
        {b(
          '↶ Fortryd',
          actions.undo,
          history.undoLabel ? `Fortryd: ${history.undoLabel} (Ctrl+Z)` : 'Intet at fortryde (Ctrl+Z)',
          { disabled: !history.canUndo },
        )}
        {b(
          '↷ Annullér fortryd',
          actions.redo,
          history.redoLabel ? `Annullér fortryd: ${history.redoLabel} (Ctrl+Y)` : 'Intet at gentage (Ctrl+Y)',
          { disabled: !history.canRedo },
        )}
      </div>
      <div className="pp-group">
        {b('+ Ny linje', actions.addLine, 'Indsæt en linje under den valgte (Ctrl+Enter)')}
        {b('+ Ny underlinje', actions.addSubLine, 'Indsæt en underlinje under den valgte linje')}
        {b('+ Ny pulje', actions.addPool, 'Indsæt en pulje efter den valgte')}
        {b('Slet', actions.deleteSelected, 'Slet den valgte linje eller pulje (Ctrl+Delete)')}
      </div>
      <div className="pp-group">
        {b('↑ Flyt op', () => actions.move('up'), 'Flyt den valgte linje eller pulje op (Alt+↑)')}
        {b('↓ Flyt ned', () => actions.move('down'), 'Flyt den valgte linje eller pulje ned (Alt+↓)')}
        {b('Flyt til pulje…', actions.moveToPool, 'Flyt den valgte linje til en anden pulje')}
      </div>
      <div className="pp-group">
        {b('+ Tilføj år', actions.addYear, 'Tilføj næste år som kolonne')}
        {b('Fjern år…', actions.removeYear, 'Fjern et år uden beløb')}
      </div>
      {menuAt && (
        <ContextMenu
          x={menuAt.x}
          y={menuAt.y}
          items={fileMenu(actions)}
          onClose={() => setMenuAt(null)}
          testId="file-menu"
          anchor={fileButton.current}
        />
      )}
      <div className="pp-group pp-right">
        {b(
          'Beskrivelser',
          () => actions.run('toggleSidePanel'),
          'Vis eller skjul sidepanelet med titel, region og beskrivelser',
          { pressed: sidePanel },
        )}
      </div>
    </div>
  );
}
