/**
 * The app's own settings (userData/settings.json): the last portfolio opened, the recent
 * files (Filer → Seneste filer) and the person's region (Filer → Indstillinger…). Written atomically (temporary file, then rename) so a crash
 * mid-write never leaves a half file; a missing or damaged file simply means "no settings",
 * never a failed start.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REGION_CODES, type RegionCode } from '../shared/domain/model';
import { writeFileAtomic, type PersonSettings } from '../db/index';

/** Seneste filer shows at most this many, as Office does by default in its short list. */
export const RECENT_LIMIT = 8;

export interface Settings {
  lastFile?: string;
  /** Newest first, at most RECENT_LIMIT. */
  recentFiles?: string[];
  /** The person's region, chosen once per installation (the CLI reads it too: db/share/person.ts). */
  region?: RegionCode;
}

export function settingsPath(userDataDir: string): string {
  return join(userDataDir, 'settings.json');
}

const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function readSettings(userDataDir: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(settingsPath(userDataDir), 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const { lastFile, recentFiles, region } = raw as Record<string, unknown>;
  const settings: Settings = {};
  if (isPath(lastFile)) settings.lastFile = lastFile;
  if (Array.isArray(recentFiles)) settings.recentFiles = recentFiles.filter(isPath).slice(0, RECENT_LIMIT);
  if (typeof region === 'string' && (REGION_CODES as readonly string[]).includes(region))
    settings.region = region as RegionCode;
  return settings;
}

export function writeSettings(userDataDir: string, settings: Settings): void {
  mkdirSync(userDataDir, { recursive: true });
  writeFileAtomic(settingsPath(userDataDir), JSON.stringify(settings, null, 2) + '\n');
}

/** The recent files that still exist, newest first. */
export function recentFiles(settings: Settings): string[] {
  return (settings.recentFiles ?? []).filter((p) => existsSync(p));
}

/** Remembers `path` as the last file opened and puts it first in the recent files. */
export function rememberFile(userDataDir: string, path: string): Settings {
  const old = readSettings(userDataDir);
  const others = recentFiles(old).filter((p) => resolve(p) !== resolve(path));
  const settings: Settings = { ...old, lastFile: path, recentFiles: [path, ...others].slice(0, RECENT_LIMIT) };
  writeSettings(userDataDir, settings);
  return settings;
}

/** Ryd listen: empties the recent files (the file to open at next start is kept). */
export function clearRecentFiles(userDataDir: string): Settings {
  const settings: Settings = { ...readSettings(userDataDir), recentFiles: [] };
  writeSettings(userDataDir, settings);
  return settings;
}

/** The person's region as the backend reads and sets it (db/index.ts keepPersonSettings), kept here with the other settings. */
export function personSettings(userDataDir: string): PersonSettings {
  return {
    region: () => readSettings(userDataDir).region,
    setRegion: (region) => writeSettings(userDataDir, { ...readSettings(userDataDir), region }),
  };
}
