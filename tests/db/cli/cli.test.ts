/**
 * The headless CLI (`npm run --silent cli -- new|summary|set …`): in-process through runCli,
 * and as a real process for the exit codes. Exit 0 success; 1 bad input or a refused file, with
 * one Danish line on stderr and nothing changed; 2 usage error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../db/cli/main';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** `summary --json` of the example, as the issue gives it: thousands of kroner as JSON numbers. */
const EXAMPLE_SUMMARY = {
  years: [2022, 2023],
  pools: [
    {
      name: 'Nationale projekter',
      totals: { 2022: 3600, 2023: 2800 },
      lines: [
        { name: 'LPR3 ID3 - Landspatientregister', depth: 0, amounts: { 2022: 1500, 2023: 2800 } },
        { name: 'Integration til national eCPR', depth: 0, amounts: { 2022: 2100, 2023: 0 } },
      ],
    },
    {
      name: 'Fællesregionale projekter',
      totals: { 2022: 10650, 2023: 6500 },
      lines: [
        { name: 'Klinisk immunologisk IT (KIIT) (Blodbank)', depth: 0, amounts: { 2022: 4000, 2023: 4500 } },
        { name: 'Labrek (Laboratorie)', depth: 0, amounts: { 2022: 400, 2023: 0 } },
        {
          name: 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)',
          depth: 0,
          amounts: { 2022: 1050, 2023: 0 },
        },
        { name: 'Integration EPJ-PPJ', depth: 0, amounts: { 2022: 1500, 2023: 2000 } },
        {
          name: 'Fællesregional og kommunal udvikling af Telemedicinsk løsninger (FUT)',
          depth: 0,
          amounts: { 2022: 3700, 2023: 0 },
        },
      ],
    },
    {
      name: 'Vestdansk It Samarbejde',
      totals: { 2022: 13800, 2023: 2300 },
      lines: [
        { name: 'MUSE EKG', depth: 0, amounts: { 2022: 2700, 2023: 2300 } },
        { name: 'MUSE EKG fase 1', depth: 1, amounts: { 2022: 2700, 2023: 0 } },
        { name: 'MUSE EKG fase 2', depth: 1, amounts: { 2022: 0, 2023: 2300 } },
        { name: 'RIAS udbudsprojekt', depth: 0, amounts: { 2022: 400, 2023: 0 } },
        { name: 'SIA ankomst - It understøttelse af akutafdelinger', depth: 0, amounts: { 2022: 700, 2023: 0 } },
        { name: 'RIS/PACS (Regionalt RM)', depth: 0, amounts: { 2022: 10000, 2023: 0 } },
      ],
    },
  ],
  totals: { 2022: 28050, 2023: 11600 },
};

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-cli-'));
  file = join(dir, 'bilag1.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

function summary(path = file): typeof EXAMPLE_SUMMARY {
  const r = cli('summary', path, '--json');
  expect(r.err).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.out).toHaveLength(1);
  return JSON.parse(r.out[0]!);
}

/** A refusal: exit 1, exactly one Danish line on stderr, and the file byte-identical. */
function refused(path: string, argv: string[], message: string | RegExp): void {
  const before = readFileSync(path);
  const r = cli(...argv);
  expect(r.code).toBe(1);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).not.toContain('\n');
  if (typeof message === 'string') expect(r.err[0]).toBe(message);
  else expect(r.err[0]).toMatch(message);
  expect(readFileSync(path).equals(before), 'the file is byte-identical').toBe(true);
}

const LPR = 'LPR3 ID3 - Landspatientregister';

describe('cli in-process', () => {
  beforeEach(() => {
    expect(cli('new', file, '--example')).toEqual({
      code: 0,
      out: ['Oprettede bilag1.sqlite med eksemplet (Bilag 1).'],
      err: [],
    });
  });

  it('new --example, then summary --json is exactly the example of the issue', () => {
    const r = cli('summary', file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.join('\n'))).toEqual(EXAMPLE_SUMMARY);
    // Key order too: years, pools, totals — and years in order inside each amounts object.
    expect(r.out[0]).toBe(JSON.stringify(EXAMPLE_SUMMARY));
  });

  it('summary without --json prints the annex table in Danish number format', () => {
    const r = cli('summary', file);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toMatch(/Beløb i 1\.000 kr\s+2022\s+2023\s+I alt/);
    expect(text).toMatch(/LPR3 ID3 - Landspatientregister\s+1\.500\s+2\.800\s+4\.300/);
    expect(text).toMatch(/ {2}- MUSE EKG fase 1\s+2\.700\s+0\s+2\.700/);
    expect(text).toMatch(/Fællesregionale projekter i alt\s+10\.650\s+6\.500\s+17\.150/);
    expect(text).toMatch(/Total\s+28\.050\s+11\.600\s+39\.650/);
  });

  it('set changes one amount; summary shows it and the new totals', () => {
    const r = cli('set', file, '--line', LPR, '--year', '2023', '--amount', '3.000');
    expect(r).toEqual({ code: 0, out: ['LPR3 ID3 - Landspatientregister 2023: 2.800 → 3.000'], err: [] });
    const s = summary();
    expect(s.pools[0]!.lines[0]!.amounts).toEqual({ 2022: 1500, 2023: 3000 });
    expect(s.pools[0]!.totals).toEqual({ 2022: 3600, 2023: 3000 });
    expect(s.totals).toEqual({ 2022: 28050, 2023: 11800 });
  });

  it('set takes decimals (1.234,5 -> 1234.5 in JSON), and the line name ignores case', () => {
    expect(
      cli('set', file, '--line', 'lpr3 id3 - landspatientregister', '--year', '2023', '--amount', '1.234,5').code,
    ).toBe(0);
    const s = summary();
    expect(s.pools[0]!.lines[0]!.amounts[2023]).toBe(1234.5);
    expect(s.totals[2023]).toBe(10034.5);
  });

  it('set with an empty amount empties the cell, and a sub-line updates its parent', () => {
    expect(cli('set', file, '--line', 'MUSE EKG fase 1', '--year', '2022', '--amount', '').code).toBe(0);
    const vis = summary().pools[2]!;
    expect(vis.lines.slice(0, 2).map((l) => l.amounts[2022])).toEqual([0, 0]);
    expect(vis.totals[2022]).toBe(11100);
  });

  it('--amount 1,2,3 exits 1 with one Danish line and the file unchanged', () => {
    refused(
      file,
      ['set', file, '--line', LPR, '--year', '2023', '--amount', '1,2,3'],
      '«1,2,3» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250.',
    );
  });

  it('an unknown line, an unknown year, a bad year or a parent line exits 1 and changes nothing', () => {
    const cases: [string[], string | RegExp][] = [
      [['--line', 'LPR4', '--year', '2023', '--amount', '1'], 'Linjen «LPR4» findes ikke.'],
      [['--line', LPR, '--year', '2030', '--amount', '1'], 'År 2030 findes ikke i porteføljen (2022, 2023).'],
      [['--line', LPR, '--year', '20x3', '--amount', '1'], '«20x3» er ikke et årstal.'],
      [['--line', LPR, '--pool', 'VIS', '--year', '2023', '--amount', '1'], 'Puljen «VIS» findes ikke.'],
      [
        ['--line', 'MUSE EKG', '--year', '2022', '--amount', '1'],
        '«MUSE EKG» har underlinjer; dens beløb er summen af dem. Skriv beløbene på underlinjerne.',
      ],
    ];
    for (const [args, message] of cases) {
      const r = cli('set', file, ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err, args.join(' ')).toEqual([message]);
      expect(summary(), args.join(' ')).toEqual(EXAMPLE_SUMMARY);
    }
  });

  it('new over an existing file exits 1 and leaves it alone', () => {
    refused(file, ['new', file], '«bilag1.sqlite» findes allerede; vælg et andet navn.');
  });

  it('a bad region exits 1', () => {
    const other = join(dir, 'ny.sqlite');
    expect(cli('new', other, '--region', 'XX')).toMatchObject({
      code: 1,
      err: ['Ukendt region «XX». Vælg en af RH, RSJ, RSD, RM, RN.'],
    });
  });
});

describe('cli refuses files that are not Puljeplan portfolios', () => {
  it.each([
    [
      'a text file',
      'noter.sqlite',
      Buffer.from('Bilag 1;1.500\n'.repeat(30)),
      '«noter.sqlite» er ikke en Puljeplan-portefølje (filen er ikke en SQLite-database).',
    ],
    [
      'an empty file',
      'tom.sqlite',
      Buffer.alloc(0),
      '«tom.sqlite» er tom (0 byte) og er ikke en Puljeplan-portefølje.',
    ],
  ])('%s: exit 1, unchanged', (_what, name, bytes, message) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    refused(path, ['summary', path, '--json'], message);
    refused(path, ['set', path, '--line', LPR, '--year', '2023', '--amount', '1'], message);
  });

  it('a file that does not exist: exit 1', () => {
    expect(cli('summary', join(dir, 'mangler.sqlite'))).toEqual({
      code: 1,
      out: [],
      err: ['Filen «mangler.sqlite» findes ikke.'],
    });
  });
});

describe('usage errors exit 2 with the usage text', () => {
  it.each([
    [[]],
    [['summary']],
    [['set', 'x.sqlite', '--year', '2023', '--amount', '1']],
    [['set', 'x.sqlite', '--line', LPR, '--year', '2023']],
    [['summary', 'a.sqlite', 'b.sqlite']],
    [['summary', 'a.sqlite', '--bogus']],
    [['frobnicate']],
  ])('%j', (argv) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain('Brug:\n  puljeplan new <fil.sqlite>');
  });

  it.each([
    [['summary', 'a.sqlite', '--bogus'], 'Ukendt tilvalg «--bogus».'],
    [['set', 'a.sqlite', '--line', LPR, '--year', '2023', '--amount'], '--amount mangler en værdi.'],
    [['summary', 'a.sqlite', '--json=ja'], '--json tager ingen værdi.'],
  ])("%j: the first line says what is wrong in Danish, not in Node's English", (argv, first) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err.join('\n').split('\n')[0]).toBe(first);
  });
});

describe('cli as a real process (npm run --silent cli)', () => {
  function npmCli(...argv: string[]) {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', ...argv], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    // npm itself may warn about the user's npmrc on stderr; only the CLI's own lines count.
    const err = r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
    return { status: r.status, stdout: r.stdout, err };
  }

  it('new, summary, a refused set and a usage error give exit codes 0, 0, 1 and 2', () => {
    const made = npmCli('new', file, '--example');
    expect(made.status).toBe(0);
    expect(made.stdout).toBe('Oprettede bilag1.sqlite med eksemplet (Bilag 1).\n');

    const shown = npmCli('summary', file, '--json');
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(EXAMPLE_SUMMARY);

    const before = readFileSync(file);
    const bad = npmCli('set', file, '--line', LPR, '--year', '2023', '--amount', '1,2,3');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.err).toEqual(['«1,2,3» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250.']);
    expect(readFileSync(file).equals(before)).toBe(true);

    const usage = npmCli('set', file);
    expect(usage.status).toBe(2);
    expect(usage.err[0]).toBe('set kræver --line, --year og --amount.');
  });

  it('set then summary in separate processes: the change is on disk', () => {
    expect(npmCli('new', file, '--example').status).toBe(0);
    const set = npmCli('set', file, '--line', LPR, '--year', '2023', '--amount', '3.000');
    expect(set.status).toBe(0);
    expect(set.stdout).toBe('LPR3 ID3 - Landspatientregister 2023: 2.800 → 3.000\n');
    const shown = npmCli('summary', file, '--json');
    expect(JSON.parse(shown.stdout).totals).toEqual({ 2022: 28050, 2023: 11800 });
  });
});
