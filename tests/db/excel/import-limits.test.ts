/**
 * Issue 12, item 9, at the Excel import: a cell past a portfolio's limits (a line name, the
 * annex's title) is refused with a Danish message naming the sheet and cell, and the open
 * portfolio is left exactly as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { applyImport } from '../../../db/excel/import-apply';
import { readAnnexFile } from '../../../db/excel/read-annex-file';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';
import { TEXT_LIMITS } from '../../../shared/domain/limits';
import { exampleWorkbook } from './workbooks';
import { withoutHistory } from './excel-helpers';

let dir: string;
let file: string;
let session: Session;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-import-limits-'));
  file = join(dir, 'bilag1.sqlite');
  createPortfolio(file, { example: true });
  session = openSession(file);
});
afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Reads the workbook (in the import's worker) and applies it; returns the refusal's message. */
async function importRefused(cells: Record<string, string>): Promise<string> {
  const before = withoutHistory(session.snapshot());
  const error = await readAnnexFile(await exampleWorkbook({ cells }), 'bilag.xlsx')
    .then((read) => applyImport(session, read, 'bilag.xlsx', { removeMissing: false, acceptMismatches: true }))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(UserError);
  expect(withoutHistory(session.snapshot()), 'nothing changed').toEqual(before);
  return (error as UserError).message;
}

describe('a cell past the limits', () => {
  it('a line name over 300 characters names its cell and the limit', async () => {
    const message = await importRefused({ A5: 'L'.repeat(TEXT_LIMITS.name + 1) });
    expect(message).toMatch(/Bilag 1!A5/);
    expect(message).toMatch(/300 tegn/);
    expect(message.length).toBeLessThan(300);
  });

  it('a title over 300 characters names its cell and the limit', async () => {
    const message = await importRefused({ A1: 'T'.repeat(100_000) });
    expect(message).toMatch(/^Bilag 1!A1: /);
    expect(message).toMatch(/Titlen må højst have 300 tegn \(den har 100\.000\)/);
    expect(message.length).toBeLessThan(300);
  });

  it('a title of exactly 300 characters is read as the title', async () => {
    const title = 'T'.repeat(TEXT_LIMITS.title);
    const read = await readAnnexFile(await exampleWorkbook({ cells: { A1: title } }), 'bilag.xlsx');
    expect(read.title).toBe(title);
  });
});
