/**
 * The CLI's file-sharing commands (db/cli/main.ts): check, send, merge. `merge` updates mine and never
 * writes theirs; with conflicts and no --take it prints them, changes nothing and returns 3.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatAmount } from '../../shared/danish/number';
import { count } from '../../shared/danish/text';
import { regionName } from '../../shared/domain/model';
import {
  applyPreviewedMerge,
  describeReceived,
  isOpenElsewhere,
  openSession,
  previewMergeInto,
  receiveFile,
  sameFile,
  sendPortfolio,
  sentCopyPath,
  UserError,
  type MergeReview,
} from '../index';
import { checkFileAccess, parseCli } from './messages';
import { existsMessage, tellMovedAside } from './targets';

export const SHARE_USAGE = `  puljeplan check <fil.sqlite>
  puljeplan send <fil.sqlite> --out <kopi.sqlite | mappe> [--overwrite]
  puljeplan merge <min.sqlite> <deres.sqlite> [--dry-run] [--json] [--take mine|theirs]`;

export const EXIT_CONFLICTS = 3;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
type Usage = (message: string) => Error;

function appVersion(): string {
  const pkg = fileURLToPath(new URL('../../package.json', import.meta.url));
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

export function cmdCheck(argv: string[], io: Io, usage: Usage): number {
  const { positionals } = parseCli(argv, {});
  if (positionals.length !== 1) throw usage('check kræver én fil: puljeplan check <fil.sqlite>.');
  const received = receiveFile(positionals[0]!);
  try {
    io.out(describeReceived(received.info));
  } finally {
    received.close();
  }
  return 0;
}

export function cmdSend(argv: string[], io: Io, usage: Usage): number {
  const { values, positionals } = parseCli(argv, { out: { type: 'string' }, overwrite: { type: 'boolean' } });
  if (positionals.length !== 1 || values.out === undefined) throw usage('send kræver en fil og --out <kopi.sqlite>.');
  const overwrite = values.overwrite ?? false;
  const file = positionals[0]!;
  if (!existsSync(file)) throw new UserError(`Filen «${basename(file)}» findes ikke.`);
  const session = openSession(file, { readonly: true });
  try {
    const out =
      existsSync(values.out) && statSync(values.out).isDirectory() ? sentCopyPath(session, values.out) : values.out;
    // A file open elsewhere is refused even with --overwrite (db/core/atomic-file.ts), with its own message.
    if (!overwrite && existsSync(out) && !isOpenElsewhere(out)) throw new UserError(existsMessage(out));
    const sent = sendPortfolio(session, out, appVersion(), { noReplace: !overwrite });
    io.out(
      `Sendekopien «${sent.fileName}» er skrevet (${Math.round(sent.bytes / 1024)} KB) i ${dirname(resolve(sent.path))}.`,
    );
    tellMovedAside(io, out, sent.movedAside);
  } finally {
    session.db.close();
  }
  return 0;
}

const shown = (v: string | number | null) => (v === null ? 'tom' : typeof v === 'number' ? formatAmount(v) : `«${v}»`);

function reviewText(r: MergeReview, mine: string): string[] {
  const out = [
    `Fletning af «${r.fileName}» (${regionName(r.from.region)}) ind i «${mine}»${r.sharedHistory ? '' : ' – filerne har ingen fælles historik'}`,
  ];
  const list = <T>(heading: string, items: T[], line: (x: T) => string) => {
    if (!items.length) return;
    out.push('', `${heading} (${items.length}):`);
    for (const x of items.slice(0, 50)) out.push(`  ${line(x)}`);
    if (items.length > 50) out.push(`  … og ${items.length - 50} flere`);
  };
  list(
    'Konflikter',
    r.conflicts,
    (c) =>
      `${c.pool}: ${c.line}${c.year ? ` ${c.year}` : ''} [${c.label ?? c.kind}]: min ${shown(c.mine)}, deres ${shown(c.theirs)}`,
  );
  const taken = r.changes.flatMap((l) =>
    l.cells.filter((c) => c.outcome === 'theirs').map((c) => ({ ...c, line: l.line, pool: l.pool })),
  );
  list(
    'Ændringer fra dem',
    taken,
    (c) =>
      `${c.pool}: ${c.line}${c.year ? ` ${c.year}` : ` (${c.label ?? c.field})`}: ${shown(c.mine)} → ${shown(c.theirs)}`,
  );
  list('Nye linjer fra dem', r.onlyTheirs, (l) => `${l.pool}: ${l.parent ? `${l.parent} / ` : ''}${l.line}`);
  list('Linjer, kun jeg har', r.onlyMine, (l) => `${l.pool}: ${l.line}`);
  list(
    'Slettede linjer',
    r.deletions,
    (d) =>
      `${d.pool}: ${d.line} (slettet af ${d.by === 'mine' ? 'mig' : 'dem'}${d.outcome === 'conflict' ? ', konflikt' : ''})`,
  );
  if (r.newYears.length) out.push('', `Nye år: ${r.newYears.join(', ')}`);
  if (r.newPools.length) out.push('', `Nye puljer: ${r.newPools.join(', ')}`);
  return out;
}

export function cmdMerge(argv: string[], io: Io, usage: Usage): number {
  const { values, positionals } = parseCli(argv, {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    take: { type: 'string' },
  });
  if (positionals.length !== 2) throw usage('merge kræver to filer: puljeplan merge <min.sqlite> <deres.sqlite>.');
  const [mine, theirs] = positionals as [string, string];
  const take = values.take;
  if (take !== undefined && take !== 'mine' && take !== 'theirs') throw usage('--take skal være mine eller theirs.');
  if (sameFile(mine, theirs))
    throw new UserError(
      `«${basename(mine)}» er angivet både som min og deres fil; det er den samme fil. Angiv den modtagne fil som den anden.`,
    );
  checkFileAccess(mine, !(values['dry-run'] ?? false));
  const received = receiveFile(theirs);
  try {
    const dry = values['dry-run'] ?? false;
    const session = openSession(mine, { readonly: dry });
    try {
      // The app's two steps (db/share/handlers.ts): preview the merge, then apply what was previewed.
      const preview = previewMergeInto(session, received);
      const resolvedByTake = take !== undefined;
      if (values.json) io.out(JSON.stringify(preview.review));
      else for (const line of reviewText(preview.review, basename(mine))) io.out(line);
      if (preview.unresolved.length && !resolvedByTake) {
        io.err(
          `${count(preview.unresolved.length, 'konflikt', 'konflikter')}; intet er ændret. Afgør dem i Puljeplan, eller brug --take mine|theirs.`,
        );
        return EXIT_CONFLICTS;
      }
      if (dry) return 0;
      const { plan } = applyPreviewedMerge(session, received, preview, { take: take as 'mine' | 'theirs' | undefined });
      if (!values.json)
        io.out(
          `\nFlettede «${basename(theirs)}» ind i «${basename(mine)}»: ${count(plan.review.counts.fromTheirs, 'værdi', 'værdier')} fra dem, ${count(plan.review.counts.conflicts, 'konflikt', 'konflikter')} afgjort.`,
        );
      return 0;
    } finally {
      if (dry) session.db.close();
      else session.close();
    }
  } finally {
    received.close();
  }
}
