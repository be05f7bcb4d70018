/**
 * Starting the app against a fake Electron with real files: which portfolio opens, what the
 * user is told when a file cannot be opened, a second start handing over its file, and the
 * session being closed (checkpointed) when the window closes.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MENU_IPC } from '../../shared/contract/channels';
import { startApp } from '../../electron/app-lifecycle';
import { appHarness, exe } from './app-harness';
import { BrowserWindow, Menu, app, dialog, flush } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const h = appHarness();

describe('the first start', () => {
  it('creates the example in Documents/Puljeplan, opens it and remembers it', async () => {
    const win = await h.start();
    expect(existsSync(h.exampleFile())).toBe(true);
    expect(win?.getTitle()).toBe('Puljeplan — Bilag 1.sqlite (RM)');
    expect(h.settings()).toEqual({ lastFile: h.exampleFile(), recentFiles: [h.exampleFile()] });
    expect(await h.call('app.info')).toEqual({
      ok: true,
      value: expect.objectContaining({ fileName: 'Bilag 1.sqlite', shell: 'electron' }),
    });
    // Settings are written through a temporary file; none is left behind.
    expect(readdirSync(h.userData)).toEqual(['settings.json']);
  });

  it('does not overwrite an example the user already worked in', async () => {
    const first = await h.start();
    const added = await h.call('pools.add', { name: 'Min egen pulje', afterPoolId: null });
    expect(added.ok).toBe(true);
    expect(first).toBeDefined();
    await h.restart();
    const pools = ((await h.call('portfolio.load')).value as { pools: { name: string }[] }).pools.map((p) => p.name);
    expect(pools).toContain('Min egen pulje');
  });
});

describe('which file opens', () => {
  it('a .sqlite path given as an argument, relative to the working directory', async () => {
    h.portfolio('Syd.sqlite', 'RSD');
    const win = await h.start('--some-chromium-flag', 'Syd.sqlite');
    expect(win?.getTitle()).toBe('Puljeplan — Syd.sqlite (RSD)');
    expect(h.settings().lastFile).toBe(join(h.dir, 'Syd.sqlite'));
  });

  it('the file opened last time', async () => {
    const last = h.portfolio('Hovedstaden.sqlite', 'RH');
    mkdirSync(h.userData);
    writeFileSync(join(h.userData, 'settings.json'), JSON.stringify({ lastFile: last }));
    const win = await h.start();
    expect(win?.getTitle()).toBe('Puljeplan — Hovedstaden.sqlite (RH)');
  });

  it('the example when the remembered file is gone', async () => {
    mkdirSync(h.userData);
    writeFileSync(join(h.userData, 'settings.json'), JSON.stringify({ lastFile: join(h.dir, 'Slettet.sqlite') }));
    const win = await h.start();
    expect(win?.getTitle()).toContain('Bilag 1.sqlite');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('the example, after a Danish message, when the given file is not a portfolio', async () => {
    writeFileSync(join(h.dir, 'Noter.sqlite'), 'ikke en database');
    const win = await h.start(join(h.dir, 'Noter.sqlite'));
    expect(dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, text] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Filen kunne ikke åbnes');
    expect(text).toContain('«Noter.sqlite» er ikke en Puljeplan-portefølje');
    expect(text).toContain('åbner i stedet eksemplet');
    expect(win?.getTitle()).toContain('Bilag 1.sqlite');
    expect(h.settings().lastFile).toBe(h.exampleFile());
  });

  it('nothing, with a message, when even the example cannot be opened', async () => {
    mkdirSync(join(h.documents, 'Puljeplan'));
    writeFileSync(h.exampleFile(), 'beskadiget');
    const win = await h.start();
    expect(win).toBeUndefined();
    expect(dialog.showErrorBox.mock.calls[0]?.[0]).toBe('Puljeplan kan ikke starte');
    expect(app.quit).toHaveBeenCalled();
  });
});

describe('one instance', () => {
  it('a second instance quits at once and hands over its file', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    const win = await h.start(join(h.dir, 'Syd.sqlite'));
    expect(win).toBeUndefined();
    expect(app.quit).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ file: join(h.dir, 'Syd.sqlite') });
  });

  it('the running app opens the file a second start was given, and reloads the page', async () => {
    const win = await h.start();
    const other = h.portfolio('Syd.sqlite', 'RSD');
    app.emit('second-instance', {}, [exe, '--original-process-start-time=1'], '/', { file: other });
    expect(win?.getTitle()).toBe('Puljeplan — Syd.sqlite (RSD)');
    expect(win?.webContents.reloads).toBe(1);
    expect(win?.focused).toBeGreaterThan(0);
    expect((await h.call('app.info')).value?.fileName).toBe('Syd.sqlite');
  });

  it('reads the file from the second start’s arguments when no data came with it', async () => {
    const win = await h.start();
    h.portfolio('Syd.sqlite', 'RSD');
    app.emit('second-instance', {}, [exe, 'Syd.sqlite'], h.dir, null);
    expect(win?.getTitle()).toContain('Syd.sqlite');
  });

  it('keeps the open portfolio when the handed-over file cannot be opened', async () => {
    const win = await h.start();
    writeFileSync(join(h.dir, 'Noter.sqlite'), 'ikke en database');
    app.emit('second-instance', {}, [exe], h.dir, { file: join(h.dir, 'Noter.sqlite') });
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('er stadig åben');
    expect(win?.getTitle()).toContain('Bilag 1.sqlite');
    expect((await h.call('app.info')).value?.fileName).toBe('Bilag 1.sqlite');
  });

  it('a second start without a file only brings the window forward', async () => {
    const win = await h.start();
    app.emit('second-instance', {}, [exe], h.dir, { file: null });
    expect(win?.focused).toBe(1);
    expect(win?.webContents.reloads).toBe(0);
  });

  it('macOS open-file before the app is ready opens that file at start', async () => {
    const other = h.portfolio('Syd.sqlite', 'RSD');
    startApp([exe], h.dir);
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, other);
    await flush();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(BrowserWindow.instances.at(-1)?.getTitle()).toContain('Syd.sqlite');
  });
});

describe('while running', () => {
  it('the menu sends its commands to the window', async () => {
    const win = await h.start();
    const edit = (Menu.applied?.template as { label: string; submenu: { label: string; click?: () => void }[] }[]).find(
      (m) => m.label === 'Rediger',
    );
    edit?.submenu.find((i) => i.label === 'Fortryd')?.click?.();
    expect(win?.webContents.sent).toEqual([[MENU_IPC, 'undo']]);
  });

  it('a change of region shows in the title at once', async () => {
    const win = await h.start();
    expect((await h.call('portfolio.setMeta', { region: 'RN' })).ok).toBe(true);
    expect(win?.getTitle()).toBe('Puljeplan — Bilag 1.sqlite (RN)');
    await h.call('history.undo');
    expect(win?.getTitle()).toBe('Puljeplan — Bilag 1.sqlite (RM)');
  });

  it('closing the window closes the portfolio into one self-contained file', async () => {
    const win = await h.start();
    await h.call('pools.add', { name: 'Sidste ændring', afterPoolId: null });
    expect(existsSync(`${h.exampleFile()}-wal`)).toBe(true);
    win?.emit('closed');
    expect(existsSync(`${h.exampleFile()}-wal`)).toBe(false);
    const after = await h.call('portfolio.load');
    expect(after.ok).toBe(false);
  });
});
