/** The browser harness opens only files inside its data folder (db/web/data-folder.ts). */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inDataFolder, listDataFolder } from '../../../db/web/data-folder';

let dir: string;
let data: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-web-'));
  data = join(dir, 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'Nord.sqlite'), '');
  writeFileSync(join(dir, 'Hemmelig.sqlite'), '');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (name: string) => `«${name}» ligger uden for mappen`;

describe('files the web harness may open', () => {
  it('a name in the data folder resolves there', () => {
    expect(inDataFolder(data, 'Nord.sqlite')).toMatch(/data[\\/]Nord\.sqlite$/);
  });

  it('`..`, an absolute path elsewhere and a symlink out of the folder are refused in Danish', () => {
    expect(() => inDataFolder(data, '../Hemmelig.sqlite')).toThrow(refusal('Hemmelig.sqlite'));
    expect(() => inDataFolder(data, join(dir, 'Hemmelig.sqlite'))).toThrow(refusal('Hemmelig.sqlite'));
    symlinkSync(join(dir, 'Hemmelig.sqlite'), join(data, 'Link.sqlite'));
    expect(() => inDataFolder(data, 'Link.sqlite')).toThrow(refusal('Link.sqlite'));
  });

  it('a path into a folder that does not exist is refused in Danish, not a crash', () => {
    expect(() => inDataFolder(data, '../../findes-ikke/passwd')).toThrow(refusal('passwd'));
  });
});

describe('the data folder as the browser file dialog lists it', () => {
  it('lists its .sqlite files newest first with changed time and size, by name only', () => {
    writeFileSync(join(data, 'Syd.sqlite'), 'x'.repeat(2048));
    utimesSync(join(data, 'Nord.sqlite'), new Date('2026-01-02T10:00:00Z'), new Date('2026-01-02T10:00:00Z'));
    utimesSync(join(data, 'Syd.sqlite'), new Date('2026-03-04T10:00:00Z'), new Date('2026-03-04T10:00:00Z'));
    expect(listDataFolder(data)).toEqual([
      { name: 'Syd.sqlite', changed: Date.parse('2026-03-04T10:00:00Z'), bytes: 2048 },
      { name: 'Nord.sqlite', changed: Date.parse('2026-01-02T10:00:00Z'), bytes: 0 },
    ]);
  });

  it('leaves out write-ahead companions, other files, subfolders and symlinks out of the folder', () => {
    writeFileSync(join(data, 'Nord.sqlite-wal'), '');
    writeFileSync(join(data, 'Nord.sqlite-shm'), '');
    writeFileSync(join(data, 'Bilag 1.xlsx'), '');
    mkdirSync(join(data, 'Gammel.sqlite'));
    symlinkSync(join(dir, 'Hemmelig.sqlite'), join(data, 'Link.sqlite'));
    expect(listDataFolder(data).map((f) => f.name)).toEqual(['Nord.sqlite']);
  });
});
