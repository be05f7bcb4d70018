/** Shared setup for the file-sharing tests: temp dirs, portfolios, the in-process CLI. */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPortfolio } from '../../../db/core/create';
import { afterEach, beforeEach, expect } from 'vitest';
import { runCli } from '../../../db/cli/main';
import { UserError } from '../../../db/core/errors';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';

export function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-share-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For the received-file suites: a fresh folder per test with my portfolio (RM's example,
 * «min.sqlite») and an inbox beside it. `sent()` puts Region Syddanmark's sent copy in the inbox
 * (`prepare` first changes RSD's file, e.g. through the CLI).
 */
export function useInbox() {
  let t: ReturnType<typeof tempDir>;
  const f = {
    dir: '',
    mine: '',
    inbox: '',
    sent(name = 'Puljeplan RSD 2026-11-22.sqlite', prepare?: (src: string) => void): string {
      const src = join(f.dir, 'rsd.sqlite');
      createPortfolio(src, { example: true, region: 'RSD' });
      prepare?.(src);
      const out = join(f.inbox, name);
      expect(cli('send', src, '--out', out).code).toBe(0);
      return out;
    },
  };
  beforeEach(() => {
    t = tempDir();
    f.dir = t.dir;
    f.mine = join(t.dir, 'min.sqlite');
    createPortfolio(f.mine, { example: true, region: 'RM' });
    f.inbox = join(t.dir, 'indbakke');
    mkdirSync(f.inbox);
  });
  afterEach(() => t.done());
  return f;
}

/** Every row of the portfolio's tables, to compare a file's contents before and after. */
export function contents(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = [
      'portfolio',
      'budget_year',
      'pool',
      'line',
      'amount',
      'audit',
      'share_dot',
      'share_seen',
      'share_alias',
    ];
    return JSON.stringify(
      tables.map((t) =>
        db
          .prepare(`SELECT * FROM ${t}`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ),
    );
  } finally {
    db.close();
  }
}

export function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export function withSession<T>(path: string, body: (s: Session) => T): T {
  const s = openSession(path);
  try {
    return body(s);
  } finally {
    s.close();
  }
}

/** Runs `body`, expects a UserError with `message`, and the file byte-identical and alone in its folder. */
export function expectRefused(path: string, body: () => unknown, message: string | RegExp): void {
  const dir = join(path, '..');
  const before = readFileSync(path);
  const files = readdirSync(dir).sort();
  let error: unknown;
  try {
    body();
  } catch (e) {
    error = e;
  }
  expect(error, 'refused').toBeInstanceOf(UserError);
  if (typeof message === 'string') expect((error as Error).message).toBe(message);
  else expect((error as Error).message).toMatch(message);
  expect(readFileSync(path).equals(before), 'the received file is byte-identical').toBe(true);
  expect(readdirSync(dir).sort(), 'no -wal, -shm or other file appeared').toEqual(files);
}
