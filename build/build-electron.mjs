// Bundles Electron's main process and preload (npm run build:electron).
// - main: everything but electron and better-sqlite3 (a native module, loaded from
//   node_modules — unpacked from the asar in the installed app) goes into one file.
// - preload: a sandboxed preload can require only 'electron', so it must be one file.
// Warnings fail the build: e.g. import.meta in CommonJS would be undefined at run time.
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { excelWorker, nodeBundle, root, warningsMessage } from './esbuild-node.mjs';

// --outdir lets tests build into a temporary folder instead of the app's dist/.
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = values.outdir ? resolve(values.outdir) : join(root, 'dist', 'electron');

const common = {
  ...nodeBundle,
  format: 'cjs',
  // The Node inside Electron: 24 since Electron 40 (Electron 45's own typings are @types/node 24).
  // The output is the same as for node20 today, so the tests and bench.sh still run it in Node 20.
  target: 'node24',
  // For development (DevTools, stack traces); build/electron-builder.yml leaves the maps out of the package.
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
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
  excelWorker(outdir),
];

const results = [];
for (const entry of entries) results.push(await build({ ...common, ...entry }));
const warnings = warningsMessage(results, 'build-electron', 'appen');
if (warnings) {
  console.error(warnings);
  process.exit(1);
}
console.log(`Electron-delen er bygget: ${entries.map((e) => e.outfile).join(', ')}`);
