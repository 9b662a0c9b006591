import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../functions/core/calendar/days.ts';
import { computeSpc } from '../../../functions/core/measures/spc.ts';
import type { SeriesPoint } from '../../../functions/core/measures/document.ts';

const series = (values: (number | null)[]): SeriesPoint[] =>
  values.map((value, i) => ({ month: addMonths('2020-01', i), value, numerator: null, denominator: null, reason: null }));
const alternating = (n: number, a = 10, b = 12) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));

describe('SPC (XmR)', () => {
  it('needs 12 values', () => {
    expect(computeSpc(series(alternating(11)), 'high', null)).toBeNull();
    expect(computeSpc(series([...alternating(11), null, null]), 'high', null)).toBeNull();
  });

  it('mean ± 2.66 × mean moving range; 2-sigma lines at ⅔ of that; common cause', () => {
    // 10, 12, … (12 values): mean 11, every moving range 2 → 11 ± 5.32 and 11 ± 3.5467.
    const spc = computeSpc(series(alternating(12)), 'high', null);
    expect(spc).toMatchObject({ mean: 11, upper: 16.32, lower: 5.68, upperWarning: 14.5467, lowerWarning: 7.4533, variation: 'common cause', assurance: null, specialCauses: [] });
  });

  it('takes moving ranges only between consecutive months that both have a value', () => {
    // Non-null: 10, 20, 10, then 12/10 alternating: mean 140/12; ranges |10−20| + 9 × 2 = 28 over 10 (the gap is not bridged).
    const spc = computeSpc(series([10, null, 20, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12]), 'neutral', null);
    expect(spc?.mean).toBeCloseTo(140 / 12, 4);
    expect(spc?.upper).toBeCloseTo(140 / 12 + 2.66 * 2.8, 4);
  });

  it('a point beyond a limit: improvement, concern or neutral by polarity', () => {
    // 10, 14, … 10, 30: mean 160 / 12 = 13.33 (the 10s and 14s straddle it: no run); ranges 10 × 4 + 20 = 60
    // over 11 → upper 13.33 + 14.51 = 27.84 < 30.
    const values = [...alternating(11, 10, 14), 30];
    expect(computeSpc(series(values), 'high', null)?.variation).toBe('improvement');
    expect(computeSpc(series(values), 'low', null)?.variation).toBe('concern');
    expect(computeSpc(series(values), 'neutral', null)?.variation).toBe('neutral');
    expect(computeSpc(series(values), 'high', null)?.specialCauses).toEqual([{ month: '2020-12', side: 'good' }]);
  });

  it('a run of 7 on one side of the mean (length is a setting)', () => {
    // Mean (120 + 130) / 13 = 19.23; the last seven (19/18) are all below it; limits about ±26 and 2σ lines about ±17 catch nothing.
    const values = [10, 30, 10, 30, 10, 30, 19, 18, 19, 18, 19, 18, 19];
    expect(computeSpc(series(values), 'high', null)?.variation).toBe('concern');
    expect(computeSpc(series(values), 'low', null)?.specialCauses).toHaveLength(7);
    expect(computeSpc(series(values), 'low', null)?.variation).toBe('improvement');
    expect(computeSpc(series(values), 'high', null, { runLength: 8 })?.variation).toBe('common cause');
  });

  it('a point exactly on the mean breaks a run', () => {
    // Mean 280 / 14 = 20 exactly: 18 18 18 20 18 18 18 is two runs of 3, no signal.
    expect(computeSpc(series([0, 40, 0, 40, 0, 40, 18, 18, 18, 20, 18, 18, 18, 32]), 'high', null)?.specialCauses).toEqual([]);
    // Control: seven 18s (mean still 20) is a run.
    expect(computeSpc(series([0, 40, 0, 40, 0, 40, 18, 18, 18, 18, 18, 18, 18, 34]), 'high', null)?.specialCauses).toHaveLength(7);
  });

  it('a trend of 7 points each strictly above the one before (length is a setting); equal points break it', () => {
    const values = [10, 14, 10, 14, 10, 14, 10, 11, 12, 13, 14, 15, 16];
    const spc = computeSpc(series(values), 'high', null);
    expect(spc?.variation).toBe('improvement');
    expect(spc?.specialCauses?.map((c) => c.month)).toEqual(['2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01']);
    expect(computeSpc(series(values), 'high', null, { trendLength: 8 })?.variation).toBe('common cause');
    expect(computeSpc(series([10, 14, 10, 14, 10, 14, 10, 11, 12, 12, 14, 15, 16]), 'high', null)?.variation).toBe('common cause');
  });

  it('2 of 3 consecutive points beyond the same 2-sigma line', () => {
    // Mean 142 / 12 = 11.83, ranges 22 / 11 = 2 → 2σ line 15.38, limit 17.15: 16 and 16 are beyond the line only.
    const spc = computeSpc(series([...alternating(10), 16, 16]), 'high', null);
    expect(spc?.variation).toBe('improvement');
    expect(spc?.specialCauses).toEqual([{ month: '2020-11', side: 'good' }, { month: '2020-12', side: 'good' }]);
  });

  it('assurance: target outside the limits on the bad side passes, on the good side fails; exact at the limit', () => {
    const values = series(alternating(12)); // limits 5.68 and 16.32 exactly
    expect(computeSpc(values, 'high', 5.67)?.assurance).toBe('consistently pass');
    expect(computeSpc(values, 'high', 5.68)?.assurance).toBe('hit and miss');
    expect(computeSpc(values, 'high', 17)?.assurance).toBe('consistently fail');
    expect(computeSpc(values, 'low', 17)?.assurance).toBe('consistently pass');
    expect(computeSpc(values, 'low', 5)?.assurance).toBe('consistently fail');
    expect(computeSpc(values, 'low', 11)?.assurance).toBe('hit and miss');
    expect(computeSpc(values, 'neutral', 5)?.assurance).toBeNull();
  });
});
