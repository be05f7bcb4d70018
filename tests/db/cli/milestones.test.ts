/**
 * The CLI's milestone and it-råd commands (docs/domain.md «Projects and monthly status»):
 * `milestone` sets, replaces and removes a half-year's milestone; `risk` records a risikovurdering,
 * which satisfies the it-råd rule in `report --json`; a bad value is one Danish line, exit 1, and
 * the file unchanged byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliInProcess } from './in-process';
import { openSession } from '../../../db/index';
import { readCardDetails } from '../../../db/core/project-card';

const LABREK = 'Labrek (Laboratorie)';
const LPR3 = 'LPR3 ID3 - Landspatientregister';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-cli-milestones-'));
  file = join(dir, 'bilag1.sqlite');
  expect((await cli('new', file, '--example')).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliInProcess;

function details(line: string) {
  const s = openSession(file, { readonly: true });
  try {
    const id = s.db.prepare<[string], { id: string }>('SELECT id FROM line WHERE name = ?').get(line)!.id;
    return readCardDetails(s.db, id);
  } finally {
    s.db.close();
  }
}

async function lpr3Review() {
  const r = await cli('report', file, '--json');
  const projects = (JSON.parse(r.out) as { projects: { name: string; riskReview: { required: boolean } }[] }).projects;
  return projects.find((p) => p.name === LPR3)!.riskReview;
}

describe('cli milestone', () => {
  it('sets a half-year’s milestone, replaces it, and removes it', async () => {
    const set = await cli(
      'milestone',
      file,
      '--line',
      LABREK,
      '--half',
      '2024-1',
      '--text',
      'Pilot i drift',
      '--state',
      'på sporet',
    );
    expect(set).toMatchObject({
      code: 0,
      err: [],
      out: `${LABREK}, 1. halvår 2024: milepæl «Pilot i drift» (på sporet).`,
    });
    await cli(
      'milestone',
      file,
      '--line',
      LABREK,
      '--half',
      '2. halvår 2024',
      '--text',
      'Udbredelse',
      '--state',
      'Risiko',
    );
    expect(details(LABREK).milestones).toEqual([
      { half: '2024-H1', text: 'Pilot i drift', state: 'på sporet' },
      { half: '2024-H2', text: 'Udbredelse', state: 'risiko' },
    ]);
    await cli('milestone', file, '--line', LABREK, '--half', '2024-H1', '--text', 'Pilot i drift', '--state', 'nået');
    expect((await cli('milestone', file, '--line', LABREK, '--half', '2024-2', '--remove')).code).toBe(0);
    expect(details(LABREK).milestones).toEqual([{ half: '2024-H1', text: 'Pilot i drift', state: 'nået' }]);
  });

  it.each([
    [['--half', '2024-3', '--text', 'x'], '--half: «2024-3» er ikke et halvår. Skriv fx 2024-1 eller 1. halvår 2024.'],
    [['--half', '2024-1', '--text', 'x', '--state', 'lilla'], '--state: «lilla» er ikke en tilstand.'],
  ])('refuses %j in one Danish line and leaves the file as it was', async (args, message) => {
    const before = readFileSync(file);
    const r = await cli('milestone', file, '--line', LABREK, ...args);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(message);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('cli risk', () => {
  it('a risikovurdering satisfies the it-råd rule once a project is over 10 mio. kr.', async () => {
    expect(await lpr3Review()).toMatchObject({ required: false });
    expect((await cli('set', file, '--line', LPR3, '--year', '2022', '--amount', '9.000')).code).toBe(0);
    expect(await lpr3Review()).toMatchObject({ required: true });
    const r = await cli(
      'risk',
      file,
      '--line',
      LPR3,
      '--activity',
      'risikovurdering',
      '--month',
      'mar 24',
      '--note',
      'Første runde',
    );
    expect(r).toMatchObject({ code: 0, err: [], out: `${LPR3}: risikovurdering mar. 2024 er registreret.` });
    expect(await lpr3Review()).toMatchObject({
      required: false,
      reason: expect.stringContaining('risikovurderet 2024-03'),
    });
    expect(details(LPR3).riskActivities).toMatchObject([
      { kind: 'risikovurdering', month: '2024-03', note: 'Første runde' },
    ]);
  });

  it.each([
    [['--line', LABREK, '--activity', 'kaffe', '--month', '2024-03'], '--activity: «kaffe» er ikke en aktivitet.'],
    [['--line', LABREK, '--activity', 'sparringsmøde', '--month', '2024-13'], '--month: «2024-13» er ikke en måned.'],
    [
      ['--line', 'Findes ikke', '--activity', 'risikovurdering', '--month', '2024-03'],
      'Projektet «Findes ikke» findes ikke',
    ],
  ])('refuses %j in one Danish line and leaves the file as it was', async (args, message) => {
    const before = readFileSync(file);
    const r = await cli('risk', file, ...args);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(message);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
