// Preloaded (node -r) by bundle.test.ts to run the built dist main.cjs in plain Node: answers
// require('electron') with a minimal fake main process, then reports what the app did as JSON.
/* global Request -- Node's fetch API (Node 18+), as Electron's protocol handlers get it. */
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { join } = require('node:path');

const tmp = process.env.PULJEPLAN_FAKE_HOME;
const windows = [];
const handlers = new Map();
const protocolHandlers = new Map();
let ready = false;
let privileged = null;

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      webRequest: { onBeforeRequest() {} },
    });
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
  loadURL(url) {
    this.loadedUrl = url;
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
  whenReady: () => Promise.resolve().then(() => (ready = true)),
});
const protocol = {
  // Recorded with whether the app was ready yet: privileges count only before ready.
  registerSchemesAsPrivileged: (schemes) => (privileged = { schemes, beforeReady: !ready }),
  handle: (scheme, handler) => protocolHandlers.set(scheme, { handler, afterReady: ready }),
};
const fake = {
  app,
  BrowserWindow,
  protocol,
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
  const event = { senderFrame: { url: 'app://puljeplan/index.html', parent: null } };
  const load = handlers.get('puljeplan:portfolio.load');
  const result = load ? await load(event, {}) : null;
  // An Excel import through the bundled main: the worker must be found beside main.cjs.
  const previewHandler = handlers.get('puljeplan:excel.preview');
  const workbook = process.env.PULJEPLAN_FAKE_WORKBOOK;
  const preview =
    previewHandler && workbook
      ? await previewHandler(event, {
          fileName: 'bilag.xlsx',
          data: require('node:fs').readFileSync(workbook).toString('base64'),
        })
      : null;
  // The page and a way out of the renderer folder, through the bundled app:// handler.
  const appProtocol = protocolHandlers.get('app');
  const served = {};
  for (const url of ['app://puljeplan/index.html', 'app://puljeplan/..%2f..%2fsecret.txt']) {
    const response = appProtocol ? await appProtocol.handler(new Request(url)) : null;
    served[url] = response
      ? { status: response.status, csp: response.headers.get('content-security-policy'), body: await response.text() }
      : null;
  }
  app.emit('before-quit');
  console.log(
    JSON.stringify({
      title: win ? win.title : null,
      webPreferences: win ? win.options.webPreferences : null,
      loadedUrl: win ? win.loadedUrl : null,
      privileged,
      protocolHandled: [...protocolHandlers].map(([scheme, { afterReady }]) => ({ scheme, afterReady })),
      served,
      channels: [...handlers.keys()],
      load: result ? { ok: result.ok, pools: result.ok ? result.value.pools.length : 0 } : null,
      preview: preview ? (preview.ok ? { ok: true, pools: preview.value.pools.map((p) => p.name) } : preview) : null,
    }),
  );
});
