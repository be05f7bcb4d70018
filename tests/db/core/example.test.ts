/**
 * A new example portfolio (Bilag 1) on a real SQLite file: its figures are exactly those of
 * docs/domain.md, and the file is what the architecture asks for (application_id, STRICT
 * tables, UUID ids, integer kroner).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../../../shared/danish/number';
import type { Snapshot } from '../../../shared/domain/model';
import { buildRowModel, type GridRow } from '../../../shared/grid/row-model';
import { createPortfolio } from '../../../db/core/create';
import { openSession } from '../../../db/index';
import { SCHEMA_VERSION } from '../../../db/core/migrations/index';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let dir: string;
let file: string;
let snap: Snapshot;
let rows: GridRow[];
let grand: GridRow;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-example-'));
  file = join(dir, 'bilag1.sqlite');
  createPortfolio(file, { example: true });
  const session = openSession(file);
  try {
    snap = session.snapshot();
  } finally {
    session.close();
  }
  const model = buildRowModel(snap);
  rows = model.rows;
  grand = model.grandTotal;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A row as the annex prints it: name, 2022, 2023, I alt — in thousands, Danish format. */
function printed(row: GridRow): string[] {
  return [row.name, formatAmount(row.amounts[2022]), formatAmount(row.amounts[2023]), formatAmount(row.total)];
}

const row = (name: string) => {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row named «${name}»`);
  return found;
};

describe('the example portfolio', () => {
  it('has the years 2022 and 2023, the Bilag 1 title and a region', () => {
    expect(snap.years).toEqual([2022, 2023]);
    expect(snap.meta.title).toBe('Bilag 1. Udmøntning af midler til nationale og tværregionale projekter');
    expect(snap.meta.region).toBe('RM');
  });

  it('has the three pools of the annex, in order, with their subtotals of docs/domain.md', () => {
    expect(rows.filter((r) => r.kind === 'poolTotal').map(printed)).toEqual([
      ['Nationale projekter i alt', '3.600', '2.800', '6.400'],
      ['Fællesregionale projekter i alt', '10.650', '6.500', '17.150'],
      ['Vestdansk It Samarbejde i alt', '13.800', '2.300', '16.100'],
    ]);
    expect(snap.pools).toHaveLength(3);
  });

  it('totals 28.050 / 11.600 / 39.650', () => {
    expect(printed(grand)).toEqual(['Total', '28.050', '11.600', '39.650']);
  });

  it('has LPR3 ID3 at 1.500 / 2.800', () => {
    expect(printed(row('LPR3 ID3 - Landspatientregister'))).toEqual([
      'LPR3 ID3 - Landspatientregister',
      '1.500',
      '2.800',
      '4.300',
    ]);
  });

  it('has MUSE EKG as a parent of its two phases, with their sum 2.700 / 2.300', () => {
    const muse = row('MUSE EKG');
    expect(muse).toMatchObject({ kind: 'line', hasChildren: true, depth: 0 });
    expect(printed(muse)).toEqual(['MUSE EKG', '2.700', '2.300', '5.000']);
    expect(printed(row('MUSE EKG fase 1'))).toEqual(['MUSE EKG fase 1', '2.700', '0', '2.700']);
    expect(printed(row('MUSE EKG fase 2'))).toEqual(['MUSE EKG fase 2', '0', '2.300', '2.300']);
    expect(row('MUSE EKG fase 1')).toMatchObject({ depth: 1 });
    // The parent holds no amounts of its own: its figures come from the sub-lines.
    expect(snap.lines.find((l) => l.name === 'MUSE EKG')!.amounts).toEqual({});
  });

  it('has 13 line rows: 12 with amounts and the MUSE EKG parent', () => {
    const lineRows = rows.filter((r) => r.kind === 'line');
    expect(lineRows).toHaveLength(13);
    expect(snap.lines.filter((l) => Object.keys(l.amounts).length === 2)).toHaveLength(12);
    expect(snap.lines.filter((l) => Object.keys(l.amounts).length === 0).map((l) => l.name)).toEqual(['MUSE EKG']);
  });

  it("carries the annex's prose as descriptions", () => {
    expect(snap.lines.find((l) => l.name === 'LPR3 ID3 - Landspatientregister')!.description).toContain(
      'Landspatientregisteret',
    );
    expect(snap.lines.find((l) => l.name === 'MUSE EKG')!.description).toContain('EKG');
    expect(snap.pools.find((p) => p.name === 'Vestdansk It Samarbejde')!.description).toContain(
      'Vestdansk It-Samarbejde (VIS)',
    );
    const topLines = snap.lines.filter((l) => !l.parentId);
    expect(topLines.filter((l) => l.description.length < 100).map((l) => l.name)).toEqual([]);
  });
});

describe('the example file', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(file, { readonly: true });
  });
  afterAll(() => db.close());

  it('is marked as a Puljeplan file with the current schema version', () => {
    expect(db.pragma('application_id', { simple: true })).toBe(0x50554c4a);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('has only STRICT tables', () => {
    const tables = db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")
      .all();
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'amount',
        'audit',
        'budget_year',
        'line',
        'pool',
        'portfolio',
        // Schema 40: file sharing between regions (db/share/).
        'share_alias',
        'share_dot',
        'share_merge',
        'share_replica',
        'share_seen',
        'share_sent',
        // Schema 60: a copy's identity per writing session.
        'share_epoch',
        // Schema 70: projects (card, risk activities, monthly status, milestones, pool kind).
        'project',
        'risk_activity',
        'project_status',
        'milestone',
        'pool_kind',
      ].sort(),
    );
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
  });

  it('uses UUIDs as ids, so rows of two regions\u2019 files can be matched', () => {
    const ids = db
      .prepare<[], { id: string }>(
        'SELECT id FROM portfolio UNION ALL SELECT id FROM pool UNION ALL SELECT id FROM line',
      )
      .all();
    expect(ids).toHaveLength(1 + 3 + 13);
    for (const { id } of ids) expect(id).toMatch(UUID);
    expect(new Set(ids.map((r) => r.id)).size).toBe(ids.length);
  });

  it('stores amounts as whole kroner in INTEGER columns', () => {
    const cells = db
      .prepare<[], { kroner: unknown; type: string }>('SELECT kroner, typeof(kroner) AS type FROM amount')
      .all();
    expect(cells).toHaveLength(24);
    expect(new Set(cells.map((c) => c.type))).toEqual(new Set(['integer']));
    const lpr = db
      .prepare<[], { year: number; kroner: number }>(
        "SELECT a.year, a.kroner FROM amount a JOIN line l ON l.id = a.line_id WHERE l.name = 'LPR3 ID3 - Landspatientregister' ORDER BY a.year",
      )
      .all();
    expect(lpr).toEqual([
      { year: 2022, kroner: 1_500_000 },
      { year: 2023, kroner: 2_800_000 },
    ]);
  });

  it('has a clean integrity check and no audit rows yet', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 0 });
  });
});
