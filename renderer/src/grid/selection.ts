/**
 * The grid's cell range (AG Grid Community has none): kept here, outside React, so that a
 * mouse drag does not re-render the app; the grid repaints its highlight and the status bar
 * re-reads the sum when it changes.
 */
import { bounds, contains, edges, type Bounds, type CellRange } from '../../../shared/grid/range';
import { Versioned } from '../store/versioned';

export class RangeSelection extends Versioned {
  range: CellRange | null = null;
  /** While the fill handle is dragged: the cells the fill would cover. */
  fillPreview: Bounds | null = null;
  private cached: Bounds | null = null;

  set(range: CellRange | null, fillPreview: Bounds | null = null): void {
    const same = JSON.stringify([range, fillPreview]) === JSON.stringify([this.range, this.fillPreview]);
    if (same) return;
    this.range = range;
    this.fillPreview = fillPreview;
    this.cached = range ? bounds(range) : null;
    this.notify();
  }

  bounds(): Bounds | null {
    return this.cached;
  }

  /** The CSS classes of the cell at (row, col): inside the range, its outline, the fill handle corner. */
  classesAt(row: number, col: number): Record<string, boolean> {
    const b = this.cached;
    const f = this.fillPreview;
    const inRange = !!b && contains(b, row, col);
    const multi = !!b && (b.bottom > b.top || b.right > b.left);
    const e = b ? edges(b, row, col) : { top: false, bottom: false, left: false, right: false };
    return {
      'pp-sel': inRange && multi,
      'pp-sel-t': e.top,
      'pp-sel-b': e.bottom,
      'pp-sel-l': e.left,
      'pp-sel-r': e.right,
      'pp-sel-corner': e.bottom && e.right,
      'pp-fill': !!f && contains(f, row, col) && !inRange,
    };
  }
}
