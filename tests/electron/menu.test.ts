/** The Danish menu: its items send the page's commands, and it never steals the page's keys. */
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/contract/channels';
import { installMenu, menuTemplate, type FileMenuActions, type MenuOptions } from '../../electron/menu';
import { Menu, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Item = MenuItemConstructorOptions;

function fileActions(): FileMenuActions {
  return { newFile: vi.fn(), open: vi.fn(), saveAs: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() };
}

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const showAbout = vi.fn();
  const editText = vi.fn();
  const files = fileActions();
  const template = menuTemplate({
    send: (c) => sent.push(c),
    editText,
    showAbout,
    files,
    recentFiles: [],
    isPackaged: false,
    platform: 'win32',
    ...overrides,
  });
  return { template, sent, showAbout, editText, files };
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function find(items: Item[], label: string): Item {
  const item = flatten(items).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item «${label}»`);
  return item;
}

/** A click with the mouse, or (macOS only) by the item's key when the page did not take it. */
function click(item: Item, byKey = false): void {
  (item.click as (item: unknown, win: unknown, event: { triggeredByAccelerator?: boolean }) => void)({}, undefined, {
    triggeredByAccelerator: byKey,
  });
}

beforeEach(() => resetFakeElectron());

describe('the application menu', () => {
  it('has the Danish menus in order', () => {
    expect(build().template.map((m) => m.label)).toEqual([
      'Filer',
      'Rediger',
      'Linjer',
      'Puljer',
      'År',
      'Vis',
      'Hjælp',
    ]);
    expect(build({ platform: 'darwin' }).template[0]?.label).toBe('Puljeplan');
  });

  it('Fortryd sends undo to the page and leaves Ctrl+Z to the page', () => {
    const { template, sent } = build();
    const undo = find(template, 'Fortryd');
    expect(undo.accelerator).toBe('CmdOrCtrl+Z');
    expect(undo.registerAccelerator).toBe(false);
    click(undo);
    expect(sent).toEqual(['undo']);
  });

  it('on macOS, where the key reaches the menu only from a text field, the key undoes the typing', () => {
    const { template, sent, editText } = build({ platform: 'darwin' });
    click(find(template, 'Fortryd'), true);
    click(find(template, 'Annullér fortryd'), true);
    expect(editText.mock.calls).toEqual([['undo'], ['redo']]);
    expect(sent).toEqual([]);
  });

  it('Annullér fortryd sends redo and shows the platform key without registering it', () => {
    for (const [platform, key] of [
      ['win32', 'CmdOrCtrl+Y'],
      ['linux', 'CmdOrCtrl+Y'],
      ['darwin', 'CmdOrCtrl+Shift+Z'],
    ] as const) {
      const { template, sent } = build({ platform });
      const redo = find(template, 'Annullér fortryd');
      expect(redo.accelerator).toBe(key);
      expect(redo.registerAccelerator).toBe(false);
      click(redo);
      expect(sent).toEqual(['redo']);
    }
  });

  it('offers every page command, each under its Danish label', () => {
    const { template, sent } = build();
    const labels: Record<string, MenuCommand> = {
      Fortryd: 'undo',
      'Annullér fortryd': 'redo',
      'Ny linje': 'addLine',
      'Ny underlinje': 'addSubLine',
      'Slet…': 'deleteSelected',
      'Flyt op': 'moveUp',
      'Flyt ned': 'moveDown',
      'Flyt til pulje…': 'moveToPool',
      'Ny pulje': 'addPool',
      'Tilføj næste år': 'addYear',
      'Fjern år…': 'removeYear',
      'Vis/skjul sidepanel': 'toggleSidePanel',
      'Fold alle ud': 'expandAll',
      'Fold alle ind': 'collapseAll',
      'Importér fra Excel…': 'importExcel',
      'Eksportér til Excel…': 'exportExcel',
      'Importér status fra Excel…': 'importStatus',
      Tastaturgenveje: 'showShortcuts',
      'Åbn fil fra anden region…': 'openReceived',
      'Send til en anden region…': 'sendFile',
      'Flet fil fra anden region…': 'mergeFile',
      'Gendan fra sikkerhedskopi…': 'restoreBackup',
      'Indstillinger…': 'settings',
      'Udskriv…': 'print',
      'Gem som PDF…': 'savePdf',
    };
    for (const [label, command] of Object.entries(labels)) {
      sent.length = 0;
      click(find(template, label));
      expect(sent, label).toEqual([command]);
    }
    expect(new Set(Object.values(labels))).toEqual(new Set(MENU_COMMANDS));
  });

  it('has Klip, Kopiér and Sæt ind as the standard editing roles', () => {
    const { template } = build();
    expect(find(template, 'Klip').role).toBe('cut');
    expect(find(template, 'Kopiér').role).toBe('copy');
    expect(find(template, 'Sæt ind').role).toBe('paste');
    expect(find(template, 'Afslut').role).toBe('quit');
  });

  it('binds nothing to Ctrl+R and has no reload item', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      for (const isPackaged of [true, false]) {
        const items = flatten(build({ platform, isPackaged }).template);
        for (const item of items) {
          expect(String(item.accelerator ?? ''), item.label).not.toMatch(
            /^(CmdOrCtrl|CommandOrControl|Ctrl|Control|Cmd|Command)\+(Shift\+)?R$/i,
          );
          expect(['reload', 'forceReload'], item.label).not.toContain(item.role);
        }
      }
    }
  });

  it('shows Udviklerværktøjer only in development', () => {
    expect(find(build({ isPackaged: false }).template, 'Udviklerværktøjer').role).toBe('toggleDevTools');
    expect(
      flatten(build({ isPackaged: true }).template).some(
        (i) => i.label === 'Udviklerværktøjer' || i.role === 'toggleDevTools',
      ),
    ).toBe(false);
  });

  it('Om Puljeplan opens the about box', () => {
    const { template, showAbout } = build();
    click(find(template, 'Om Puljeplan'));
    expect(showAbout).toHaveBeenCalledOnce();
  });

  it('is installed as the application menu', () => {
    installMenu({
      send: () => undefined,
      editText: () => undefined,
      showAbout: () => undefined,
      files: fileActions(),
      recentFiles: [],
      isPackaged: true,
      platform: 'linux',
    });
    expect((Menu.applied?.template as Item[]).map((m) => m.label)).toContain('Linjer');
  });
});

describe('Filer', () => {
  const labels = (items: Item[]) => items.map((i) => (i.type === 'separator' ? '—' : i.label));
  const submenu = (item: Item) => item.submenu as Item[];

  it('has the file items in order, then the sharing items, Excel and Afslut', () => {
    const filer = build().template.find((m) => m.label === 'Filer')!;
    expect(labels(submenu(filer))).toEqual([
      'Ny…',
      'Åbn…',
      'Gem som…',
      'Seneste filer',
      '—',
      'Åbn fil fra anden region…',
      'Send til en anden region…',
      'Flet fil fra anden region…',
      'Gendan fra sikkerhedskopi…',
      '—',
      'Importér fra Excel…',
      'Eksportér til Excel…',
      'Importér status fra Excel…',
      '—',
      'Udskriv…',
      'Gem som PDF…',
      '—',
      'Indstillinger…',
      '—',
      'Afslut',
    ]);
  });

  it('shows Ctrl+P on Udskriv… but leaves the key to the page, which opens the preview (as in the browser)', () => {
    const item = find(build().template, 'Udskriv…');
    expect(item.accelerator).toBe('CmdOrCtrl+P');
    expect(item.registerAccelerator).toBe(false);
  });

  it('Ny, Åbn and Gem som run in the main process under Ctrl+N, Ctrl+O and Ctrl+Shift+S, sending nothing to the page', () => {
    const { template, files, sent } = build();
    const keys = { 'Ny…': 'CmdOrCtrl+N', 'Åbn…': 'CmdOrCtrl+O', 'Gem som…': 'CmdOrCtrl+Shift+S' };
    for (const [label, key] of Object.entries(keys)) {
      expect(find(template, label).accelerator).toBe(key);
      expect(find(template, label).registerAccelerator, label).toBeUndefined();
      click(find(template, label));
    }
    expect(files.newFile).toHaveBeenCalledOnce();
    expect(files.open).toHaveBeenCalledOnce();
    expect(files.saveAs).toHaveBeenCalledOnce();
    expect(sent).toEqual([]);
  });

  it('no two items share a key', () => {
    const keys = flatten(build().template)
      .map((i) => i.accelerator)
      .filter((k): k is string => !!k);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('Seneste filer lists the files in the order given, with folder, and opens the one clicked', () => {
    const recent = ['/data/RM/Bilag 1.sqlite', '/data/R&D/Bilag 1.sqlite'];
    const { template, files } = build({ recentFiles: recent });
    const items = submenu(find(template, 'Seneste filer'));
    expect(labels(items)).toEqual(['Bilag 1.sqlite (/data/RM)', 'Bilag 1.sqlite (/data/R&&D)', '—', 'Ryd listen']);
    click(items[1]!);
    expect(files.openRecent).toHaveBeenCalledWith('/data/R&D/Bilag 1.sqlite');
    click(items[3]!);
    expect(files.clearRecent).toHaveBeenCalledOnce();
  });

  it('an empty Seneste filer says so, and Ryd listen is greyed out', () => {
    const items = submenu(find(build().template, 'Seneste filer'));
    expect(labels(items)).toEqual(['Ingen seneste filer', '—', 'Ryd listen']);
    expect(items[0]!.enabled).toBe(false);
    expect(items[2]!.enabled).toBe(false);
  });
});
