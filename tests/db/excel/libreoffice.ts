/**
 * LibreOffice Calc, headless, as the real spreadsheet for tests/db/excel/libreoffice.test.ts: a
 * throw-away user profile per run (Danish locale, OOXML files always recalculated on load) and
 * `soffice --convert-to`, which converts many files in one start (a start costs ~5-10 s).
 * Debian's package is libreoffice-calc-nogui (build/scripts/setup.sh --test-tools installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The soffice to run: $PULJEPLAN_SOFFICE if set (empty: none), else the first on the PATH; null when there is none. */
export function findSoffice(): string | null {
  const named = process.env.PULJEPLAN_SOFFICE;
  if (named !== undefined) return named && executable(named) ? named : null;
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  return dirs.map((dir) => join(dir, 'soffice')).find(executable) ?? null;
}

/**
 * The profile's settings (registrymodifications.xcu): recalculate OOXML (and ODF) files on load
 * always (0; the default 1 is "never" and shows the cached values), and Danish as the locale,
 * so decimals and the CSV filter's number reading are Danish as on a Danish desktop.
 */
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>da-DK</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>da-DK</value></prop></item>
</oor:items>
`;

/** da_DK.UTF-8 for soffice's environment where the machine has it (`locale -a`); else nothing. */
function danishLocaleEnv(): Record<string, string> {
  try {
    const locales = execFileSync('locale', ['-a'], { encoding: 'utf8' });
    const name = locales.split('\n').find((l) => /^da_DK\.utf-?8$/i.test(l.trim()));
    return name ? { LANG: name.trim(), LC_ALL: name.trim() } : {};
  } catch {
    return {};
  }
}

/** Tab separator (9), `"` quotes cells (34), UTF-8 (76), from line 1, Danish (1030): how a paste into Danish Calc reads. */
export const DANISH_TSV_FILTER = 'Text - txt - csv (StarCalc):9,34,76,1,,1030';

export class LibreOffice {
  readonly profile: string;
  readonly env: NodeJS.ProcessEnv;
  /** Each soffice start: what it converted and how long it took (for the suite's printed timing). */
  readonly runs: { what: string; ms: number }[] = [];

  constructor(
    readonly soffice: string,
    dir: string,
  ) {
    this.profile = join(dir, 'lo-profile');
    mkdirSync(join(this.profile, 'user'), { recursive: true });
    writeFileSync(join(this.profile, 'user', 'registrymodifications.xcu'), REGISTRY);
    this.env = { ...process.env, ...danishLocaleEnv() };
  }

  /**
   * Converts `files` to `format` (xlsx, xls, ods …) into `outDir`, in one start of soffice;
   * `infilter` forces the import filter (for text files). Returns the converted files' paths,
   * and throws with soffice's output when one is missing.
   */
  convert(files: string[], format: string, outDir: string, infilter?: string): string[] {
    mkdirSync(outDir, { recursive: true });
    const args = [
      `-env:UserInstallation=${pathToFileURL(this.profile).href}`,
      '--headless',
      '--norestore',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...files,
    ];
    const started = Date.now();
    const run = spawnSync(this.soffice, args, { env: this.env, encoding: 'utf8', timeout: 240_000 });
    this.runs.push({ what: `${files.length} → ${format}`, ms: Date.now() - started });
    const outputs = files.map((f) => join(outDir, `${basename(f, extname(f))}.${format.split(':')[0]}`));
    const missing = outputs.filter((o) => !existsSync(o));
    if (run.error || missing.length) {
      throw new Error(
        `soffice --convert-to ${format} gav ikke ${missing.join(', ')}: ${run.error?.message ?? ''}\n${run.stdout}\n${run.stderr}`,
      );
    }
    return outputs;
  }
}
