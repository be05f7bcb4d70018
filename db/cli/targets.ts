/**
 * What the CLI says about the files it writes (db/core/atomic-file.ts guards them): an existing
 * file it was not asked to replace, and stale SQLite side files it moved aside from a new file's name.
 */
import { basename } from 'node:path';
import { movedAsideNote, TargetExistsError, TargetIsPortfolioError, UserError, writeFileAtomicAsync } from '../index';

interface Io {
  out: (text: string) => void;
}

/** The refusal of an existing file without `--overwrite`. */
export function existsMessage(path: string): string {
  return `«${basename(path)}» findes allerede. Vælg et andet navn, eller brug --overwrite for at erstatte den.`;
}

/** Names where stale side files went, so the user can find them (nothing is said when there were none). */
export function tellMovedAside(io: Io, file: string, movedAside: readonly string[]): void {
  if (movedAside.length) io.out(movedAsideNote(file, movedAside));
}

/**
 * Writes a workbook the CLI was asked for (`export --out`, `report --out`) through the atomic
 * writer: an existing file only with `--overwrite`, a portfolio never (docs/files.md).
 */
export async function writeWorkbookFile(
  out: string,
  build: (tempPath: string) => Promise<unknown>,
  overwrite: boolean,
): Promise<void> {
  try {
    await writeFileAtomicAsync(out, build, { noReplace: !overwrite, neverOverSqlite: true });
  } catch (err) {
    if (err instanceof TargetIsPortfolioError) throw new UserError(err.message);
    if (err instanceof TargetExistsError) throw new UserError(existsMessage(out));
    throw err;
  }
}
