// `npm run cli -- …`: runs the prebuilt CLI bundle (build/build-cli.mjs), first rebuilding it when
// any source under db/ or shared/ is newer than it, so the CLI always runs the current source.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const bundle = join(root, 'dist', 'cli', 'main.mjs');

function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(p));
    else if (e.name.endsWith('.ts')) latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

function mtimeOr0(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const built = mtimeOr0(bundle);
const sources = Math.max(
  newest(join(root, 'db')),
  newest(join(root, 'shared')),
  statSync(join(root, 'build', 'build-cli.mjs')).mtimeMs,
  statSync(join(root, 'build', 'esbuild-node.mjs')).mtimeMs,
  // date-fns and zod are bundled in: a new install (npm ci) must rebuild too.
  mtimeOr0(join(root, 'node_modules', '.package-lock.json')),
);
if (sources >= built) await (await import('./build-cli.mjs')).buildCli();
// main.ts runs itself when argv[1] names it (its isMain check).
process.argv[1] = bundle;
await import(pathToFileURL(bundle).href);
