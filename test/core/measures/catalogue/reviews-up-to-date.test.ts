import { describe, expect, it } from 'vitest';
import { REVIEWS_UTD } from '../../../../functions/core/measures/catalogue/reviews-up-to-date.ts';
import { at, community, events, inputs, population, residential, review, run } from '../builder.ts';

// Period 1 Mar 2019 – 28 Feb 2021. February 2020 ends on the 29th: M_end − 1 year = 28 Feb 2019,
// so its look-back date is 1 Mar 2019, exactly the period start. January 2020 needs 1 Feb 2019.
const data = events(
  { start: '2019-03-01', end: '2021-02-28', dob: { R7: '2003-03-01' } },
  [
    community('R1', '2018-01-01', null),
    review('R1', '2019-02-20', '2019-03-01'), // in (28 Feb 2019, 29 Feb 2020]
    community('R2', '2018-01-01', null),
    review('R2', '2020-02-20', '2020-02-29'), // in both windows: (28 Feb 2020, 28 Feb 2021] holds 29 Feb 2020
    community('R3', '2018-01-01', null),
    review('R3', '2019-02-20', '2019-02-28'), // on the open end of February 2020's window: not reviewed
    community('R4', '2019-03-01', null), // not active on 28 Feb 2019, active on 28 Feb 2020
    review('R4', '2021-02-20', '2021-02-28'),
    residential('R5', '2018-01-01', '2019-06-30'), // another LTS row a year before counts
    community('R5', '2019-07-01', null),
    community('R6', '2018-01-01', '2020-02-28'), // ended the day before 29 Feb 2020
    community('R7', '2018-01-01', null), // under 18 on both month ends
    review('R7', '2020-02-01', '2020-02-02'),
    community('R8', '2018-01-01', null),
    review('R8', '2020-01-01', '2020-01-10', { client: 'Unpaid carer' }), // not an SU review
  ],
);

describe('REVIEWS_UTD', () => {
  const { series } = run(REVIEWS_UTD, inputs(data, { population: population({ 2019: [1, 1] }) }));

  it('needs the period to start by (M_end − 1 year) + 1 day', () => {
    expect(at(series, '2020-01')).toEqual({ value: null, numerator: null, denominator: null, reason: 'insufficient history' });
    expect(at(series, '2019-03').reason).toBe('insufficient history');
  });

  it('29 February 2020: D = R1 R2 R3 R5 R8, N = R1 R2 → 2/5 = 40.0', () => {
    expect(at(series, '2020-02')).toEqual({ value: 40, numerator: 2, denominator: 5, reason: null });
  });

  it('28 February 2021: D = R1 R2 R3 R4 R5 R8, N = R2 (29 Feb 2020) R4 → floor((4000 + 6) / 12) / 10 = 33.3', () => {
    expect(at(series, '2021-02')).toEqual({ value: 33.3, numerator: 2, denominator: 6, reason: null });
  });
});
