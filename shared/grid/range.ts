/**
 * A rectangular block of cells by row and column index, as in a spreadsheet: the anchor is
 * where the selection started (the active cell), the focus where it was extended to. All
 * functions are pure; the grid keeps one CellRange and asks these for what it needs.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface CellRange {
  anchor: CellPos;
  focus: CellPos;
}

/** The range's bounds, inclusive, whichever way it was dragged. */
export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const single = (pos: CellPos): CellRange => ({ anchor: pos, focus: pos });

export function bounds(range: CellRange): Bounds {
  const { anchor: a, focus: f } = range;
  return {
    top: Math.min(a.row, f.row),
    bottom: Math.max(a.row, f.row),
    left: Math.min(a.col, f.col),
    right: Math.max(a.col, f.col),
  };
}

export function height(b: Bounds): number {
  return b.bottom - b.top + 1;
}

export function width(b: Bounds): number {
  return b.right - b.left + 1;
}

export function cellCount(range: CellRange): number {
  const b = bounds(range);
  return height(b) * width(b);
}

export function contains(b: Bounds, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

/** Shift+arrow: moves the focus by (dRow, dCol) inside a grid of rows × cols; the anchor stays. */
export function extend(range: CellRange, dRow: number, dCol: number, rows: number, cols: number): CellRange {
  return {
    anchor: range.anchor,
    focus: { row: clamp(range.focus.row + dRow, 0, rows - 1), col: clamp(range.focus.col + dCol, 0, cols - 1) },
  };
}

/** Ctrl+A: every cell. */
export function all(rows: number, cols: number): CellRange {
  return { anchor: { row: 0, col: 0 }, focus: { row: Math.max(0, rows - 1), col: Math.max(0, cols - 1) } };
}

/** Keeps a range inside a grid that may have shrunk (rows deleted, a pool filtered away). */
export function clampRange(range: CellRange, rows: number, cols: number): CellRange {
  const c = (p: CellPos) => ({
    row: clamp(p.row, 0, Math.max(0, rows - 1)),
    col: clamp(p.col, 0, Math.max(0, cols - 1)),
  });
  return { anchor: c(range.anchor), focus: c(range.focus) };
}

/** Which side(s) of the range a cell lies on, for drawing the range's outline. */
export function edges(
  b: Bounds,
  row: number,
  col: number,
): { top: boolean; bottom: boolean; left: boolean; right: boolean } {
  const inside = contains(b, row, col);
  return {
    top: inside && row === b.top,
    bottom: inside && row === b.bottom,
    left: inside && col === b.left,
    right: inside && col === b.right,
  };
}

/**
 * Dragging the fill handle from a range to a cell: the range grows down or right (whichever
 * the pointer moved further), never shrinks. Returns the grown bounds, or null when the
 * pointer is inside the range.
 */
export function fillTarget(b: Bounds, row: number, col: number): Bounds | null {
  const down = row - b.bottom;
  const right = col - b.right;
  if (down <= 0 && right <= 0) return null;
  return down >= right ? { ...b, bottom: row } : { ...b, right: col };
}

export interface Stats {
  sum: number;
  count: number;
  average: number | null;
}

/** Sum, count and average of the numbers among the values (empty cells and text are not counted), as Excel's status bar. */
export function summarize(values: Iterable<unknown>): Stats {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return { sum, count, average: count ? sum / count : null };
}
