// Bundles Electron's main process and preload (npm run build:electron).
// - main: everything but electron and better-sqlite3 (a native module, loaded from
//   node_modules — unpacked from the asar in the installed app) goes into one file.
// - preload: a sandboxed preload can require only 'electron', so it must be one file.
// Warnings fail the build: e.g. import.meta in CommonJS would be undefined at run time.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --outdir lets tests build into a temporary folder instead of the app's dist/.
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = values.outdir ? resolve(values.outdir) : join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The Node inside Electron: 24 since Electron 40 (Electron 45's own typings are @types/node 24).
  // The output is the same as for node20 today, so the tests and bench.sh still run it in Node 20.
  target: 'node24',
  // For development (DevTools, stack traces); build/electron-builder.yml leaves the maps out of the package.
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
  absWorkingDir: root,
};

// import.meta is undefined in CommonJS; the main bundle's modules that locate files beside
// themselves (the Excel import worker) get the bundle's own URL instead.
const moduleUrl = {
  define: { 'import.meta.url': '__puljeplan_module_url' },
  banner: { js: 'const __puljeplan_module_url = require("node:url").pathToFileURL(__filename).href;' },
};

const entries = [
  { entryPoints: ['electron/main.ts'], outfile: join(outdir, 'main.cjs'), ...moduleUrl },
  { entryPoints: ['electron/preload.ts'], outfile: join(outdir, 'preload.cjs') },
  // The Excel reader runs in a worker thread with its own heap limit (db/excel/read-annex-file.ts).
  { entryPoints: ['db/excel/import-worker.ts'], outfile: join(outdir, 'excel-worker.cjs') },
];

let warnings = 0;
for (const entry of entries) {
  const result = await build({ ...common, ...entry });
  warnings += result.warnings.length;
}
if (warnings > 0) {
  console.error(`build-electron: ${warnings} advarsel(er) fra esbuild; ret dem før appen bygges.`);
  process.exit(1);
}
console.log(`Electron-delen er bygget: ${entries.map((e) => e.outfile).join(', ')}`);
