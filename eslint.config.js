// ESLint flat config. The part that matters most is the layer rule of docs/architecture.md:
// shared <- db <- electron, shared <- renderer. It is enforced with the core
// `no-restricted-imports` rule, one block per folder, so a wrong-direction import fails `npm run lint`.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const RULE_SOURCE = 'Layer rule (docs/architecture.md: shared <- db <- electron, shared <- renderer)';

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A relative import that reaches one of the top-level layer folders, at any depth (`../db`, `../../db/open`). */
const folder = (name) => `^(\\./)?(\\.\\./)+${name}(/|$)`;

const layerFolder = (from, to, why) => ({
  regex: folder(to),
  message: `${RULE_SOURCE}: ${from}/ may not import from ${to}/. ${why}`,
});
const layerPackage = (from, pkg, why) => ({
  regex: `^${escapeRegex(pkg)}(/|$)`,
  message: `${RULE_SOURCE}: ${from}/ may not import the '${pkg}' package. ${why}`,
});
const nodeBuiltins = (from, why) => [
  { regex: '^node:', message: `${RULE_SOURCE}: ${from}/ may not import Node built-ins (node:*). ${why}` },
  {
    // Bare built-in names (fs, path, fs/promises …); packages such as `path-browserify` are not matched.
    regex: `^(${builtinModules
      .filter((m) => !m.startsWith('_'))
      .map(escapeRegex)
      .join('|')})$`,
    message: `${RULE_SOURCE}: ${from}/ may not import Node built-ins (fs, path, …). ${why}`,
  },
];

const SHARED_WHY = 'shared/ is pure TypeScript used by every side; move the code or pass the value in.';
const DB_WHY = 'db/ is Node-only and Electron-free, so it runs under vitest, the CLI and the browser harness.';
const RENDERER_WHY =
  'The renderer talks to the backend only through the contract client (shared/contract/contract.ts).';
const ELECTRON_WHY = 'The main process wires the contract; it does not reach into the renderer.';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const sharedPatterns = [
  layerFolder('shared', 'db', SHARED_WHY),
  layerFolder('shared', 'electron', SHARED_WHY),
  layerFolder('shared', 'renderer', SHARED_WHY),
  ...nodeBuiltins('shared', SHARED_WHY),
  ...['electron', 'better-sqlite3', 'react', 'react-dom'].map((p) => layerPackage('shared', p, SHARED_WHY)),
];
const dbPatterns = [
  layerFolder('db', 'electron', DB_WHY),
  layerFolder('db', 'renderer', DB_WHY),
  layerPackage('db', 'electron', DB_WHY),
];
const rendererLayerPatterns = [
  layerFolder('renderer', 'db', RENDERER_WHY),
  layerFolder('renderer', 'electron', RENDERER_WHY),
  layerPackage('renderer', 'electron', RENDERER_WHY),
  layerPackage('renderer', 'better-sqlite3', RENDERER_WHY),
];
const rendererPatterns = [
  ...rendererLayerPatterns,
  ...nodeBuiltins('renderer', 'The renderer also runs in a plain browser.'),
];
const electronPatterns = [layerFolder('electron', 'renderer', ELECTRON_WHY)];

// Inside db/: the shells reach the backend only through its public face, and the core knows
// nothing of the features built on it (docs/architecture.md).
const FACE_SOURCE = 'Backend face rule (db/index.ts is the one public face of db/)';
const FACE_WHY = 'Export what the shell needs from db/index.ts and import it from there.';
const CORE_SOURCE = 'Core rule (db/core/ is below db/excel/, db/share/, db/cli/ and db/web/)';
const CORE_WHY = 'Pass the value or a callback in, or move the code out of db/core/.';
/** From electron/: any file of db/ but db/index (`../db/core/open`, `../db/host`). */
const electronFacePatterns = [
  {
    regex: '^(\\./)?(\\.\\./)+db/(?!index$)',
    message: `${FACE_SOURCE}: electron/ may import from db/ only db/index. ${FACE_WHY}`,
  },
];
/** From db/cli/ and db/web/ (files one folder below db/): `../x` other than `../index`, or `../../db/x`. */
const shellFacePatterns = (from) => [
  {
    regex: '^\\.\\./(?!index$|\\.\\./)',
    message: `${FACE_SOURCE}: ${from}/ may import from db/ only db/index. ${FACE_WHY}`,
  },
  {
    regex: '^(\\.\\./){2,}db/(?!index$)',
    message: `${FACE_SOURCE}: ${from}/ may import from db/ only db/index. ${FACE_WHY}`,
  },
];
/** From db/core/ (and its migrations/): the feature folders, by `../share/x`, `../../share/x` or `…/db/share/x`. */
const corePatterns = ['excel', 'share', 'cli', 'web'].map((name) => ({
  regex: `^(\\./)?(\\.\\./)+(db/)?${name}(/|$)`,
  message: `${CORE_SOURCE}: db/core/ may not import from db/${name}/. ${CORE_WHY}`,
}));

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
// Build-time config that Vite runs under Node sits in renderer/ but is not renderer code.
const RENDERER_NODE_CONFIG = ['renderer/vite.config.*', 'renderer/**/*.config.*'];

// Globals of Node for the plain JavaScript build scripts (no dependency on the `globals` package).
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'structuredClone',
    'fetch',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
    '__dirname',
    '__filename',
    'require',
    'module',
    'exports',
  ].map((g) => [g, 'readonly']),
);

export default defineConfig([
  { ignores: ['dist/', 'node_modules/', 'release/', 'tests/lint/fixtures/', 'coverage/', '**/*.d.ts'] },
  js.configs.recommended,
  { files: TS, extends: [tseslint.configs.recommended] },
  {
    files: TS,
    rules: {
      // `_`-prefixed names are deliberately unused (e.g. a compile-time completeness check).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  { files: ['shared/**'], rules: restrict(sharedPatterns) },
  { files: ['db/**'], rules: restrict(dbPatterns) },
  // A later block's no-restricted-imports replaces the earlier one's, so each repeats the layer rule.
  { files: ['db/core/**'], rules: restrict([...dbPatterns, ...corePatterns]) },
  { files: ['db/cli/**'], rules: restrict([...dbPatterns, ...shellFacePatterns('db/cli')]) },
  { files: ['db/web/**'], rules: restrict([...dbPatterns, ...shellFacePatterns('db/web')]) },
  { files: ['renderer/**'], rules: restrict(rendererPatterns) },
  { files: RENDERER_NODE_CONFIG, rules: restrict(rendererLayerPatterns) },
  { files: ['electron/**'], rules: restrict([...electronPatterns, ...electronFacePatterns]) },
]);
