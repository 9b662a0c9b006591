import { describe, expect, it } from 'vitest';
import { directionOf } from '../../../functions/core/measures/direction.ts';

describe('direction of travel', () => {
  it('by polarity, or up/down for neutral measures; null without both values', () => {
    expect(directionOf(10, 9, 'high')).toBe('improving');
    expect(directionOf(10, 9, 'low')).toBe('worsening');
    expect(directionOf(8.9, 9, 'low')).toBe('improving');
    expect(directionOf(9, 9, 'high')).toBe('same');
    expect(directionOf(10, 9, 'neutral')).toBe('up');
    expect(directionOf(8, 9, 'neutral')).toBe('down');
    expect(directionOf(10, null, 'high')).toBeNull();
    expect(directionOf(null, 9, 'high')).toBeNull();
  });
});
