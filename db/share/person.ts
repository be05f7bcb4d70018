/**
 * Who is writing: the person's region, chosen once per installation (docs/architecture.md
 * «Identity of a copy»). Every writing session records it with its epoch (epochs.ts), and a sent
 * file is named after it. Read from, in order: the environment (PULJEPLAN_REGION: the CLI's
 * `--region`), then the settings this process keeps: the shell says where (keepPersonSettings:
 * Electron's userData through electron/settings.ts, the browser harness's own folder), else
 * `region` in settings.json in the app's settings folder, Electron's userData for «Puljeplan», so
 * the CLI on the same machine finds the same choice: Windows %APPDATA%\Puljeplan, macOS
 * ~/Library/Application Support/Puljeplan, else $XDG_CONFIG_HOME (or ~/.config)/Puljeplan.
 * None: undefined (then the portfolio's own region, and the app asks at start).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { REGION_CODES, type RegionCode } from '../../shared/domain/model';
import { writeFileAtomic } from '../core/atomic-file';
import { UserError } from '../core/errors';

export const isRegion = (v: unknown): v is RegionCode =>
  typeof v === 'string' && (REGION_CODES as readonly string[]).includes(v);

/** Where the person's region is kept: read at each writing session's start, set by «Indstillinger». */
export interface PersonSettings {
  region(): RegionCode | undefined;
  setRegion(region: RegionCode): void;
}

/** The app's settings folder (Electron's app.getPath('userData') for productName Puljeplan). */
export function settingsDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Puljeplan');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Puljeplan');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Puljeplan');
}

function readObject(file: string): Record<string, unknown> {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `region` in settings.json in `dir`; setting it keeps the file's other settings (the app's recent files). */
export function settingsFile(dir: string): PersonSettings {
  const file = join(dir, 'settings.json');
  return {
    region: () => {
      const region = readObject(file).region;
      return isRegion(region) ? region : undefined;
    },
    setRegion: (region) => {
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(file, JSON.stringify({ ...readObject(file), region }, null, 2) + '\n');
    },
  };
}

/** The settings this process's shell keeps (keepPersonSettings); none: the settings folder's file. */
let kept: PersonSettings | null = null;

/** The shell's settings for this process (Electron, the browser harness); returns a function that forgets them. */
export function keepPersonSettings(settings: PersonSettings): () => void {
  const before = kept;
  kept = settings;
  return () => {
    if (kept === settings) kept = before;
  };
}

export function personRegion(env: NodeJS.ProcessEnv = process.env, dir?: string): RegionCode | undefined {
  if (isRegion(env.PULJEPLAN_REGION)) return env.PULJEPLAN_REGION;
  return (dir !== undefined ? settingsFile(dir) : (kept ?? settingsFile(settingsDir(env)))).region();
}

/** «Indstillinger»: the person's region from now on. PULJEPLAN_REGION, when set, wins and cannot be changed here. */
export function setPersonRegion(region: RegionCode, env: NodeJS.ProcessEnv = process.env): void {
  if (isRegion(env.PULJEPLAN_REGION) && env.PULJEPLAN_REGION !== region)
    throw new UserError(
      `Regionen er sat til ${env.PULJEPLAN_REGION} med miljøvariablen PULJEPLAN_REGION og kan ikke ændres her. Fjern variablen, og start Puljeplan igen.`,
      'refused',
    );
  (kept ?? settingsFile(settingsDir(env))).setRegion(region);
}
