import { describe, expect, it } from 'vitest';
import { WAITING_ASSESS } from '../../../../functions/core/measures/catalogue/waiting.ts';
import type { WaitingData } from '../../../../functions/core/uploads/parsed.ts';
import { day, events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-11-30' }, []);

const waiting = (asAt: string, rows: [WaitingData['rows'][number]['waitingFor'], string][]): WaitingData => ({
  laCode: 'E08000018',
  asAt: day(asAt),
  rows: rows.map(([waitingFor, requested], i) => ({ personId: `W${i}`, dateOfBirth: day('1950-01-01'), waitingFor, requestDate: day(requested), team: null, priority: null })),
});

describe('WAITING_ASSESS', () => {
  it('one entry per file, sorted by month: count waiting for assessment and their median days', () => {
    const november = waiting('2021-11-30', [['Assessment', '2021-11-20'], ['Assessment', '2021-10-31'], ['Assessment', '2021-11-29'], ['Review', '2020-01-01']]);
    const october = waiting('2021-10-31', [['Assessment', '2021-10-01']]);
    const { series } = run(WAITING_ASSESS, inputs(data, { waiting: [november, october] }));
    // November waits 10, 30, 1 → median 10; October 30.
    expect(series).toEqual([
      { month: '2021-10', value: 1, numerator: 1, denominator: null, reason: null, medianDays: 30 },
      { month: '2021-11', value: 3, numerator: 3, denominator: null, reason: null, medianDays: 10 },
    ]);
  });

  it('counts adults only: age by the formula on as_at_date, 18 exactly counts, 17 does not', () => {
    // as_at 2021-11-30. Born 2003-11-30: 6575 days ≥ 18 × 365.25 = 6574.5 → age 18 → counted.
    // Born 2004-06-01: 17 → left out, and so is its 300-day wait from the median.
    const file: WaitingData = {
      laCode: 'E08000018',
      asAt: day('2021-11-30'),
      rows: [
        { personId: 'A', dateOfBirth: day('2003-11-30'), waitingFor: 'Assessment', requestDate: day('2021-11-20'), team: null, priority: null },
        { personId: 'B', dateOfBirth: day('2004-06-01'), waitingFor: 'Assessment', requestDate: day('2021-02-03'), team: null, priority: null },
      ],
    };
    expect(run(WAITING_ASSESS, inputs(data, { waiting: [file] })).series).toEqual([
      { month: '2021-11', value: 1, numerator: 1, denominator: null, reason: null, medianDays: 10 },
    ]);
  });

  it('without a waiting upload: one null entry for the events period', () => {
    expect(run(WAITING_ASSESS, inputs(data)).series).toEqual([
      { month: '2021-11', value: null, numerator: null, denominator: null, reason: 'no upload' },
    ]);
  });
});
