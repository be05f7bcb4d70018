/**
 * The app's own settings (userData/settings.json): for now, the last portfolio opened. Written
 * atomically (temporary file, then rename) so a crash mid-write never leaves a half file; a
 * missing or damaged file simply means "no settings", never a failed start.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Settings {
  lastFile?: string;
}

export function settingsPath(userDataDir: string): string {
  return join(userDataDir, 'settings.json');
}

export function readSettings(userDataDir: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(settingsPath(userDataDir), 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const lastFile = (raw as Record<string, unknown>).lastFile;
  return typeof lastFile === 'string' && lastFile.length > 0 ? { lastFile } : {};
}

export function writeSettings(userDataDir: string, settings: Settings): void {
  mkdirSync(userDataDir, { recursive: true });
  const target = settingsPath(userDataDir);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n', 'utf8');
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
