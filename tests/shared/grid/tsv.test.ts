/** Clipboard text as Excel and LibreOffice write it (tabs, CRLF, quoted cells), and as we write it. */
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv, tsvCell } from '../../../shared/grid/tsv';

describe('parseTsv reads Excel clipboard text', () => {
  it('splits rows on CRLF and cells on tabs; the trailing line break is not a row', () => {
    expect(parseTsv('1.500\t2.800\r\n2.100\t0\r\n')).toEqual([
      ['1.500', '2.800'],
      ['2.100', '0'],
    ]);
  });
  it('accepts LF and a lone CR as line breaks, and no trailing line break', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
  });
  it('keeps empty cells, at the ends too', () => {
    expect(parseTsv('\t1\t\r\n\t\t\r\n')).toEqual([
      ['', '1', ''],
      ['', '', ''],
    ]);
  });
  it('one cell, an empty cell, and nothing', () => {
    expect(parseTsv('1.234,5\r\n')).toEqual([['1.234,5']]);
    expect(parseTsv('\r\n')).toEqual([['']]);
    expect(parseTsv('')).toEqual([]);
  });
  it('a quoted cell may hold tabs and line breaks (CRLF and LF)', () => {
    expect(parseTsv('"MUSE EKG\r\nfase 1"\t2.700\r\n"a\tb"\t"x\ny"\r\n')).toEqual([
      ['MUSE EKG\r\nfase 1', '2.700'],
      ['a\tb', 'x\ny'],
    ]);
  });
  it('doubled quotes inside a quoted cell are one quote', () => {
    expect(parseTsv('"Projekt ""Sundhed""\tnu"\t1\r\n')).toEqual([['Projekt "Sundhed"\tnu', '1']]);
  });
  it('a quote inside an unquoted cell is kept as it is', () => {
    expect(parseTsv('12" skærm\t5\r\n')).toEqual([['12" skærm', '5']]);
  });
  it('an unclosed quote is read literally', () => {
    expect(parseTsv('"abc\tdef\r\nx\r\n')).toEqual([['"abc', 'def'], ['x']]);
  });
});

describe('toTsv writes what Excel reads', () => {
  it('ends every row with CRLF and quotes only cells that need it', () => {
    expect(
      toTsv([
        ['LPR3', '1500', '1234.5'],
        ['a\tb', 'say "hi"', 'x\ny'],
      ]),
    ).toBe('LPR3\t1500\t1234.5\r\n"a\tb"\t"say ""hi"""\t"x\ny"\r\n');
    expect(tsvCell('plain')).toBe('plain');
  });
  it('round-trips through parseTsv', () => {
    const rows = [
      ['MUSE EKG\r\nfase 1', '', '-250'],
      ['"quoted"', 'tab\there', '0'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
