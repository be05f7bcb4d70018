/**
 * The plausibility check over a paste or a fill (docs/grid.md, «Plausibility check»): every
 * amount about to be written is checked as a typed one is (implausibleAmount, against the line's
 * amounts in its other years as they are now), so the user is asked once for the whole block.
 */
import { implausibleAmount, otherYears } from '../domain/plausibility';
import type { AmountCell, GridView, NewLine } from './edit';
import type { LineRow } from './row-model';

/** One amount that looks like a slip: where (`«LPR3», 2023`) and why, in Danish. */
export interface AmountDoubt {
  cell: string;
  reason: string;
}

/** The amounts of `cells` (and of lines a paste adds) that look like slips, in the order given. */
export function amountDoubts(
  view: GridView,
  plan: { cells: readonly AmountCell[]; newLines?: readonly NewLine[] },
): AmountDoubt[] {
  const lines = new Map<string, LineRow>();
  for (const row of view.rows) if (row.kind === 'line') lines.set(row.id, row);
  const doubts: AmountDoubt[] = [];
  for (const { lineId, year, value } of plan.cells) {
    const row = lines.get(lineId);
    const reason = implausibleAmount(value, row ? otherYears(row.line.amounts, year) : []);
    if (reason) doubts.push({ cell: `«${row?.name ?? lineId}», ${year}`, reason });
  }
  (plan.newLines ?? []).forEach((line, i) => {
    for (const [y, value] of Object.entries(line.amounts)) {
      const reason = implausibleAmount(value, otherYears(line.amounts, Number(y)));
      if (reason) doubts.push({ cell: `«${line.name ?? `ny linje ${i + 1}`}», ${y}`, reason });
    }
  });
  return doubts;
}
