/**
 * What the CLI (db/cli/main.ts) says when the system refuses: a folder given as a file, a folder
 * that does not exist, a read-only file, a closed pipe. Each becomes one Danish line naming the
 * file and what to do (docs/architecture.md, the CLI's exit codes), never Node's or SQLite's English.
 * Also the argument parsing every command shares, so `--amount -250` is a value, not a flag.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { shortened } from '../../shared/domain/limits';
import { UserError } from '../index';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * parseArgs, except that the value of a string option may begin with `-` (`--amount -250`): Node
 * reads such a value as another option, so it is joined to its option first (`--amount=-250`).
 */
export function parseCli<O extends Options>(argv: string[], options: O) {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && next !== '--') {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return parseArgs({ args, allowPositionals: true, options, strict: true });
}

const folderOf = (file: string) => dirname(resolve(file));

/** A portfolio file to read, or to write when `write`: it exists, is a file, and may be written. */
export function checkFileAccess(file: string, write: boolean): void {
  const name = basename(file);
  if (!existsSync(file)) throw new UserError(`Filen «${name}» findes ikke.`);
  if (statSync(file).isDirectory())
    throw new UserError(`«${name}» er en mappe, ikke en porteføljefil. Angiv en .sqlite-fil.`);
  if (!write) return;
  try {
    accessSync(file, constants.W_OK);
    // The -wal beside the file is made in its folder.
    accessSync(folderOf(file), constants.W_OK);
  } catch {
    throw readOnly(file);
  }
}

/** A new file at `file`: its folder exists (the file itself is checked by the writer). */
export function checkNewFile(file: string): void {
  const folder = folderOf(file);
  if (!existsSync(folder))
    throw new UserError(`Mappen «${basename(folder)}» til «${basename(file)}» findes ikke. Opret mappen først.`);
  if (!statSync(folder).isDirectory())
    throw new UserError(`«${basename(folder)}» er ikke en mappe, så «${basename(file)}» kan ikke oprettes dér.`);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new UserError(`«${basename(file)}» er en mappe. Angiv navnet på en ny .sqlite-fil.`);
}

function readOnly(file: string): UserError {
  return new UserError(
    `«${basename(file)}» eller dens mappe er skrivebeskyttet; intet er ændret. Fjern skrivebeskyttelsen, eller arbejd i en kopi.`,
  );
}

/**
 * A system error as one Danish line, when it names a file (`path` on Node's errors) or is
 * SQLite's refusal to write; null for anything else (a real fault: "Uventet fejl").
 */
export function systemMessage(err: unknown, file?: string): string | null {
  const { code, path } = err as { code?: unknown; path?: unknown };
  const about = typeof path === 'string' ? path : file;
  if (about === undefined) return null;
  const name = basename(about);
  switch (code) {
    case 'EISDIR':
      return `«${name}» er en mappe, ikke en fil. Angiv en fil.`;
    case 'ENOENT':
      return `«${name}» eller dens mappe findes ikke. Tjek navnet og mappen.`;
    case 'ENOTDIR':
      return `Stien til «${name}» går gennem noget, der ikke er en mappe. Tjek stien.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
      return readOnly(about).message;
    case 'SQLITE_CANTOPEN':
      return `«${name}» kunne ikke åbnes eller oprettes. Tjek at mappen findes, og at du må skrive i den.`;
    case 'ENOSPC':
      return `Der er ikke plads på disken til «${name}»; intet er ændret. Frigør plads, og prøv igen.`;
    default:
      return null;
  }
}

/** `summary | head -2`: when the reader of stdout goes away, stop quietly, as Unix tools do. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** Runs `body`, turning a system error about `file` into its Danish line (systemMessage). */
export function aboutFile<T>(file: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof UserError) throw err;
    const message = systemMessage(err, file);
    if (message) throw new UserError(message);
    throw err;
  }
}

/** Node's parseArgs refusals (ERR_PARSE_ARGS_*) in Danish, naming the option; null for others. */
export function usageMessage(err: unknown): string | null {
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return null;
  const option = shortened(/'(-[^' <]+)/.exec(String(message))?.[1] ?? '', 60);
  if (/argument missing/.test(String(message))) return `${option} mangler en værdi.`;
  if (/does not take an argument/.test(String(message))) return `${option} tager ingen værdi.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Ukendt tilvalg «${option}».`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'Der er for mange argumenter.';
  return `Forkert brug af ${option || 'kommandoen'}.`;
}
