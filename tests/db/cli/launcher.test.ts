/**
 * `npm run cli` runs the prebuilt bundle through build/cli.mjs (docs/architecture.md «The CLI's
 * start»): what a user must notice is only that it always runs the current source, says so in
 * Danish when it cannot be built, and that CLIs started at once all answer in full. Run in a copy
 * of the sources, so that editing them does not disturb the other tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli-process';

let copy: string;

function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [join(copy, 'build', 'cli.mjs'), ...argv], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI started without waiting for it, for starts at the same moment. */
function cliStarted(...argv: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(copy, 'build', 'cli.mjs'), ...argv], { cwd: copy });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

function edit(file: string, from: string, to: string) {
  const path = join(copy, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'puljeplan-cli-launcher-'));
  for (const p of ['db', 'shared', 'build/cli.mjs', 'build/build-cli.mjs', 'build/esbuild-node.mjs', 'package.json']) {
    cpSync(join(ROOT, p), join(copy, p), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the CLI launcher (build/cli.mjs)', () => {
  it('builds the bundle on first use and prints only what the CLI prints', () => {
    const r = cli('hjælp-mig');
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Ukendt kommando «hjælp-mig»\.\nBrug:\n( {2}.*\n)+$/);
    expect(r.status).toBe(2);
    expect(existsSync(join(copy, 'dist', 'cli', 'main.mjs'))).toBe(true);
    expect(existsSync(join(copy, 'dist', 'cli', 'excel-worker.cjs'))).toBe(true);
    const inputs = JSON.parse(readFileSync(join(copy, 'dist', 'cli', 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('db/cli/main.ts');
  });

  it('runs a changed source at the next start', () => {
    expect(cli('help').stdout).toMatch(/^Brug:/);
    edit('db/cli/main.ts', 'const USAGE = `Brug:', 'const USAGE = `Sådan bruges den:');
    const r = cli('help');
    expect(r.stdout).toMatch(/^Sådan bruges den:/);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('CLIs started together after a change each answer in full', async () => {
    edit('db/cli/main.ts', 'const USAGE = `Sådan bruges den:', 'const USAGE = `Brug igen:');
    const runs = await Promise.all([1, 2, 3, 4].map(() => cliStarted('help')));
    for (const r of runs) {
      expect(r.stdout).toMatch(/^Brug igen:\n/);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(runs.every((r) => r.stdout === runs[0]!.stdout)).toBe(true);
  });

  it('says in Danish that the CLI cannot be built when a source does not compile, exit 1', () => {
    edit('db/cli/main.ts', 'const USAGE = `Brug igen:', 'const USAGE = ;`Brug igen:');
    const r = cli('help');
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('db/cli/main.ts');
    expect(r.stderr).toMatch(/Kommandolinjen kunne ikke bygges .*ret fejlene ovenfor, og prøv igen\.\n$/);
    expect(r.status).toBe(1);
  });
});
