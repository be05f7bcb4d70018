/** Excel's fill: a series continues, anything else repeats. */
import { describe, expect, it } from 'vitest';
import { continueSeries, evenStep } from '../../../shared/grid/fill';

describe('continueSeries', () => {
  it('continues an even series: 100, 200 -> 300, 400', () => {
    expect(continueSeries([100, 200], 2)).toEqual([300, 400]);
    expect(continueSeries([1000, 750, 500], 3)).toEqual([250, 0, -250]);
  });
  it('copies one value', () => {
    expect(continueSeries([1_500_000], 3)).toEqual([1_500_000, 1_500_000, 1_500_000]);
    expect(continueSeries([null], 2)).toEqual([null, null]);
  });
  it('repeats uneven numbers and seeds with empty cells or text, in turn', () => {
    expect(continueSeries([1, 5, 6], 4)).toEqual([1, 5, 6, 1]);
    expect(continueSeries([100, null], 3)).toEqual([100, null, 100]);
    expect(continueSeries(['a', 2], 2)).toEqual(['a', 2]);
  });
  it('nothing to fill', () => {
    expect(continueSeries([1, 2], 0)).toEqual([]);
    expect(continueSeries([], 3)).toEqual([]);
  });
  it('evenStep', () => {
    expect(evenStep([5, 5])).toBe(0);
    expect(evenStep([5])).toBeNull();
    expect(evenStep([1, 2, 4])).toBeNull();
  });
});
