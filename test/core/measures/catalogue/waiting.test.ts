import { describe, expect, it } from 'vitest';
import { WAITING_ASSESS, WAITING_REVIEW, WAITING_SERVICE } from '../../../../functions/core/measures/catalogue/waiting.ts';
import type { WaitingData, WaitingFor } from '../../../../functions/core/uploads/parsed.ts';
import { day, events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-11-30' }, []);

type Row = [asAt: string, waitingFor: WaitingFor, requested: string];
const waiting = (rows: Row[]): WaitingData => ({
  laCode: 'E08000018',
  rows: rows.map(([asAt, waitingFor, requested], i) => ({ asAt: day(asAt), personId: `W${i}`, dateOfBirth: day('1950-01-01'), waitingFor, requestDate: day(requested), team: null, priority: null })),
});

describe('WAITING_ASSESS', () => {
  it('one entry per month, sorted by month: count waiting for assessment and their median days', () => {
    const november = waiting([['2021-11-30', 'Assessment', '2021-11-20'], ['2021-11-30', 'Assessment', '2021-10-31'], ['2021-11-30', 'Assessment', '2021-11-29'], ['2021-11-30', 'Review', '2020-01-01']]);
    const october = waiting([['2021-10-31', 'Assessment', '2021-10-01']]);
    const { series } = run(WAITING_ASSESS, inputs(data, { waiting: [november, october] }));
    // November waits 10, 30, 1 → median 10; October 30.
    expect(series).toEqual([
      { month: '2021-10', value: 1, numerator: 1, denominator: null, reason: null, medianDays: 30 },
      { month: '2021-11', value: 3, numerator: 3, denominator: null, reason: null, medianDays: 10 },
    ]);
  });

  it('a file of many months gives each month its own rows; a newer file replaces a month it holds whole', () => {
    const history = waiting([
      ['2021-09-30', 'Assessment', '2021-09-20'],
      ['2021-10-31', 'Assessment', '2021-10-21'],
      ['2021-10-31', 'Assessment', '2021-10-01'],
    ]);
    // The newer file holds October only, with one person: October is 1 (not 3), September stays.
    const newer = waiting([['2021-10-31', 'Assessment', '2021-10-30']]);
    expect(run(WAITING_ASSESS, inputs(data, { waiting: [history, newer] })).series.map((p) => [p.month, p.value, p.medianDays])).toEqual([
      ['2021-09', 1, 10],
      ['2021-10', 1, 1],
    ]);
    // In the other order the history file is the newer one and wins October: waits 10 and 30 → 20.
    expect(run(WAITING_ASSESS, inputs(data, { waiting: [newer, history] })).series.map((p) => [p.month, p.value, p.medianDays])).toEqual([
      ['2021-09', 1, 10],
      ['2021-10', 2, 20],
    ]);
  });

  it('counts adults only: age by the formula on as_at_date, 18 exactly counts, 17 does not', () => {
    // as_at 2021-11-30. Born 2003-11-30: 6575 days ≥ 18 × 365.25 = 6574.5 → age 18 → counted.
    // Born 2004-06-01: 17 → left out, and so is its 300-day wait from the median.
    const file: WaitingData = {
      laCode: 'E08000018',
      rows: [
        { asAt: day('2021-11-30'), personId: 'A', dateOfBirth: day('2003-11-30'), waitingFor: 'Assessment', requestDate: day('2021-11-20'), team: null, priority: null },
        { asAt: day('2021-11-30'), personId: 'B', dateOfBirth: day('2004-06-01'), waitingFor: 'Assessment', requestDate: day('2021-02-03'), team: null, priority: null },
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

describe('WAITING_REVIEW and WAITING_SERVICE', () => {
  const file = waiting([
    ['2021-11-30', 'Review', '2021-11-10'],
    ['2021-11-30', 'Review', '2021-11-28'],
    ['2021-11-30', 'Service', '2021-08-02'],
    ['2021-11-30', 'Assessment', '2021-11-01'],
  ]);
  it('count only their own kind of wait, with the median: reviews 20 and 2 days → 11; service 120 days', () => {
    expect(run(WAITING_REVIEW, inputs(data, { waiting: [file] })).series).toEqual([
      { month: '2021-11', value: 2, numerator: 2, denominator: null, reason: null, medianDays: 11 },
    ]);
    expect(run(WAITING_SERVICE, inputs(data, { waiting: [file] })).series).toEqual([
      { month: '2021-11', value: 1, numerator: 1, denominator: null, reason: null, medianDays: 120 },
    ]);
  });

  it('a month with nobody waiting for that kind is 0 with no median', () => {
    const none = waiting([['2021-10-31', 'Assessment', '2021-10-01']]);
    expect(run(WAITING_SERVICE, inputs(data, { waiting: [none] })).series).toEqual([
      { month: '2021-10', value: 0, numerator: 0, denominator: null, reason: null, medianDays: null },
    ]);
  });
});
