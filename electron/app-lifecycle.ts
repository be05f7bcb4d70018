/**
 * The app's lifecycle: one instance, one window, one open portfolio. A second start hands its
 * file to the running app (one process owns a file: docs/files.md, "Durability");
 * the session is closed, and so checkpointed, when the window closes or the app quits.
 */
import { BrowserWindow, app, dialog, ipcMain, protocol } from 'electron';
import { basename, resolve } from 'node:path';
import { MENU_IPC } from '../shared/contract/channels';
import {
  createDispatcher,
  keepPersonSettings,
  openSession,
  portfolioRegion,
  PortfolioHost,
  stopImportWorker,
  warmImportWorker,
  type Dispatch,
} from '../db/index';
import { fileCommands, messageOf } from './file-commands';
import { registerIpcHandlers } from './ipc';
import { registerPrintToPdf } from './print-pdf';
import { installMenu } from './menu';
import { appPageUrl } from './security';
import { clearRecentFiles, personSettings, readSettings, recentFiles, rememberFile } from './settings';
import { chooseStartupFile, ensureExample, examplePath, fileFromArgs, fileFromInstanceData } from './startup-file';
import { appPaths, createMainWindow, windowTitle } from './window';
import { installAppProtocol, registerAppScheme } from './app-protocol';

/** How long after the window has loaded the import worker is warmed: the app is idle by then. */
const WARM_AFTER_MS = 2000;

/** Documents, or home where the desktop has no Documents folder (getPath throws then). */
function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

export function startApp(argv: readonly string[] = process.argv, cwd: string = process.cwd()): void {
  const argFile = fileFromArgs(argv.slice(1), cwd);
  // The first instance gets the file directly, so it is not read from argv twice.
  if (!app.requestSingleInstanceLock({ file: argFile })) {
    app.quit();
    return;
  }
  // Before ready, or the page's own app:// origin has no privileges (app-protocol.ts).
  registerAppScheme(protocol);

  const userData = app.getPath('userData');
  // Who is writing: the person's region, kept with the app's settings (asked at first start by the page).
  keepPersonSettings(personSettings(userData));
  const paths = appPaths(app.getAppPath());
  let win: BrowserWindow | null = null;
  let pendingFile: string | null = argFile;
  // Set once the app is ready: the menu is built again whenever the recent files change.
  let refreshMenu = () => {};
  const host = new PortfolioHost({
    openSession: (p) => openSession(p),
    remember: (p) => {
      rememberFile(userData, p);
      refreshMenu();
    },
    // Every switch, also the page's own file.open (after which the page reloads itself).
    switched: () => win?.setTitle(titleFor()),
  });

  const titleFor = (): string => {
    const s = host.session;
    return s ? windowTitle(basename(s.path), portfolioRegion(s)) : 'Puljeplan';
  };

  const focus = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  };

  /**
   * A file handed over while running, or chosen in Filer: the current portfolio stays open if the
   * new one cannot be. Main reloads the page here; the page's own file.open reloads by itself.
   */
  const openInRunningApp = (path: string) => {
    focus();
    if (host.isOpen(path)) return;
    try {
      host.open(path);
    } catch (err) {
      dialog.showErrorBox(
        'Filen kunne ikke åbnes',
        `${messageOf(err, path)}\n\nDen portefølje, der var åben, er stadig åben.`,
      );
      // A recent file that is gone leaves the list.
      refreshMenu();
      return;
    }
    // The page loads the portfolio on start; a reload shows the new file from a clean state.
    win?.webContents.reload();
  };

  /** At start: the chosen file, else the example; if even that fails there is nothing to show. */
  const openAtStart = (): boolean => {
    const exampleFile = examplePath(documentsDir());
    let file = exampleFile;
    try {
      file = chooseStartupFile({ argFile: pendingFile, lastFile: readSettings(userData).lastFile, exampleFile });
      host.open(file);
      return true;
    } catch (err) {
      if (resolve(file) !== resolve(exampleFile)) {
        dialog.showErrorBox(
          'Filen kunne ikke åbnes',
          `${messageOf(err, file)}\n\nPuljeplan åbner i stedet eksemplet «${basename(exampleFile)}».`,
        );
      } else {
        dialog.showErrorBox(
          'Puljeplan kan ikke starte',
          `${messageOf(err, file)}\n\nFlyt eller omdøb filen ${file}, så laver Puljeplan et nyt eksempel ved næste start.`,
        );
        return false;
      }
    }
    try {
      host.open(ensureExample(exampleFile));
      return true;
    } catch (err) {
      dialog.showErrorBox(
        'Puljeplan kan ikke starte',
        `${messageOf(err, exampleFile)}\n\nFlyt eller omdøb filen ${exampleFile}, så laver Puljeplan et nyt eksempel ved næste start.`,
      );
      return false;
    }
  };

  const dispatchWithTitle =
    (dispatch: Dispatch): Dispatch =>
    async (channel, args) => {
      const result = await dispatch(channel, args);
      // A change to the region (or its undo) shows in the title at once.
      if (result.ok && win && typeof result.value === 'object' && result.value !== null && 'meta' in result.value)
        win.setTitle(titleFor());
      return result;
    };

  const onReady = () => {
    installAppProtocol(protocol, paths.rendererDir);
    const dispatch = createDispatcher(host.backend(app.getVersion()), {
      onError: (err) => console.error(err),
      // The contract's result check is for development and tests; see DispatcherOptions.
      checkResults: !app.isPackaged,
    });
    registerIpcHandlers(ipcMain, dispatchWithTitle(dispatch), appPageUrl());
    registerPrintToPdf(ipcMain, appPageUrl());
    const files = fileCommands({
      host,
      window: () => win,
      openFile: openInRunningApp,
      documentsDir,
      clearRecent: () => {
        clearRecentFiles(userData);
        refreshMenu();
      },
    });
    refreshMenu = () =>
      installMenu({
        send: (command) => win?.webContents.send(MENU_IPC, command),
        editText: (action) => (action === 'undo' ? win?.webContents.undo() : win?.webContents.redo()),
        showAbout: () => {
          const detail = `Fordeling af midler til sundheds-it-projekter og bilagstabeller (Bilag 1).\n\nÅben fil: ${host.session?.path ?? 'ingen'}`;
          const options = {
            type: 'info' as const,
            title: 'Om Puljeplan',
            message: `Puljeplan ${app.getVersion()}`,
            detail,
            buttons: ['OK'],
          };
          void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
        },
        files,
        recentFiles: recentFiles(readSettings(userData)),
        isPackaged: app.isPackaged,
        platform: process.platform,
      });
    refreshMenu();
    if (!openAtStart()) {
      app.quit();
      return;
    }
    pendingFile = null;
    win = createMainWindow(paths, titleFor());
    // The Excel reader's worker, started once the window has loaded and the app is idle, so the
    // first import does not wait for it (db/excel/import-worker-pool.ts).
    win.webContents.once('did-finish-load', () => setTimeout(() => void warmImportWorker(), WARM_AFTER_MS));
    win.on('closed', () => {
      win = null;
      host.close();
    });
  };

  // macOS hands files over by event, possibly before ready (Finder double-click, Dock drop).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (win) openInRunningApp(path);
    else pendingFile = path;
  });
  app.on('second-instance', (_event, otherArgv, workingDirectory, additionalData) => {
    const file = fileFromInstanceData(additionalData) ?? fileFromArgs(otherArgv.slice(1), workingDirectory);
    if (file) openInRunningApp(file);
    else focus();
  });
  // One window on one file: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    host.close();
    stopImportWorker();
  });
  void app.whenReady().then(onReady);
}
