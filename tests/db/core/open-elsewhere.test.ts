/**
 * One process owns a file (docs/files.md, "Durability"): while a portfolio is
 * open in one process, another process (the app, the CLI, the web harness: all open through
 * db/core/open.ts) is told in Danish that it is open elsewhere and changes nothing; once the holder is
 * gone, even by kill -9, the file opens again with every committed edit.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { openSession } from '../../../db/index';
import { cliProcess as cli, holdOpen as hold, killHard } from '../cli-process';

const ELSEWHERE =
  '«Bilag 1.sqlite» er åben et andet sted (i Puljeplan på denne eller en anden computer). Luk den dér, og prøv igen.';

let dir: string;
let file: string;
let holder: ChildProcess | null = null;

/** The bytes of the file and of anything beside it, to show nothing was written. */
function onDisk(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    if (existsSync(f)) out[f] = readFileSync(f).toString('base64');
  return out;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-elsewhere-'));
  file = join(dir, 'Bilag 1.sqlite');
  createPortfolio(file, { example: true });
});

afterEach(async () => {
  if (holder && holder.exitCode === null && holder.signalCode === null) await killHard(holder);
  holder = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('a file open in another process', () => {
  it('is refused with a Danish message, by the CLI and by an open in this process, and nothing is written', async () => {
    holder = await hold(file);
    const before = onDisk();
    // The holder works in WAL mode without shared memory: no -shm beside the file.
    expect(Object.keys(before).map((f) => f.slice(file.length))).toEqual(['', '-wal']);

    const summary = cli('summary', file);
    expect(summary.status).toBe(1);
    expect(summary.stderr.trim()).toBe(ELSEWHERE);
    const set = cli('set', file, '--line', 'LPR3 ID3 - Landspatientregister', '--year', '2023', '--amount', '1');
    expect(set.status).toBe(1);
    expect(set.stderr.trim()).toBe(ELSEWHERE);
    expect(() => openSession(file)).toThrow(ELSEWHERE);
    expect(() => openSession(file, { readonly: true })).toThrow(ELSEWHERE);

    expect(onDisk()).toEqual(before);
  });

  it('opens, with the holder’s last edit, once the holder was killed with SIGKILL', async () => {
    holder = await hold(file);
    await killHard(holder);
    // Nothing checkpointed the edit: it is in the -wal the killed process left behind.
    expect(existsSync(`${file}-wal`)).toBe(true);
    const summary = cli('summary', file, '--json');
    expect(summary.stderr).toBe('');
    expect(summary.status).toBe(0);
    const session = openSession(file);
    try {
      expect(session.snapshot().meta.title).toBe('Ændret af den, der har filen åben');
      expect(session.db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      session.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('in one process', () => {
  it('a second session on an open file is refused; after close the file opens', () => {
    const first = openSession(file);
    expect(() => openSession(file)).toThrow(ELSEWHERE);
    first.close();
    openSession(file).close();
  });
});
