/** Reading the file to open from a command line, and the settings file that remembers the last one. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileFromArgs, fileFromInstanceData } from '../../electron/startup-file';
import { readSettings, writeSettings } from '../../electron/settings';

describe('the file on the command line', () => {
  const cwd = resolve('/home/anne');

  it('is the last .sqlite argument, made absolute', () => {
    expect(fileFromArgs(['.', 'Bilag 1.sqlite'], cwd)).toBe(join(cwd, 'Bilag 1.sqlite'));
    expect(fileFromArgs(['a.sqlite', resolve('/data/b.SQLITE')], cwd)).toBe(resolve('/data/b.SQLITE'));
  });

  it('ignores flags and anything else', () => {
    expect(fileFromArgs(['.', '--original-process-start-time=1', '-psn_0_123', 'notes.txt'], cwd)).toBeNull();
    expect(fileFromArgs(['--file=x.sqlite'], cwd)).toBeNull();
    expect(fileFromArgs([], cwd)).toBeNull();
  });

  it("from a second instance's data, only a .sqlite path is taken", () => {
    expect(fileFromInstanceData({ file: '/d/a.sqlite' })).toBe('/d/a.sqlite');
    for (const junk of [null, undefined, 'a.sqlite', { file: 42 }, { file: '/etc/passwd' }, { file: null }]) {
      expect(fileFromInstanceData(junk)).toBeNull();
    }
  });
});

describe('settings.json', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'puljeplan-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers the last file, leaving no temporary file behind', () => {
    writeSettings(join(dir, 'userData'), { lastFile: '/d/Bilag 1.sqlite' });
    expect(readSettings(join(dir, 'userData'))).toEqual({ lastFile: '/d/Bilag 1.sqlite' });
    expect(readdirSync(join(dir, 'userData'))).toEqual(['settings.json']);
  });

  it('a missing or damaged file means no settings, not a failed start', () => {
    expect(readSettings(join(dir, 'none'))).toEqual({});
    mkdirSync(join(dir, 'bad'));
    for (const content of ['{', 'null', '[]', '{"lastFile": 7}', '{"lastFile": ""}']) {
      writeFileSync(join(dir, 'bad', 'settings.json'), content);
      expect(readSettings(join(dir, 'bad')), content).toEqual({});
    }
  });
});
