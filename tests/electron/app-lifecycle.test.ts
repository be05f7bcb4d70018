/**
 * Starting the app against a fake Electron with real files: which portfolio opens, what the
 * user is told when a file cannot be opened, a second start handing over its file, and the
 * session being closed (checkpointed) when the window closes.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_IPC, ipcName, type Channel } from '../../shared/channels';
import { createPortfolio } from '../../db/create';
import { startApp } from '../../electron/app-lifecycle';
import { BrowserWindow, Menu, app, dialog, flush, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let dir: string;
let documents: string;
let userData: string;
const ownPage = pathToFileURL(join(resolve('.'), 'dist', 'renderer', 'index.html')).href;
const exe = '/opt/Puljeplan/puljeplan';

function exampleFile(): string {
  return join(documents, 'Puljeplan', 'Bilag 1.sqlite');
}

function settings(): { lastFile?: string } {
  return JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { lastFile?: string };
}

function portfolio(name: string, region?: 'RH' | 'RSD'): string {
  const path = join(dir, name);
  createPortfolio(path, { example: true, ...(region ? { region } : {}) });
  return path;
}

async function start(...args: string[]): Promise<BrowserWindow | undefined> {
  startApp([exe, ...args], dir);
  await flush();
  return BrowserWindow.instances.at(-1);
}

async function call(channel: Channel, args: unknown = {}) {
  const handler = ipcMain.handlers.get(ipcName(channel)) as (e: unknown, a: unknown) => Promise<{ ok: boolean; value?: Record<string, unknown> }>;
  return handler({ senderFrame: { url: ownPage, parent: null } }, args);
}

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-app-'));
  documents = join(dir, 'Dokumenter');
  userData = join(dir, 'userData');
  mkdirSync(documents);
  app.paths = { documents, userData };
});

afterEach(() => {
  app.emit('before-quit');
  rmSync(dir, { recursive: true, force: true });
});

describe('the first start', () => {
  it('creates the example in Documents/Puljeplan, opens it and remembers it', async () => {
    const win = await start();
    expect(existsSync(exampleFile())).toBe(true);
    expect(win?.getTitle()).toBe('Puljeplan — Bilag 1.sqlite (RM)');
    expect(settings()).toEqual({ lastFile: exampleFile() });
    expect((await call('app.info'))).toEqual({ ok: true, value: expect.objectContaining({ fileName: 'Bilag 1.sqlite', shell: 'electron' }) });
    // Settings are written through a temporary file; none is left behind.
    expect(readdirSync(userData)).toEqual(['settings.json']);
  });

  it('does not overwrite an example the user already worked in', async () => {
    const first = await start();
    const added = (await call('pools.add', { name: 'Min egen pulje', afterPoolId: null }));
    expect(added.ok).toBe(true);
    first?.emit('closed');
    resetFakeElectron();
    app.paths = { documents, userData };
    await start();
    const pools = ((await call('portfolio.load')).value as { pools: { name: string }[] }).pools.map((p) => p.name);
    expect(pools).toContain('Min egen pulje');
  });
});

describe('which file opens', () => {
  it('a .sqlite path given as an argument, relative to the working directory', async () => {
    portfolio('Syd.sqlite', 'RSD');
    const win = await start('--some-chromium-flag', 'Syd.sqlite');
    expect(win?.getTitle()).toBe('Puljeplan — Syd.sqlite (RSD)');
    expect(settings().lastFile).toBe(join(dir, 'Syd.sqlite'));
  });

  it('the file opened last time', async () => {
    const last = portfolio('Hovedstaden.sqlite', 'RH');
    mkdirSync(userData);
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ lastFile: last }));
    const win = await start();
    expect(win?.getTitle()).toBe('Puljeplan — Hovedstaden.sqlite (RH)');
  });

  it('the example when the remembered file is gone', async () => {
    mkdirSync(userData);
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ lastFile: join(dir, 'Slettet.sqlite') }));
    const win = await start();
    expect(win?.getTitle()).toContain('Bilag 1.sqlite');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('the example, after a Danish message, when the given file is not a portfolio', async () => {
    writeFileSync(join(dir, 'Noter.sqlite'), 'ikke en database');
    const win = await start(join(dir, 'Noter.sqlite'));
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, text] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Filen kunne ikke åbnes');
    expect(text).toContain('«Noter.sqlite» er ikke en Puljeplan-portefølje');
    expect(text).toContain('åbner i stedet eksemplet');
    expect(win?.getTitle()).toContain('Bilag 1.sqlite');
    expect(settings().lastFile).toBe(exampleFile());
  });

  it('nothing, with a message, when even the example cannot be opened', async () => {
    mkdirSync(join(documents, 'Puljeplan'));
    writeFileSync(exampleFile(), 'beskadiget');
    const win = await start();
    expect(win).toBeUndefined();
    expect(dialog.showErrorBox.mock.calls[0]?.[0]).toBe('Puljeplan kan ikke starte');
    expect(app.quit).toHaveBeenCalled();
  });
});

describe('one instance', () => {
  it('a second instance quits at once and hands over its file', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    const win = await start(join(dir, 'Syd.sqlite'));
    expect(win).toBeUndefined();
    expect(app.quit).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ file: join(dir, 'Syd.sqlite') });
  });

  it('the running app opens the file a second start was given, and reloads the page', async () => {
    const win = await start();
    const other = portfolio('Syd.sqlite', 'RSD');
    app.emit('second-instance', {}, [exe, '--original-process-start-time=1'], '/', { file: other });
    expect(win?.getTitle()).toBe('Puljeplan — Syd.sqlite (RSD)');
    expect(win?.webContents.reloads).toBe(1);
    expect(win?.focused).toBeGreaterThan(0);
    expect((await call('app.info')).value?.fileName).toBe('Syd.sqlite');
  });

  it('reads the file from the second start’s arguments when no data came with it', async () => {
    const win = await start();
    portfolio('Syd.sqlite', 'RSD');
    app.emit('second-instance', {}, [exe, 'Syd.sqlite'], dir, null);
    expect(win?.getTitle()).toContain('Syd.sqlite');
  });

  it('keeps the open portfolio when the handed-over file cannot be opened', async () => {
    const win = await start();
    writeFileSync(join(dir, 'Noter.sqlite'), 'ikke en database');
    app.emit('second-instance', {}, [exe], dir, { file: join(dir, 'Noter.sqlite') });
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('er stadig åben');
    expect(win?.getTitle()).toContain('Bilag 1.sqlite');
    expect((await call('app.info')).value?.fileName).toBe('Bilag 1.sqlite');
  });

  it('a second start without a file only brings the window forward', async () => {
    const win = await start();
    app.emit('second-instance', {}, [exe], dir, { file: null });
    expect(win?.focused).toBe(1);
    expect(win?.webContents.reloads).toBe(0);
  });

  it('macOS open-file before the app is ready opens that file at start', async () => {
    const other = portfolio('Syd.sqlite', 'RSD');
    startApp([exe], dir);
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, other);
    await flush();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(BrowserWindow.instances.at(-1)?.getTitle()).toContain('Syd.sqlite');
  });
});

describe('while running', () => {
  it('the menu sends its commands to the window', async () => {
    const win = await start();
    const edit = (Menu.applied?.template as { label: string; submenu: { label: string; click?: () => void }[] }[]).find((m) => m.label === 'Rediger');
    edit?.submenu.find((i) => i.label === 'Fortryd')?.click?.();
    expect(win?.webContents.sent).toEqual([[MENU_IPC, 'undo']]);
  });

  it('a change of region shows in the title at once', async () => {
    const win = await start();
    expect((await call('portfolio.setMeta', { region: 'RN' })).ok).toBe(true);
    expect(win?.getTitle()).toBe('Puljeplan — Bilag 1.sqlite (RN)');
    (await call('history.undo'));
    expect(win?.getTitle()).toBe('Puljeplan — Bilag 1.sqlite (RM)');
  });

  it('closing the window closes the portfolio into one self-contained file', async () => {
    const win = await start();
    (await call('pools.add', { name: 'Sidste ændring', afterPoolId: null }));
    expect(existsSync(`${exampleFile()}-wal`)).toBe(true);
    win?.emit('closed');
    expect(existsSync(`${exampleFile()}-wal`)).toBe(false);
    const after = (await call('portfolio.load'));
    expect(after.ok).toBe(false);
  });
});
