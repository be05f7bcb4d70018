/**
 * Who is writing is the person's region (db/share/person.ts), not the portfolio's: it is read from
 * PULJEPLAN_REGION or the app's settings file, recorded with each writing session's epoch, names
 * the sent file and is the merge's «Fra …»; the portfolio's own «Region» stays the annex owner's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAmounts } from '../../../db/core/commands';
import { openSession } from '../../../db/index';
import { previewMerge } from '../../../db/share/apply';
import { sentCopyPath, sendPortfolio } from '../../../db/share/handlers';
import { createDispatcher } from '../../../db/dispatcher';
import { keepPersonSettings, personRegion, settingsDir, settingsFile } from '../../../db/share/person';
import { receiveFile } from '../../../db/share/receive';
import { tempDir, withSession } from './helpers';
import { twoRegions, type TwoRegions } from './two-regions';

let t: TwoRegions;
const saved = process.env.PULJEPLAN_REGION;
beforeEach(() => {
  delete process.env.PULJEPLAN_REGION;
  t = twoRegions();
});
afterEach(() => {
  if (saved === undefined) delete process.env.PULJEPLAN_REGION;
  else process.env.PULJEPLAN_REGION = saved;
  t.done();
});

describe("the person's region", () => {
  it('is read from PULJEPLAN_REGION, else from the settings file in the app’s settings folder; nothing chosen: none', () => {
    const d = tempDir();
    try {
      expect(personRegion({}, d.dir)).toBeUndefined();
      writeFileSync(join(d.dir, 'settings.json'), JSON.stringify({ lastFile: '/x.sqlite', region: 'RN' }));
      expect(personRegion({}, d.dir)).toBe('RN');
      expect(personRegion({ PULJEPLAN_REGION: 'RH' }, d.dir)).toBe('RH');
      writeFileSync(join(d.dir, 'settings.json'), JSON.stringify({ region: 'Nordjylland' }));
      expect(personRegion({}, d.dir)).toBeUndefined();
      mkdirSync(join(d.dir, 'cfg'));
      expect(settingsDir({ XDG_CONFIG_HOME: join(d.dir, 'cfg') }, 'linux')).toBe(join(d.dir, 'cfg', 'Puljeplan'));
    } finally {
      d.done();
    }
  });

  it('an edit on a received copy is attributed to the person’s region; the sent file and the merge’s «Fra» name it', () => {
    // RM's file, opened and edited directly by a person in Region Syddanmark (a sent copy, not imported).
    const copy = t.send(t.rm);
    process.env.PULJEPLAN_REGION = 'RSD';
    const lineId = withSession(copy, (s) => {
      const id = s.snapshot().lines.find((l) => l.parentId === null && Object.keys(l.amounts).length)!.id;
      s.run((db) => setAmounts(db, { cells: [{ lineId: id, year: 2022, value: 123_000 }] }));
      return id;
    });
    const s = openSession(copy);
    let out: string;
    try {
      const snap = s.snapshot({ lineInfo: true });
      expect(snap.meta.region, 'the portfolio’s own region stays').toBe('RM');
      expect(snap.lineInfo![lineId]!.changedBy).toBe('RSD');
      out = sentCopyPath(s, t.dir);
      expect(out).toMatch(/Puljeplan RSD \d{4}-\d\d-\d\d\.sqlite$/);
      sendPortfolio(s, out, 'test');
    } finally {
      s.close();
    }
    delete process.env.PULJEPLAN_REGION;
    const received = receiveFile(out);
    try {
      const review = withSession(t.rm, (m) => previewMerge(m.db, received).review);
      expect(review.from.region).toBe('RSD');
      expect(review.changes.length).toBeGreaterThan(0);
    } finally {
      received.close();
    }
  });

  it('Indstillinger through the contract: none chosen, then RSD, then RN; each edit is the region chosen when it was made, other settings kept', async () => {
    const d = tempDir();
    writeFileSync(join(d.dir, 'settings.json'), JSON.stringify({ lastFile: '/x.sqlite' }));
    const forget = keepPersonSettings(settingsFile(d.dir));
    const s = openSession(t.send(t.rm));
    try {
      const call = createDispatcher({ session: () => s, shell: 'web', appVersion: 'test' });
      expect(await call('person.region', {})).toEqual({ ok: true, value: { region: null } });
      const [a, b] = s.snapshot().lines.filter((l) => l.parentId === null);
      const edit = (id: string, value: number) => call('amounts.set', { cells: [{ lineId: id, year: 2022, value }] });
      expect(await call('person.setRegion', { region: 'RSD' })).toEqual({ ok: true, value: { region: 'RSD' } });
      await edit(a!.id, 1_000);
      expect(await call('person.setRegion', { region: 'RN' })).toEqual({ ok: true, value: { region: 'RN' } });
      await edit(b!.id, 2_000);
      const info = s.snapshot({ lineInfo: true }).lineInfo!;
      expect(info[a!.id]!.changedBy).toBe('RSD');
      expect(info[b!.id]!.changedBy).toBe('RN');
      expect(settingsFile(d.dir).region()).toBe('RN');
      expect(JSON.parse(readFileSync(join(d.dir, 'settings.json'), 'utf8'))).toMatchObject({ lastFile: '/x.sqlite' });
    } finally {
      s.close();
      forget();
      d.done();
    }
  });
});
