import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../functions/core/calendar/days.ts';
import { aroundMeasure, lookupsFromInputs } from '../../../functions/core/measures/around.ts';
import type { SeriesPoint } from '../../../functions/core/measures/document.ts';

const series = (values: (number | null)[], first = '2020-01'): SeriesPoint[] =>
  values.map((value, i) => ({ month: addMonths(first, i), value, numerator: null, denominator: null, reason: null }));

describe('around each measure', () => {
  const lookups = lookupsFromInputs({
    targets: [
      { measureId: 'X', financialYear: '2021/22', target: 50, breakdown: null, rebaseFrom: null, rebaseReason: null },
      { measureId: 'X', financialYear: '2020/21', target: 10, breakdown: null, rebaseFrom: null, rebaseReason: null },
      { measureId: 'X', financialYear: '2021/22', target: 60, breakdown: '65+', rebaseFrom: null, rebaseReason: null },
    ],
    commentary: [
      { period: '2021-05', measureId: 'X', workingWell: 'old', worriedAbout: null, nextSteps: null, leadOfficer: null },
      { period: '2021-05', measureId: 'X', workingWell: 'new', worriedAbout: 'w', nextSteps: 'n', leadOfficer: 'L' },
    ],
    benchmarks: [{ measureId: 'X', year: '2020/21', comparator: 'England', value: 40, basis: 'month', quartileBoundaries: [30, 40, 50] }],
  });

  it('latest month: target of its financial year, RAG, direction against a year earlier, benchmarks, commentary (later rows win)', () => {
    // 17 months Jan 2020 – May 2021; May 2021 = 46, May 2020 = 40.
    const values = [40, 42, 44, 41, 40, 43, 45, 41, 42, 44, 43, 42, 41, 40, 45, 44, 46];
    const around = aroundMeasure({ id: 'X', unit: 'percent', polarity: 'high', basis: 'month', series: series(values), breakdowns: { '65+': series([1, 2]) } }, lookups, '2021-05');
    expect(around.latest).toEqual({
      month: '2021-05', value: 46, target: 50, rag: 'amber', direction: 'improving', lastYear: 40,
      benchmarks: [{ comparator: 'England', year: '2020/21', value: 40, quartile: 'upper middle' }],
      commentary: { workingWell: 'new', worriedAbout: 'w', nextSteps: 'n', leadOfficer: 'L' },
      // April 2021 (44) against 2021/22's target 50: 6 short, more than 10% of 50, so red.
      previous: { month: '2021-04', value: 44, target: 50, rag: 'red' },
    });
    // The breakdown's latest month is February 2020 (financial year 2019/20): no target that year.
    expect(around.breakdownLatest?.['65+']).toMatchObject({ month: '2020-02', value: 2, target: null, rag: null });
    expect(around.spc).toMatchObject({ from: '2020-01', to: '2021-05', assuranceNote: null, rebase: null });
    expect(around.spcNote).toBeNull();
  });

  it('rates the month before against its own financial year: April compares with March', () => {
    // Ends April 2021 (41); March 2021 (42) is in 2020/21, whose target is 10: green for a high measure.
    const around = aroundMeasure({ id: 'X', unit: 'percent', polarity: 'high', basis: 'month', series: series([40, 42, 41], '2021-02'), breakdowns: {} }, lookups, '2021-04');
    expect(around.latest.previous).toEqual({ month: '2021-03', value: 42, target: 10, rag: 'green' });
    expect(around.latest).toMatchObject({ target: 50, rag: 'red' });
  });

  it('a rolling window has no SPC, and says why', () => {
    const around = aroundMeasure({ id: 'X', unit: 'per100k', polarity: 'low', basis: 'rolling12', series: series(Array(20).fill(5)), breakdowns: {} }, lookups, '2021-08');
    expect(around.spc).toBeNull();
    expect(around.spcNote).toBe('rolling window');
  });

  it('re-basing from the targets upload starts the SPC window and travels with it', () => {
    const withRebase = lookupsFromInputs({
      targets: [
        { measureId: 'X', financialYear: '2020/21', target: 10, breakdown: null, rebaseFrom: '2020-03', rebaseReason: null },
        { measureId: 'X', financialYear: '2021/22', target: 50, breakdown: null, rebaseFrom: '2020-03', rebaseReason: 'New service model' },
      ],
    });
    const values = [40, 42, 44, 41, 40, 43, 45, 41, 42, 44, 43, 42, 41, 40, 45, 44, 46];
    const around = aroundMeasure({ id: 'X', unit: 'percent', polarity: 'high', basis: 'month', series: series(values), breakdowns: {} }, withRebase, '2021-05');
    expect(around.rebase).toEqual({ from: '2020-03', reason: 'New service model' });
    expect(around.spc).toMatchObject({ from: '2020-03', to: '2021-05', rebase: { from: '2020-03', reason: 'New service model' } });
    // 15 values from March 2020: 44 + 41 + 40 + 43 + 45 + 41 + 42 + 44 + 43 + 42 + 41 + 40 + 45 + 44 + 46 = 641.
    expect(around.spc?.mean).toBeCloseTo(641 / 15, 4);
  });

  it('an empty series reports the fallback month with nulls', () => {
    const around = aroundMeasure({ id: 'Y', unit: 'count', polarity: 'low', basis: 'snapshot', series: [], breakdowns: {} }, lookups, '2021-11');
    expect(around.latest).toMatchObject({ month: '2021-11', value: null, target: null, rag: null, direction: null, commentary: null, benchmarks: [] });
    expect(around.spc).toBeNull();
  });
});
