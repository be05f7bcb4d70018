/**
 * The command bar: the same actions as the native menu and the keyboard. Its Filer menu is the
 * page's own file menu (a browser has no native one): Excel, files between regions, backups.
 */
import { useRef, useState, useSyncExternalStore } from 'react';
import { FILE_COMMANDS } from '../../../shared/contract/channels';
import type { HistoryState } from '../../../shared/domain/model';
import { PROJECT_COLS } from '../../../shared/grid/project-cols';
import type { Actions } from '../actions';
import type { LineActions } from '../line-actions';
import type { WebFileActions } from '../web-file-actions';
import { ContextMenu, type MenuEntry } from './context-menu';

interface Props {
  actions: Actions;
  lines: LineActions;
  history: HistoryState;
  sidePanel: boolean;
  /** The project columns shown in the grid, and a choice in «Kolonner ▾» shows or hides one. */
  projectCols: readonly string[];
  onToggleProjectCol: (colId: string) => void;
  /** The browser version's own Ny…, Åbn…, Gem som… and Seneste filer (none in the app: its native menu has them). */
  webFiles?: WebFileActions;
}

/**
 * The native menu's Filer commands, in its order and words (shared/contract/channels.ts); in the
 * browser first its own file items, with the data folder's newest files as Seneste filer.
 */
function fileMenu(actions: Actions, web: WebFileActions | undefined): MenuEntry[] {
  const recent = web?.recent() ?? [];
  const own: MenuEntry[] = web
    ? [
        { label: 'Ny…', run: web.newFile },
        { label: 'Åbn…', run: web.open },
        { label: 'Gem som…', run: web.saveAs },
        'separator',
        ...recent.map((f, i) => ({ label: `${i + 1} ${f.name}`, run: () => web.openNamed(f.name) })),
        ...(recent.length ? ['separator' as const] : []),
      ]
    : [];
  return [
    ...own,
    ...FILE_COMMANDS.flatMap((group, i): MenuEntry[] => [
      ...(i ? ['separator' as const] : []),
      ...group.map((c) => ({ label: c.label, run: () => actions.run(c.command) })),
    ]),
  ];
}

const noStore = { subscribe: () => () => undefined, getVersion: () => 0 };

/** A toolbar button that opens a menu of rarely used commands below it («Filer ▾», «Flyt ▾», «År ▾», «Kolonner ▾»). */
function MenuButton({
  label,
  title,
  items,
  testId,
  onOpen,
}: {
  label: string;
  title: string;
  items: () => MenuEntry[];
  testId: string;
  /** Called as the menu opens (the browser's Filer reads its folder then). */
  onOpen?: () => void;
}) {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="pp-menu-button"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        title={title}
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          if (!at) onOpen?.();
          setAt(at ? null : { x: r.left, y: r.bottom + 2 });
        }}
      >
        {label}
      </button>
      {at && (
        <ContextMenu
          x={at.x}
          y={at.y}
          items={items()}
          onClose={() => setAt(null)}
          testId={testId}
          anchor={button.current}
        />
      )}
    </>
  );
}

/**
 * One row at 1,024 px (issue 15): the daily commands as buttons; files, moving and years, used
 * less often, in menus. Every command is also on the keyboard, the context menu or the native menu.
 */
export function Toolbar({ actions, lines, history, sidePanel, projectCols, onToggleProjectCol, webFiles }: Props) {
  const files = webFiles ?? noStore;
  useSyncExternalStore(files.subscribe, files.getVersion);
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
        <MenuButton
          label="Filer ▾"
          title="Excel, filer mellem regionerne og sikkerhedskopier"
          items={() => fileMenu(actions, webFiles)}
          onOpen={() => void webFiles?.refresh()}
          testId="file-menu"
        />
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
        <MenuButton
          label="Flyt ▾"
          title="Flyt, ryk ind og ud, sortér"
          testId="move-menu"
          items={() => [
            { label: '↑ Flyt op', keys: 'Alt+↑', run: () => actions.move('up') },
            { label: '↓ Flyt ned', keys: 'Alt+↓', run: () => actions.move('down') },
            { label: 'Flyt til pulje…', run: actions.moveToPool },
            'separator',
            { label: 'Ryk ind (gør til underlinje)', keys: 'Alt+Shift+→', run: lines.indent },
            { label: 'Ryk ud (gør til linje)', keys: 'Alt+Shift+←', run: lines.outdent },
            'separator',
            { label: 'Sortér puljen…', run: lines.sortPool },
          ]}
        />
        <MenuButton
          label="År ▾"
          title="Tilføj eller fjern et år"
          testId="year-menu"
          items={() => [
            { label: '+ Tilføj år', run: actions.addYear },
            { label: 'Fjern år…', run: actions.removeYear },
          ]}
        />
        <MenuButton
          label="Kolonner ▾"
          title="Vis projektkortets felter som kolonner i bilaget"
          testId="columns-menu"
          items={() =>
            PROJECT_COLS.map((c) => ({
              label: c.title,
              checked: projectCols.includes(c.colId),
              run: () => onToggleProjectCol(c.colId),
            }))
          }
        />
      </div>
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
