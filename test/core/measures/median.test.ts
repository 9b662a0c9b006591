import { describe, expect, it } from 'vitest';
import { medianRounded } from '../../../functions/core/measures/median.ts';

describe('medians', () => {
  it('are exact, then rounded', () => {
    expect(medianRounded([])).toBeNull();
    expect(medianRounded([5])).toBe(5);
    expect(medianRounded([10, 1, 4])).toBe(4);
    expect(medianRounded([1, 2])).toBe(1.5);
    expect(medianRounded([100, 3, 8, 1])).toBe(5.5);
  });
});
