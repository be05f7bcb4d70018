/** How the merge review reads a conflict about a whole pool or year (renderer/src/merge-review.ts). */
import { describe, expect, it } from 'vitest';
import { fieldLabel, optionLabels, sideText, toResolution, type Conflict } from '../../renderer/src/merge-review';

const conflict = (
  kind: Conflict['kind'],
  year: number | null,
  mine: string | null,
  theirs: string | null,
): Conflict => ({
  id: `${kind}:x`,
  kind,
  lineId: null,
  theirLineId: null,
  pool: year === null ? 'Ny pulje' : '',
  line: year === null ? 'Hele puljen' : 'Hele året',
  year,
  mine,
  theirs,
});

describe('a pool or year removed on one side and changed on the other', () => {
  it('a pool they deleted: Min keeps it, Deres deletes it, and the sides say what each did', () => {
    const c = conflict('pool-deleted-by-them', null, 'Ny pulje', null);
    expect(fieldLabel(c.kind, c.year)).toBe('Puljen slettet hos dem');
    expect(optionLabels(c)).toEqual({ mine: 'Behold puljen', theirs: 'Slet puljen' });
    expect([sideText(c, 'mine'), sideText(c, 'theirs'), sideText(c, 'base')]).toEqual(['Ændret i', 'Slettet', '']);
    expect(toResolution(c, { take: 'theirs', text: '' })).toEqual({ resolution: { id: c.id, take: 'theirs' } });
  });

  it('a year I removed: Min removes it, Deres keeps it; the year is named in the field', () => {
    const c = conflict('year-removed-by-me', 2031, null, '2031');
    expect(fieldLabel(c.kind, c.year)).toBe('Året fjernet hos mig (2031)');
    expect(optionLabels(c)).toEqual({ mine: 'Fjern året', theirs: 'Behold året' });
    expect([sideText(c, 'mine'), sideText(c, 'theirs')]).toEqual(['Fjernet', 'Ændret i']);
  });
});
