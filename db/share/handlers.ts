/**
 * The contract's file-sharing channels (file.*, merge.*, backups.*), for db/dispatcher.ts, and the
 * merge's preview and apply that the CLI (db/cli/share.ts) takes the same way. A merge preview
 * keeps its checked copy of the received file until it is applied or replaced.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Args, Result } from '../../shared/contract/contract';
import { danishTime } from '../../shared/danish/time';
import { count } from '../../shared/danish/text';
import { regionName } from '../../shared/domain/model';
import type { Backend, Group, Handlers } from '../core/backend';
import { listBackups } from '../core/backup';
import { UserError } from '../core/errors';
import { readMeta } from '../core/queries';
import { Previews } from '../core/previews';
import type { Session } from '../core/session';
import { applyMerge, importReceived, previewMerge, restoreBackup, type MergeChoices, type Planned } from './apply';
import type { Resolution } from './merge';
import { receiveBytes, type Received } from './receive';
import { filePath, fileToken } from './file-tokens';
import type { ReceivedInfo } from './rows';
import { personRegion } from './person';
import { sendCopy, sentFileName, type SentFile } from './send';

type Source = Args<'file.check'>['source'];

export function receive(source: Source): Received {
  return receiveBytes(Buffer.from(source.data, 'base64'), source.fileName);
}

/** One line for the CLI's `check` and the app's dialog. */
export function describeReceived(info: ReceivedInfo): string {
  const years = info.years.length ? `år ${info.years[0]}–${info.years[info.years.length - 1]}` : 'ingen år';
  const sent = info.sentBy
    ? `sendt fra ${regionName(info.sentBy.region)} ${danishTime(info.sentBy.sentAt)} (Puljeplan ${info.sentBy.appVersion}, skemaversion ${info.sentBy.schemaVersion})`
    : `fra ${regionName(info.region)} (ikke lavet med «Send til en anden region»)`;
  return `«${info.fileName}» er i orden: «${info.title}», ${count(info.pools, 'pulje', 'puljer')}, ${count(info.lines, 'linje', 'linjer')}, ${years}; ${sent}.`;
}

export function checkResult(received: Received): Result<'file.check'> {
  return { ...received.info, summary: describeReceived(received.info) };
}

/**
 * Where a received file's private copy goes by default: beside the open portfolio, named after the
 * received file with ` (modtaget)`, and a number if that name is taken. Never the received file itself.
 */
export function receivedCopyPath(dir: string, receivedName: string): string {
  const safe = [...basename(receivedName).replace(/\.(sqlite3?|db)$/i, '')]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('');
  const stem = safe.slice(0, 150) || 'Modtaget';
  for (let n = 1; ; n++) {
    const candidate = join(dir, `${stem} (modtaget${n > 1 ? ` ${n}` : ''}).sqlite`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** One merge preview per open portfolio: a new one closes the received file the last one held. */
const mergePreviews = new Previews<{ received: Received; preview: Planned }>(1, {
  missing: 'Forhåndsvisningen af fletningen findes ikke længere. Vælg filen igen.',
  stale: 'Porteføljen er ændret siden forhåndsvisningen. Vælg filen igen for at se, hvad fletningen nu vil gøre.',
});

export function toChoices(resolutions: Args<'merge.apply'>['resolutions'], take?: 'mine' | 'theirs'): MergeChoices {
  const map = new Map<string, Resolution>();
  for (const r of resolutions)
    map.set(r.id, r.value === undefined ? { take: r.take } : { take: r.take, value: r.value });
  return { resolutions: map, take };
}

/** What merging `received` into the open portfolio would do (the app's review, the CLI's listing); nothing changes. */
export function previewMergeInto(session: Session, received: Received): Planned {
  return previewMerge(session.db, received);
}

/** Merges `received` as previewed, with the user's choices: one undo step after a backup copy. */
export function applyPreviewedMerge(
  session: Session,
  received: Received,
  preview: Planned,
  choices: MergeChoices,
): ReturnType<typeof applyMerge> {
  return applyMerge(session, received, choices, new Date(), preview);
}

/** Where a send copy goes in `dir`: named after the person's region (person.ts; else the portfolio's) and today. */
export function sentCopyPath(session: Session, dir: string): string {
  const name = sentFileName(personRegion() ?? readMeta(session.db).region, new Date());
  // A second send the same day never replaces the first (that copy may already be attached to an
  // e-mail): `Puljeplan RM 2026-12-04 (2).sqlite`, and so on.
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : name.replace(/\.sqlite$/, ` (${n}).sqlite`));
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Writes the send copy of the open portfolio to `path` («Send til en anden region»; the CLI's send).
 * `noReplace`: refuse an existing file (the CLI without --overwrite).
 */
export function sendPortfolio(
  session: Session,
  path: string,
  appVersion: string,
  options: { noReplace?: boolean } = {},
): SentFile {
  return sendCopy(session.db, session.path, path, appVersion, new Date(), options);
}

/** The open portfolio, or null (a received file can be checked and imported with none open). */
function currentSession(b: Backend): Session | null {
  try {
    return b.session();
  } catch {
    return null;
  }
}

export const shareHandlers: Handlers<Group<'file' | 'merge' | 'backups'>> = {
  'file.check': (_b, a) => {
    const received = receive(a.source);
    try {
      return checkResult(received);
    } finally {
      received.close();
    }
  },
  'file.send': (b) => {
    const session = b.session();
    const sent = sendPortfolio(session, sentCopyPath(session, dirname(session.path)), b.appVersion, {
      noReplace: true,
    });
    return { folder: dirname(sent.path), fileName: sent.fileName, bytes: sent.bytes };
  },
  'file.import': (b, a) => {
    const session = currentSession(b);
    const received = receive(a.source);
    try {
      const target = receivedCopyPath(session ? dirname(session.path) : process.cwd(), received.info.fileName);
      const path = importReceived(received, target, a.region);
      return { file: fileToken(path), fileName: basename(path) };
    } finally {
      received.close();
    }
  },
  'file.open': (b, a) => {
    if (!b.open) throw new UserError('Her kan der ikke skiftes til en anden fil.', 'refused');
    const session = b.open(filePath(a.file));
    return { fileName: basename(session.path) };
  },
  'merge.preview': (b, a) => {
    const session = b.session();
    const received = receive(a.source);
    mergePreviews.clear(session);
    try {
      const preview = previewMergeInto(session, received);
      const token = mergePreviews.put(session, { received, preview }, () => received.close());
      return { token, ...preview.review };
    } catch (err) {
      received.close();
      throw err;
    }
  },
  'merge.apply': (b, a) => {
    const session = b.session();
    return mergePreviews.take(
      session,
      a.token,
      ({ received, preview }) =>
        applyPreviewedMerge(session, received, preview, toChoices(a.resolutions, a.take)).change,
    );
  },
  'backups.list': (b) => listBackups(b.session().path),
  'backups.restore': (b, a) => restoreBackup(b.session(), a.fileName),
};
