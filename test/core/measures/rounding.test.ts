import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percent, per100k, roundRatio } from '../../../functions/core/measures/rounding.ts';

describe('exact rounding', () => {
  it('follows measures.md: N = 201, D = 400 → 50.3 (50.25 rounds up)', () => {
    expect(percent(201, 400)).toBe(50.3);
  });

  it('rounds halves away from zero where floats would not (1.005% style cases)', () => {
    // 2.5/1000 = 0.25% → 0.3; 1/8 = 12.5% → 12.5; 1/3 → 33.3; 2/3 → 66.7.
    expect(percent(5, 2000)).toBe(0.3);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(per100k(3, 80_000)).toBe(3.8); // 3.75
    expect(per100k(173, 207_434)).toBe(83.4);
  });

  it('rounds negative values half away from zero', () => {
    expect(roundRatio(-5, 100, 1)).toBe(-0.1); // −0.05
    expect(roundRatio(-4, 100, 1)).toBe(0); // −0.04 → 0, no "−0"
    expect(Object.is(roundRatio(-4, 100, 1), -0)).toBe(false);
  });

  it('agrees with a decimal-string reference for random ratios', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        // Reference: the percentage in tenths is 1000·n/d; take its floor and round the remainder half up.
        const floor = Math.floor((1000 * n) / d);
        const remainder = 1000 * n - floor * d;
        const tenths = floor + (2 * remainder >= d ? 1 : 0);
        expect(percent(n, d)).toBe(tenths / 10);
      }),
    );
  });
});
