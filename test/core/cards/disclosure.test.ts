import { describe, expect, it } from 'vitest';
import { isPointSuppressed, isYtdSuppressed } from '../../../functions/core/cards/disclosure.ts';

const p = (value: number | null, numerator: number | null) => ({ value, numerator });

describe('disclosure control', () => {
  it('withholds counts and values resting on 1 to 7 people or events, not 0 and not 8', () => {
    expect(isPointSuppressed(p(1, 1), 'count', true)).toBe(true);
    expect(isPointSuppressed(p(7, 7), 'count', true)).toBe(true);
    expect(isPointSuppressed(p(8, 8), 'count', true)).toBe(false);
    expect(isPointSuppressed(p(0, 0), 'count', true)).toBe(false);
    expect(isPointSuppressed(p(3.4, 7), 'percent', true)).toBe(true);
    expect(isPointSuppressed(p(1.5, 3), 'per100k', true)).toBe(true);
    expect(isPointSuppressed(p(22, 5), 'days', true)).toBe(true);
    expect(isPointSuppressed(p(55.2, 120), 'percent', true)).toBe(false);
    expect(isPointSuppressed(p(6, null), 'count', true)).toBe(true);
  });

  it('never withholds money, hours, null values, or anything when the pack turns it off', () => {
    expect(isPointSuppressed(p(5, 5), 'gbp', true)).toBe(false);
    expect(isPointSuppressed(p(5, 5), 'hours', true)).toBe(false);
    expect(isPointSuppressed(p(null, 3), 'percent', true)).toBe(false);
    expect(isPointSuppressed(p(5, 5), 'count', false)).toBe(false);
  });

  it('applies the same rule to the year-to-date count', () => {
    expect(isYtdSuppressed({ numerator: 4, value: 1.9, reason: null }, 'per100k', true)).toBe(true);
    expect(isYtdSuppressed({ numerator: 40, value: 19.1, reason: null }, 'per100k', true)).toBe(false);
    expect(isYtdSuppressed(undefined, 'per100k', true)).toBe(false);
  });
});
