/**
 * `report-import` as a real process (docs/files.md «A status workbook back in»): the preview in
 * Danish, `--dry-run` leaving the file as it was byte for byte, the edit applied, and a bad light
 * word refused in one Danish line naming the cell, exit 1, nothing changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliAsync } from '../../../db/cli/main';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PPJ = 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)';

let dir: string;
let file: string;
let xlsx: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-cli-status-import-'));
  file = join(dir, 'bilag1.sqlite');
  xlsx = join(dir, 'status.xlsx');
  const quiet = { out: () => undefined, err: () => undefined };
  expect(await runCliAsync(['new', file, '--example'], quiet)).toBe(0);
  expect(await runCliAsync(['report', file, '--out', xlsx], quiet)).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
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
}

/** Sets the Tid cell of PPJ's row; returns its address. */
async function setPpjTime(value: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  let address = '';
  wb.getWorksheet('Status')!.eachRow((row) => {
    if (row.getCell(2).value !== PPJ) return;
    row.getCell(6).value = value;
    address = row.getCell(6).address;
  });
  await wb.xlsx.writeFile(xlsx);
  return address;
}

describe('cli report-import', () => {
  it('previews in Danish with --dry-run (file unchanged), then applies; report --json shows the light', async () => {
    const cell = await setPpjTime('GUL');
    const before = readFileSync(file);
    const dry = run('report-import', file, '--from', xlsx, '--dry-run');
    expect(dry).toMatchObject({ status: 0, err: [] });
    expect(dry.stdout).toContain(
      'Status for nov. 2023 (som arket angiver) fra «status.xlsx», ark «Status», i «bilag1.sqlite»',
    );
    expect(dry.stdout).toContain('Ændrede projekter (1):');
    expect(dry.stdout).toContain(`20-5 ${PPJ} (`);
    expect(dry.stdout).toContain(`Tid - → gul (${cell})`);
    expect(readFileSync(file).equals(before)).toBe(true);

    const applied = run('report-import', file, '--from', xlsx);
    expect(applied).toMatchObject({ status: 0, err: [] });
    expect(applied.stdout).toContain(
      'Opdaterede bilag1.sqlite fra «status.xlsx» for nov. 2023: 1 projekter, 1 felter; 0 rækker uden projekt.',
    );
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => undefined };
    expect(await runCliAsync(['report', file, '--json', '--month', '2023-11'], io)).toBe(0);
    const json = JSON.parse(out.pop()!) as { projects: { name: string; status: { time: string } }[] };
    expect(json.projects.find((p) => p.name === PPJ)?.status.time).toBe('gul');
    expect(await runCliAsync(['report-import', file, '--from', xlsx], io)).toBe(0);
    expect(out).toContain('Porteføljen har allerede det, arket indeholder.');
  }, 300_000);

  it('a bad light word is one Danish line naming the cell, exit 1, the file unchanged', async () => {
    const cell = await setPpjTime('lilla');
    const before = readFileSync(file);
    const bad = run('report-import', file, '--from', xlsx);
    expect(bad.status).toBe(1);
    expect(bad.err).toEqual([`Ark 'Status', celle ${cell}: 'lilla' er ikke en farve (grøn, gul, rød eller -)`]);
    expect(readFileSync(file).equals(before)).toBe(true);
    const usage = run('report-import', file);
    expect(usage.status).toBe(2);
    expect(usage.err[0]).toBe('report-import kræver --from <status.xlsx>.');
  }, 300_000);
});
