/** Range arithmetic for the grid's selection: bounds, Shift+arrows, Ctrl+A, the fill handle, the status bar. */
import { describe, expect, it } from 'vitest';
import {
  all,
  bounds,
  cellCount,
  clampRange,
  contains,
  edges,
  extend,
  fillTarget,
  single,
  summarize,
} from '../../../shared/grid/range';

describe('ranges', () => {
  it('bounds are the same whichever way the range was dragged', () => {
    const up = { anchor: { row: 5, col: 3 }, focus: { row: 2, col: 1 } };
    expect(bounds(up)).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(cellCount(up)).toBe(12);
    expect(cellCount(single({ row: 1, col: 1 }))).toBe(1);
    expect(contains(bounds(up), 2, 1)).toBe(true);
    expect(contains(bounds(up), 6, 1)).toBe(false);
  });
  it('Shift+arrows move the focus and keep the anchor, inside the grid', () => {
    let r = single({ row: 1, col: 1 });
    r = extend(r, 1, 0, 10, 4);
    r = extend(r, 0, 1, 10, 4);
    expect(r).toEqual({ anchor: { row: 1, col: 1 }, focus: { row: 2, col: 2 } });
    expect(extend(r, -5, 9, 10, 4).focus).toEqual({ row: 0, col: 3 });
  });
  it('Ctrl+A is every cell; a range is kept inside a grid that shrank', () => {
    expect(bounds(all(10, 4))).toEqual({ top: 0, bottom: 9, left: 0, right: 3 });
    expect(clampRange({ anchor: { row: 8, col: 3 }, focus: { row: 12, col: 5 } }, 5, 4)).toEqual({
      anchor: { row: 4, col: 3 },
      focus: { row: 4, col: 3 },
    });
  });
  it('edges mark the outline', () => {
    const b = { top: 1, bottom: 3, left: 1, right: 2 };
    expect(edges(b, 1, 1)).toEqual({ top: true, bottom: false, left: true, right: false });
    expect(edges(b, 3, 2)).toEqual({ top: false, bottom: true, left: false, right: true });
    expect(edges(b, 0, 0)).toEqual({ top: false, bottom: false, left: false, right: false });
  });
  it('the fill handle grows the range down or right, never shrinks it', () => {
    const b = { top: 1, bottom: 2, left: 1, right: 1 };
    expect(fillTarget(b, 6, 2)).toEqual({ ...b, bottom: 6 });
    expect(fillTarget(b, 2, 4)).toEqual({ ...b, right: 4 });
    expect(fillTarget(b, 1, 1)).toBeNull();
    expect(fillTarget(b, 0, 0)).toBeNull();
  });
  it('summarize counts numbers only, as the status bar', () => {
    expect(summarize([1_500_000, null, 'LPR3', 2_000_000, 0])).toEqual({
      sum: 3_500_000,
      count: 3,
      average: 3_500_000 / 3,
    });
    expect(summarize([null, 'x'])).toEqual({ sum: 0, count: 0, average: null });
  });
});
