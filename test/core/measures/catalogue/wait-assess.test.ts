import { describe, expect, it } from 'vitest';
import { WAIT_ASSESS_DAYS } from '../../../../functions/core/measures/catalogue/wait-assess.ts';
import { assessment, at, events, inputs, request, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-03-31' }, [
  request('W1', '2020-12-01', '2020-12-05'),
  request('W1', '2021-01-05', '2021-01-05'),
  assessment('W1', '2021-01-05', '2021-01-20'), // request on the same day as the assessment start: wait 15
  request('W2', '2020-11-20', '2020-11-21'),
  request('W2', '2021-01-12', '2021-01-13'), // starts after the assessment start: not the one
  assessment('W2', '2021-01-10', '2021-01-31'), // 20 Nov → 31 Jan = 10 + 31 + 31 = 72
  assessment('W3', '2021-01-10', '2021-01-31'), // no request: left out
  request('W4', '2021-01-01', '2021-01-02', { client: 'Unpaid carer' }),
  assessment('W4', '2021-01-10', '2021-01-31'), // only a carer's request: left out
  request('W5', '2021-02-01', '2021-02-01'),
  assessment('W5', '2021-02-02', '2021-02-11'), // 10
  request('W6', '2021-01-01', '2021-01-01'),
  assessment('W6', '2021-02-01', '2021-02-28'), // 58
  request('W7', '2021-02-10', '2021-02-10'),
  assessment('W7', '2021-02-10', '2021-02-13'), // 3
]);

describe('WAIT_ASSESS_DAYS', () => {
  it('median days from the latest request on or before the assessment start to the assessment end', () => {
    const { series } = run(WAIT_ASSESS_DAYS, inputs(data));
    // January waits [15, 72]: even count, mean of the middle two = 43.5.
    expect(at(series, '2021-01')).toEqual({ value: 43.5, numerator: 2, denominator: null, reason: null });
    // February waits [10, 58, 3] → sorted [3, 10, 58] → 10.
    expect(at(series, '2021-02')).toEqual({ value: 10, numerator: 3, denominator: null, reason: null });
    expect(at(series, '2021-03')).toEqual({ value: null, numerator: 0, denominator: null, reason: 'no denominator' });
  });
});
