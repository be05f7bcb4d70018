/**
 * The installed app's hardening, checked in Node (there is no Electron binary on the build
 * machines): build/electron-builder.yml read and validated by electron-builder's own loader
 * (app-builder-lib, which electron-builder runs on), the fuses, what the package holds, and a
 * supported Electron major.
 */
import { readFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve('.');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, 'build/electron-builder.yml', null);
});

/** Whether electron-builder's matcher for `name` (files, asarUnpack) takes the file at `path` (relative to the repo). */
function matches(name: 'files' | 'asarUnpack', path: string): boolean {
  const matchers = getFileMatchers(config, name, join(root, 'release', 'app'), {
    macroExpander: (pattern) => pattern,
    customBuildOptions: {},
    globalOutDir: join(root, 'release'),
    defaultSrc: root,
  });
  if (!matchers) return false;
  const file = { isDirectory: () => false, isFile: () => true } as Stats;
  return matchers.some((m) => m.createFilter()(join(root, path), file));
}

describe('build/electron-builder.yml', () => {
  it("is valid against electron-builder's schema (so no option name is misspelt)", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check would catch a misspelt fuse.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('flips every fuse to its hardened setting', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // OnlyLoadAppFromAsar and ASAR integrity need the app in app.asar.
    expect(config.asar).toBe(true);
  });

  it('packs the bundles and the renderer, but no source maps, no sources and not the CLI', () => {
    for (const kept of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/excel-worker.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'package.json',
    ]) {
      expect(matches('files', kept), kept).toBe(true);
    }
    for (const left of [
      'dist/electron/main.cjs.map',
      'dist/electron/preload.cjs.map',
      'dist/renderer/assets/index-abc.js.map',
      'dist/cli/main.mjs',
      'dist/cli/excel-worker.cjs',
      'electron/main.ts',
      'db/index.ts',
      'tests/electron/launch.test.ts',
    ]) {
      expect(matches('files', left), left).toBe(false);
    }
  });

  it('keeps better-sqlite3 unpacked beside app.asar (its .node file must be a real file)', () => {
    expect(matches('asarUnpack', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(matches('asarUnpack', 'node_modules/better-sqlite3/lib/index.js')).toBe(true);
    expect(matches('asarUnpack', 'dist/electron/main.cjs')).toBe(false);
  });
});

describe('the Electron version', () => {
  // Electron supports its latest three majors (electronjs.org/docs/latest/tutorial/electron-timelines);
  // 45 was the latest when this was written. Raise the floor as new majors come out.
  const SUPPORTED_FLOOR = 43;

  it('package.json asks for a supported major', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const major = Number(/^\^?(\d+)\./.exec(pkg.devDependencies.electron ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(SUPPORTED_FLOOR);
  });

  it('the installed electron package is that major', () => {
    // Its package.json, not require('electron'): that would download the binary where it is missing.
    const installed = createRequire(join(root, 'package.json'))('electron/package.json') as { version: string };
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(installed.version.split('.')[0]).toBe(/^\^?(\d+)\./.exec(pkg.devDependencies.electron ?? '')?.[1]);
  });
});
