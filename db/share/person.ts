/**
 * Who is writing: the person's region, chosen once per installation (docs/architecture.md
 * «Identity of a copy»). Every writing session records it with its epoch (epochs.ts), and a sent
 * file is named after it. Read from, in order: the environment (PULJEPLAN_REGION: the CLI and the
 * browser harness), and `region` in the app's settings file (electron/settings.ts), whose folder is
 * Electron's userData for «Puljeplan», so the CLI on the same machine finds the same choice:
 * Windows %APPDATA%\Puljeplan, macOS ~/Library/Application Support/Puljeplan, else
 * $XDG_CONFIG_HOME (or ~/.config)/Puljeplan. None: undefined (then the portfolio's own region).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { REGION_CODES, type RegionCode } from '../../shared/domain/model';

export const isRegion = (v: unknown): v is RegionCode =>
  typeof v === 'string' && (REGION_CODES as readonly string[]).includes(v);

/** The app's settings folder (Electron's app.getPath('userData') for productName Puljeplan). */
export function settingsDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Puljeplan');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Puljeplan');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Puljeplan');
}

export function personRegion(env: NodeJS.ProcessEnv = process.env, dir = settingsDir(env)): RegionCode | undefined {
  if (isRegion(env.PULJEPLAN_REGION)) return env.PULJEPLAN_REGION;
  try {
    const region = (JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { region?: unknown } | null)
      ?.region;
    return isRegion(region) ? region : undefined;
  } catch {
    return undefined;
  }
}
