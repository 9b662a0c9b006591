import { describe, expect, it } from 'vitest';
import { benchmarksFor, benchmarkYearEnd, quartileOf } from '../../../functions/core/measures/benchmarks.ts';
import type { BenchmarkRow } from '../../../functions/core/uploads/parsed.ts';

const row = (year: string, comparator: string, value: number, basis: BenchmarkRow['basis'] = 'rolling12', q: BenchmarkRow['quartileBoundaries'] = null): BenchmarkRow =>
  ({ measureId: 'X', year, comparator, value, basis, quartileBoundaries: q });

describe('benchmarks', () => {
  it('a financial year ends in March, a calendar year in December', () => {
    expect(benchmarkYearEnd('2020/21')).toBe('2021-03');
    expect(benchmarkYearEnd('2021')).toBe('2021-12');
    expect(benchmarkYearEnd('21')).toBeNull();
  });

  it('per comparator, the latest year not ending after M’s financial year, same basis only', () => {
    const rows = [
      row('2019/20', 'England', 1),
      row('2020/21', 'England', 2),
      row('2021/22', 'England', 3), // November 2021 is in 2021/22, which ends March 2022: allowed
      row('2022/23', 'England', 4), // ends after: not yet
      row('2021', 'Region', 5), // ends December 2021 ≤ March 2022
      row('2022', 'Region', 6), // ends December 2022: not yet
      row('2021/22', 'Neighbours', 7, 'month'), // other basis
    ];
    const got = benchmarksFor(rows, { id: 'X', basis: 'rolling12', polarity: 'neutral' }, '2021-11', 10);
    expect(got).toEqual([
      { comparator: 'England', year: '2021/22', value: 3, quartile: null },
      { comparator: 'Region', year: '2021', value: 5, quartile: null },
    ]);
    // In March 2021 (financial year 2020/21, ending March 2021) calendar 2021 is too late.
    expect(benchmarksFor(rows, { id: 'X', basis: 'rolling12', polarity: 'neutral' }, '2021-03', 10).map((b) => b.year)).toEqual(['2020/21']);
  });

  it('quartiles are oriented by polarity', () => {
    const q: [number, number, number] = [10, 20, 30];
    expect(quartileOf(31, q, 'high')).toBe('top');
    expect(quartileOf(25, q, 'high')).toBe('upper middle');
    expect(quartileOf(15, q, 'high')).toBe('lower middle');
    expect(quartileOf(5, q, 'high')).toBe('bottom');
    expect(quartileOf(5, q, 'low')).toBe('top');
    expect(quartileOf(31, q, 'low')).toBe('bottom');
    expect(quartileOf(31, q, 'neutral')).toBeNull();
    expect(quartileOf(null, q, 'high')).toBeNull();
  });
});
