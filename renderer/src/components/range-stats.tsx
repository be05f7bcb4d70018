/** The status bar's Sum, Gennemsnit and Antal of the selected amounts, as in Excel (in 1.000 kr). */
import { useSyncExternalStore } from 'react';
import { formatAmount } from '../../../shared/danish/number';
import { rangeAmounts, type GridView } from '../../../shared/grid/edit';
import { cellCount, summarize } from '../../../shared/grid/range';
import type { RangeSelection } from '../grid/selection';

export function RangeStats({ selection, view }: { selection: RangeSelection; view: GridView; version: number }) {
  useSyncExternalStore(selection.subscribe, selection.getVersion);
  const b = selection.bounds();
  if (!b || !selection.range || cellCount(selection.range) < 2) return null;
  const s = summarize(rangeAmounts(view, b));
  if (!s.count) return null;
  return (
    <span className="pp-range-stats" data-testid="range-stats">
      <span>Sum: {formatAmount(s.sum)}</span>
      <span>Gennemsnit: {formatAmount(Math.round(s.average ?? 0))}</span>
      <span>Antal: {s.count.toLocaleString('da-DK')}</span>
    </span>
  );
}
