// What the Node bundles share: Electron's main, preload and Excel worker (build/build-electron.mjs)
// and the CLI with its Excel worker (build/build-cli.mjs): the repository root, esbuild's Node
// settings, the Excel import worker's entry, and the rule that a warning fails the build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const nodeBundle = { bundle: true, platform: 'node', logLevel: 'warning', absWorkingDir: root };

/** The Excel reader runs in a worker thread with its own heap limit (db/excel/read-annex-file.ts), beside its bundle. */
export const excelWorker = (outdir) => ({
  entryPoints: ['db/excel/import-worker.ts'],
  outfile: join(outdir, 'excel-worker.cjs'),
  format: 'cjs',
});

/** esbuild's warnings over several builds, as one Danish line (e.g. import.meta in CommonJS would be undefined at run time); null when none. */
export function warningsMessage(results, name, what) {
  const n = results.reduce((sum, r) => sum + r.warnings.length, 0);
  return n > 0 ? `${name}: ${n} advarsel(er) fra esbuild; ret dem før ${what} bygges.` : null;
}
