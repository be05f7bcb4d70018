/**
 * The project card's words (docs/domain.md «Projects and monthly status»): half-years as a user
 * types them, milestone states, and the *Ansvarlig* list that grows with the names the file uses.
 */
import { describe, expect, it } from 'vitest';
import {
  parseHalfYear,
  parseMilestoneState,
  responsibleList,
  riskFlagsMessage,
} from '../../../shared/domain/project-card';

describe('parseHalfYear', () => {
  it.each([
    ['2024-1', '2024-H1'],
    ['2024-H2', '2024-H2'],
    ['2024-h1', '2024-H1'],
    ['H2 2025', '2025-H2'],
    ['1. halvår 2024', '2024-H1'],
    ['2. Halvår 2022', '2022-H2'],
  ])('%s is %s', (text, half) => expect(parseHalfYear(text)).toEqual({ ok: true, value: half }));

  it.each(['2024-3', '3. halvår 2024', '2024', '', 'forår 2024', '1800-1'])('refuses «%s» in Danish', (text) => {
    const r = parseHalfYear(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('er ikke et halvår. Skriv fx 2024-1 eller 1. halvår 2024.');
  });
});

describe('parseMilestoneState', () => {
  it('takes the states by their word, case aside; - is none', () => {
    expect(parseMilestoneState('Sat i bero')).toEqual({ ok: true, value: 'sat i bero' });
    expect(parseMilestoneState('NÅET')).toEqual({ ok: true, value: 'nået' });
    expect(parseMilestoneState('-')).toEqual({ ok: true, value: null });
    expect(parseMilestoneState('grøn').ok).toBe(false);
  });
});

describe('responsibleList', () => {
  it('the regions and bodies first, then the names the cards use, each once, sorted the Danish way', () => {
    expect(
      responsibleList(['Aarhus Kommune', 'rh', 'Ålborg Kommune', ' Danske Regioner ', 'Aarhus Kommune', '']),
    ).toEqual([
      'RH',
      'RSJ',
      'RSD',
      'RM',
      'RN',
      'SDS',
      'DR',
      'KL',
      'MedCom',
      'SUM',
      'Danske Regioner',
      // Danish order: Aa is Å (after Z), and Ål- before Aar-.
      'Ålborg Kommune',
      'Aarhus Kommune',
    ]);
  });
});

describe('riskFlagsMessage', () => {
  it('names up to three projects, each in its own sentence', () => {
    expect(riskFlagsMessage(['LPR3'])).toBe('LPR3 skal nu risikovurderes af it-rådet (over 10 mio. kr.).');
    expect(riskFlagsMessage(['A', 'B'])).toBe(
      'A skal nu risikovurderes af it-rådet (over 10 mio. kr.). B skal nu risikovurderes af it-rådet (over 10 mio. kr.).',
    );
  });

  it('counts more than three (a paste of many lines), names the first three and says where to see them all', () => {
    const names = Array.from({ length: 1200 }, (_, i) => `Projekt ${i + 1}`);
    expect(riskFlagsMessage(names)).toBe(
      '1.200 projekter skal nu risikovurderes af it-rådet (over 10 mio. kr.), bl.a. «Projekt 1», «Projekt 2», «Projekt 3». «Skal risikovurderes» viser dem.',
    );
  });
});
