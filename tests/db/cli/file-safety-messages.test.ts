/**
 * Issue 12, limits and messages at the CLI's entry: what is refused is refused before a file is
 * written, and every refusal is one short Danish line on stderr with exit 1 — never a stack
 * trace, Node's usage text or SQLite's English.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliProcess as cli, holdOpen, killHard, ROOT } from '../cli-process';
import { LPR, expectOneDanishLine, folder, folders, plant } from './file-safety-helpers';

// Each test runs the CLI several times, each a new Node process (seconds apiece on a busy machine).
vi.setConfig({ testTimeout: 180_000 });

const f = folders();
let holder: ChildProcess | null = null;
let immutable: string | null = null;
beforeAll(f.setupAll);
afterAll(f.teardownAll);
beforeEach(f.setup);
afterEach(async () => {
  if (holder) await killHard(holder);
  holder = null;
  if (immutable) spawnSync('chattr', ['-i', immutable]);
  immutable = null;
  f.teardown();
});

describe('limits at entry', () => {
  it('new --title of 100,000 characters is refused, naming the limit, and no file is made', () => {
    const x = join(f.dir(), 'x.sqlite');
    const line = expectOneDanishLine(cli('new', x, '--title', 'T'.repeat(100_000)));
    expect(line.length).toBeLessThan(300);
    expect(line, 'names the limit').toMatch(/\d+ tegn/);
    expect(existsSync(x)).toBe(false);
  });

  it('set --line with a 10,000-character name: the message does not echo it whole', () => {
    const p = f.example('p.sqlite');
    const line = expectOneDanishLine(cli('set', p, '--line', 'L'.repeat(10_000), '--year', '2023', '--amount', '1'));
    expect(line.length).toBeLessThan(300);
  });
});

describe('one Danish line, the right exit code', () => {
  it('a folder given as the portfolio file', () => {
    const folderPath = join(f.dir(), 'mappe.sqlite');
    mkdirSync(folderPath);
    expectOneDanishLine(cli('summary', folderPath));
  });

  it('new in a folder that does not exist', () => {
    expectOneDanishLine(cli('new', join(f.dir(), 'findes-ikke', 'x.sqlite')));
  });

  it('set on a read-only (immutable) file', (ctx) => {
    const p = f.example('p.sqlite');
    if (spawnSync('chattr', ['+i', p]).status !== 0) {
      // As root, chmod 444 does not stop writes; without chattr there is no read-only file to try.
      console.log(
        `skipped: chattr +i is not available here (uid ${process.getuid?.()}), and root writes through chmod 444`,
      );
      ctx.skip();
    }
    immutable = p;
    const before = readFileSync(p);
    expectOneDanishLine(cli('set', p, '--line', LPR, '--year', '2023', '--amount', '1'));
    expect(readFileSync(p).equals(before)).toBe(true);
  });

  it('--amount -250 sets a negative amount', () => {
    const p = f.example('p.sqlite');
    const r = cli('set', p, '--line', LPR, '--year', '2023', '--amount', '-250');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${LPR} 2023: 2.800 → -250\n`);
  });

  it('a lone --amount - is refused, and the file unchanged', () => {
    const p = f.example('p.sqlite');
    const before = readFileSync(p);
    expectOneDanishLine(cli('set', p, '--line', LPR, '--year', '2023', '--amount', '-'));
    expect(readFileSync(p).equals(before)).toBe(true);
  });

  it('summary piped into head -2 ends without an EPIPE stack trace', () => {
    const p = f.example('p.sqlite');
    // Enough lines that the output is larger than a pipe's buffer (64 KB) when head stops reading.
    plant(
      p,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
       INSERT INTO line (id, pool_id, name, position) SELECT 'ekstra-' || i, (SELECT id FROM pool ORDER BY position LIMIT 1), 'Ekstra linje nummer ' || i, 1000 + i FROM n`,
    );
    const script = `"${process.execPath}" build/cli.mjs summary "${p}" | head -2`;
    const r = spawnSync('sh', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.stderr).toBe('');
  });

  it('check on a file open in another process says it is open elsewhere', async () => {
    const p = f.example('p.sqlite');
    holder = await holdOpen(p);
    const line = expectOneDanishLine(cli('check', p));
    expect(line).toMatch(/åben et andet sted/);
    expect(line).not.toMatch(/ikke lukket rigtigt/);
  });

  it('merge x.sqlite x.sqlite says mine and theirs are the same file, exit 1', () => {
    const p = f.example('p.sqlite');
    const before = folder(f.dir());
    const line = expectOneDanishLine(cli('merge', p, p));
    expect(line).toMatch(/samme fil/);
    expect(folder(f.dir())).toEqual(before);
  });
});
