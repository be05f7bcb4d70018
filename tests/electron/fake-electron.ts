/**
 * A stand-in for the `electron` module (there is no Electron binary on the build machines):
 * just enough of app, BrowserWindow, ipcMain, protocol, Menu, dialog, contextBridge and ipcRenderer for
 * electron/ to run, and it records what electron/ asked of it so tests can check.
 * Use with: vi.mock('electron', () => import('./fake-electron')).
 */
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  beforeRequest: Listener | null = null;
  setPermissionRequestHandler(handler: Listener | null) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null) {
    this.permissionCheckHandler = handler;
  }
  webRequest = {
    onBeforeRequest: (listener: Listener | null) => {
      this.beforeRequest = listener;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  session = new FakeSession();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<[string, unknown]> = [];
  reloads = 0;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, value: unknown) {
    this.sent.push([channel, value]);
  }
  reload() {
    this.reloads++;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  /** What the window loaded: only loadURL exists here, so a return to loadFile (file://) fails the tests. */
  loadedUrl: string | null = null;
  shown = false;
  focused = 0;
  private title: string;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.title = String(options.title ?? '');
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  setTitle(title: string) {
    this.title = title;
  }
  getTitle() {
    return this.title;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {
    this.focused++;
  }
}

// Parameters typed `never` so any real handler fits; tests call them through a cast.
type Handler = (event: never, ...args: never[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

class FakeApp extends EventEmitter {
  ready = false;
  paths: Record<string, string> = {};
  appPath = resolve('.');
  isPackaged = false;
  requestSingleInstanceLock = vi.fn((_data?: unknown) => true);
  quit = vi.fn();
  getPath(name: string): string {
    const path = this.paths[name];
    if (!path) throw new Error(`Fake app has no path for ${name}`);
    return path;
  }
  getAppPath() {
    return this.appPath;
  }
  getVersion() {
    return '0.1.0';
  }
  isReady() {
    return this.ready;
  }
  whenReady() {
    return Promise.resolve().then(() => {
      this.ready = true;
    });
  }
}
export const app = new FakeApp();

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** Like Electron: privileged schemes only before ready (and only one call), handlers only after. */
export const protocol = {
  privileged: null as { scheme: string; privileges?: Record<string, boolean> }[] | null,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (protocol.privileged)
      throw new Error('protocol.registerSchemesAsPrivileged was called twice; the second call replaces the first');
    protocol.privileged = schemes;
  },
  handle(scheme: string, handler: ProtocolHandler) {
    if (!app.ready) throw new Error('protocol.handle can only be used after the app is ready');
    if (protocol.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocol.handlers.set(scheme, handler);
  },
};

export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  // Cancelled unless a test says what the user chose (mockResolvedValueOnce).
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialogSync: vi.fn((..._args: unknown[]): string | undefined => undefined),
  showMessageBoxSync: vi.fn((..._args: unknown[]) => 0),
};

export const Menu = {
  applied: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null) {
    Menu.applied = menu;
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed.set(key, api);
  },
};

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: {} }));
}
export const ipcRenderer = new FakeIpcRenderer();

/** Back to a fresh Electron between tests. */
export function resetFakeElectron(): void {
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  app.removeAllListeners();
  app.ready = false;
  protocol.privileged = null;
  protocol.handlers.clear();
  app.paths = {};
  app.appPath = resolve('.');
  app.isPackaged = false;
  app.requestSingleInstanceLock.mockReset().mockReturnValue(true);
  app.quit.mockReset();
  dialog.showErrorBox.mockClear();
  dialog.showMessageBox.mockClear();
  dialog.showSaveDialog.mockReset().mockResolvedValue({ canceled: true, filePath: '' });
  dialog.showOpenDialog.mockReset().mockResolvedValue({ canceled: true, filePaths: [] });
  dialog.showSaveDialogSync.mockReset().mockReturnValue(undefined);
  dialog.showMessageBoxSync.mockReset().mockReturnValue(0);
  Menu.applied = null;
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockClear();
}

/** Lets app.whenReady().then(...) run. */
export function flush(): Promise<void> {
  return new Promise((ok) => setTimeout(ok, 0));
}
