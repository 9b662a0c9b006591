import { describe, expect, it } from 'vitest';
import { previousYear } from '../../../functions/core/cards/previous-year.ts';
import type { MeasureResult, SeriesPoint } from '../../../functions/core/measures/document.ts';

const YEAR = ['2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03'];
const point = (month: string, value: number, numerator: number, denominator: number | null): SeriesPoint => ({ month, value, numerator, denominator, reason: null });

function measure(unit: MeasureResult['unit'], basis: MeasureResult['basis'], series: SeriesPoint[]): MeasureResult {
  return {
    id: 'X', title: 'X', unit, polarity: 'high', basis, series, breakdowns: {}, spc: null, spcNote: null,
    latest: { month: series.at(-1)!.month, value: series.at(-1)!.value, target: null, rag: null, direction: null },
  };
}

describe('previous financial year', () => {
  it('a month-end position: its value in March', () => {
    const m = measure('percent', 'snapshot', [point('2021-02', 50, 100, 200), point('2021-03', 55.5, 111, 200), point('2021-11', 60, 120, 200)]);
    expect(previousYear(m, true)).toEqual({ label: '2020/21 (position at March 2021)', text: '55.5%', value: 55.5 });
  });

  it('events in each month: the whole year from its twelve months', () => {
    // 12 months of 10 → 120 in the year.
    const counts = measure('count', 'month', [...YEAR.map((mo) => point(mo, 10, 10, null)), point('2021-11', 9, 9, null)]);
    expect(previousYear(counts, true)).toEqual({ label: '2020/21 (the whole year, April 2020 to March 2021)', text: '120', value: 120 });
    // 120 of 12 × 40 = 480 → 25.0%.
    const percents = measure('percent', 'month', [...YEAR.map((mo) => point(mo, 25, 10, 40)), point('2021-11', 20, 8, 40)]);
    expect(previousYear(percents, true)?.value).toBe(25);
    // 120 on March's population of 200,000 → 60.0 per 100,000.
    const rates = measure('per100k', 'month', [...YEAR.map((mo, i) => point(mo, 5, 10, i === 11 ? 200_000 : 190_000)), point('2021-11', 5, 10, 200_000)]);
    expect(previousYear(rates, true)).toMatchObject({ text: '60.0 per 100,000', value: 60 });
  });

  it('withheld when any month it is made from is withheld; exact without disclosure control', () => {
    const series = [...YEAR.map((mo, i) => point(mo, 25, i === 5 ? 4 : 10, 40)), point('2021-11', 20, 8, 40)];
    expect(previousYear(measure('percent', 'month', series), true)).toMatchObject({ text: '*', value: null });
    // (11 × 10 + 4) / 480 = 23.75% → 23.8.
    expect(previousYear(measure('percent', 'month', series), false)?.value).toBe(23.8);
  });

  it('reads the published view too: a month it marks withheld (value and numerator null) gives *, not a silent gap', () => {
    const withheld = (mo: string): SeriesPoint => ({ month: mo, value: null, numerator: null, denominator: 40, reason: 'small numbers', withheld: true });
    const series = [...YEAR.map((mo, i) => (i === 5 ? withheld(mo) : point(mo, 25, 10, 40))), point('2021-11', 20, 8, 40)];
    expect(previousYear(measure('percent', 'month', series), true)).toMatchObject({ text: '*', value: null });
    const snapshot = measure('percent', 'snapshot', [withheld('2021-03'), point('2021-11', 60, 120, 200)]);
    expect(previousYear(snapshot, true)).toEqual({ label: '2020/21 (position at March 2021)', text: '*', value: null });
  });

  it('none for a median, for a year not fully covered, or for a March with no value', () => {
    expect(previousYear(measure('days', 'month', [...YEAR.map((mo) => point(mo, 30, 10, null)), point('2021-11', 30, 10, null)]), true)).toBeNull();
    expect(previousYear(measure('count', 'month', [...YEAR.slice(1).map((mo) => point(mo, 10, 10, null)), point('2021-11', 9, 9, null)]), true)).toBeNull();
    expect(previousYear(measure('count', 'snapshot', [point('2021-11', 9, 9, null)]), true)).toBeNull();
  });
});
