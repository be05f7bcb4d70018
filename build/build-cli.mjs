// Bundles the CLI (db/cli/main.ts) into dist/cli/main.mjs so that `npm run cli` starts without
// compiling the source tree first (build/cli.mjs rebuilds it when a file it was built from is newer;
// docs/architecture.md «The CLI's start»).
// - better-sqlite3 (native), exceljs (loaded lazily, db/excel/exceljs.ts) and playwright-core (print) stay
//   external; date-fns and zod go in, as only the parts used (date-fns/locale alone is slow to load).
// - ESM output, so import.meta.url is the bundle's own URL: dist/cli/ is as deep as db/cli/, so the
//   CLI's file lookups relative to itself (package.json, dist/renderer) find the same files.
// - The Excel import worker is bundled beside it as excel-worker.cjs (db/excel/read-annex-file.ts).
// - dist/cli/inputs.json lists the source files esbuild read: exactly what the launcher checks.
import { build, formatMessages } from 'esbuild';
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { excelWorker, nodeBundle, root, warningsMessage } from './esbuild-node.mjs';

export const outdir = join(root, 'dist', 'cli');
export const bundle = join(outdir, 'main.mjs');
export const inputsFile = join(outdir, 'inputs.json');

// write: false and a rename per file: CLI processes started side by side (tests) may rebuild at
// once, and none of them may import a half-written bundle.
const common = { ...nodeBundle, write: false, target: 'node20', metafile: true, logLevel: 'silent' };

/** A build that failed: esbuild's messages as text, for the launcher to print before its Danish line. */
export class CliBuildError extends Error {
  constructor(details) {
    super(details);
    this.details = details;
  }
}

export async function buildCli() {
  // The bundle's time is when the build began: a source saved during the build makes the next start build again.
  const began = new Date();
  let results;
  try {
    results = await Promise.all([
      build({
        ...common,
        entryPoints: ['db/cli/main.ts'],
        outfile: bundle,
        format: 'esm',
        external: ['better-sqlite3', 'exceljs', 'playwright-core', 'electron'],
      }),
      build({ ...common, ...excelWorker(outdir), external: ['better-sqlite3'] }),
    ]);
  } catch (err) {
    if (!err.errors?.length) throw err;
    throw new CliBuildError((await formatMessages(err.errors, { kind: 'error' })).join(''));
  }
  const warnings = warningsMessage(results, 'build-cli', "CLI'en");
  if (warnings) {
    const text = await formatMessages(
      results.flatMap((r) => r.warnings),
      { kind: 'warning' },
    );
    throw new CliBuildError(text.join('') + warnings + '\n');
  }
  mkdirSync(outdir, { recursive: true });
  const inputs = new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)));
  const sources = [...inputs].filter((file) => !file.includes('node_modules/')).sort();
  const files = [
    ...results.flatMap((r) => r.outputFiles).map((f) => ({ path: f.path, contents: f.contents })),
    { path: inputsFile, contents: JSON.stringify(sources) },
  ];
  // main.mjs last: its presence and time are what the launcher trusts.
  files.sort((a, b) => (a.path === bundle) - (b.path === bundle));
  for (const file of files) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    if (file.path === bundle) utimesSync(tmp, began, began);
    renameSync(tmp, file.path);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
