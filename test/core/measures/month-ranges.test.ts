import { describe, expect, it } from 'vitest';
import { firstAbove, firstAtLeast, markActive } from '../../../functions/core/measures/month-ranges.ts';
import { community, day, events } from './builder.ts';

const ends = ['2021-01-31', '2021-02-28', '2021-03-31', '2021-04-30'].map(day);

describe('month ranges', () => {
  it('binary searches a sorted list of days', () => {
    expect(firstAtLeast(ends, day('2021-02-28'))).toBe(1);
    expect(firstAbove(ends, day('2021-02-28'))).toBe(2);
    expect(firstAtLeast(ends, day('2022-01-01'))).toBe(4);
  });

  it('marks the months on whose day a row is active (start ≤ d, end blank or ≥ d)', () => {
    const data = events({ start: '2021-01-01', end: '2021-04-30' }, [community('A', '2021-02-28', '2021-03-31'), community('A', '2021-04-01', null, { component: 'x' })]);
    const flags = new Uint8Array(4);
    markActive(ends, data.events[0], flags, 1);
    markActive(ends, data.events[1], flags, 2);
    expect(Array.from(flags)).toEqual([0, 1, 1, 2]);
  });
});
