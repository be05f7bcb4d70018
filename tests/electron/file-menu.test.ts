/**
 * Filer in the running app (fake Electron, real files): Ny…, Åbn…, Gem som… with the user's
 * choice in the dialogs stubbed, the page's own file.open, and Seneste filer.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileToken, openSession } from '../../db/index';
import { readFile } from '../db/core/read-file';
import { appHarness } from './app-harness';
import { BrowserWindow, dialog, flush } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const h = appHarness();

/** Clicks a menu item and lets the dialog's answer and what follows run. */
async function click(...labels: string[]): Promise<void> {
  (h.menuItem(...labels).click as () => unknown)();
  await flush();
}

const saveAs = (path: string) => dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
const openAs = (path: string) => dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
const win = () => BrowserWindow.instances.at(-1)!;
const openFileName = async () => (await h.call('app.info')).value?.fileName;
const poolNames = async () =>
  ((await h.call('portfolio.load')).value as { pools: { name: string }[] }).pools.map((p) => p.name);
const recentLabels = () =>
  (h.menuItem('Filer', 'Seneste filer').submenu as { label?: string }[])
    .map((i) => i.label)
    .filter((l) => l !== undefined);

describe('Ny…', () => {
  it('creates an empty portfolio for the same region where the user chose, opens it and reloads the page', async () => {
    await h.start(h.portfolio('Syd.sqlite', 'RSD'));
    // Linux's dialog returns the name without the filter's extension.
    saveAs(join(h.dir, 'Budget 2027'));
    await click('Filer', 'Ny…');
    expect(dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ filters: [{ extensions: ['sqlite'] }] });
    expect(win().getTitle()).toBe('Puljeplan — Budget 2027.sqlite (RSD)');
    expect(win().webContents.reloads).toBe(1);
    expect(await openFileName()).toBe('Budget 2027.sqlite');
    const load = (await h.call('portfolio.load')).value as {
      pools: unknown[];
      lines: unknown[];
      meta: { title: string };
    };
    expect([load.pools.length, load.lines.length, load.meta.title]).toEqual([0, 0, 'Budget 2027']);
    // The file that was open is closed: checkpointed, no -wal beside it.
    expect(existsSync(join(h.dir, 'Syd.sqlite-wal'))).toBe(false);
  });

  it('refuses a file that exists, and the open portfolio stays open', async () => {
    await h.start(h.portfolio('Syd.sqlite', 'RSD'));
    const other = h.portfolio('Nord.sqlite', 'RN');
    saveAs(other);
    await click('Filer', 'Ny…');
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('«Nord.sqlite» findes allerede');
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('er stadig åben');
    expect(await openFileName()).toBe('Syd.sqlite');
    expect(readFile(other, (db) => db.prepare('SELECT region FROM portfolio').pluck().get())).toBe('RN');
  });

  it('does nothing when the dialog is cancelled', async () => {
    await h.start(h.portfolio('Syd.sqlite', 'RSD'));
    await click('Filer', 'Ny…');
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce();
    expect(win().webContents.reloads).toBe(0);
    expect(await openFileName()).toBe('Syd.sqlite');
  });
});

describe('Åbn…', () => {
  it('opens the chosen portfolio: title, page reloaded, remembered for next start', async () => {
    await h.start(h.portfolio('Syd.sqlite', 'RSD'));
    const north = h.portfolio('Nord.sqlite', 'RN');
    openAs(north);
    await click('Filer', 'Åbn…');
    expect(dialog.showOpenDialog.mock.calls[0]?.[1]).toMatchObject({
      filters: [{ extensions: ['sqlite'] }],
      properties: ['openFile'],
    });
    expect(win().getTitle()).toBe('Puljeplan — Nord.sqlite (RN)');
    expect(win().webContents.reloads).toBe(1);
    expect(await openFileName()).toBe('Nord.sqlite');
    expect(h.settings().lastFile).toBe(north);
  });

  it('a file that is not a portfolio: a Danish message, and the open portfolio stays open', async () => {
    await h.start(h.portfolio('Syd.sqlite', 'RSD'));
    writeFileSync(join(h.dir, 'Noter.sqlite'), 'ikke en database');
    openAs(join(h.dir, 'Noter.sqlite'));
    await click('Filer', 'Åbn…');
    const [title, text] = dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Filen kunne ikke åbnes');
    expect(text).toContain('«Noter.sqlite» er ikke en Puljeplan-portefølje');
    expect(text).toContain('Den portefølje, der var åben, er stadig åben.');
    expect(win().getTitle()).toBe('Puljeplan — Syd.sqlite (RSD)');
    expect(win().webContents.reloads).toBe(0);
    expect((await h.call('pools.add', { name: 'Stadig her', afterPoolId: null })).ok).toBe(true);
  });

  it('a file open elsewhere is refused as such, and is not touched', async () => {
    await h.start(h.portfolio('Syd.sqlite', 'RSD'));
    const north = h.portfolio('Nord.sqlite', 'RN');
    const elsewhere = openSession(north);
    try {
      openAs(north);
      await click('Filer', 'Åbn…');
      expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('«Nord.sqlite» er åben et andet sted');
      expect(await openFileName()).toBe('Syd.sqlite');
    } finally {
      elsewhere.close();
    }
  });
});

describe('Gem som…', () => {
  it('writes a complete copy, which becomes the open file; later edits go to the copy only', async () => {
    const south = h.portfolio('Syd.sqlite', 'RSD');
    await h.start(south);
    expect((await h.call('pools.add', { name: 'Før kopien', afterPoolId: null })).ok).toBe(true);
    const copy = join(h.dir, 'Syd 2027.sqlite');
    saveAs(copy);
    await click('Filer', 'Gem som…');
    expect(dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: join(h.dir, 'Syd (kopi).sqlite') });
    expect(win().getTitle()).toBe('Puljeplan — Syd 2027.sqlite (RSD)');
    expect(win().webContents.reloads).toBe(1);
    expect(await poolNames()).toContain('Før kopien');
    // Nothing half-written left behind (the copy is made under a temporary name, then renamed).
    expect(readdirSync(h.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await h.call('pools.add', { name: 'Efter kopien', afterPoolId: null })).ok).toBe(true);
    win().emit('closed');
    const pools = (path: string) => readFile(path, (db) => db.prepare('SELECT name FROM pool').pluck().all());
    expect(pools(south)).toContain('Før kopien');
    expect(pools(south)).not.toContain('Efter kopien');
    expect(pools(copy)).toEqual(expect.arrayContaining(['Før kopien', 'Efter kopien']));
  });

  it('the copy keeps its identity and history and is not marked as sent', async () => {
    const south = h.portfolio('Syd.sqlite', 'RSD');
    await h.start(south);
    expect((await h.call('portfolio.setMeta', { title: 'Syd, rettet' })).ok).toBe(true);
    const copy = join(h.dir, 'Kopi.sqlite');
    saveAs(copy);
    await click('Filer', 'Gem som…');
    win().emit('closed');
    const identity = (path: string) =>
      readFile(path, (db) => ({
        portfolio: db.prepare('SELECT id, title, region, created_at FROM portfolio').get(),
        replica: db.prepare('SELECT id FROM share_replica').pluck().get(),
        audit: db.prepare('SELECT count(*) FROM audit').pluck().get(),
        sent: db.prepare('SELECT count(*) FROM share_sent').pluck().get(),
      }));
    expect(identity(copy)).toEqual(identity(south));
    expect(identity(copy)).toMatchObject({ sent: 0, portfolio: { title: 'Syd, rettet' } });
  });

  it('never replaces an existing file (nor the open one); the open portfolio stays open', async () => {
    const south = h.portfolio('Syd.sqlite', 'RSD');
    const north = h.portfolio('Nord.sqlite', 'RN');
    await h.start(south);
    for (const target of [north, south]) {
      saveAs(target);
      await click('Filer', 'Gem som…');
    }
    const messages = dialog.showErrorBox.mock.calls.map((c) => c[1]);
    expect(messages).toEqual([
      expect.stringContaining('«Nord.sqlite» findes allerede'),
      expect.stringContaining('«Syd.sqlite» findes allerede'),
    ]);
    expect(await openFileName()).toBe('Syd.sqlite');
    expect(readFile(north, (db) => db.prepare('SELECT region FROM portfolio').pluck().get())).toBe('RN');
  });
});

describe('file.open from the page', () => {
  it('switches the file and the title without main reloading the page (the page reloads itself)', async () => {
    await h.start(h.portfolio('Syd.sqlite', 'RSD'));
    const north = h.portfolio('Nord.sqlite', 'RN');
    expect(await h.call('file.open', { file: fileToken(north) })).toEqual({
      ok: true,
      value: { fileName: 'Nord.sqlite' },
    });
    expect(win().getTitle()).toBe('Puljeplan — Nord.sqlite (RN)');
    expect(win().webContents.reloads).toBe(0);
    expect(h.settings().lastFile).toBe(north);
    expect(recentLabels()[0]).toBe(`Nord.sqlite (${h.dir})`);
  });

  it('the open file itself is kept open as it is; a bad file is refused with the old one still open', async () => {
    const south = h.portfolio('Syd.sqlite', 'RSD');
    await h.start(south);
    expect((await h.call('file.open', { file: fileToken(south) })).ok).toBe(true);
    expect(await openFileName()).toBe('Syd.sqlite');
    const refused = await h.call('file.open', { file: fileToken(join(h.dir, 'Findes ikke.sqlite')) });
    expect(refused).toMatchObject({ ok: false, error: { message: 'Filen «Findes ikke.sqlite» findes ikke.' } });
    expect(win().getTitle()).toBe('Puljeplan — Syd.sqlite (RSD)');
  });

  it('a path or a token main never gave out is refused in Danish; the open file stays open', async () => {
    const south = h.portfolio('Syd.sqlite', 'RSD');
    await h.start(south);
    const north = h.portfolio('Nord.sqlite', 'RN');
    expect(await h.call('file.open', { path: north })).toMatchObject({ ok: false });
    expect(await h.call('file.open', { file: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' })).toMatchObject({
      ok: false,
      error: { message: 'Filen kendes ikke af Puljeplan. Vælg den igen med «Filer».' },
    });
    expect(await openFileName()).toBe('Syd.sqlite');
  });
});

describe('Seneste filer', () => {
  it('lists the files opened, newest first, leaves out files that are gone, and survives a restart', async () => {
    const [a, b, c] = ['A.sqlite', 'B.sqlite', 'C.sqlite'].map((n) => h.portfolio(n));
    await h.start(a!);
    for (const path of [b!, c!]) {
      openAs(path);
      await click('Filer', 'Åbn…');
    }
    expect(recentLabels()).toEqual([`C.sqlite (${h.dir})`, `B.sqlite (${h.dir})`, `A.sqlite (${h.dir})`, 'Ryd listen']);
    // Reopening a listed file moves it to the top.
    await click('Filer', 'Seneste filer', `A.sqlite (${h.dir})`);
    expect(await openFileName()).toBe('A.sqlite');
    rmSync(b!);
    await h.restart();
    expect(recentLabels()).toEqual([`A.sqlite (${h.dir})`, `C.sqlite (${h.dir})`, 'Ryd listen']);
  });

  it('keeps at most 8', async () => {
    const files = Array.from({ length: 10 }, (_, i) => h.portfolio(`Fil ${i}.sqlite`));
    await h.start(files[0]!);
    for (const path of files.slice(1)) await h.call('file.open', { file: fileToken(path) });
    expect(recentLabels().slice(0, -1)).toEqual(
      files
        .slice(2)
        .reverse()
        .map((f) => `${f.slice(h.dir.length + 1)} (${h.dir})`),
    );
  });

  it('Ryd listen empties it, also for next start; the file opened last still opens at start', async () => {
    const south = h.portfolio('Syd.sqlite', 'RSD');
    await h.start(south);
    await click('Filer', 'Seneste filer', 'Ryd listen');
    expect(recentLabels()).toEqual(['Ingen seneste filer', 'Ryd listen']);
    expect(h.settings()).toEqual({ lastFile: south, recentFiles: [] });
  });
});
