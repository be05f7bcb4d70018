// `npm run cli -- …`: runs the prebuilt CLI bundle (build/build-cli.mjs), first rebuilding it when
// a file it was built from (dist/cli/inputs.json, exactly what esbuild read), the build's own
// files or the installed packages are newer than it, so the CLI always runs the current source
// (docs/architecture.md «The CLI's start»). The rebuild is silent: stdout, stderr and the exit
// code are the CLI's own; a source that does not compile is said in Danish, exit 1.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const bundle = join(root, 'dist', 'cli', 'main.mjs');
// Besides the sources: what decides how they are built, and the packages bundled in (date-fns, zod).
const BUILD_FILES = [
  'build/build-cli.mjs',
  'build/esbuild-node.mjs',
  'package.json',
  'node_modules/.package-lock.json',
];

/** True when the bundle is newer than every file it was built from. */
function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    // A build file that is not there (no lock file from this npm) cannot be newer.
    const mtime = (file, missing) => statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? missing;
    return inputs.every((file) => mtime(file, Infinity) < built) && BUILD_FILES.every((file) => mtime(file, 0) < built);
  } catch {
    return false; // no bundle yet, or a source was removed or renamed
  }
}

if (!bundleIsFresh()) {
  const { buildCli, CliBuildError } = await import('./build-cli.mjs');
  try {
    await buildCli();
  } catch (err) {
    if (!(err instanceof CliBuildError)) throw err;
    process.stderr.write(err.details);
    process.stderr.write('Kommandolinjen kunne ikke bygges (build/cli.mjs); ret fejlene ovenfor, og prøv igen.\n');
    process.exit(1);
  }
}
// main.ts runs itself when argv[1] names it (its isMain check).
process.argv[1] = bundle;
await import(pathToFileURL(bundle).href);
