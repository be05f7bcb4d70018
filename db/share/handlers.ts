/**
 * The contract's file-sharing channels (file.*, merge.*, backups.*), for db/dispatcher.ts. A merge
 * preview keeps its checked copy of the received file until it is applied or replaced.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Args, Result } from '../../shared/contract/contract';
import { danishTime } from '../../shared/danish/time';
import { regionName } from '../../shared/domain/model';
import { listBackups } from '../core/backup';
import { UserError } from '../core/errors';
import { readMeta } from '../core/queries';
import type { Session } from '../core/session';
import { applyMerge, importReceived, previewMerge, restoreBackup, type MergeChoices, type Planned } from './apply';
import type { Resolution } from './merge';
import { receiveBytes, receiveFile, type Received } from './receive';
import type { ReceivedInfo } from './rows';
import { sendCopy, sentFileName } from './send';

type Source = Args<'file.check'>['source'];

export function receive(source: Source): Received {
  return 'path' in source ? receiveFile(source.path) : receiveBytes(Buffer.from(source.data, 'base64'), source.fileName);
}

/** One line for the CLI's `check` and the app's dialog. */
export function describeReceived(info: ReceivedInfo): string {
  const years = info.years.length ? `år ${info.years[0]}–${info.years[info.years.length - 1]}` : 'ingen år';
  const sent = info.sentBy
    ? `sendt fra ${regionName(info.sentBy.region)} ${danishTime(info.sentBy.sentAt)} (Puljeplan ${info.sentBy.appVersion}, skemaversion ${info.sentBy.schemaVersion})`
    : `fra ${regionName(info.region)} (ikke lavet med «Send til en anden region»)`;
  return `«${info.fileName}» er i orden: «${info.title}», ${info.pools} puljer, ${info.lines} linjer, ${years}; ${sent}.`;
}

export function checkResult(received: Received): Result<'file.check'> {
  return { ...received.info, summary: describeReceived(received.info) };
}

/**
 * Where a received file's private copy goes by default: beside the open portfolio, named after the
 * received file with ` (modtaget)`, and a number if that name is taken. Never the received file itself.
 */
export function receivedCopyPath(dir: string, receivedName: string): string {
  const safe = [...basename(receivedName).replace(/\.(sqlite3?|db)$/i, '')].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  const stem = safe.slice(0, 150) || 'Modtaget';
  for (let n = 1; ; n++) {
    const candidate = join(dir, `${stem} (modtaget${n > 1 ? ` ${n}` : ''}).sqlite`);
    if (!existsSync(candidate)) return candidate;
  }
}

interface Pending {
  token: string;
  received: Received;
  revision: number;
  preview: Planned;
}
const pending = new WeakMap<Session, Pending>();

export function toChoices(resolutions: Args<'merge.apply'>['resolutions'], take?: 'mine' | 'theirs'): MergeChoices {
  const map = new Map<string, Resolution>();
  for (const r of resolutions) map.set(r.id, r.value === undefined ? { take: r.take } : { take: r.take, value: r.value });
  return { resolutions: map, take };
}

export const shareHandlers = {
  'file.check': (session: Session | null, a: Args<'file.check'>): Result<'file.check'> => {
    void session;
    const received = receive(a.source);
    try {
      return checkResult(received);
    } finally {
      received.close();
    }
  },
  'file.send': (session: Session, a: Args<'file.send'>, appVersion: string): Result<'file.send'> => {
    const path = a.path ?? join(dirname(session.path), sentFileName(readMeta(session.db).region, new Date()));
    return sendCopy(session.db, session.path, path, appVersion);
  },
  'file.import': (session: Session | null, a: Args<'file.import'>): Result<'file.import'> => {
    const received = receive(a.source);
    try {
      const target = a.path ?? receivedCopyPath(session ? dirname(session.path) : process.cwd(), received.info.fileName);
      const path = importReceived(received, target, a.region);
      return { path, fileName: basename(path) };
    } finally {
      received.close();
    }
  },
  'merge.preview': (session: Session, a: Args<'merge.preview'>): Result<'merge.preview'> => {
    const received = receive(a.source);
    const old = pending.get(session);
    old?.received.close();
    pending.delete(session);
    try {
      const plan = previewMerge(session.db, received);
      const token = randomUUID();
      pending.set(session, { token, received, revision: session.revision, preview: plan });
      return { token, ...plan.review };
    } catch (err) {
      received.close();
      throw err;
    }
  },
  'merge.apply': (session: Session, a: Args<'merge.apply'>) => {
    const p = pending.get(session);
    if (!p || p.token !== a.token) throw new UserError('Forhåndsvisningen af fletningen findes ikke længere. Vælg filen igen.', 'not-found');
    if (p.revision !== session.revision) {
      throw new UserError('Porteføljen er ændret siden forhåndsvisningen. Vælg filen igen for at se, hvad fletningen nu vil gøre.', 'conflict');
    }
    const { change } = applyMerge(session, p.received, toChoices(a.resolutions, a.take), new Date(), p.preview);
    p.received.close();
    pending.delete(session);
    return change;
  },
  'backups.list': (session: Session): Result<'backups.list'> => listBackups(session.path),
  'backups.restore': (session: Session, a: Args<'backups.restore'>) => restoreBackup(session, a.fileName),
};
