/**
 * The Danish application menu. Our items only send a command to the page (MENU_IPC); the page
 * runs it exactly as its toolbar would, so the browser build and the app behave alike. The
 * exceptions are Filer's Ny/Åbn/Gem som/Seneste filer, which switch the open file in the main
 * process (electron/file-commands.ts) and then reload the page.
 *
 * Undo/redo show their keys but do not register them (registerAccelerator: false): the page
 * handles Ctrl+Z itself, so in a text field it undoes typing, as in a browser, and in the grid
 * it undoes the last change. macOS ignores registerAccelerator, but there the key reaches the
 * menu only when the page did not take it — i.e. in a text field — so the item then undoes the
 * typing (webContents.undo) instead of the last change. Nothing is bound to Ctrl+R: a reload
 * would throw away the page's state in the middle of an edit, so the usual reload roles are left out.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { basename, dirname } from 'node:path';
import { FILE_COMMANDS, type MenuCommand } from '../shared/contract/channels';

/** Filer's own items: they work on files (dialogs, copies), so they run in the main process. */
export interface FileMenuActions {
  newFile: () => void;
  open: () => void;
  saveAs: () => void;
  openRecent: (path: string) => void;
  clearRecent: () => void;
}

export interface MenuOptions {
  /** Sends a command to the page (webContents.send(MENU_IPC, command) on the current window). */
  send: (command: MenuCommand) => void;
  /** The text field's own undo/redo (webContents.undo()/redo()). */
  editText: (action: 'undo' | 'redo') => void;
  showAbout: () => void;
  files: FileMenuActions;
  /** Seneste filer, newest first (the menu is built again when the list changes). */
  recentFiles: readonly string[];
  /** DevTools only in development: a user has no use for them, and they are a way around the guards. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

type Item = MenuItemConstructorOptions;

function command(label: string, cmd: MenuCommand, send: MenuOptions['send']): Item {
  return { label, click: () => send(cmd) };
}

function historyItem(label: string, action: 'undo' | 'redo', accelerator: string, o: MenuOptions): Item {
  return {
    label,
    accelerator,
    registerAccelerator: false,
    click: (_item, _window, event) => {
      // Only on macOS can the key trigger the item (see the top of this file): then it is the text's undo.
      if (event?.triggeredByAccelerator) o.editText(action);
      else o.send(action);
    },
  };
}

/** `Bilag 1.sqlite (C:\Users\anne\Dokumenter)`; `&` doubled, as Windows and Linux read `&x` as a mnemonic. */
function recentLabel(path: string): string {
  return `${basename(path)} (${dirname(path)})`.replace(/&/g, '&&');
}

function recentMenu(o: MenuOptions): Item[] {
  const items: Item[] = o.recentFiles.map((path) => ({
    label: recentLabel(path),
    click: () => o.files.openRecent(path),
  }));
  if (!items.length) items.push({ label: 'Ingen seneste filer', enabled: false });
  items.push(
    { type: 'separator' },
    { label: 'Ryd listen', enabled: o.recentFiles.length > 0, click: () => o.files.clearRecent() },
  );
  return items;
}

function fileMenu(o: MenuOptions): Item {
  const s = o.send;
  return {
    label: 'Filer',
    submenu: [
      // Not used by the page (renderer/src/shortcuts.ts), so these keys can be the menu's own.
      { label: 'Ny…', accelerator: 'CmdOrCtrl+N', click: () => o.files.newFile() },
      { label: 'Åbn…', accelerator: 'CmdOrCtrl+O', click: () => o.files.open() },
      { label: 'Gem som…', accelerator: 'CmdOrCtrl+Shift+S', click: () => o.files.saveAs() },
      { label: 'Seneste filer', submenu: recentMenu(o) },
      // The commands the page runs, as its «Filer ▾» shows them too.
      ...FILE_COMMANDS.flatMap((group): Item[] => [
        { type: 'separator' },
        // Ctrl+P is shown but left to the page (renderer/src/app.tsx), as in the browser.
        ...group.map((c) =>
          c.command === 'print'
            ? { ...command(c.label, c.command, s), accelerator: 'CmdOrCtrl+P', registerAccelerator: false }
            : command(c.label, c.command, s),
        ),
      ]),
      { type: 'separator' },
      { label: 'Afslut', role: 'quit' },
    ],
  };
}

function editMenu(o: MenuOptions): Item {
  const isMac = o.platform === 'darwin';
  const submenu: Item[] = [
    historyItem('Fortryd', 'undo', 'CmdOrCtrl+Z', o),
    // One item can show one key: the platform's usual one. The page accepts both Ctrl+Y and Ctrl+Shift+Z.
    historyItem('Annullér fortryd', 'redo', isMac ? 'CmdOrCtrl+Shift+Z' : 'CmdOrCtrl+Y', o),
    { type: 'separator' },
    { label: 'Klip', role: 'cut' },
    { label: 'Kopiér', role: 'copy' },
    { label: 'Sæt ind', role: 'paste' },
  ];
  // On macOS text fields get Cmd+A only through the menu.
  if (isMac) submenu.push({ label: 'Markér alt', role: 'selectAll' });
  return { label: 'Rediger', submenu };
}

function viewMenu(o: MenuOptions): Item {
  const submenu: Item[] = [
    command('Vis/skjul sidepanel', 'toggleSidePanel', o.send),
    { type: 'separator' },
    command('Fold alle ud', 'expandAll', o.send),
    command('Fold alle ind', 'collapseAll', o.send),
  ];
  if (!o.isPackaged) submenu.push({ type: 'separator' }, { label: 'Udviklerværktøjer', role: 'toggleDevTools' });
  return { label: 'Vis', submenu };
}

export function menuTemplate(o: MenuOptions): Item[] {
  const isMac = o.platform === 'darwin';
  const s = o.send;
  const about: Item = { label: 'Om Puljeplan', click: () => o.showAbout() };
  const template: Item[] = [];
  if (isMac) {
    // macOS puts the application's own menu first, whatever its label.
    template.push({
      label: 'Puljeplan',
      submenu: [
        about,
        { type: 'separator' },
        { label: 'Skjul Puljeplan', role: 'hide' },
        { label: 'Skjul andre', role: 'hideOthers' },
        { label: 'Vis alle', role: 'unhide' },
        { type: 'separator' },
        { label: 'Afslut Puljeplan', role: 'quit' },
      ],
    });
  }
  template.push(
    fileMenu(o),
    editMenu(o),
    {
      label: 'Linjer',
      submenu: [
        command('Ny linje', 'addLine', s),
        command('Ny underlinje', 'addSubLine', s),
        command('Slet…', 'deleteSelected', s),
        { type: 'separator' },
        command('Flyt op', 'moveUp', s),
        command('Flyt ned', 'moveDown', s),
        command('Flyt til pulje…', 'moveToPool', s),
      ],
    },
    { label: 'Puljer', submenu: [command('Ny pulje', 'addPool', s)] },
    { label: 'År', submenu: [command('Tilføj næste år', 'addYear', s), command('Fjern år…', 'removeYear', s)] },
    viewMenu(o),
    {
      label: 'Hjælp',
      role: 'help',
      submenu: [command('Tastaturgenveje', 'showShortcuts', s), { type: 'separator' }, about],
    },
  );
  return template;
}

export function installMenu(o: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(o)));
}
