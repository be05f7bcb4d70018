/**
 * The browser's own Filer items (docs/architecture.md «The browser's Filer»): Ny…, Åbn…, Gem som…
 * and Seneste filer over the data folder, as Electron's native dialogs do over the disk
 * (electron/file-commands.ts). A file is named, never given as a path; it is made or copied in
 * the data folder without replacing anything, then opened and checked like any file, and the one
 * that was open stays open if any step fails. Answers are the contract's envelope.
 */
import { basename, extname } from 'node:path';
import { createPortfolio, portfolioRegion, saveCopyOf, userFailure, UserError, type PortfolioHost } from '../index';
import type { Envelope } from '../../shared/contract/contract';
import { inDataFolder, listDataFolder, type FolderFile } from './data-folder';

/** Characters Windows refuses in a file name (and `/` everywhere), and control characters. */
const FORBIDDEN = /[<>:"/\\|?*]/;
const hasControl = (text: string) => [...text].some((c) => c.charCodeAt(0) < 32);
const MAX_NAME = 120;

/**
 * A name typed for a new file: trimmed, `.sqlite` added when missing; refused in Danish when it
 * cannot be a file name here or a file of that name is already in the folder.
 */
export function newFileName(folder: string, typed: unknown): { name: string; path: string } {
  const text = typeof typed === 'string' ? typed.trim() : '';
  if (!text) throw new UserError('Skriv et navn til filen.', 'invalid-args');
  if (FORBIDDEN.test(text) || hasControl(text) || text.startsWith('.'))
    throw new UserError(
      `«${text}» kan ikke bruges som filnavn: tegnene < > : " / \\ | ? * må ikke indgå, og navnet må ikke begynde med et punktum.`,
      'invalid-args',
    );
  const name = extname(text).toLowerCase() === '.sqlite' ? text : `${text}.sqlite`;
  if (name.length > MAX_NAME)
    throw new UserError(`Filnavnet er for langt; brug højst ${MAX_NAME} tegn.`, 'invalid-args');
  if (listDataFolder(folder).some((f) => f.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0))
    throw new UserError(
      `«${name}» findes allerede i mappen. Vælg et andet navn; Puljeplan overskriver aldrig en fil.`,
      'conflict',
    );
  return { name, path: inDataFolder(folder, name) };
}

/** A file of the data folder, marked when it is the open portfolio. */
export interface WebFile extends FolderFile {
  open: boolean;
}

type Route = (args: Record<string, unknown>) => unknown;

export function webFileRoutes(folder: string, host: PortfolioHost): Record<string, Route> {
  const opened = () => ({ fileName: basename(host.session!.path) });
  const named = (args: Record<string, unknown>) => {
    if (typeof args.name !== 'string' || !args.name) throw new UserError('Angiv filens navn.', 'invalid-args');
    return args.name;
  };
  return {
    '/web/files': (): WebFile[] =>
      listDataFolder(folder).map((f) => ({ ...f, open: host.isOpen(inDataFolder(folder, f.name)) })),
    // Åbn… and Seneste filer: a file of the folder, checked as any file from elsewhere (db/host.ts).
    '/web/open': (args) => {
      host.open(named(args));
      return opened();
    },
    // Ny…: an empty portfolio for the same region as the open one, titled as its file.
    '/web/new': (args) => {
      const { name, path } = newFileName(folder, args.name);
      const region = host.session ? portfolioRegion(host.session) : undefined;
      createPortfolio(path, { region, title: basename(name, extname(name)) });
      host.open(path);
      return opened();
    },
    // Gem som…: a whole copy, which is then the open one (as Excel's Save As).
    '/web/saveAs': (args) => {
      const session = host.session;
      if (!session) throw new UserError('Ingen portefølje er åben.', 'refused');
      const { path } = newFileName(folder, args.name);
      saveCopyOf(session, path);
      host.open(path);
      return opened();
    },
  };
}

/** Runs a route as an envelope: a Danish refusal is the answer, anything else is thrown on. */
export function runRoute(route: Route, args: unknown): Envelope<unknown> {
  try {
    const value = route(args && typeof args === 'object' ? (args as Record<string, unknown>) : {});
    return { ok: true, value };
  } catch (err) {
    const failure = userFailure(err);
    if (failure) return failure;
    throw err;
  }
}
