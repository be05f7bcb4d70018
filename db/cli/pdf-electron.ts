/**
 * The one-off Electron main process the CLI runs where the app is installed (db/cli/pdf.ts):
 * loads the print page hidden, waits for it to be ready, prints with webContents.printToPDF (the
 * app's own path) and exits. Written to a temporary .cjs file, so it needs no build step.
 */
export const ELECTRON_PRINT_MAIN = `
const { app, BrowserWindow } = require('electron');
const { writeFileSync } = require('node:fs');
const job = JSON.parse(process.env.PULJEPLAN_PRINT);
app.disableHardwareAcceleration();
app.whenReady().then(async () => {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
  await win.loadURL(job.url);
  // Resolves when the page marks itself ready or failed (renderer/src/print/print-main.tsx).
  const state = await win.webContents.executeJavaScript(\`new Promise((done) => {
    const d = document.documentElement.dataset;
    const check = () => (d.printError ? 'error' : d.printReady ? d.charts || 'ok' : '');
    if (check()) return done(check());
    new MutationObserver((_, o) => { if (check()) { o.disconnect(); done(check()); } })
      .observe(document.documentElement, { attributes: true });
  })\`);
  if (state === 'error') throw new Error('print page failed');
  writeFileSync(job.out, await win.webContents.printToPDF(job.options));
  process.stdout.write('charts=' + state + '\\n');
  app.exit(0);
}).catch((err) => { process.stderr.write(String(err) + '\\n'); app.exit(1); });
`;
