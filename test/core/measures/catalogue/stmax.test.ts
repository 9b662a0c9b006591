import { describe, expect, it } from 'vitest';
import { STMAX_NO_FURTHER } from '../../../../functions/core/measures/catalogue/stmax.ts';
import { at, community, events, inputs, run, service } from '../builder.ts';

const stmax = (person: string, start: string, end: string | null, outcome = 'NFA: Support ended as planned' as const) =>
  service(person, 'Short term support: ST-Max', start, end, end ? { outcome } : {});

// Look-back (M_end − 1 year) − 90 days: March 2021 needs 1 Jan 2020 (the period start), February 2021 needs 30 Nov 2019.
const data = events({ start: '2020-01-01', end: '2021-06-30', dob: { S9: '2004-01-01' } }, [
  stmax('S1', '2021-01-01', '2021-01-31'), // no LTS after: success
  stmax('S2', '2021-02-01', '2021-02-28'),
  community('S2', '2021-03-07', null), // LTS on end + 7 days: not a success
  stmax('S3', '2021-03-01', '2021-03-20'),
  community('S3', '2021-03-28', null), // end + 8 days: success
  service('S4', 'Short term support: ST-Max', '2021-04-01', '2021-04-10', { outcome: 'NFA: Deceased' }), // left out
  community('S5', '2020-12-01', '2020-12-31'),
  stmax('S5', '2021-04-01', '2021-04-30'), // LTS active on start − 91 days (31 Dec): not an episode
  community('S6', '2020-12-01', '2020-12-30'),
  stmax('S6', '2021-04-01', '2021-04-30'), // LTS ended start − 92 days: an episode, success
  stmax('S7', '2020-06-01', '2020-06-30'),
  community('S7', '2020-07-01', null), // not a success; counts in March's window, not June's
  stmax('S8', '2021-05-01', null), // still open: no end
  stmax('S9', '2021-05-01', '2021-05-20'), // 17 at end
]);

describe('STMAX_NO_FURTHER', () => {
  const { series } = run(STMAX_NO_FURTHER, inputs(data));

  it('June 2021: episodes ending in (30 Jun 2020, 30 Jun 2021] = S1 S2 S3 S6, successes S1 S3 S6 → 75.0', () => {
    expect(at(series, '2021-06')).toEqual({ value: 75, numerator: 3, denominator: 4, reason: null });
  });

  it('March 2021: S7 S1 S2 S3, successes S1 S3 → 50.0; February 2021 is short of history', () => {
    expect(at(series, '2021-03')).toEqual({ value: 50, numerator: 2, denominator: 4, reason: null });
    expect(at(series, '2021-02')).toEqual({ value: null, numerator: null, denominator: null, reason: 'insufficient history' });
  });
});
