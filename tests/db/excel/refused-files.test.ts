/**
 * Workbooks that are refused (db/excel/read-annex-file.ts, zip-guard.ts, read-workbook.ts): each bad
 * file gets a Danish message while the process lives on, and the next workbook is read as usual;
 * and where the import worker is found in the Electron bundle. (The annex read from good workbooks
 * is in read-annex.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnnexError, readAnnex } from '../../../db/excel/annex/read';
import { UserError } from '../../../db/core/errors';
import { importWorkerStart, readAnnexFile } from '../../../db/excel/read-annex-file';
import { checkZip } from '../../../db/excel/zip-guard';
import { exampleWorkbook, lyingZip, minimalXlsx, rowsWorkbook, zip, zipBomb } from './workbooks';
import { expectExample } from './annex-expect';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURE = readFileSync(join(ROOT, 'tests', 'fixtures', 'bilag1-2022-2023.xlsx'));

/** The workbook read in this process (the worker adds nothing to what is read). */
describe('files that are refused, in Danish, with the app alive', () => {
  async function refusal(bytes: Uint8Array, options = {}): Promise<string> {
    const error = await readAnnexFile(bytes, 'bilag.xlsx', options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  }

  it('a truncated zip', async () => {
    expect(await refusal(FIXTURE.subarray(0, Math.floor(FIXTURE.length / 2)))).toMatch(
      /^«bilag\.xlsx» er beskadiget \(.+\)/,
    );
    expect(await refusal(FIXTURE.subarray(0, FIXTURE.length - 10))).toMatch(/er beskadiget/);
  });

  it('a text file named .xlsx, and an empty file', async () => {
    const text = Buffer.from('Beløb i 1.000 kr;2022;2023\nLPR3;1.500;2.800\n');
    expect(await refusal(text)).toBe(
      '«bilag.xlsx» er ikke en Excel-projektmappe (.xlsx). Åbn filen i Excel, gem den som «Excel-projektmappe (*.xlsx)», og prøv igen.',
    );
    expect(await refusal(new Uint8Array(0))).toMatch(/er ikke en Excel-projektmappe \(\.xlsx\)/);
  });

  it('an old .xls or password-protected workbook (an OLE container)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refusal(ole)).toMatch(/ældre Excel-fil \(\.xls\) eller en projektmappe med adgangskode/);
  });

  it('an OpenDocument spreadsheet (.ods) is named as such, with how to save it as .xlsx in LibreOffice', async () => {
    const ods = zip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
      { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' },
    ]);
    expect(await refusal(ods)).toBe(
      '«bilag.xlsx» er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe. Åbn den i LibreOffice, vælg Filer → Gem som, gem den som «Excel-projektmappe (.xlsx)», og prøv igen.',
    );
    // An OpenDocument text document is not a spreadsheet: the general message.
    const odt = zip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
      { name: 'content.xml', data: '<x/>' },
    ]);
    expect(await refusal(odt)).toMatch(/er ikke en Excel-projektmappe \(\.xlsx\)/);
  });

  it('a zip that is not a workbook', async () => {
    expect(await refusal(zip([{ name: 'word/document.xml', data: '<w/>' }]))).toMatch(/er ikke en Excel-projektmappe/);
  });

  it('a zip bomb (400 MB of XML from a few hundred KB) is refused from its directory, before inflating', async () => {
    const bomb = zipBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(bomb)).toMatch(/^«bilag\.xlsx» er for stor til at blive læst som et bilag: .*zip-bombe/);
    expect(() => checkZip(zipBomb(2), 'lille.xlsx')).toThrow(/pakkes ud til .* gange sin størrelse/);
  });

  it('a part that inflates past the size its directory declares, or has a wrong checksum, is damaged', async () => {
    expect(await refusal(lyingZip(50))).toBe(
      '«bilag.xlsx» er beskadiget (delen «xl/worksheets/sheet1.xml» fylder mere end zip-indholdsfortegnelsen siger) og kan ikke læses. Bed afsenderen om at sende filen igen.',
    );
    const flipped = Buffer.from(FIXTURE);
    const directory = flipped.readUInt32LE(flipped.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    const sheet = flipped.indexOf(Buffer.from('xl/worksheets/sheet1.xml'), directory);
    flipped.writeUInt32LE(flipped.readUInt32LE(sheet - 30) ^ 1, sheet - 30); // the CRC-32 in its central directory entry
    expect(await refusal(flipped)).toMatch(/delen «xl\/worksheets\/sheet1\.xml» har en forkert kontrolsum/);
  });

  it('an encrypted entry and ZIP64 are refused with a clear message', async () => {
    const encrypted = Buffer.from(FIXTURE);
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    expect(await refusal(encrypted)).toMatch(/er krypteret/);
    const zip64 = Buffer.from(FIXTURE);
    zip64.writeUInt32LE(0xffffffff, zip64.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    expect(await refusal(zip64)).toMatch(/ZIP64/);
  });

  it('a merged-cell bomb (A1:Z200000 in a tiny workbook) does not hold the import up', async () => {
    const rows = [['Nationale projekter'], ['Beløb i 1.000 kr', 2022, 2023, 'I alt'], ['LPR3', 1500, 2800, 4300]];
    const bomb = minimalXlsx(rows, '<mergeCells count="1"><mergeCell ref="A1:Z200000"/></mergeCells>');
    expect(bomb.length).toBeLessThan(4096);
    const started = Date.now();
    const annex = await readAnnexFile(bomb, 'bombe.xlsx', { timeoutMs: 20_000 });
    expect(annex.pools.map((p) => [p.name, p.lines.length])).toEqual([['Nationale projekter', 1]]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a worker past its time or memory ends with «for stor eller for kompleks», not the app', async () => {
    expect(await refusal(FIXTURE, { timeoutMs: 1 })).toMatch(
      /^Projektmappen er for stor eller for kompleks til at blive læst \(læsningen tog mere end 1 sekund\)/,
    );
    const big = await rowsWorkbook([
      ['Beløb i 1.000 kr', 2022, 'I alt'],
      ...Array.from({ length: 3000 }, (_, i) => [`Linje ${i} ${'x'.repeat(200)}`, i, i]),
    ]);
    expect(await refusal(big, { maxOldGenerationSizeMb: 8 })).toMatch(
      /^Projektmappen er for stor eller for kompleks til at blive læst \(den kræver for meget hukommelse\)/,
    );
  });

  it('a workbook with no annex table', async () => {
    const none = await rowsWorkbook([['Budgetnotat'], ['Tekst', 'mere tekst'], [1, 2, 3]]);
    expect(await refusal(none)).toMatch(
      /^Der blev ikke fundet nogen bilagstabel i projektmappen \(en række med «Beløb i 1\.000 kr» eller med årstal\)/,
    );
  });

  it('a cell that is not an amount, naming sheet and cell', async () => {
    expect(await refusal(await exampleWorkbook({ cells: { C5: '1,2,3' } }))).toBe(
      'Bilag 1!C5: «1,2,3» er ikke et beløb. Skriv fx 1.500, 1500, 1.234,5 eller -250.',
    );
  });

  it('more rows than the cap', async () => {
    expect(await refusal(FIXTURE, { maxRows: 10 })).toMatch(/mere end 10 udfyldte rækker/);
  });

  it('and after all that, the next workbook is read as usual', async () => {
    expectExample(await readAnnexFile(FIXTURE, 'bilag.xlsx'));
  });
});

describe('the worker in the Electron bundle', () => {
  it('is excel-worker.cjs beside main.cjs; from TypeScript it is import-worker.ts through tsx', () => {
    expect(importWorkerStart('file:///app/resources/app.asar/dist/electron/main.cjs')).toEqual({
      script: fileURLToPath('file:///app/resources/app.asar/dist/electron/excel-worker.cjs'),
      eval: false,
    });
    const fromSource = importWorkerStart(new URL('../../../db/excel/read-annex-file.ts', import.meta.url).href);
    expect(fromSource.eval).toBe(true);
    expect(fromSource.script).toContain(join(ROOT, 'db', 'excel', 'import-worker.ts'));
  });

  it('AnnexError is what readAnnex throws', () => {
    expect(() => readAnnex([])).toThrow(AnnexError);
  });
});
