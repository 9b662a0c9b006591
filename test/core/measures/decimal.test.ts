import { describe, expect, it } from 'vitest';
import { decimalOf, decimalRatio, sumDecimals } from '../../../functions/core/measures/decimal.ts';

describe('decimals', () => {
  it('sums and ratios without binary floating point', () => {
    expect(decimalOf('0.1').plus(decimalOf('0.2')).eq(decimalOf('0.3'))).toBe(true);
    expect(decimalRatio(decimalOf('1.005'), decimalOf('2.01'), 100)).toBe(50); // exactly 50%
    expect(decimalRatio(decimalOf('1'), decimalOf('0'), 100)).toBeNull();
    expect(decimalRatio(decimalOf('1'), decimalOf('8'), 100)).toBe(12.5);
    expect(decimalRatio(decimalOf('-1'), decimalOf('3'), 100)).toBe(-33.3);
    expect(sumDecimals(['1.10', null, '', '-0.1']).toString()).toBe('1');
  });
});
