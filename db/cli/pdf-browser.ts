/**
 * Which Chromium the CLI prints with (docs/print.md): `PULJEPLAN_CHROMIUM` when it is set, else
 * the Electron binary where the app's packages are installed (node_modules/electron), else a
 * system Chromium on PATH (chromium, chromium-browser, google-chrome); with none, a Danish message
 * that says what to install.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { UserError } from '../index';

export interface PdfBrowser {
  kind: 'electron' | 'chromium';
  path: string;
}

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The Electron binary that `npm ci` put in node_modules/electron/dist (its path.txt names it), if any. */
function installedElectron(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const path = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findPdfBrowser(env: NodeJS.ProcessEnv = process.env): PdfBrowser {
  const given = env.PULJEPLAN_CHROMIUM;
  if (given) {
    if (executable(given)) return { kind: 'chromium', path: given };
    throw new UserError(
      `PULJEPLAN_CHROMIUM peger på «${given}», som ikke er et program. Ret stien til Chromium eller Chrome, eller fjern variablen.`,
    );
  }
  const electron = installedElectron();
  if (electron) return { kind: 'electron', path: electron };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ON_PATH) {
      const path = join(dir, name);
      if (executable(path)) return { kind: 'chromium', path };
    }
  }
  throw new UserError(
    'PDF kræver Chromium, og der er hverken Puljeplans Electron eller en Chromium på maskinen. Installér chromium (fx apt install chromium), eller sæt PULJEPLAN_CHROMIUM til stien til Chromium eller Chrome.',
  );
}
