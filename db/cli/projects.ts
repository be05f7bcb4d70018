/**
 * The CLI's project commands (db/cli/main.ts; docs/domain.md «Projects and monthly status»):
 * project (a card), status (a month's lights), report (the monthly status report). Every value is
 * parsed and the project found on a read-only look first, so a refusal changes nothing.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { formatMonth, parseMonth } from '../../shared/danish/month';
import {
  LIGHT_FIELD_NAMES,
  parseLight,
  parsePhase,
  parseRiskProfile,
  type LightField,
  type Parsed,
  type StatusReport,
} from '../../shared/domain/project';
import {
  exportStatusReport,
  openSession,
  projectLine,
  statusReport,
  updateProject,
  updateStatus,
  UserError,
  type ProjectChanges,
  type Session,
  type StatusChanges,
} from '../index';
import { parseCli } from './messages';
import { isPdf, writeReportPdf } from './print';
import { writeWorkbookFile } from './targets';

export const PROJECT_USAGE = `  puljeplan project <fil.sqlite> --line "<navn>" [--pool "<pulje>"] [--number 18-6] [--phase Gennemførelse] [--end 2024-03] [--start 2022-01] [--responsible RH] [--purpose "…"] [--risk A|B|C|-]
  puljeplan status <fil.sqlite> --line "<navn>" [--pool "<pulje>"] --month 2023-11 [--deliveries grøn|gul|rød|-] [--time …] [--money …] [--resources …] [--remark "…"]
  puljeplan report <fil.sqlite> [--month 2023-11] [--json] [--out status.xlsx|status.pdf] [--previous] [--overwrite]`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
export type Usage = (message: string) => Error;

export function session<T>(file: string, readonly: boolean, body: (s: Session) => T): T {
  if (!existsSync(file)) throw new UserError(`Filen «${basename(file)}» findes ikke.`);
  const s = openSession(file, { readonly });
  try {
    return body(s);
  } finally {
    if (readonly) s.db.close();
    else s.close();
  }
}

export function one(positionals: string[], command: string, usage: Usage): string {
  if (positionals.length !== 1) throw usage(`${command} kræver én porteføljefil.`);
  return positionals[0]!;
}

/** The value, or the parser's Danish message (naming the option) as a refusal. */
export function must<T>(result: Parsed<T>, option: string): T {
  if (!result.ok) throw new UserError(`--${option}: ${result.message}`);
  return result.value;
}

function month(text: string, option: string): string | null {
  return must(parseMonth(text), option);
}

/**
 * Writes changes to the project named by --line/--pool, found before the file is opened for
 * writing; with nothing to change the file is only read. Returns the project and whether it changed.
 */
export function change(
  file: string,
  line: string,
  pool: string | undefined,
  changes: object,
  write: (s: Session, id: string) => void,
) {
  const target = session(file, true, (s) => projectLine(s, line, pool));
  if (!Object.keys(changes).length) return { target, changed: false };
  const changed = session(file, false, (s) => {
    const before = s.revision;
    write(s, target.id);
    return s.revision !== before;
  });
  return { target, changed };
}

export function cmdProject(argv: string[], io: Io, usage: Usage): number {
  const { values, positionals } = parseCli(argv, {
    line: { type: 'string' },
    pool: { type: 'string' },
    number: { type: 'string' },
    phase: { type: 'string' },
    end: { type: 'string' },
    start: { type: 'string' },
    responsible: { type: 'string' },
    purpose: { type: 'string' },
    risk: { type: 'string' },
  });
  const file = one(positionals, 'project', usage);
  if (values.line === undefined) throw usage('project kræver --line "<navn>".');
  const changes: ProjectChanges = {};
  if (values.number !== undefined) changes.number = values.number.trim() === '-' ? null : values.number;
  if (values.phase !== undefined) changes.phase = must(parsePhase(values.phase), 'phase');
  if (values.start !== undefined) changes.start_month = month(values.start, 'start');
  if (values.end !== undefined) changes.end_month = month(values.end, 'end');
  if (values.responsible !== undefined) changes.responsible = values.responsible;
  if (values.purpose !== undefined) changes.purpose = values.purpose;
  if (values.risk !== undefined) changes.risk_profile = must(parseRiskProfile(values.risk), 'risk');
  const { target, changed } = change(file, values.line, values.pool, changes, (s, id) => updateProject(s, id, changes));
  const card = session(file, true, (s) => statusReport(s).projects.find((p) => p.name === target.name));
  io.out(`${target.name}: ${changed ? 'projektet er opdateret' : 'uændret'}${card ? ` (${cardText(card)})` : ''}.`);
  return 0;
}

function cardText(p: StatusReport['projects'][number]): string {
  const parts = [
    p.number && `nr. ${p.number}`,
    p.phase && `fase ${p.phase}`,
    p.start && `start ${formatMonth(p.start)}`,
    p.end && `slut ${formatMonth(p.end)}`,
    p.responsible && `ansvarlig ${p.responsible}`,
    p.riskReview.profile && `risikoprofil ${p.riskReview.profile}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'intet projektkort';
}

const LIGHT_OPTIONS: Record<LightField, string> = {
  deliveries: 'deliveries',
  time: 'time',
  money: 'money',
  resources: 'resources',
};

export function cmdStatus(argv: string[], io: Io, usage: Usage): number {
  const { values, positionals } = parseCli(argv, {
    line: { type: 'string' },
    pool: { type: 'string' },
    month: { type: 'string' },
    deliveries: { type: 'string' },
    time: { type: 'string' },
    money: { type: 'string' },
    resources: { type: 'string' },
    remark: { type: 'string' },
  });
  const file = one(positionals, 'status', usage);
  if (values.line === undefined || values.month === undefined)
    throw usage('status kræver --line "<navn>" og --month <måned>.');
  const at = month(values.month, 'month');
  if (at === null) throw new UserError('--month: angiv en måned, fx 2023-11.');
  const changes: StatusChanges = {};
  for (const [field, option] of Object.entries(LIGHT_OPTIONS) as [LightField, keyof typeof values][]) {
    const text = values[option];
    if (typeof text === 'string') changes[field] = must(parseLight(text), option);
  }
  if (values.remark !== undefined) changes.remark = values.remark;
  const { target } = change(file, values.line, values.pool, changes, (s, id) => updateStatus(s, id, at, changes));
  const p = session(file, true, (s) => statusReport(s, at).projects.find((x) => x.name === target.name));
  if (p) {
    const lights = (Object.keys(LIGHT_FIELD_NAMES) as LightField[])
      .map((f) => `${LIGHT_FIELD_NAMES[f].toLowerCase()} ${p.status[f]}`)
      .join(', ');
    io.out(`${target.name}, ${formatMonth(at)}: ${lights}; samlet ${p.status.overall}.`);
  }
  return 0;
}

/** `report --json` as scripts read it: the report without the card's purpose (only the workbook shows it). */
export function reportJson(report: StatusReport): string {
  return JSON.stringify({
    month: report.month,
    projects: report.projects.map(({ purpose: _p, lineId: _l, ...rest }) => rest),
  });
}

export async function cmdReport(argv: string[], io: Io, usage: Usage): Promise<number> {
  const { values, positionals } = parseCli(argv, {
    month: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    overwrite: { type: 'boolean' },
    previous: { type: 'boolean' },
    charts: { type: 'boolean' },
  });
  const file = one(positionals, 'report', usage);
  const at = values.month === undefined ? undefined : (month(values.month, 'month') ?? undefined);
  const report = session(file, true, (s) => statusReport(s, at));
  if (values.out !== undefined && isPdf(values.out)) {
    const options = { previous: values.previous ?? false, charts: values.charts ?? false };
    await writeReportPdf(report, file, values.out, { ...options, overwrite: values.overwrite ?? false }, io);
    if (!values.json) return 0;
  } else if (values.out !== undefined) {
    const out = values.out;
    await writeWorkbookFile(out, (tmp) => exportStatusReport(report, tmp), values.overwrite ?? false);
    io.out(`Skrev statusrapporten for ${formatMonth(report.month)} til ${basename(values.out)}.`);
    if (!values.json) return 0;
  }
  if (values.json) {
    io.out(reportJson(report));
    return 0;
  }
  io.out(`Statusrapport ${formatMonth(report.month)}`);
  for (const p of report.projects) {
    const lights = (['deliveries', 'time', 'money', 'resources', 'overall'] as const).map((f) => p.status[f].padEnd(5));
    const flag = p.riskReview.required ? '  ⚑ skal risikovurderes' : '';
    io.out(`${(p.number ?? '').padEnd(6)} ${p.name.slice(0, 50).padEnd(50)} ${lights.join(' ')}${flag}`);
  }
  return 0;
}
