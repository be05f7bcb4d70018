/**
 * The CLI's `import` and `export` (db/cli/main.ts runCliAsync): the fixture annex becomes the example
 * portfolio; --dry-run and every refusal leave the portfolio file byte-identical (and create no
 * file); a workbook whose totals disagree is refused without --force; export then import again
 * gives the same summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../../db/core/backup';
import { runCliAsync } from '../../../db/cli/main';
import * as commands from '../../../db/core/commands';
import { openSession } from '../../../db/index';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// The annex fixture: the repository's copy, else the shared one it was copied from.
const IN_REPO = join(ROOT, 'tests/fixtures/bilag1-2022-2023.xlsx');
const fixture = existsSync(IN_REPO) ? IN_REPO : '/work/shared/fixtures/bilag1-2022-2023.xlsx';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-cli-excel-'));
  file = join(dir, 'bilag1.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliAsync(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

async function summary(path: string) {
  const r = await cli('summary', path, '--json');
  expect(r.code, r.err.join('\n')).toBe(0);
  return JSON.parse(r.out[0]!) as { years: number[]; pools: unknown[]; totals: Record<string, number> };
}

async function example(path = file) {
  expect((await cli('new', path, '--example')).code).toBe(0);
  return summary(path);
}

/** A refusal: exit 1, one Danish line on stderr, and the file byte-identical (or still absent). */
async function refused(argv: string[], message: RegExp, path = file) {
  const before = existsSync(path) ? readFileSync(path) : null;
  const r = await cli(...argv);
  expect(r.code).toBe(1);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toContain('\n');
  expect(r.err[0]).toMatch(message);
  if (before) expect(readFileSync(path).equals(before), 'the file is byte-identical').toBe(true);
  else expect(existsSync(path)).toBe(false);
  expect(readdirSync(dir).filter((f) => /importeres|\.tmp$|-wal$|-shm$/.test(f))).toEqual([]);
  return r;
}

/** The fixture with one total changed, as a hand-edited workbook would have it. */
async function withWrongTotal(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixture);
  wb.getWorksheet('Bilag 1')!.getCell('B17').value = { formula: 'SUM(B12:B16)', result: 10600 };
  const path = join(dir, 'forkert-total.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('import', () => {
  it('imports the fixture annex into a new file with exactly the example figures', async () => {
    const r = await cli('import', fixture, '--db', file);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toEqual([
      'Oprettede bilag1.sqlite fra «bilag1-2022-2023.xlsx»: 13 nye linjer, 0 ændrede beløb, 2 nye år, 0 fjernede linjer.',
    ]);
    const imported = await summary(file);
    expect(imported.totals).toEqual({ 2022: 28050, 2023: 11600 });
    expect(imported).toEqual(await example(join(dir, 'eksempel.sqlite')));
    // The annex's title becomes the portfolio's.
    const session = openSession(file);
    try {
      expect(session.snapshot().meta.title).toBe(
        'Bilag 1. Udmøntning af midler til nationale og tværregionale projekter',
      );
    } finally {
      session.close();
    }
  });

  it('--dry-run prints the preview and changes nothing, as text or JSON', async () => {
    await example();
    const before = readFileSync(file);
    const text = await cli('import', fixture, '--db', file, '--dry-run');
    expect(text.code).toBe(0);
    expect(text.out.join('\n')).toContain('Porteføljen har allerede det, projektmappen indeholder.');
    const json = await cli('import', fixture, '--db', file, '--dry-run', '--json');
    expect(JSON.parse(json.out[0]!)).toMatchObject({
      fileName: 'bilag1-2022-2023.xlsx',
      years: [2022, 2023],
      added: [],
      changed: [],
      missing: [],
    });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(backupDir(file))).toBe(false);
    const fresh = join(dir, 'ny.sqlite');
    expect((await cli('import', fixture, '--db', fresh, '--dry-run')).out.join('\n')).toMatch(/Nye linjer \(13\)/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('--dry-run names a line renamed since as «samme linje?» and what a missing line would lose', async () => {
    await example();
    const session = openSession(file);
    const kiit = session.snapshot().lines.find((l) => l.name.startsWith('Klinisk immunologisk IT'))!;
    session.run((db) => commands.renameLine(db, { lineId: kiit.id, name: 'KIIT – blodbank' }));
    session.close();
    const text = (await cli('import', fixture, '--db', file, '--dry-run')).out.join('\n');
    expect(text).toContain(`Fællesregionale projekter: «KIIT – blodbank» hedder «${kiit.name}» i projektmappen`);
    expect(text).toContain(
      'Fællesregionale projekter: KIIT – blodbank (mister beskrivelse, projektkort, 1 statusmåned, 1 risikoaktivitet)',
    );
  });

  it('a bad workbook exits 1 with one Danish line and leaves the portfolio as it was', async () => {
    await example();
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'dette er ikke en projektmappe');
    await refused(['import', bad, '--db', file], /«bad\.xlsx».*(Excel|projektmappe)/);
    await refused(['import', bad, '--db', join(dir, 'ny.sqlite')], /«bad\.xlsx»/, join(dir, 'ny.sqlite'));
    await refused(['import', join(dir, 'mangler.xlsx'), '--db', file], /^Filen «mangler\.xlsx» findes ikke\.$/);
  });

  it('a title cell past the limit of a title is refused naming its cell, and no file is made', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture);
    wb.getWorksheet('Bilag 1')!.getCell('A1').value = 'T'.repeat(100_000);
    const long = join(dir, 'lang-titel.xlsx');
    await wb.xlsx.writeFile(long);
    await refused(
      ['import', long, '--db', join(dir, 'ny.sqlite')],
      /^Bilag 1!A1: .*højst have 300 tegn/,
      join(dir, 'ny.sqlite'),
    );
  });

  it('refuses totals that disagree with the lines unless --force, and then trusts the lines', async () => {
    await example();
    const wrong = await withWrongTotal();
    const r = await refused(
      ['import', wrong, '--db', file],
      /^Projektmappen har totaler, der ikke passer med linjerne \(Bilag 1!B17: 10\.600, men linjerne giver 10\.650\).*--force/,
    );
    expect(r.out.join('\n')).toContain('Bilag 1!B17: 10.600, men linjerne giver 10.650');
    await refused(['import', wrong, '--db', join(dir, 'ny.sqlite')], /passer ikke|ikke passer/, join(dir, 'ny.sqlite'));
    expect((await cli('import', wrong, '--db', file, '--force')).code).toBe(0);
    expect((await summary(file)).totals).toEqual({ 2022: 28050, 2023: 11600 });
  });

  it('updates an existing portfolio after a backup copy, and removes missing lines only with --remove-missing', async () => {
    await example();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture);
    const ws = wb.getWorksheet('Bilag 1')!;
    // As Excel saves it after the edit: the new figure and its recomputed totals.
    ws.getCell('B5').value = 1600;
    ws.getCell('D5').value = { formula: 'SUM(B5:C5)', result: 4400 };
    ws.getCell('B7').value = { formula: 'SUM(B5:B6)', result: 3700 };
    ws.getCell('D7').value = { formula: 'SUM(D5:D6)', result: 6500 };
    ws.spliceRows(13, 1); // Labrek (Laboratorie)
    ws.getCell('B16').value = { formula: 'SUM(B12:B15)', result: 10250 };
    ws.getCell('D16').value = { formula: 'SUM(D12:D15)', result: 16750 };
    const edited = join(dir, 'rettet.xlsx');
    await wb.xlsx.writeFile(edited);
    const kept = await cli('import', edited, '--db', file);
    expect(kept.out).toEqual([
      'Opdaterede bilag1.sqlite fra «rettet.xlsx»: 0 nye linjer, 1 ændret beløb, 0 nye år, 0 fjernede linjer.',
    ]);
    expect(readdirSync(backupDir(file)).filter((f) => f.endsWith('import.sqlite'))).toHaveLength(1);
    let s = (await summary(file)) as {
      pools: { lines: { name: string; amounts: Record<string, number> }[] }[];
      totals: Record<string, number>;
    };
    expect(s.pools[0]!.lines[0]!.amounts[2022]).toBe(1600);
    expect(s.pools[1]!.lines.map((l) => l.name)).toContain('Labrek (Laboratorie)');
    expect((await cli('import', edited, '--db', file, '--remove-missing')).code).toBe(0);
    s = (await summary(file)) as typeof s;
    expect(s.pools[1]!.lines.map((l) => l.name)).not.toContain('Labrek (Laboratorie)');
    expect(s.totals).toEqual({ 2022: 27750, 2023: 11600 }); // 28.050 + 100 - 400
  });

  it('usage errors exit 2', async () => {
    expect((await cli('import', fixture)).code).toBe(2);
    expect((await cli('export', file)).code).toBe(2);
    expect((await cli('import', fixture, '--db', file, '--bogus')).code).toBe(2);
  });
});

describe('export', () => {
  it('export, then import into a new file, gives the same summary (one sheet and per pool)', async () => {
    const original = await example();
    const out = join(dir, 'bilag.xlsx');
    expect(await cli('export', file, '--out', out)).toEqual({
      code: 0,
      out: ['Eksporterede bilag1.sqlite til bilag.xlsx.'],
      err: [],
    });
    expect((await cli('import', out, '--db', join(dir, 'igen.sqlite'))).code).toBe(0);
    expect(await summary(join(dir, 'igen.sqlite'))).toEqual(original);

    const perPool = join(dir, 'puljer.xlsx');
    expect((await cli('export', file, '--out', perPool, '--per-pool', '--years', '2023', '--descriptions')).code).toBe(
      0,
    );
    const sheets = new ExcelJS.Workbook();
    await sheets.xlsx.readFile(perPool);
    expect(sheets.worksheets.map((w) => w.name)).toEqual([
      'Nationale projekter',
      'Fællesregionale projekter',
      'Vestdansk It Samarbejde',
      'Total',
      'Beskrivelser',
    ]);
    expect((await cli('import', perPool, '--db', join(dir, '2023.sqlite'))).code).toBe(0);
    const only2023 = await summary(join(dir, '2023.sqlite'));
    expect(only2023.years).toEqual([2023]);
    expect(only2023.totals).toEqual({ 2023: 11600 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a year the portfolio lacks, and a portfolio that does not exist, writing nothing', async () => {
    await example();
    const out = join(dir, 'bilag.xlsx');
    await refused(['export', file, '--out', out, '--years', '2030'], /År 2030 findes ikke i porteføljen/);
    await refused(['export', file, '--out', out, '--years', 'toogtyve'], /«toogtyve» er ikke et årstal/);
    await refused(
      ['export', join(dir, 'mangler.sqlite'), '--out', out],
      /^Filen «mangler\.sqlite» findes ikke\.$/,
      join(dir, 'mangler.sqlite'),
    );
    expect(existsSync(out)).toBe(false);
  });
});

it('runs as a real process: import and export exit 0, a bad workbook exits 1 (npm run --silent cli)', () => {
  const npmCli = (...argv: string[]) => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', ...argv], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return {
      status: r.status,
      stdout: r.stdout,
      err: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')),
    };
  };
  expect(npmCli('import', fixture, '--db', file).status).toBe(0);
  expect(npmCli('export', file, '--out', join(dir, 'ud.xlsx')).status).toBe(0);
  writeFileSync(join(dir, 'bad.xlsx'), 'ikke en zip');
  const bad = npmCli('import', join(dir, 'bad.xlsx'), '--db', file);
  expect(bad.status).toBe(1);
  expect(bad.err).toHaveLength(1);
});
