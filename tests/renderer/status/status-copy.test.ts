/**
 * Ctrl+C in the Status view (renderer/src/status/status-copy.ts): the block between two corners
 * in either order, as tab-separated Danish words that Excel and the view's own paste both read.
 */
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../shared/grid/tsv';
import { parseLight } from '../../../shared/domain/project';
import { statusCopy } from '../../../renderer/src/status/status-copy';
import type { StatusRow } from '../../../renderer/src/status/status-rows';

const row = (name: string, over: Partial<StatusRow> = {}): StatusRow => ({
  lineId: name,
  number: '18-6',
  name,
  pool: 'Pulje',
  phase: 'Gennemførelse',
  start: null,
  end: '2024-03',
  responsible: 'RH',
  status: { deliveries: 'rød', time: '-', money: 'gul', resources: 'grøn', overall: 'rød' },
  previous: null,
  remark: 'Udbud\tsendt',
  purpose: '',
  total: 0,
  riskReview: { required: false, reason: '', profile: null },
  ...over,
});
const COLS = [
  'number',
  'name',
  'phase',
  'end',
  'responsible',
  'deliveries',
  'time',
  'money',
  'resources',
  'overall',
  'previous',
  'remark',
];

describe('statusCopy', () => {
  it('copies one row from Nr. to Samlet with the month in Danish and lights as words', () => {
    const copied = statusCopy([row('KIIT')], COLS, { row: 0, colId: 'number' }, { row: 0, colId: 'overall' });
    expect(copied.text).toBe('18-6\tKIIT\tGennemførelse\tmar. 2024\tRH\trød\tikke vurderet\tgul\tgrøn\trød\r\n');
    expect(copied.cells).toBe(10);
  });

  it('takes the corners in either order; no previous month is «ingen»; a remark with a tab is quoted', () => {
    const rows = [
      row('A'),
      row('B', { previous: { deliveries: 'gul', time: 'gul', money: 'gul', resources: 'gul', overall: 'gul' } }),
    ];
    const copied = statusCopy(rows, COLS, { row: 1, colId: 'remark' }, { row: 0, colId: 'previous' });
    expect(parseTsv(copied.text)).toEqual([
      ['ingen', 'Udbud\tsendt'],
      ['gul', 'Udbud\tsendt'],
    ]);
    expect(copied.cells).toBe(4);
  });

  it('the lights it copies are words a paste back reads as the same lights', () => {
    const copied = statusCopy([row('A')], COLS, { row: 0, colId: 'deliveries' }, { row: 0, colId: 'overall' });
    const back = parseTsv(copied.text)[0]!.map((w) => parseLight(w));
    expect(back.map((p) => (p.ok ? p.value : p.message))).toEqual(['rød', null, 'gul', 'grøn', 'rød']);
  });
});
