/**
 * The example portfolio carries the seeds' project data (docs/domain.md «The example's projects»),
 * so a new user sees the status report filled: KIIT 18-6 red in November 2023, PPJ 20-5 in
 * Analyse until Dec. 2027, Labrek with risk profile B, and the pools' kinds for the it-råd rule.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortfolio } from '../../../db/core/create';
import { openPortfolio, type DB } from '../../../db/core/open';
import { latestStatusMonth, readStatusReport } from '../../../db/core/project-queries';

let dir: string;
let db: DB;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-example-projects-'));
  const file = join(dir, 'bilag1.sqlite');
  createPortfolio(file, { example: true });
  db = openPortfolio(file, { readonly: true });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the example’s projects', () => {
  it('opens on the seed’s status month with KIIT red on leverancer, tid and penge', () => {
    expect(latestStatusMonth(db)).toBe('2023-11');
    const report = readStatusReport(db, '2023-11');
    const kiit = report.projects.find((p) => p.number === '18-6')!;
    expect(kiit).toMatchObject({
      name: 'Klinisk immunologisk IT (KIIT) (Blodbank)',
      phase: 'Gennemførelse',
      end: '2024-03',
      status: { deliveries: 'rød', time: 'rød', money: 'rød', resources: '-', overall: 'rød' },
      total: 8500,
    });
  });

  it('PPJ is 20-5 in Analyse until Dec. 2027; Labrek has risk profile B', () => {
    const { projects } = readStatusReport(db, '2023-11');
    expect(projects.find((p) => p.number === '20-5')).toMatchObject({
      name: 'Fællesregionalt udbud af Præhospital Patientjournal (PPJ)',
      phase: 'Analyse',
      end: '2027-12',
    });
    expect(projects.find((p) => p.name === 'Labrek (Laboratorie)')?.riskReview.profile).toBe('B');
  });

  it('the national and fællesregional pools have their kinds; no example project is over 10.000 yet', () => {
    expect(
      db.prepare('SELECT p.name, k.kind FROM pool_kind k JOIN pool p ON p.id = k.pool_id ORDER BY p.position').all(),
    ).toEqual([
      { name: 'Nationale projekter', kind: 'national' },
      { name: 'Fællesregionale projekter', kind: 'fællesregional' },
    ]);
    expect(readStatusReport(db, '2023-11').projects.filter((p) => p.riskReview.required)).toEqual([]);
  });
});
