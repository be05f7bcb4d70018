/**
 * Merging project data (docs/architecture.md «The path of a merge»): two regions' files
 * (two-regions.ts) edit project cards, monthly status, milestones and it-råd activities; a value
 * changed on one side arrives, one changed on both is a conflict with the true «Fælles».
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addRiskActivity, setMilestone, setProject, setStatus } from '../../../db/core/project-commands';
import { applyMerge } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import { cli, withSession } from './helpers';
import { lineId, LPR, merge, preview, rm, rsd, send, useTwoRegions } from './two-regions';

useTwoRegions();

const status = (path: string, month: string, changes: Parameters<typeof setStatus>[1]['changes'], line = LPR) =>
  withSession(path, (s) => s.run((db) => setStatus(db, { lineId: lineId(s, line), month, changes })));
const card = (path: string, changes: Parameters<typeof setProject>[1]['changes'], line = LPR) =>
  withSession(path, (s) => s.run((db) => setProject(db, { lineId: lineId(s, line), changes })));
const milestone = (path: string, half: string, text: string) =>
  withSession(path, (s) =>
    s.run((db) => setMilestone(db, { lineId: lineId(s, LPR), half, value: { text, state: 'på sporet' } })),
  );

/** What a user would see of LPR's project: its card, its months' status, milestones and activities. */
function projectOf(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return projectIn(db);
  } finally {
    db.close();
  }
}

function projectIn(db: Database.Database) {
  const id = db.prepare('SELECT id FROM line WHERE name = ?').pluck().get(LPR) as string;
  return {
    card: db.prepare('SELECT number, phase, end_month, purpose FROM project WHERE line_id = ?').get(id) ?? null,
    status: db
      .prepare(
        'SELECT month, deliveries, time, money, resources, overall, remark FROM project_status WHERE line_id = ? ORDER BY month',
      )
      .all(id),
    milestones: db.prepare('SELECT half, text, state FROM milestone WHERE line_id = ? ORDER BY half').all(id),
    risks: db.prepare('SELECT kind, month, note FROM risk_activity WHERE line_id = ? ORDER BY month').all(id),
  };
}

describe('merging project data', () => {
  it('a light changed on one side only arrives, both ways, with no conflict', () => {
    status(rsd, '2023-11', { time: 'rød' });
    status(rm, '2023-11', { money: 'gul' });
    const review = merge(rm, send(rsd)).review;
    expect(review.conflicts).toEqual([]);
    expect(review.changes.flatMap((c) => c.cells)).toContainEqual(
      expect.objectContaining({
        field: 'project',
        label: 'Status nov. 2023 · Tid',
        mine: null,
        theirs: 'rød',
        outcome: 'theirs',
      }),
    );
    expect(projectOf(rm).status).toEqual([
      expect.objectContaining({ month: '2023-11', time: 'rød', money: 'gul', deliveries: null }),
    ]);
    expect(merge(rsd, send(rm)).review.conflicts).toEqual([]);
    expect(projectOf(rsd).status).toEqual(projectOf(rm).status);
  });

  it('a light changed on both sides to different values is a conflict showing the true Fælles; --take resolves it', () => {
    status(rm, '2023-11', { time: 'grøn' });
    merge(rsd, send(rm));
    status(rm, '2023-11', { time: 'rød' });
    status(rsd, '2023-11', { time: 'gul' });
    const fromRsd = send(rsd);
    const review = preview(rm, fromRsd);
    expect(review.conflicts).toEqual([
      expect.objectContaining({
        kind: 'project',
        label: 'Status nov. 2023 · Tid',
        line: LPR,
        mine: 'rød',
        theirs: 'gul',
        base: 'grøn',
      }),
    ]);
    const run = cli('merge', rm, fromRsd);
    expect(run.code).toBe(3);
    expect(run.out).toContain('[Status nov. 2023 · Tid]: min «rød», deres «gul»');
    expect(cli('merge', rm, fromRsd, '--take', 'theirs').code).toBe(0);
    expect(projectOf(rm).status[0]).toMatchObject({ time: 'gul' });
  });

  it('remarks: an edit on one side arrives; edits on both sides are a conflict, resolved by the user’s choice', () => {
    status(rm, '2023-11', { remark: 'Leverandør forsinket' });
    merge(rsd, send(rm));
    status(rsd, '2023-11', { remark: 'Leverandør forsinket; ny plan i december' });
    merge(rm, send(rsd));
    expect(projectOf(rm).status[0]).toMatchObject({ remark: 'Leverandør forsinket; ny plan i december' });
    merge(rsd, send(rm));
    status(rm, '2023-11', { remark: 'RM: ny leverandør' });
    status(rsd, '2023-11', { remark: 'RSD: plan holder' });
    const fromRsd = send(rsd);
    const [c] = preview(rm, fromRsd).conflicts;
    expect(c).toMatchObject({
      label: 'Status nov. 2023 · Bemærkninger',
      base: 'Leverandør forsinket; ny plan i december',
    });
    merge(rm, fromRsd, { resolutions: new Map([[c!.id, { take: 'mine' }]]) });
    expect(projectOf(rm).status[0]).toMatchObject({ remark: 'RM: ny leverandør' });
  });

  it('a new milestone and an it-råd activity on each side all arrive', () => {
    milestone(rm, '2024-H1', 'Udbud afsluttet');
    milestone(rsd, '2024-H2', 'Pilotdrift');
    withSession(rsd, (s) =>
      s.run((db) =>
        addRiskActivity(db, { lineId: lineId(s, LPR), kind: 'risikovurdering', month: '2023-05', note: 'B' }),
      ),
    );
    expect(merge(rm, send(rsd)).review.conflicts).toEqual([]);
    expect(projectOf(rm).milestones).toEqual([
      { half: '2024-H1', text: 'Udbud afsluttet', state: 'på sporet' },
      { half: '2024-H2', text: 'Pilotdrift', state: 'på sporet' },
    ]);
    expect(projectOf(rm).risks).toEqual([{ kind: 'risikovurdering', month: '2023-05', note: 'B' }]);
    merge(rsd, send(rm));
    expect(projectOf(rsd)).toEqual(projectOf(rm));
  });

  it('a project number set on both sides differently is a conflict; the phase set on one side arrives', () => {
    card(rm, { number: '17-1' });
    card(rsd, { number: '17-2', phase: 'Analyse', end_month: '2027-12' });
    const fromRsd = send(rsd);
    const review = preview(rm, fromRsd);
    expect(review.conflicts).toEqual([
      expect.objectContaining({ kind: 'project', label: 'Projektnummer', mine: '17-1', theirs: '17-2' }),
    ]);
    merge(rm, fromRsd, { take: 'mine' });
    expect(projectOf(rm).card).toMatchObject({ number: '17-1', phase: 'Analyse', end_month: '2027-12' });
  });

  it('a number they gave another project that I already use stays mine (numbers are unique)', () => {
    card(rm, { number: '17-1' });
    card(rsd, { number: '17-1' }, 'Integration til national eCPR');
    expect(merge(rm, send(rsd)).review.conflicts).toEqual([]);
    const db = new Database(rm, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM project WHERE number = ?').pluck().get('17-1')).toBe(1);
    db.close();
  });

  it('one undo of the merge restores the project data as it was', () => {
    status(rm, '2023-11', { time: 'grøn' });
    const before = projectOf(rm);
    status(rsd, '2023-11', { deliveries: 'rød', remark: 'Forsinket' });
    milestone(rsd, '2024-H1', 'Go-live');
    card(rsd, { phase: 'Gennemførelse' });
    const received = receiveFile(send(rsd));
    try {
      withSession(rm, (s) => {
        applyMerge(s, received, {});
        expect(projectIn(s.db).status[0]).toMatchObject({ deliveries: 'rød', time: 'grøn', remark: 'Forsinket' });
        s.undo();
      });
    } finally {
      received.close();
    }
    expect(projectOf(rm)).toEqual(before);
  });
});
