/** The plausibility check over a paste or fill: which cells are asked about, and which pass silently. */
import { describe, expect, it } from 'vitest';
import type { Pool } from '../../../shared/domain/model';
import { buildRowModel } from '../../../shared/grid/row-model';
import { planFill, planPaste, type GridView } from '../../../shared/grid/edit';
import { amountDoubts } from '../../../shared/grid/plausible-cells';
import { k, line } from './lines';

const pools: Pool[] = [{ id: 'nat', name: 'Nationale projekter', position: 1, description: '' }];
const lines = [
  line('lpr', 'nat', 'LPR3', 1, { 2022: k(1500), 2023: k(2800) }),
  line('ecpr', 'nat', 'eCPR', 2, { 2022: k(2100) }),
];
// rows: 0 Nationale (pool), 1 LPR3, 2 eCPR, 3 Nat i alt
const view: GridView = {
  rows: buildRowModel({ years: [2022, 2023], pools, lines }).rows,
  cols: ['name', 'y2022', 'y2023'],
};
const at = (top: number, left: number, bottom = top, right = left) => ({ top, bottom, left, right });

function doubtsOfPaste(top: number, left: number, block: string[][]) {
  const plan = planPaste(view, at(top, left), block);
  if (!plan.ok) throw new Error(plan.message);
  return amountDoubts(view, plan);
}

describe('amountDoubts', () => {
  it('names each pasted amount over 1 mia. kr. or 100 times the line’s other years, in paste order', () => {
    expect(
      doubtsOfPaste(1, 1, [
        ['12.345.678', '3.000'],
        ['', '=2.100*100'],
      ]),
    ).toEqual([
      { cell: '«LPR3», 2022', reason: '12.345.678 (1.000 kr) er mere end 1 mia. kr.' },
      {
        cell: '«eCPR», 2023',
        reason: '210.000 er mindst 100 gange linjens største beløb i de andre år (2.100).',
      },
    ]);
  });
  it('passes ordinary amounts, 99 times, emptied cells and zeros silently', () => {
    expect(
      doubtsOfPaste(1, 1, [
        ['2.000', '148.500'],
        ['', '0'],
      ]),
    ).toEqual([]);
    expect(doubtsOfPaste(2, 1, [['']])).toEqual([]);
  });
  it('checks a line the paste adds against its own other years', () => {
    expect(doubtsOfPaste(2, 0, [['eCPR'], ['SDP', '10', '1.000']])).toEqual([
      { cell: '«SDP», 2023', reason: '1.000 er mindst 100 gange linjens største beløb i de andre år (10).' },
    ]);
    expect(doubtsOfPaste(2, 0, [['eCPR'], ['', '2.000.000']])).toEqual([
      { cell: '«ny linje 1», 2022', reason: '2.000.000 (1.000 kr) er mere end 1 mia. kr.' },
    ]);
  });
  it('checks a fill: a series grown past 1 mia. kr. is asked about', () => {
    const big = {
      ...view,
      rows: buildRowModel({
        years: [2022, 2023],
        pools,
        lines: [
          line('lpr', 'nat', 'LPR3', 1, { 2022: k(700_000) }),
          line('ecpr', 'nat', 'eCPR', 2, { 2022: k(900_000) }),
          line('sdp', 'nat', 'SDP', 3, {}),
        ],
      }).rows,
    };
    const plan = planFill(big, at(1, 1, 2, 1), at(1, 1, 3, 1));
    expect(amountDoubts(big, plan)).toEqual([
      { cell: '«SDP», 2022', reason: '1.100.000 (1.000 kr) er mere end 1 mia. kr.' },
    ]);
  });
});
