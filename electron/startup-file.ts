/**
 * Which portfolio to open: a .sqlite path given on the command line (double-click, "Åbn med",
 * a second instance) wins; then the one opened last time; else the built-in example in the
 * user's Documents folder, made the first time it is needed and never overwritten.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createPortfolio } from '../db/index';

export const EXAMPLE_FILE_NAME = 'Bilag 1.sqlite';

export function examplePath(documentsDir: string): string {
  return join(documentsDir, 'Puljeplan', EXAMPLE_FILE_NAME);
}

/**
 * The last `.sqlite` argument, made absolute against the caller's working directory. Flags are
 * skipped: Chromium and macOS add their own (`--original-process-start-time`, `-psn_…`).
 */
export function fileFromArgs(args: readonly string[], cwd: string): string | null {
  for (let i = args.length - 1; i >= 0; i--) {
    const arg = args[i]!;
    if (!arg.startsWith('-') && arg.toLowerCase().endsWith('.sqlite')) return resolve(cwd, arg);
  }
  return null;
}

/** The file a second instance hands over (requestSingleInstanceLock's additionalData), checked, since it crosses processes. */
export function fileFromInstanceData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const file = (data as Record<string, unknown>).file;
  return typeof file === 'string' && file.toLowerCase().endsWith('.sqlite') ? file : null;
}

/** Creates the example file unless it exists (a user may have worked in it; it is never replaced). */
export function ensureExample(path: string): string {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    createPortfolio(path, { example: true });
  }
  return path;
}

export interface StartupChoice {
  argFile: string | null;
  lastFile: string | undefined;
  exampleFile: string;
}

export function chooseStartupFile(choice: StartupChoice): string {
  if (choice.argFile) return choice.argFile;
  if (choice.lastFile && existsSync(choice.lastFile)) return choice.lastFile;
  return ensureExample(choice.exampleFile);
}
