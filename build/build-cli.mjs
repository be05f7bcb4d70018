// Bundles the CLI (db/cli/main.ts) into dist/cli/main.mjs so that `npm run cli` starts without
// compiling the source tree first (build/cli.mjs rebuilds it when a source is newer).
// - better-sqlite3 (native), exceljs (loaded lazily, db/excel/exceljs.ts) and playwright-core (print) stay
//   external; date-fns and zod go in, as only the parts used (date-fns/locale alone is slow to load).
// - ESM output, so import.meta.url is the bundle's own URL: dist/cli/ is as deep as db/cli/, so the
//   CLI's file lookups relative to itself (package.json, dist/renderer) find the same files.
// - The Excel import worker is bundled beside it as excel-worker.cjs (db/excel/read-annex-file.ts).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { excelWorker, nodeBundle, root, warningsMessage } from './esbuild-node.mjs';

export const outdir = join(root, 'dist', 'cli');

// write: false and a rename per file: CLI processes started side by side (tests) may rebuild at
// once, and none of them may import a half-written bundle.
const common = { ...nodeBundle, write: false, target: 'node20' };

export async function buildCli() {
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: ['db/cli/main.ts'],
      outfile: join(outdir, 'main.mjs'),
      format: 'esm',
      external: ['better-sqlite3', 'exceljs', 'playwright-core', 'electron'],
    }),
    build({ ...common, ...excelWorker(outdir), external: ['better-sqlite3'] }),
  ]);
  const warnings = warningsMessage(results, 'build-cli', "CLI'en");
  if (warnings) throw new Error(warnings);
  mkdirSync(outdir, { recursive: true });
  for (const file of results.flatMap((r) => r.outputFiles)) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
