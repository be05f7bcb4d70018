// Preloaded (node -r) by bundle.test.ts to run the built dist main.cjs in plain Node: answers
// require('electron') with a minimal fake main process, then reports what the app did as JSON.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { join } = require('node:path');

const tmp = process.env.PULJEPLAN_FAKE_HOME;
const windows = [];
const handlers = new Map();

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.session = Object.assign(new EventEmitter(), { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, webRequest: { onBeforeRequest() {} } });
  }
  setWindowOpenHandler() {}
  send() {}
  reload() {}
}
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.title = options.title;
    this.webContents = new FakeWebContents();
    windows.push(this);
  }
  loadFile(file) {
    this.loadedFile = file;
    return Promise.resolve();
  }
  setTitle(title) {
    this.title = title;
  }
  show() {}
}
const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock: () => true,
  quit() {},
  getPath: (name) => join(tmp, name),
  getAppPath: () => process.env.PULJEPLAN_FAKE_APP,
  getVersion: () => '0.1.0',
  isPackaged: false,
  whenReady: () => Promise.resolve(),
});
const fake = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, handler) => handlers.set(channel, handler), removeHandler: () => {} },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu() {} },
  dialog: { showErrorBox: (title, text) => console.error(`${title}: ${text}`), showMessageBox: async () => ({}) },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};

process.on('beforeExit', async () => {
  if (process.env.PULJEPLAN_FAKE_REPORTED) return;
  process.env.PULJEPLAN_FAKE_REPORTED = '1';
  const win = windows[0];
  const event = { senderFrame: { url: require('node:url').pathToFileURL(join(process.env.PULJEPLAN_FAKE_APP, 'dist', 'renderer', 'index.html')).href, parent: null } };
  const load = handlers.get('puljeplan:portfolio.load');
  const result = load ? await load(event, {}) : null;
  // An Excel import through the bundled main: the worker must be found beside main.cjs.
  const previewHandler = handlers.get('puljeplan:excel.preview');
  const workbook = process.env.PULJEPLAN_FAKE_WORKBOOK;
  const preview = previewHandler && workbook
    ? await previewHandler(event, { fileName: 'bilag.xlsx', data: require('node:fs').readFileSync(workbook).toString('base64') })
    : null;
  app.emit('before-quit');
  console.log(JSON.stringify({
    title: win ? win.title : null,
    webPreferences: win ? win.options.webPreferences : null,
    loadedFile: win ? win.loadedFile : null,
    channels: [...handlers.keys()],
    load: result ? { ok: result.ok, pools: result.ok ? result.value.pools.length : 0 } : null,
    preview: preview ? (preview.ok ? { ok: true, pools: preview.value.pools.map((p) => p.name) } : preview) : null,
  }));
});
