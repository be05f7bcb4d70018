/**
 * Starting the app against the fake Electron (fake-electron.ts) in a throwaway folder, for the
 * app-lifecycle and Filer tests. The test file itself must mock electron:
 * vi.mock('electron', () => import('./fake-electron')).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ipcName, type Channel } from '../../shared/contract/channels';
import type { RegionCode } from '../../shared/domain/model';
import { createPortfolio } from '../../db/core/create';
import { startApp } from '../../electron/app-lifecycle';
import type { Settings } from '../../electron/settings';
import { BrowserWindow, Menu, app, flush, ipcMain, resetFakeElectron } from './fake-electron';

export const exe = '/opt/Puljeplan/puljeplan';
/** The page as the window loads it (electron/app-protocol.ts). */
export const ownPage = 'app://puljeplan/index.html';

type Item = MenuItemConstructorOptions;

export interface AppHarness {
  /** The test's own folder (the working directory of the app). */
  dir: string;
  documents: string;
  userData: string;
  exampleFile(): string;
  settings(): Settings;
  /** A new portfolio file (the example) in the test's folder. */
  portfolio(name: string, region?: RegionCode): string;
  start(...args: string[]): Promise<BrowserWindow | undefined>;
  /** Closes the window (the app quits) and starts the app again, as a user would the next day. */
  restart(...args: string[]): Promise<BrowserWindow | undefined>;
  /** A call from the app's own page through ipcMain, as the preload makes it. */
  call(
    channel: Channel,
    args?: unknown,
  ): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { message: string } }>;
  /** An item of the installed application menu, by its path of labels. */
  menuItem(...labels: string[]): Item;
}

/** Registers beforeEach/afterEach that give each test a fresh fake Electron and folder. */
export function appHarness(): AppHarness {
  const h = {} as AppHarness;
  const freshElectron = () => {
    resetFakeElectron();
    app.paths = { documents: h.documents, userData: h.userData };
  };
  beforeEach(() => {
    h.dir = mkdtempSync(join(tmpdir(), 'puljeplan-app-'));
    h.documents = join(h.dir, 'Dokumenter');
    h.userData = join(h.dir, 'userData');
    mkdirSync(h.documents);
    freshElectron();
  });
  afterEach(() => {
    app.emit('before-quit');
    rmSync(h.dir, { recursive: true, force: true });
  });
  h.exampleFile = () => join(h.documents, 'Puljeplan', 'Bilag 1.sqlite');
  h.settings = () => JSON.parse(readFileSync(join(h.userData, 'settings.json'), 'utf8')) as Settings;
  h.portfolio = (name, region) => {
    const path = join(h.dir, name);
    createPortfolio(path, { example: true, ...(region ? { region } : {}) });
    return path;
  };
  h.start = async (...args) => {
    startApp([exe, ...args], h.dir);
    await flush();
    return BrowserWindow.instances.at(-1);
  };
  h.restart = (...args) => {
    BrowserWindow.instances.at(-1)?.emit('closed');
    freshElectron();
    return h.start(...args);
  };
  h.call = (channel, args = {}) => {
    const handler = ipcMain.handlers.get(ipcName(channel)) as (
      e: unknown,
      a: unknown,
    ) => ReturnType<AppHarness['call']>;
    return handler({ senderFrame: { url: ownPage, parent: null } }, args);
  };
  h.menuItem = (...labels) => {
    let items = Menu.applied?.template as Item[];
    let item: Item | undefined;
    for (const label of labels) {
      item = items.find((i) => i.label === label);
      if (!item) throw new Error(`no menu item «${labels.join(' › ')}»`);
      items = (item.submenu ?? []) as Item[];
    }
    return item!;
  };
  return h;
}
