import { describe, expect, it } from 'vitest';
import { ASSESS_LT, ASSESS_NO_SERVICE } from '../../../../functions/core/measures/catalogue/assessments.ts';
import { assessment, at, events, inputs, population, run } from '../builder.ts';

// Period Feb–Jun 2021: April 2021 starts financial year 2021/22, whose months from April are all
// covered; February and March belong to 2020/21, whose April 2020 is not.
const data = events(
  { start: '2021-02-01', end: '2021-06-30', dob: { P9: '2003-06-02' } },
  [
    assessment('P1', '2021-02-01', '2021-02-28'),
    assessment('P2', '2021-04-01', '2021-04-30', { outcome: 'NFA: Information and advice or signposting' }),
    assessment('P3', '2021-04-20', '2021-05-01', { outcome: 'NFA: Deceased' }),
    assessment('P4', '2021-05-01', '2021-05-10', { assessmentType: 'Short term assessment' }),
    assessment('P5', '2021-05-01', '2021-05-10', { client: 'Unpaid carer' }),
    assessment('P6', '2021-05-01', '2021-05-10', { assessmentType: 'Financial assessment' }),
    assessment('P7', '2021-06-01', '2021-06-15'),
    assessment('P8', '2021-06-01', '2021-06-20', { outcome: 'NFA: Responsibility moved to another local authority' }),
    assessment('P9', '2021-06-01', '2021-06-01'), // 17 on the end date
  ],
);

describe('ASSESS_LT', () => {
  it('counts SU long term assessments of adults by month of end, per 100,000 adults, with the year to date', () => {
    const { series } = run(ASSESS_LT, inputs(data));
    // Counts: Feb 1 (P1), Mar 0, Apr 1 (P2), May 1 (P3), Jun 2 (P7, P8); 100,000 adults so rate = count.
    expect(series.map((p) => [p.month, p.numerator, p.value])).toEqual([
      ['2021-02', 1, 1], ['2021-03', 0, 0], ['2021-04', 1, 1], ['2021-05', 1, 1], ['2021-06', 2, 2],
    ]);
    // Year to date: April 2020 is not covered for Feb/Mar; from April 2021: 1, 1+1, 1+1+2.
    expect(series.map((p) => p.ytd)).toEqual([
      { numerator: null, value: null, reason: 'incomplete year' },
      { numerator: null, value: null, reason: 'incomplete year' },
      { numerator: 1, value: 1, reason: null },
      { numerator: 2, value: 2, reason: null },
      { numerator: 4, value: 4, reason: null },
    ]);
  });

  it('rates use the population of the calendar year of the month end', () => {
    // 2021 adults = 150,000 + 50,000: June 2 → floor((20·100000·2 + 200000) / 400000) / 10 = 1.0;
    // year to date 4 → 2.0; one assessment → 0.5.
    const { series } = run(ASSESS_LT, inputs(data, { population: population({ 2021: [150_000, 50_000] }) }));
    expect(at(series, '2021-06')).toEqual({ value: 1, numerator: 2, denominator: 200_000, reason: null });
    expect(series[4].ytd).toEqual({ numerator: 4, value: 2, reason: null });
    expect(at(series, '2021-04').value).toBe(0.5);
  });
});

describe('ASSESS_NO_SERVICE', () => {
  it('of long term assessments (not deceased or moved), those with an NFA outcome', () => {
    const { series } = run(ASSESS_NO_SERVICE, inputs(data));
    expect(at(series, '2021-02')).toEqual({ value: 0, numerator: 0, denominator: 1, reason: null });
    expect(at(series, '2021-03')).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no denominator' });
    expect(at(series, '2021-04')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    // May: P3 died, left out of D. June: P8 moved away, left out; P7 progressed to services.
    expect(at(series, '2021-05')).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no denominator' });
    expect(at(series, '2021-06')).toEqual({ value: 0, numerator: 0, denominator: 1, reason: null });
  });
});
