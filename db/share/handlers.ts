/**
 * The contract's file-sharing channels (file.*, merge.*, backups.*), for db/dispatcher.ts. A merge
 * preview keeps its checked copy of the received file until it is applied or replaced.
 */
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { format } from 'date-fns';
import { da } from 'date-fns/locale';
import type { Args, Result } from '../../shared/contract';
import { regionName } from '../../shared/model';
import { listBackups } from '../backup';
import { UserError } from '../errors';
import { readMeta } from '../queries';
import type { Session } from '../session';
import { applyMerge, importReceived, previewMerge, restoreBackup, type MergeChoices } from './apply';
import type { Resolution } from './merge';
import { receiveBytes, receiveFile, type Received } from './receive';
import type { ReceivedInfo } from './rows';
import { sendCopy, sentFileName } from './send';

type Source = Args<'file.check'>['source'];

export function receive(source: Source): Received {
  return 'path' in source ? receiveFile(source.path) : receiveBytes(Buffer.from(source.data, 'base64'), source.fileName);
}

/** `22. nov. 2026 kl. 14.03`, as the grid shows times. */
export function danishTime(iso: string): string {
  return format(new Date(iso), "d. MMM yyyy 'kl.' HH.mm", { locale: da });
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

interface Pending {
  token: string;
  received: Received;
  revision: number;
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
  'file.import': (a: Args<'file.import'>): Result<'file.import'> => {
    const received = receive(a.source);
    try {
      return { path: importReceived(received, a.path, a.region) };
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
      pending.set(session, { token, received, revision: session.revision });
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
    const { change } = applyMerge(session, p.received, toChoices(a.resolutions, a.take));
    p.received.close();
    pending.delete(session);
    return change;
  },
  'backups.list': (session: Session): Result<'backups.list'> => listBackups(session.path),
  'backups.restore': (session: Session, a: Args<'backups.restore'>) => restoreBackup(session, a.fileName),
};
