import { describe, expect, it } from 'vitest';
import { coveredMonths, monthIndex } from '../../../functions/core/measures/covered-months.ts';
import { day } from './builder.ts';

describe('covered months', () => {
  it('are the whole months inside the reporting period, oldest first', () => {
    expect(coveredMonths(day('2018-12-01'), day('2021-11-30'))).toHaveLength(36);
    expect(coveredMonths(day('2020-01-15'), day('2020-04-30'))).toEqual(['2020-02', '2020-03', '2020-04']);
    expect(coveredMonths(day('2020-02-01'), day('2020-02-29'))).toEqual(['2020-02']);
    expect(coveredMonths(day('2020-02-02'), day('2020-02-29'))).toEqual([]);
  });

  it('map a day to its covered month, and days outside to −1', () => {
    const index = monthIndex(['2020-02', '2020-03']);
    expect(index.of(day('2020-02-01'))).toBe(0);
    expect(index.of(day('2020-02-29'))).toBe(0);
    expect(index.of(day('2020-03-01'))).toBe(1);
    expect(index.of(day('2020-03-31'))).toBe(1);
    expect(index.of(day('2020-01-31'))).toBe(-1);
    expect(index.of(day('2020-04-01'))).toBe(-1);
    expect(index.of(null)).toBe(-1);
  });
});
