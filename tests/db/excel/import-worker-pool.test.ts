/**
 * The warm import worker (db/excel/import-worker-pool.ts): started once and reused, replaced when
 * a read hangs or runs out of memory, ended on quit, and never keeping the process alive.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readAnnexFile, stopImportWorker, warmImportWorker } from '../../../db/excel/read-annex-file';
import { warmWorkerId } from '../../../db/excel/import-worker-pool';
import { expectExample } from './annex-expect';
import { rowsWorkbook } from './workbooks';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURE = readFileSync(join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx'));

describe('the warm import worker', () => {
  afterAll(() => stopImportWorker());

  it('is started before the first read when the app is idle, and every read reuses it', async () => {
    stopImportWorker();
    expect(warmWorkerId()).toBeNull();
    await warmImportWorker();
    const id = warmWorkerId();
    expect(id).not.toBeNull();
    for (let i = 0; i < 3; i++) expectExample(await readAnnexFile(FIXTURE, 'bilag.xlsx'));
    expect(warmWorkerId()).toBe(id);
  });

  it('two reads at once both answer: the second gets a worker of its own, the warm one stays', async () => {
    await warmImportWorker();
    const id = warmWorkerId();
    const [a, b] = await Promise.all([readAnnexFile(FIXTURE, 'a.xlsx'), readAnnexFile(FIXTURE, 'b.xlsx')]);
    expectExample(a);
    expectExample(b);
    expect(warmWorkerId()).toBe(id);
  });

  it('a hung read is ended and the worker replaced: the next read is answered by a new warm worker', async () => {
    await warmImportWorker();
    const id = warmWorkerId();
    await expect(readAnnexFile(FIXTURE, 'bilag.xlsx', { timeoutMs: 1 })).rejects.toThrow(/tog mere end 1 sekund/);
    const replaced = warmWorkerId();
    expect(replaced).not.toBeNull();
    expect(replaced).not.toBe(id);
    expectExample(await readAnnexFile(FIXTURE, 'bilag.xlsx'));
    expect(warmWorkerId()).toBe(replaced);
  });

  it('a worker out of memory is replaced, and keeps the heap limit it was asked for', async () => {
    const big = await rowsWorkbook([
      ['Beløb i 1.000 kr', 2022, 'I alt'],
      ...Array.from({ length: 3000 }, (_, i) => [`Linje ${i} ${'x'.repeat(200)}`, i, i]),
    ]);
    const small = { maxOldGenerationSizeMb: 8 };
    await expect(readAnnexFile(big, 'stor.xlsx', small)).rejects.toThrow(/kræver for meget hukommelse/);
    // The replacement has the same limit: the same workbook is refused again, not read.
    await expect(readAnnexFile(big, 'stor.xlsx', small)).rejects.toThrow(/kræver for meget hukommelse/);
    expectExample(await readAnnexFile(FIXTURE, 'bilag.xlsx'));
  });

  it('stopImportWorker ends it, and a warm worker does not keep a process (the CLI) from exiting', async () => {
    await warmImportWorker();
    stopImportWorker();
    expect(warmWorkerId()).toBeNull();
    const script = [
      `import { readFileSync } from 'node:fs';`,
      `import { readAnnexFile, warmImportWorker } from ${JSON.stringify(join(ROOT, 'db/excel/read-annex-file.ts'))};`,
      `await warmImportWorker();`,
      `const annex = await readAnnexFile(readFileSync(${JSON.stringify(join(ROOT, 'tests/fixtures/bilag1-2022-2023.xlsx'))}), 'bilag.xlsx');`,
      `console.log(annex.pools.length);`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('3');
  });
});
