/**
 * «Send til en anden region» twice on the same day (issue 15): the second copy gets its own name,
 * `… (2).sqlite`, and the first one — perhaps already attached to an e-mail — is left as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../db/dispatcher';
import { openSession } from '../../../db/index';
import { twoRegions, type TwoRegions } from './two-regions';

let t: TwoRegions;
const saved = process.env.PULJEPLAN_REGION;
beforeEach(() => {
  process.env.PULJEPLAN_REGION = 'RM';
  t = twoRegions();
});
afterEach(() => {
  if (saved === undefined) delete process.env.PULJEPLAN_REGION;
  else process.env.PULJEPLAN_REGION = saved;
  t.done();
});

describe('sending twice the same day', () => {
  it('names the second copy «(2)» and the third «(3)»; the first copy is byte for byte as it was', async () => {
    const s = openSession(t.rm);
    try {
      const call = createDispatcher({ session: () => s, shell: 'web', appVersion: 'test' });
      const send = async () => {
        const r = await call('file.send', {});
        if (!r.ok) throw new Error(r.error.message);
        return r.value as { folder: string; fileName: string };
      };
      const first = await send();
      expect(first.fileName).toMatch(/^Puljeplan RM \d{4}-\d\d-\d\d\.sqlite$/);
      const bytes = readFileSync(join(first.folder, first.fileName));
      const [line] = s.snapshot().lines.filter((l) => l.parentId === null);
      await call('amounts.set', { cells: [{ lineId: line!.id, year: 2022, value: 777_000 }] });
      const second = await send();
      expect(second.fileName).toBe(first.fileName.replace('.sqlite', ' (2).sqlite'));
      expect(readFileSync(join(first.folder, first.fileName)).equals(bytes)).toBe(true);
      expect((await send()).fileName).toBe(first.fileName.replace('.sqlite', ' (3).sqlite'));
    } finally {
      s.close();
    }
  });
});
