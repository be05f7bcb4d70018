/** The Danish menu: its items send the page's commands, and it never steals the page's keys. */
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/channels';
import { installMenu, menuTemplate, type MenuOptions } from '../../electron/menu';
import { Menu, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Item = MenuItemConstructorOptions;

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const showAbout = vi.fn();
  const editText = vi.fn();
  const template = menuTemplate({ send: (c) => sent.push(c), editText, showAbout, isPackaged: false, platform: 'win32', ...overrides });
  return { template, sent, showAbout, editText };
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
  (item.click as (item: unknown, win: unknown, event: { triggeredByAccelerator?: boolean }) => void)({}, undefined, { triggeredByAccelerator: byKey });
}

beforeEach(() => resetFakeElectron());

describe('the application menu', () => {
  it('has the Danish menus in order', () => {
    expect(build().template.map((m) => m.label)).toEqual(['Filer', 'Rediger', 'Linjer', 'Puljer', 'År', 'Vis', 'Hjælp']);
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

  it("on macOS, where the key reaches the menu only from a text field, the key undoes the typing", () => {
    const { template, sent, editText } = build({ platform: 'darwin' });
    click(find(template, 'Fortryd'), true);
    click(find(template, 'Annullér fortryd'), true);
    expect(editText.mock.calls).toEqual([['undo'], ['redo']]);
    expect(sent).toEqual([]);
  });

  it('Annullér fortryd sends redo and shows the platform key without registering it', () => {
    for (const [platform, key] of [['win32', 'CmdOrCtrl+Y'], ['linux', 'CmdOrCtrl+Y'], ['darwin', 'CmdOrCtrl+Shift+Z']] as const) {
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
      Fortryd: 'undo', 'Annullér fortryd': 'redo', 'Ny linje': 'addLine', 'Ny underlinje': 'addSubLine', 'Slet…': 'deleteSelected',
      'Flyt op': 'moveUp', 'Flyt ned': 'moveDown', 'Flyt til pulje…': 'moveToPool', 'Ny pulje': 'addPool', 'Tilføj næste år': 'addYear',
      'Fjern år…': 'removeYear', 'Vis/skjul sidepanel': 'toggleSidePanel', 'Fold alle ud': 'expandAll', 'Fold alle ind': 'collapseAll',
      'Importér fra Excel…': 'importExcel', 'Eksportér til Excel…': 'exportExcel', Tastaturgenveje: 'showShortcuts',
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
          expect(String(item.accelerator ?? ''), item.label).not.toMatch(/^(CmdOrCtrl|CommandOrControl|Ctrl|Control|Cmd|Command)\+(Shift\+)?R$/i);
          expect(['reload', 'forceReload'], item.label).not.toContain(item.role);
        }
      }
    }
  });

  it('shows Udviklerværktøjer only in development', () => {
    expect(find(build({ isPackaged: false }).template, 'Udviklerværktøjer').role).toBe('toggleDevTools');
    expect(flatten(build({ isPackaged: true }).template).some((i) => i.label === 'Udviklerværktøjer' || i.role === 'toggleDevTools')).toBe(false);
  });

  it('Om Puljeplan opens the about box', () => {
    const { template, showAbout } = build();
    click(find(template, 'Om Puljeplan'));
    expect(showAbout).toHaveBeenCalledOnce();
  });

  it('is installed as the application menu', () => {
    installMenu({ send: () => undefined, editText: () => undefined, showAbout: () => undefined, isPackaged: true, platform: 'linux' });
    expect((Menu.applied?.template as Item[]).map((m) => m.label)).toContain('Linjer');
  });
});
