/**
 * The one dispatcher: checks the channel and its arguments against the contract, runs the
 * handler on the open portfolio, checks the result, and answers with an envelope. Electron's
 * ipcMain and the browser harness's HTTP endpoint both call it.
 */
import { isChannel, type Channel } from '../shared/contract/channels';
import { contract, describeIssues, type Args, type Envelope, type Result } from '../shared/contract/contract';
import { Writable } from 'node:stream';
import { format } from 'date-fns';
import * as commands from './core/commands';
import { UserError } from './core/errors';
import { exportAnnex } from './excel/export';
import { exportFileName } from './excel/export-layout';
import { applyImport } from './excel/import-apply';
import { planImport } from './excel/import-plan';
import { pendingImports } from './excel/pending';
import { readAnnexFile } from './excel/read-annex-file';
import { SCHEMA_VERSION } from './core/migrations/index';
import type { Session } from './core/session';
import { shareHandlers } from './share/handlers';
import { basename } from 'node:path';

export interface Backend {
  /** The open portfolio; throws a UserError when none is open. */
  session(): Session;
  shell: 'electron' | 'web' | 'cli';
  appVersion: string;
  /** Makes another file the open portfolio (checked first; the present one stays open if it cannot be). */
  open?(path: string): Session;
}

/** A handler answers at once, or later for work done off the main thread (reading a workbook). */
type Handlers = { [C in Channel]: (backend: Backend, args: Args<C>) => Result<C> | Promise<Result<C>> };

const handlers: Handlers = {
  'app.info': (b) => ({ fileName: basename(b.session().path), appVersion: b.appVersion, schemaVersion: SCHEMA_VERSION, shell: b.shell }),
  'portfolio.load': (b) => b.session().snapshot({ lineInfo: true }),
  'portfolio.setMeta': (b, a) => b.session().run((db) => commands.setMeta(db, a)),
  'amounts.set': (b, a) => b.session().run((db) => commands.setAmounts(db, a)),
  'amounts.paste': (b, a) => b.session().run((db) => commands.pasteCells(db, a)),
  'lines.add': (b, a) => b.session().run((db) => commands.addLine(db, a)),
  'lines.rename': (b, a) => b.session().run((db) => commands.renameLine(db, a)),
  'lines.setDescription': (b, a) => b.session().run((db) => commands.setLineDescription(db, a)),
  'lines.setComment': (b, a) => b.session().run((db) => commands.setLineComment(db, a)),
  'lines.place': (b, a) => b.session().run((db) => commands.placeLine(db, a)),
  'lines.delete': (b, a) => b.session().run((db) => commands.deleteLine(db, a)),
  'lines.move': (b, a) => b.session().run((db) => commands.moveLine(db, a)),
  'lines.moveToPool': (b, a) => b.session().run((db) => commands.moveLineToPool(db, a)),
  'pools.add': (b, a) => b.session().run((db) => commands.addPool(db, a)),
  'pools.rename': (b, a) => b.session().run((db) => commands.renamePool(db, a)),
  'pools.setDescription': (b, a) => b.session().run((db) => commands.setPoolDescription(db, a)),
  'pools.delete': (b, a) => b.session().run((db) => commands.deletePool(db, a)),
  'pools.move': (b, a) => b.session().run((db) => commands.movePool(db, a)),
  'years.add': (b) => b.session().run((db) => commands.addYear(db)),
  'years.remove': (b, a) => b.session().run((db) => commands.removeYear(db, a)),
  'history.undo': (b) => b.session().undo(),
  'history.redo': (b) => b.session().redo(),
  'excel.preview': async (b, a) => {
    const session = b.session();
    const read = await readAnnexFile(Buffer.from(a.data, 'base64'), a.fileName);
    const preview = planImport(session.snapshot(), read, a.fileName);
    const token = pendingImports(session).put({ read, fileName: a.fileName, revision: session.revision });
    return { token, ...preview };
  },
  'excel.apply': (b, a) => {
    const session = b.session();
    const store = pendingImports(session);
    const pending = store.get(a.token);
    if (!pending) throw new UserError('Forhåndsvisningen af importen findes ikke længere. Vælg projektmappen igen.', 'not-found');
    if (pending.revision !== session.revision) {
      throw new UserError('Porteføljen er ændret siden forhåndsvisningen. Vælg projektmappen igen for at se, hvad importen nu vil ændre.', 'conflict');
    }
    const change = applyImport(session, pending.read, pending.fileName, a);
    store.delete(a.token);
    return change;
  },
  'excel.export': async (b, a) => exportToBase64(b.session(), a),
  'file.check': (_b, a) => shareHandlers['file.check'](null, a),
  'file.send': (b, a) => shareHandlers['file.send'](b.session(), a, b.appVersion),
  'file.import': (b, a) => shareHandlers['file.import'](currentSession(b), a),
  'file.open': (b, a) => {
    if (!b.open) throw new UserError('Her kan der ikke skiftes til en anden fil.', 'refused');
    const session = b.open(a.path);
    return { path: session.path, fileName: basename(session.path) };
  },
  'merge.preview': (b, a) => shareHandlers['merge.preview'](b.session(), a),
  'merge.apply': (b, a) => shareHandlers['merge.apply'](b.session(), a),
  'backups.list': (b) => shareHandlers['backups.list'](b.session()),
  'backups.restore': (b, a) => shareHandlers['backups.restore'](b.session(), a),
};

function currentSession(b: Backend): Session | null {
  try {
    return b.session();
  } catch {
    return null;
  }
}

/** The workbook in memory, for the contract (the renderer saves it); the CLI writes to a file instead. */
async function exportToBase64(session: Session, options: Args<'excel.export'>): Promise<Result<'excel.export'>> {
  const snapshot = session.snapshot();
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await exportAnnex(snapshot, options, sink);
  return { fileName: exportFileName(snapshot.meta.title, format(new Date(), 'yyyy-MM-dd')), data: Buffer.concat(chunks).toString('base64') };
}

export type Dispatch = (channel: unknown, args: unknown) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  onError?: (err: unknown) => void;
  /**
   * Check every result against the contract (default). Arguments are always checked: they
   * cross the trust boundary. Results come from our own typed tables; checking them proves the
   * contract holds in tests, the browser harness and development, but costs ~10 µs a line
   * (0.85 s for a 100,000-line portfolio.load, build/bench), so the packaged app skips it.
   */
  checkResults?: boolean;
}

export function createDispatcher(backend: Backend, options: DispatcherOptions = {}): Dispatch {
  const checkResults = options.checkResults ?? true;
  return async (channel, rawArgs) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Ukendt kanal: ${String(channel).slice(0, 80)}` } };
    }
    const spec = contract[channel];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'invalid-args', message: describeIssues(parsed.error) } };
    try {
      const handler = handlers[channel] as (b: Backend, a: unknown) => unknown;
      const value = await handler(backend, parsed.data);
      if (!checkResults) return { ok: true, value };
      const checked = spec.result.safeParse(value);
      if (!checked.success) throw new Error(`Svaret på ${channel} passer ikke til kontrakten: ${describeIssues(checked.error)}`);
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof UserError) return { ok: false, error: { code: err.code, message: err.message } };
      options.onError?.(err);
      return { ok: false, error: { code: 'internal', message: `Der opstod en uventet fejl: ${(err as Error).message}. Intet blev ændret.` } };
    }
  };
}
