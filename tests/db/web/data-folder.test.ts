/** The browser harness opens only files inside its data folder (db/web/data-folder.ts). */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inDataFolder } from '../../../db/web/data-folder';

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
});
