import { describe, expect, it } from 'vitest';
import { backupReason, backupReasonInText, count, shorten } from '../../../shared/danish/text';

describe('count', () => {
  it('uses the singular for exactly one, the plural otherwise, with Danish thousands', () => {
    expect(count(1, 'ny linje', 'nye linjer')).toBe('1 ny linje');
    expect(count(0, 'ny linje', 'nye linjer')).toBe('0 nye linjer');
    expect(count(2, 'pulje', 'puljer')).toBe('2 puljer');
    expect(count(1500, 'celle', 'celler')).toBe('1.500 celler');
  });
});

describe('shorten', () => {
  it('keeps a text that fits, and cuts a long one after a whole word with …', () => {
    expect(shorten('Kort tekst', 20)).toBe('Kort tekst');
    const cut = shorten('Projektet omfatter udbud og implementering af et nyt laboratoriesystem', 40);
    expect(cut).toBe('Projektet omfatter udbud og…');
    expect(cut.length).toBeLessThanOrEqual(40);
  });
  it('cuts a single long word where it must, still with …', () => {
    expect(shorten('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('backup reasons', () => {
  it('starts a sentence with a capital and keeps Excel capitalised inside one', () => {
    expect(backupReason('import')).toBe('Før import fra Excel');
    expect(backupReasonInText('import')).toBe('før import fra Excel');
    expect(backupReasonInText('noget andet')).toBe('noget andet');
  });
});
