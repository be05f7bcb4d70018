/**
 * Issue 12, file safety when opening: the ordinary open (`set`, `summary`) refuses a portfolio
 * with something in its schema that Puljeplan does not make, as `check` does, and never runs it;
 * looking at a file (`summary`, `check`) leaves nothing beside it; `rescue` gets the rows of a
 * refused file out into a new one.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliProcess as cli } from '../cli-process';
import { EXAMPLE_TITLE, LPR, expectOneDanishLine, folder, folders, inspect, plant } from './file-safety-helpers';

// Each test runs the CLI several times, each a new Node process (seconds apiece on a busy machine).
vi.setConfig({ testTimeout: 180_000 });

const f = folders();
beforeAll(f.setupAll);
afterAll(f.teardownAll);
beforeEach(f.setup);
afterEach(f.teardown);

const SET = ['--line', LPR, '--year', '2023', '--amount', '3.000'];

describe('a portfolio with a trigger, view or index Puljeplan does not make', () => {
  it.each([
    ['a trigger', 't', 'CREATE TRIGGER t BEFORE INSERT ON audit BEGIN SELECT 1; END'],
    ['a view', 'v', 'CREATE VIEW v AS SELECT * FROM line'],
    ['an extra index', 'i', 'CREATE INDEX i ON line (name)'],
  ])(
    'with %s: check refuses it today; set and summary refuse it the same way and change nothing',
    (_what, name, sql) => {
      const p = f.example('p.sqlite');
      plant(p, sql);
      const before = readFileSync(p);
      const check = expectOneDanishLine(cli('check', p));
      expect(check).toContain(`«${name}»`);
      const bad = (line: string) => {
        expect(line, 'names what it found').toContain(`«${name}»`);
        expect(line, 'says it is not Puljeplan’s').toMatch(/Puljeplan/);
      };
      bad(expectOneDanishLine(cli('summary', p)));
      bad(expectOneDanishLine(cli('set', p, ...SET)));
      expect(readFileSync(p).equals(before), 'the file is byte-identical').toBe(true);
    },
  );

  it('a trigger that would change the title never runs: set is refused and the title is not «hacked»', () => {
    const p = f.example('p.sqlite');
    plant(p, "CREATE TRIGGER t AFTER INSERT ON audit BEGIN UPDATE portfolio SET title = 'hacked'; END");
    const before = readFileSync(p);
    expectOneDanishLine(cli('set', p, ...SET));
    expect(inspect(p)).toEqual({ check: 'ok', title: EXAMPLE_TITLE });
    expect(readFileSync(p).equals(before), 'the file is byte-identical').toBe(true);
  });
});

describe('looking at a file leaves nothing beside it', () => {
  it('summary and check of an ordinary portfolio; merge from it then works (already so today)', () => {
    const p = f.example('p.sqlite');
    const mine = f.example('mine.sqlite');
    const before = folder(f.dir());
    expect(cli('summary', p).status).toBe(0);
    expect(cli('check', p).status).toBe(0);
    expect(folder(f.dir())).toEqual(before);
    const merged = cli('merge', mine, p);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
  });

  it('summary and check of a file left in WAL mode by another SQLite program: no -wal or -shm appears, and check says the same after summary', () => {
    const p = f.example('p.sqlite');
    plant(p, 'PRAGMA journal_mode = WAL');
    const before = folder(f.dir());
    expect(Object.keys(before)).toEqual(['p.sqlite']);
    const checkBefore = cli('check', p);
    expect(cli('summary', p).status).toBe(0);
    expect(folder(f.dir()), 'after summary').toEqual(before);
    const checkAfter = cli('check', p);
    expect(folder(f.dir()), 'after check').toEqual(before);
    expect(checkAfter).toEqual(checkBefore);
  });
});

describe('cli rescue: the way out for a refused file', () => {
  it('the refusal names the command; rescue makes a new file that set then edits, without the trigger; an existing --out is refused', () => {
    const p = f.example('p.sqlite');
    plant(p, "CREATE TRIGGER t AFTER INSERT ON audit BEGIN UPDATE portfolio SET title = 'hacked'; END");
    const before = readFileSync(p);
    expect(expectOneDanishLine(cli('set', p, ...SET))).toContain('puljeplan rescue "p.sqlite" --out');

    const out = `${f.dir()}/renset.sqlite`;
    const rescued = cli('rescue', p, '--out', out);
    expect(rescued.stderr).toBe('');
    expect(rescued.status).toBe(0);
    expect(rescued.stdout.trim()).toBe('Lavede renset.sqlite fra p.sqlite: 3 puljer, 13 linjer; udeladt: trigger «t».');
    expect(readFileSync(p).equals(before), 'the refused file is byte-identical').toBe(true);

    expect(cli('set', out, ...SET).status).toBe(0);
    expect(inspect(out)).toEqual({ check: 'ok', title: EXAMPLE_TITLE });
    const made = readFileSync(out);
    expect(expectOneDanishLine(cli('rescue', p, '--out', out))).toBe(
      '«renset.sqlite» findes allerede; vælg et andet navn til den rensede kopi.',
    );
    expect(readFileSync(out).equals(made)).toBe(true);
  });
});
