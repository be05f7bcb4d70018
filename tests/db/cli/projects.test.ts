/**
 * The CLI's project commands (docs/domain.md «Projects and monthly status»): `project`, `status`
 * and `report --json` in the exact shape; a bad value or an unknown line is one Danish line,
 * exit 1, and the file unchanged byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliInProcess } from './in-process';
import ExcelJS from 'exceljs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const KIIT = 'Klinisk immunologisk IT (KIIT) (Blodbank)';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-cli-projects-'));
  file = join(dir, 'bilag1.sqlite');
  expect((await cli('new', file, '--example')).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliInProcess;

async function reportJson(...extra: string[]) {
  const r = await cli('report', file, '--json', ...extra);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as { month: string; projects: Record<string, unknown>[] };
}

describe('cli project, status and report', () => {
  it('a card and a month’s lights come back in report --json, with the month before beside them', async () => {
    const card = await cli(
      'project',
      file,
      '--line',
      KIIT,
      '--number',
      '18-6',
      '--phase',
      'Gennemførelse',
      '--end',
      'Mar 24',
      '--start',
      '2020-01',
      '--responsible',
      'RH',
      '--purpose',
      'Blodbank og immunologi',
      '--risk',
      'B',
    );
    expect(card).toMatchObject({ code: 0, err: [] });
    expect(card.out).toBe(
      `${KIIT}: projektet er opdateret (nr. 18-6, fase Gennemførelse, start jan. 2020, slut mar. 2024, ansvarlig RH, risikoprofil B).`,
    );
    expect((await cli('status', file, '--line', KIIT, '--month', '2023-10', '--deliveries', 'gul')).code).toBe(0);
    const status = await cli(
      'status',
      file,
      '--line',
      KIIT,
      '--month',
      'nov. 2023',
      '--deliveries',
      'rød',
      '--time',
      'rød',
      '--money',
      'rød',
      '--resources',
      '-',
      '--remark',
      'Rød status.',
    );
    expect(status.out).toBe(`${KIIT}, nov. 2023: leverancer rød, tid rød, penge rød, ressourcer -; samlet rød.`);

    const report = await reportJson();
    expect(report.month).toBe('2023-11');
    expect(report.projects).toHaveLength(11);
    expect(report.projects.find((p) => p.name === KIIT)).toEqual({
      number: '18-6',
      name: KIIT,
      pool: 'Fællesregionale projekter',
      phase: 'Gennemførelse',
      start: '2020-01',
      end: '2024-03',
      responsible: 'RH',
      status: { deliveries: 'rød', time: 'rød', money: 'rød', resources: '-', overall: 'rød' },
      previous: { deliveries: 'gul', time: '-', money: '-', resources: '-', overall: 'gul' },
      remark: 'Rød status.',
      total: 8500,
      riskReview: { required: false, reason: null, profile: 'B' },
    });
    expect((await reportJson('--month', '2023-10')).projects.find((p) => p.name === KIIT)).toMatchObject({
      status: { deliveries: 'gul', overall: 'gul' },
      previous: null,
      remark: '',
    });
  });

  it.each([
    [
      ['status', '--line', KIIT, '--month', '2023-11', '--time', 'lilla'],
      '--time: «lilla» er ikke en status. Skriv grøn, gul, rød eller - (ikke vurderet).',
    ],
    [
      ['status', '--line', KIIT, '--month', '2023-13', '--time', 'rød'],
      '--month: «2023-13» er ikke en måned. Skriv fx apr 24, apr. 2024, 04-2024 eller 2024-04.',
    ],
    [
      ['status', '--line', 'KIIT', '--month', '2023-11', '--time', 'rød'],
      'Projektet «KIIT» findes ikke: angiv navnet på en linje øverst i en pulje.',
    ],
    [
      ['project', '--line', KIIT, '--phase', 'Drift'],
      '--phase: «Drift» er ikke en fase. Vælg en af Idé, Analyse, Gennemførelse, Afsluttet, Pauseret.',
    ],
    [['project', '--line', KIIT, '--risk', 'D'], '--risk: «D» er ikke en risikoprofil. Vælg en af A, B, C.'],
    [['project', '--line', KIIT, '--pool', 'Ukendt', '--number', '1-1'], 'Puljen «Ukendt» findes ikke.'],
    [
      ['project', '--line', 'MUSE EKG fase 1', '--number', '1-1'],
      'Projektet «MUSE EKG fase 1» findes ikke: angiv navnet på en linje øverst i en pulje.',
    ],
  ])('%j is one Danish line, exit 1, nothing changed', async ([command, ...args], message) => {
    const before = readFileSync(file);
    const r = await cli(command!, file, ...args);
    expect(r).toMatchObject({ code: 1, err: [message] });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a project number used twice is refused, naming the project that has it', async () => {
    await cli('project', file, '--line', KIIT, '--number', '18-6');
    const r = await cli('project', file, '--line', 'Labrek (Laboratorie)', '--number', '18-6');
    expect(r).toMatchObject({ code: 1, err: [`Projektnummer 18-6 bruges allerede af «${KIIT}».`] });
  });

  it('report --out writes the seed-000 layout: headings, lights as words on their colours, A4 landscape', async () => {
    const out = join(dir, 'status.xlsx');
    const r = await cli('report', file, '--out', out);
    expect(r).toMatchObject({ code: 0, out: 'Skrev statusrapporten for nov. 2023 til status.xlsx.' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Statusrapport nov. 2023');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Nr.',
      'Projekt',
      'Slutdato',
      'Fase',
      'Leverancer',
      'Tid',
      'Penge',
      'Ressourcer',
      'Bemærkninger',
      'Formål',
    ]);
    const kiit = ws.getRow(5);
    expect((kiit.values as unknown[]).slice(1, 9)).toEqual([
      '18-6',
      KIIT,
      'mar. 2024',
      'Gennemførelse',
      'rød',
      'rød',
      'rød',
      'ikke vurderet',
    ]);
    expect(kiit.getCell(5).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFF0000' } });
    expect(kiit.getCell(8).fill).not.toMatchObject({ pattern: 'solid' });
    expect(kiit.getCell(10).value).toBe('Konsolidering af blodbanks/immunologiske it-systemer i Danmark.');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });

  it('report --out never replaces a portfolio, and an existing workbook only with --overwrite', async () => {
    const before = readFileSync(file);
    const onPortfolio = await cli('report', file, '--out', file, '--overwrite');
    expect(onPortfolio.code).toBe(1);
    expect(onPortfolio.err.join('\n')).toMatch(/portefølje/);
    expect(readFileSync(file).equals(before), 'the portfolio is byte-identical').toBe(true);

    const out = join(dir, 'status.xlsx');
    expect((await cli('report', file, '--out', out)).code).toBe(0);
    const first = readFileSync(out);
    const again = await cli('report', file, '--out', out);
    expect(again).toMatchObject({ code: 1, err: [expect.stringContaining('--overwrite')] });
    expect(readFileSync(out).equals(first)).toBe(true);
    expect((await cli('report', file, '--out', out, '--overwrite')).code).toBe(0);
  });

  it('project without values shows the card and leaves the file untouched', async () => {
    const before = readFileSync(file);
    const r = await cli('project', file, '--line', 'Labrek (Laboratorie)');
    expect(r).toMatchObject({
      code: 0,
      out: 'Labrek (Laboratorie): uændret (fase Afsluttet, slut jan. 2023, ansvarlig RN, risikoprofil B).',
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('status without --month is a usage error (exit 2)', async () => {
    const r = await cli('status', file, '--line', KIIT);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^status kræver --line "<navn>" og --month <måned>\./);
  });

  it('as a real process: status, then report --json on stdout, and a bad light exits 1', () => {
    const run = (...argv: string[]) => {
      const r = spawnSync('npm', ['run', '--silent', 'cli', '--', ...argv], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      return {
        status: r.status,
        stdout: r.stdout,
        err: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')),
      };
    };
    expect(run('status', file, '--line', KIIT, '--month', '2023-11', '--time', 'gul').status).toBe(0);
    const report = run('report', file, '--json');
    expect(report.status).toBe(0);
    const json = JSON.parse(report.stdout) as { projects: { name: string; status: { time: string } }[] };
    expect(json.projects.find((p) => p.name === KIIT)?.status.time).toBe('gul');
    const bad = run('status', file, '--line', KIIT, '--month', '2023-11', '--time', 'lilla');
    expect(bad.status).toBe(1);
    expect(bad.err).toHaveLength(1);
  });
});
