/**
 * Shared by the file-safety tests (issue 12): a portfolio to copy, planting with better-sqlite3,
 * what lies in a folder, and what a refusal must look like to a user.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cliProcess, type CliRun } from '../cli-process';

export const LPR = 'LPR3 ID3 - Landspatientregister';
export const EXAMPLE_TITLE = 'Bilag 1. Udmøntning af midler til nationale og tværregionale projekter';

/** System text a user must never see: an English error, an errno, a stack frame, our catch-all. */
const NOT_FOR_USERS = [
  /Uventet fejl|Error|\bE[A-Z]{3,}\b|\bat .*:\d+|Brug:/,
  /illegal|directory|cannot|unable|no such|readonly database|permission denied|not permitted/i,
];

/** A refusal as a user sees it: exit 1, nothing on stdout, one Danish line on stderr. */
export function expectOneDanishLine(r: CliRun, status = 1): string {
  expect(r.status, r.stderr).toBe(status);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  expect(lines, r.stderr).toHaveLength(1);
  for (const english of NOT_FOR_USERS) expect(lines[0]).not.toMatch(english);
  return lines[0]!;
}

/**
 * A fresh folder per test (`setup`/`teardown` in beforeEach/afterEach) and an example portfolio,
 * made once by the CLI (`setupAll`/`teardownAll` in beforeAll/afterAll), copied in as `name`.
 */
export function folders() {
  let templateDir = '';
  let dir = '';
  return {
    dir: () => dir,
    example: (name: string): string => {
      const path = join(dir, name);
      copyFileSync(join(templateDir, 'eksempel.sqlite'), path);
      return path;
    },
    setupAll: () => {
      templateDir = mkdtempSync(join(tmpdir(), 'puljeplan-safety-template-'));
      const made = cliProcess('new', join(templateDir, 'eksempel.sqlite'), '--example');
      if (made.status !== 0) throw new Error(`cli new --example failed: ${made.stderr}`);
    },
    teardownAll: () => rmSync(templateDir, { recursive: true, force: true }),
    setup: () => {
      dir = mkdtempSync(join(tmpdir(), 'puljeplan-safety-'));
    },
    teardown: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Changes a file with plain better-sqlite3 (as another SQLite program would), then closes it. */
export function plant(path: string, sql: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Names and bytes of everything in a folder. */
export function folder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = readFileSync(join(dir, name)).toString('base64');
  return out;
}

/** quick_check and the title of a portfolio, read from a copy so nothing appears beside it. */
export function inspect(path: string, withWal = false): { check: unknown; title: unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'puljeplan-inspect-'));
  try {
    const copy = join(dir, 'kopi.sqlite');
    copyFileSync(path, copy);
    if (withWal) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      return {
        check: db.pragma('quick_check', { simple: true }),
        title: db.prepare('SELECT title FROM portfolio').pluck().get(),
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
