/**
 * Puljeplan's headless CLI over the same backend code as the app.
 * Exit codes: 0 success; 1 bad input or a refused file (one Danish line on stderr, nothing
 * changed); 2 usage error; 3 merge conflicts (nothing changed).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import {
  aboutFile,
  checkFileAccess,
  checkNewFile,
  parseCli,
  quietOnClosedPipe,
  systemMessage,
  usageMessage,
} from './messages';
import { parseAmount, parseYear, formatAmount } from '../../shared/danish/number';
import { count } from '../../shared/danish/text';
import { REGION_CODES, type RegionCode } from '../../shared/domain/model';
import { shortened, textLimitError } from '../../shared/domain/limits';
import { hasSubLinesMessage, sameName } from '../../shared/domain/names';
import { summarize } from '../../shared/domain/summary';
import { thousandsToKroner } from '../../shared/domain/money';
import {
  applyImport,
  conflictMessage,
  createPortfolio,
  mismatchMessage,
  openSession,
  previewImport,
  previewSessionImport,
  readImport,
  rescueFile,
  setAmount,
  UserError,
  type Session,
} from '../index';
import { exportToFile, importIntoNewFile, previewText, readWorkbookBytes, yearsOption } from './excel';
import { SHARE_USAGE, cmdCheck, cmdMerge, cmdSend } from './share';
import { PROJECT_USAGE, cmdProject, cmdReport, cmdStatus } from './projects';
import { STATUS_IMPORT_USAGE, cmdReportImport } from './status-import';
import { PRINT_USAGE, cmdPrint } from './print';
import { MILESTONE_USAGE, cmdMilestone, cmdRisk } from './milestones';
import { tellMovedAside } from './targets';

const USAGE = `Brug:
  puljeplan new <fil.sqlite> [--example] [--title "<titel>"] [--region RH|RSJ|RSD|RM|RN]
  puljeplan summary <fil.sqlite> [--json]
  puljeplan set <fil.sqlite> --line "<navn>" [--pool "<pulje>"] --year <år> --amount "<beløb>"
  puljeplan import <bilag.xlsx> --db <fil.sqlite> [--dry-run] [--force] [--remove-missing] [--json]
  puljeplan export <fil.sqlite> --out <bilag.xlsx> [--per-pool] [--years 2022,2023] [--descriptions] [--overwrite]
  puljeplan rescue <fil.sqlite> --out <ny.sqlite>
${SHARE_USAGE}
${PROJECT_USAGE}
${STATUS_IMPORT_USAGE}
${PRINT_USAGE}
${MILESTONE_USAGE}
  (set, send, merge: [--region RH|RSJ|RSD|RM|RN]: who is writing; else PULJEPLAN_REGION or the app's setting)`;

class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function positional(list: string[], what: string): string {
  if (list.length !== 1)
    throw new UsageError(list.length ? `Der er for mange argumenter: ${list.slice(1).join(' ')}` : `Angiv ${what}.`);
  return list[0]!;
}

function withSession<T>(file: string, readonly: boolean, body: (s: Session) => T): T {
  checkFileAccess(file, !readonly);
  return aboutFile(file, () => {
    const session = openSession(file, { readonly });
    try {
      return body(session);
    } finally {
      if (readonly) session.db.close();
      else session.close();
    }
  });
}

function cmdNew(argv: string[], io: Io): void {
  const { values, positionals } = parseCli(argv, {
    example: { type: 'boolean' },
    title: { type: 'string' },
    region: { type: 'string' },
  });
  const file = positional(positionals, 'filen, der skal oprettes');
  if (values.region !== undefined && !(REGION_CODES as readonly string[]).includes(values.region)) {
    throw new UserError(`Ukendt region «${shortened(values.region)}». Vælg en af ${REGION_CODES.join(', ')}.`);
  }
  const tooLong = values.title === undefined ? null : textLimitError('title', values.title);
  if (tooLong) throw new UserError(`«${basename(file)}» er ikke oprettet: ${tooLong} Skriv en kortere --title.`);
  checkNewFile(file);
  const { movedAside } = aboutFile(file, () =>
    createPortfolio(file, {
      example: values.example ?? false,
      title: values.title,
      region: values.region as RegionCode | undefined,
    }),
  );
  io.out(`Oprettede ${basename(file)}${values.example ? ' med eksemplet (Bilag 1)' : ''}.`);
  tellMovedAside(io, file, movedAside);
}

function cmdSummary(argv: string[], io: Io): void {
  const { values, positionals } = parseCli(argv, { json: { type: 'boolean' } });
  const file = positional(positionals, 'porteføljefilen');
  const snap = withSession(file, true, (s) => s.snapshot());
  const summary = summarize(snap);
  if (values.json) {
    io.out(JSON.stringify(summary));
    return;
  }
  const fmt = (n: number) => formatAmount(thousandsToKroner(n));
  const width = Math.max(
    30,
    ...summary.pools.flatMap((p) => [p.name.length + 6, ...p.lines.map((l) => l.name.length + 2)]),
  );
  const row = (name: string, amounts: Record<string, number>) =>
    name.padEnd(width) +
    summary.years.map((y) => fmt(amounts[y] ?? 0).padStart(10)).join('') +
    fmt(Object.values(amounts).reduce((a, b) => a + b, 0)).padStart(10);
  io.out(`${snap.meta.title} (${snap.meta.region})`);
  io.out(
    'Beløb i 1.000 kr'.padEnd(width) + summary.years.map((y) => String(y).padStart(10)).join('') + 'I alt'.padStart(10),
  );
  for (const pool of summary.pools) {
    io.out('');
    io.out(pool.name);
    for (const line of pool.lines) io.out(row(`${line.depth ? '  - ' : ''}${line.name}`, line.amounts));
    io.out(row(`${pool.name} i alt`, pool.totals));
  }
  io.out('');
  io.out(row('Total', summary.totals));
}

function cmdSet(argv: string[], io: Io): void {
  const { values, positionals } = parseCli(argv, {
    line: { type: 'string' },
    pool: { type: 'string' },
    year: { type: 'string' },
    amount: { type: 'string' },
  });
  const file = positional(positionals, 'porteføljefilen');
  if (values.line === undefined || values.year === undefined || values.amount === undefined) {
    throw new UsageError('set kræver --line, --year og --amount.');
  }
  const year = parseYear(values.year);
  if (year === null) throw new UserError(`«${values.year}» er ikke et årstal.`);
  // A lone `-` is zero in an annex's cell, but on a command line it is a value left out.
  if (/^[-\u2212\u2013]$/.test(values.amount.trim()))
    throw new UserError('--amount «-» er ikke et beløb. Skriv 0 for nul, eller fx -250 for et negativt beløb.');
  const amount = parseAmount(values.amount);
  if (!amount.ok) throw new UserError(amount.message);
  const lineName = values.line;
  const poolName = values.pool;
  // Find the cell in a read-only look first, so a refused command never opens the file for writing.
  const target = withSession(file, true, (session) => {
    const snap = session.snapshot();
    const pools = poolName === undefined ? snap.pools : snap.pools.filter((p) => sameName(p.name, poolName));
    if (poolName !== undefined && !pools.length) throw new UserError(`Puljen «${shortened(poolName)}» findes ikke.`);
    const poolIds = new Set(pools.map((p) => p.id));
    const matches = snap.lines.filter((l) => poolIds.has(l.poolId) && sameName(l.name, lineName));
    if (!matches.length)
      throw new UserError(
        `Linjen «${shortened(lineName)}» findes ikke${poolName ? ` i puljen «${shortened(poolName)}»` : ''}.`,
      );
    if (matches.length > 1) {
      const names = matches.map((m) => snap.pools.find((p) => p.id === m.poolId)?.name).join(', ');
      throw new UserError(`Linjen «${shortened(lineName)}» findes i flere puljer (${names}). Angiv --pool.`);
    }
    const line = matches[0]!;
    if (!snap.years.includes(year))
      throw new UserError(`År ${year} findes ikke i porteføljen (${snap.years.join(', ')}).`);
    if (snap.lines.some((l) => l.parentId === line.id)) {
      throw new UserError(hasSubLinesMessage(line.name));
    }
    return line;
  });
  const old = target.amounts[year] ?? null;
  if (old === amount.value) {
    io.out(`${target.name} ${year}: uændret (${formatAmount(old) || 'tom'})`);
    return;
  }
  withSession(file, false, (session) => {
    setAmount(session, target.id, year, amount.value);
  });
  io.out(`${target.name} ${year}: ${formatAmount(old) || 'tom'} → ${formatAmount(amount.value) || 'tom'}`);
}

async function cmdImport(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCli(argv, {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    'remove-missing': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const annex = positional(positionals, 'projektmappen (.xlsx), der skal importeres');
  if (values.db === undefined) throw new UsageError('import kræver --db <fil.sqlite>.');
  const file = values.db;
  const fileName = basename(annex);
  const removeMissing = values['remove-missing'] ?? false;
  // The app's two steps (db/excel/handlers.ts): read and preview the workbook, then apply what was read.
  const read = await readImport(readWorkbookBytes(annex), fileName);
  const isNew = !existsSync(file);
  if (isNew) checkNewFile(file);
  // Everything that can refuse is decided on a read-only look, so a refusal leaves the file as it was.
  const { preview, conflicts } = isNew
    ? previewImport({ years: [], pools: [], lines: [] }, read, fileName)
    : withSession(file, true, (s) => previewSessionImport(s, read, fileName));
  if (values['dry-run'] || (read.mismatches.length && !values.force)) {
    if (values.json) io.out(JSON.stringify(preview));
    else for (const line of previewText(preview, basename(file))) io.out(line);
    if (values['dry-run']) return;
    throw new UserError(mismatchMessage(read.mismatches, 'brug --force'));
  }
  const conflict = removeMissing ? undefined : conflicts[0];
  if (conflict) throw new UserError(conflictMessage(conflict, 'Brug --remove-missing'));
  const movedAside = isNew ? importIntoNewFile(file, read, fileName, removeMissing) : [];
  if (!isNew)
    withSession(file, false, (s) => applyImport(s, read, fileName, { removeMissing, acceptMismatches: true }));
  const removed = removeMissing ? preview.missing.length : 0;
  io.out(
    `${isNew ? 'Oprettede' : 'Opdaterede'} ${basename(file)} fra «${fileName}»: ${count(preview.added.length, 'ny linje', 'nye linjer')}, ` +
      `${count(preview.changed.length, 'ændret beløb', 'ændrede beløb')}, ${count(preview.newYears.length, 'nyt år', 'nye år')}, ${count(removed, 'fjernet linje', 'fjernede linjer')}.`,
  );
  tellMovedAside(io, file, movedAside);
}

async function cmdExport(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCli(argv, {
    out: { type: 'string' },
    'per-pool': { type: 'boolean' },
    years: { type: 'string' },
    descriptions: { type: 'boolean' },
    overwrite: { type: 'boolean' },
  });
  const file = positional(positionals, 'porteføljefilen');
  if (values.out === undefined) throw new UsageError('export kræver --out <bilag.xlsx>.');
  const years = yearsOption(values.years);
  const snap = withSession(file, true, (s) => s.snapshot());
  await exportToFile(
    snap,
    { perPool: values['per-pool'] ?? false, years, descriptions: values.descriptions ?? false },
    values.out,
    values.overwrite ?? false,
  );
  io.out(`Eksporterede ${basename(file)} til ${basename(values.out)}.`);
}

/** «Åbn en renset kopi»: a refused file's checked rows into a new file (db/share/rescue.ts). */
function cmdRescue(argv: string[], io: Io): void {
  const { values, positionals } = parseCli(argv, { out: { type: 'string' } });
  const file = positional(positionals, 'porteføljefilen');
  if (values.out === undefined) throw new UsageError('rescue kræver --out <ny.sqlite>.');
  const { info, file: made, dropped } = rescueFile(file, values.out);
  io.out(
    `Lavede ${made.fileName} fra ${basename(file)}: ${count(info.pools, 'pulje', 'puljer')}, ${count(info.lines, 'linje', 'linjer')}${dropped.length ? `; udeladt: ${dropped.join(', ')}` : ''}.`,
  );
  tellMovedAside(io, values.out, made.movedAside);
}

/** Every command, the asynchronous ones (import, export) included: what `npm run cli` runs. */
export async function runCliAsync(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'report') return cmdReport(rest, io, (m) => new UsageError(m)).catch((err) => failure(err, io));
  if (command === 'report-import')
    return cmdReportImport(rest, io, (m) => new UsageError(m)).catch((err) => failure(err, io));
  if (command === 'print') return cmdPrint(rest, io, (m) => new UsageError(m)).catch((err) => failure(err, io));
  if (command !== 'import' && command !== 'export') return runCli(argv, io);
  try {
    await (command === 'import' ? cmdImport(rest, io) : cmdExport(rest, io));
    return 0;
  } catch (err) {
    return failure(err, io);
  }
}

function failure(err: unknown, io: Io): number {
  const e = err as Error & { code?: string };
  if (err instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
    io.err(`${usageMessage(err) ?? e.message.split('\n')[0]}\n${USAGE}`);
    return 2;
  }
  if (err instanceof UserError) {
    io.err(e.message);
    return 1;
  }
  const system = systemMessage(err);
  if (system) {
    io.err(system);
    return 1;
  }
  io.err(`Uventet fejl: ${e.message.split('\n')[0]}`);
  return 1;
}

/** The synchronous commands (new, summary, set); import and export need runCliAsync. */
/**
 * `--region X` on set, send and merge: who is writing (the person's region, db/share/person.ts),
 * for this command only; without it PULJEPLAN_REGION or the app's settings file tells. Taken out
 * of the arguments before the command reads them. (On `new` it is the portfolio's own region.)
 */
function writerRegion(command: string | undefined, rest: string[]): { rest: string[]; restore: () => void } {
  const i = rest.indexOf('--region');
  if (command === 'new' || i < 0) return { rest, restore: () => {} };
  const region = rest[i + 1];
  if (region === undefined || !(REGION_CODES as readonly string[]).includes(region)) {
    throw new UserError(`Ukendt region «${shortened(region ?? '')}». Vælg en af ${REGION_CODES.join(', ')}.`);
  }
  const before = process.env.PULJEPLAN_REGION;
  process.env.PULJEPLAN_REGION = region;
  const restore = () => {
    if (before === undefined) delete process.env.PULJEPLAN_REGION;
    else process.env.PULJEPLAN_REGION = before;
  };
  return { rest: [...rest.slice(0, i), ...rest.slice(i + 2)], restore };
}

export function runCli(argv: string[], io: Io): number {
  const [command, ...args] = argv;
  let restore = () => {};
  try {
    const w = writerRegion(command, args);
    restore = w.restore;
    const rest = w.rest;
    switch (command) {
      case 'new':
        cmdNew(rest, io);
        return 0;
      case 'summary':
        cmdSummary(rest, io);
        return 0;
      case 'set':
        cmdSet(rest, io);
        return 0;
      case 'rescue':
        cmdRescue(rest, io);
        return 0;
      case 'check':
        return cmdCheck(rest, io, (m) => new UsageError(m));
      case 'send':
        return cmdSend(rest, io, (m) => new UsageError(m));
      case 'merge':
        return cmdMerge(rest, io, (m) => new UsageError(m));
      case 'project':
        return cmdProject(rest, io, (m) => new UsageError(m));
      case 'status':
        return cmdStatus(rest, io, (m) => new UsageError(m));
      case 'milestone':
        return cmdMilestone(rest, io, (m) => new UsageError(m));
      case 'risk':
        return cmdRisk(rest, io, (m) => new UsageError(m));
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        (command ? io.out : io.err)(USAGE);
        return command ? 0 : 2;
      case 'import':
      case 'export':
        throw new UsageError(`«${command}» læser og skriver Excel-filer asynkront; kald runCliAsync.`);
      default:
        throw new UsageError(`Ukendt kommando «${shortened(command)}».`);
    }
  } catch (err) {
    return failure(err, io);
  } finally {
    restore();
  }
}

// Run directly: from source (main.ts) or as the bundle build/cli.mjs runs (dist/cli/main.mjs).
const noExt = (s: string) => s.replace(/\.(ts|mjs)$/, '');
const isMain = process.argv[1] && noExt(import.meta.url).endsWith('/' + noExt(basename(process.argv[1])));
if (isMain) {
  quietOnClosedPipe();
  void runCliAsync(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
