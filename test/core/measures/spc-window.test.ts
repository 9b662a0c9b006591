import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../functions/core/calendar/days.ts';
import type { SeriesPoint } from '../../../functions/core/measures/document.ts';
import { chartWindow, spcFor, type SpcInput } from '../../../functions/core/measures/spc-window.ts';

const series = (values: (number | null)[], first = '2019-01'): SeriesPoint[] =>
  values.map((value, i) => ({ month: addMonths(first, i), value, numerator: null, denominator: null, reason: null }));
const alternating = (n: number, a: number, b: number) => Array.from({ length: n }, (_, i) => (i % 2 ? b : a));
const measure = (values: (number | null)[], over: Partial<SpcInput> = {}): SpcInput => ({ unit: 'count', polarity: 'high', basis: 'month', series: series(values), ...over });

describe('SPC window: the last 24 months, the chart\'s months', () => {
  it('leaves out months before the last 24 and names the window', () => {
    // Six months of 100 (Jan–Jun 2019), then 10, 12, … for 24 months (Jul 2019 – Jun 2021):
    // the window is those 24 only, so mean 11 and limits 11 ± 2.66 × 2.
    const { spc, spcNote } = spcFor(measure([...Array(6).fill(100), ...alternating(24, 10, 12)]), null, null);
    expect(spcNote).toBeNull();
    expect(spc).toMatchObject({ from: '2019-07', to: '2021-06', mean: 11, lower: 5.68, upper: 16.32, variation: 'common cause' });
  });

  it('the chart draws the same months', () => {
    const s = series([...Array(6).fill(100), ...alternating(24, 10, 12)]);
    expect(chartWindow(s).map((p) => p.month)).toEqual(Array.from({ length: 24 }, (_, i) => addMonths('2019-07', i)));
  });

  it('counts calendar months, so a snapshot history with gaps keeps only months within 24 of the latest', () => {
    // Snapshots Jan 2019 – Feb 2020 (14) and Jun 2020 – May 2021 (12): 24 months back from May 2021 is Jun 2019.
    const s = [...series(alternating(14, 10, 12), '2019-01'), ...series(alternating(12, 10, 12), '2020-06')];
    const { spc } = spcFor({ unit: 'count', polarity: 'neutral', basis: 'snapshot', series: s }, null, null);
    expect(spc).toMatchObject({ from: '2019-06', to: '2021-05' });
    expect(chartWindow(s)).toHaveLength(9 + 12);
  });

  it('re-basing starts the window at the officers\' month and is carried with its reason', () => {
    const rebase = { from: '2020-07', reason: 'New triage model' };
    // From Jul 2020: 12 values of 10, 12, … → mean 11, limits 5.68 and 16.32.
    const { spc } = spcFor(measure([...Array(18).fill(100), ...alternating(12, 10, 12)]), null, rebase);
    expect(spc).toMatchObject({ from: '2020-07', to: '2021-06', mean: 11, lower: 5.68, upper: 16.32, rebase });
  });
});

describe('where SPC applies, and why not', () => {
  it('not on a rolling 12-month window', () => {
    expect(spcFor(measure(alternating(24, 10, 12), { basis: 'rolling12' }), 10, null)).toEqual({ spc: null, spcNote: 'rolling window' });
  });

  it('no data, or fewer than 12 points in the window', () => {
    expect(spcFor(measure([null, null, null]), null, null)).toEqual({ spc: null, spcNote: 'no data' });
    expect(spcFor(measure([]), null, null)).toEqual({ spc: null, spcNote: 'no data' });
    expect(spcFor(measure(alternating(11, 10, 12)), null, null)).toEqual({ spc: null, spcNote: 'fewer than 12 points' });
    // 30 values but re-based 11 months before the latest: 11 points since.
    expect(spcFor(measure(alternating(30, 10, 12)), null, { from: '2020-08', reason: null }).spcNote).toBe('fewer than 12 points');
  });
});

describe('limits clipped to the possible range', () => {
  // 1, 9, … (12 values): mean 5, moving range 8 → limits 5 ± 21.28, 2-sigma lines 5 ± 14.1867.
  it('a count or percentage never below 0', () => {
    for (const unit of ['count', 'percent', 'per100k', 'days', 'hours'] as const) {
      const { spc } = spcFor(measure(alternating(12, 1, 9), { unit }), null, null);
      expect(spc).toMatchObject({ mean: 5, lower: 0, upper: 26.28, lowerWarning: 0, upperWarning: 19.1867 });
    }
  });

  it('a percentage never above 100', () => {
    // 99, 91, …: mean 95 → limits 73.72 and 116.28 → 100; 2-sigma 80.8133 and 109.1867 → 100.
    const { spc } = spcFor(measure(alternating(12, 99, 91), { unit: 'percent' }), null, null);
    expect(spc).toMatchObject({ mean: 95, lower: 73.72, upper: 100, lowerWarning: 80.8133, upperWarning: 100 });
  });

  it('money may go below 0 (a variance)', () => {
    const { spc } = spcFor(measure(alternating(12, -1, 1), { unit: 'gbp', polarity: 'low' }), null, null);
    expect(spc).toMatchObject({ mean: 0, lower: -5.32, upper: 5.32 });
  });
});

describe('assurance withheld while the process is moving', () => {
  it('the latest point in a run of 7: assurance null, with the month the run began', () => {
    // Mean 250 / 13 = 19.23; the last seven (from Jul 2019) are below it. Target 5 is inside the limits.
    const values = [10, 30, 10, 30, 10, 30, 19, 18, 19, 18, 19, 18, 19];
    const { spc } = spcFor(measure(values), 5, null);
    expect(spc).toMatchObject({ variation: 'concern', assurance: null, assuranceNote: 'process changing since 2019-07' });
  });

  it('the latest point in a trend of 7', () => {
    const values = [10, 14, 10, 14, 10, 14, 10, 11, 12, 13, 14, 15, 16];
    expect(spcFor(measure(values), 12, null).spc).toMatchObject({ assurance: null, assuranceNote: 'process changing since 2019-07' });
  });

  it('a single point beyond a limit is not a moving process: assurance stands', () => {
    // 10, 14, … 30: mean 13.33, upper 27.84; target 20 inside: hit and miss.
    const values = [...alternating(11, 10, 14), 30];
    expect(spcFor(measure(values), 20, null).spc).toMatchObject({ variation: 'improvement', assurance: 'hit and miss', assuranceNote: null });
  });

  it('no target: nothing is withheld, so no note', () => {
    const values = [10, 30, 10, 30, 10, 30, 19, 18, 19, 18, 19, 18, 19];
    expect(spcFor(measure(values), null, null).spc).toMatchObject({ assurance: null, assuranceNote: null });
  });
});
