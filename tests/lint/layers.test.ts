/**
 * The layer rule of docs/architecture.md (shared <- db <- electron, shared <- renderer) is
 * enforced by eslint.config.js. These tests lint small pieces of code as if they sat in each
 * folder, through the same config `npm run lint` uses, so a wrong-direction import fails CI.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

interface Finding {
  ruleId: string | null;
  message: string;
  fatal: boolean;
}

async function lint(file: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, fatal: m.fatal ?? false }));
}

async function layerErrors(file: string, code: string): Promise<string[]> {
  const findings = await lint(file, code);
  expect(
    findings.filter((f) => f.fatal),
    `parse errors in the probe for ${file}`,
  ).toEqual([]);
  return findings.filter((f) => f.ruleId === 'no-restricted-imports').map((f) => f.message);
}

describe('wrong-direction imports fail the lint', () => {
  it('shared/ importing from db/ is an error that names the layer rule', async () => {
    const errors = await layerErrors(
      'shared/probe.ts',
      "import { Session } from '../db/session';\nexport type S = Session;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Layer rule');
    expect(errors[0]).toContain('shared/ may not import from db/');
  });

  it('shared/ importing a Node built-in (node:fs, path) is an error', async () => {
    const errors = await layerErrors(
      'shared/probe.ts',
      "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nexport const f = [readFileSync, join];\n",
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('shared/ may not import Node built-ins');
    expect(errors[1]).toContain('shared/ may not import Node built-ins');
  });

  it('shared/ importing react, electron or better-sqlite3 is an error', async () => {
    const errors = await layerErrors(
      'shared/deeper/probe.ts',
      "import React from 'react';\nimport { app } from 'electron';\nimport Database from 'better-sqlite3';\nimport { x } from '../../renderer/src/x';\nexport const f = [React, app, Database, x];\n",
    );
    expect(errors).toHaveLength(4);
    expect(errors.join('\n')).toMatch(/shared\/ may not import the 'react' package/);
    expect(errors.join('\n')).toMatch(/shared\/ may not import the 'electron' package/);
    expect(errors.join('\n')).toMatch(/shared\/ may not import the 'better-sqlite3' package/);
    expect(errors.join('\n')).toMatch(/shared\/ may not import from renderer\//);
  });

  it('renderer/ importing db/ or better-sqlite3 is an error', async () => {
    const errors = await layerErrors(
      'renderer/src/probe.tsx',
      "import { openPortfolio } from '../../db/core/open';\nimport Database from 'better-sqlite3';\nexport const f = [openPortfolio, Database];\n",
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('renderer/ may not import from db/');
    expect(errors[1]).toContain("renderer/ may not import the 'better-sqlite3' package");
  });

  it('renderer/ importing electron or node:* is an error', async () => {
    const errors = await layerErrors(
      'renderer/src/grid/probe.ts',
      "import { ipcRenderer } from 'electron';\nimport { readFile } from 'node:fs/promises';\nimport { x } from '../../../electron/preload';\nexport const f = [ipcRenderer, readFile, x];\n",
    );
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toContain("renderer/ may not import the 'electron' package");
    expect(errors.join('\n')).toContain('renderer/ may not import Node built-ins');
    expect(errors.join('\n')).toContain('renderer/ may not import from electron/');
  });

  it("db/ importing the 'electron' package or electron/ is an error", async () => {
    const errors = await layerErrors(
      'db/probe.ts',
      "import { app } from 'electron';\nimport { x } from '../electron/ipc';\nexport const f = [app, x];\n",
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain("db/ may not import the 'electron' package");
    expect(errors[1]).toContain('db/ may not import from electron/');
  });

  it('electron/ importing renderer/ is an error', async () => {
    const errors = await layerErrors(
      'electron/probe.ts',
      "import { App } from '../renderer/src/app';\nexport const f = App;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('electron/ may not import from renderer/');
  });

  it('a re-export counts as an import', async () => {
    const errors = await layerErrors('shared/probe.ts', "export { openSession } from '../db/index';\n");
    expect(errors).toHaveLength(1);
  });
});

describe('the shells reach db/ only through db/index.ts', () => {
  it('electron/ importing any other db/ file is an error that names the rule', async () => {
    const errors = await layerErrors(
      'electron/probe.ts',
      "import { readMeta } from '../db/core/queries';\nimport type { PortfolioHost } from '../db/host';\nexport const f = readMeta;\nexport type H = PortfolioHost;\n",
    );
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toContain('Backend face rule');
    expect(errors[0]).toContain('electron/ may import from db/ only db/index');
  });

  it('db/cli/ and db/web/ importing another db/ file is an error', async () => {
    const cli = await layerErrors(
      'db/cli/probe.ts',
      "import { planImport } from '../excel/import-plan';\nimport { x } from '../../db/core/queries';\nexport const f = [planImport, x];\n",
    );
    expect(cli).toHaveLength(2);
    for (const e of cli)
      expect(e).toMatch(
        /^'.*' import is restricted .*Backend face rule.*db\/cli\/ may import from db\/ only db\/index/,
      );
    const web = await layerErrors(
      'db/web/probe.ts',
      "import { createDispatcher } from '../dispatcher';\nexport const f = createDispatcher;\n",
    );
    expect(web).toHaveLength(1);
    expect(web[0]).toContain('Backend face rule');
    expect(web[0]).toContain('db/web/ may import from db/ only db/index');
  });

  it('db/index, shared/ and their own folder are allowed', async () => {
    expect(
      await lint(
        'electron/probe.ts',
        "import { openSession, type Session } from '../db/index';\nexport const f = openSession;\nexport type S = Session;\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'db/cli/probe.ts',
        "import { openSession } from '../index';\nimport { formatAmount } from '../../shared/danish/number';\nimport { previewText } from './excel';\nexport const f = [openSession, formatAmount, previewText];\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'db/web/probe.ts',
        "import { createDispatcher } from '../index';\nexport const f = createDispatcher;\n",
      ),
    ).toEqual([]);
  });
});

describe('db/core/ does not import the features built on it', () => {
  it('db/core/ importing db/excel/, db/share/, db/cli/ or db/web/ is an error that names the rule', async () => {
    const errors = await layerErrors(
      'db/core/probe.ts',
      "import { a } from '../excel/import-plan';\nimport { b } from '../share/provenance';\nimport { c } from '../cli/main';\nimport { d } from '../web/server';\nexport const f = [a, b, c, d];\n",
    );
    expect(errors).toHaveLength(4);
    for (const e of errors) expect(e).toContain('Core rule');
    expect(errors[0]).toContain('db/core/ may not import from db/excel/');
    expect(errors[1]).toContain('db/core/ may not import from db/share/');
    const deeper = await layerErrors('db/core/migrations/probe.ts', "export { b } from '../../share/provenance';\n");
    expect(deeper).toHaveLength(1);
    expect(deeper[0]).toContain('db/core/ may not import from db/share/');
  });

  it('db/core/ importing db/core/ and shared/ is allowed', async () => {
    expect(
      await lint(
        'db/core/probe.ts',
        "import { UserError } from './errors';\nimport { nameKey } from '../../shared/domain/names';\nexport const f = [UserError, nameKey];\n",
      ),
    ).toEqual([]);
  });
});

describe('right-direction imports pass', () => {
  it('db/ importing shared/money and Node built-ins', async () => {
    const findings = await lint(
      'db/probe.ts',
      "import { sumKroner } from '../shared/money';\nimport { join } from 'node:path';\nimport Database from 'better-sqlite3';\nexport const f = [sumKroner, join, Database];\n",
    );
    expect(findings).toEqual([]);
  });

  it('renderer/ importing shared/danish-number', async () => {
    expect(
      await lint(
        'renderer/src/probe.ts',
        "import { formatAmount } from '../../shared/danish/number';\nexport const f = formatAmount;\n",
      ),
    ).toEqual([]);
    const findings = await lint(
      'renderer/src/grid/probe.ts',
      "import { parseAmount } from '../../../shared/danish-number';\nexport const f = parseAmount;\n",
    );
    expect(findings).toEqual([]);
  });

  it('electron/ importing db/ and shared/, and shared/ importing shared/', async () => {
    expect(
      await lint(
        'electron/probe.ts',
        "import { openSession } from '../db/index';\nimport { app } from 'electron';\nexport const f = [openSession, app];\n",
      ),
    ).toEqual([]);
    expect(
      await lint('shared/probe.ts', "import { sumKroner } from './money';\nexport const f = sumKroner;\n"),
    ).toEqual([]);
  });

  it("renderer's Vite config runs under Node and may import node:path, but not db/", async () => {
    expect(
      await lint('renderer/vite.config.ts', "import { join } from 'node:path';\nexport default { root: join('a') };\n"),
    ).toEqual([]);
    const errors = await layerErrors(
      'renderer/vite.config.ts',
      "import { openPortfolio } from '../db/open';\nexport default openPortfolio;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('tests may import every layer', async () => {
    expect(
      await lint('tests/probe.test.ts', "import { openSession } from '../db/index';\nexport const f = openSession;\n"),
    ).toEqual([]);
  });
});
