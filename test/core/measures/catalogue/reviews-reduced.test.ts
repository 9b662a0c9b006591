import { describe, expect, it } from 'vitest';
import { REVIEWS_REDUCED } from '../../../../functions/core/measures/catalogue/reviews-reduced.ts';
import { at, community, events, inputs, review, run } from '../builder.ts';

const data = events(
  { start: '2021-01-01', end: '2021-01-31', dob: { V2: '1956-01-20', V4: '1980-05-05' } },
  [
    // V1 (65+): 10 × 20.50 = 205 before; 5 × 20.50 = 102.5 the day after the review → reduced.
    community('V1', '2020-01-01', '2021-01-15', { units: '10', cost: '20.50' }),
    community('V1', '2021-01-16', null, { units: '5', cost: '20.50' }),
    review('V1', '2021-01-10', '2021-01-15'),
    // V2: 65 exactly on the review's end date → 65+; cost unchanged (150) → not reduced.
    community('V2', '2020-01-01', null, { units: '10', cost: '15' }),
    review('V2', '2021-01-05', '2021-01-20'),
    // V3: blank unit cost counts as 0, so before = 0: left out of D.
    community('V3', '2020-01-01', null, { units: '10' }),
    review('V3', '2021-01-05', '2021-01-20'),
    // V4 (18-64): 7.5 × 2 = 15 before; support ends on the review's end date, so 0 after → reduced.
    community('V4', '2020-01-01', '2021-01-20', { units: '7.5', cost: '2' }),
    review('V4', '2021-01-05', '2021-01-20'),
    // V5 (65+): 0.1 + 0.2 before and 0.3 after are equal in decimals (binary floats would say 0.30000000000000004 > 0.3).
    community('V5', '2020-01-01', '2021-01-25', { units: '0.1', cost: '1', component: 'Home care' }),
    community('V5', '2020-01-01', '2021-01-25', { units: '0.2', cost: '1', component: 'Day care' }),
    community('V5', '2021-01-26', null, { units: '0.3', cost: '1' }),
    review('V5', '2021-01-10', '2021-01-25'),
    // V6: a carer's review is not an SU review.
    community('V6', '2020-01-01', '2021-01-10', { units: '1', cost: '1' }),
    review('V6', '2021-01-05', '2021-01-10', { client: 'Unpaid carer' }),
  ],
);

describe('REVIEWS_REDUCED', () => {
  const { series, breakdowns } = run(REVIEWS_REDUCED, inputs(data));

  it('D = SU reviews with paid LTS before (V1 V2 V4 V5), N = cost lower after (V1 V4) → 50.0', () => {
    expect(at(series, '2021-01')).toEqual({ value: 50, numerator: 2, denominator: 4, reason: null });
  });

  it('breaks down by age at the review end: 18-64 = V4 (1/1), 65+ = V1 V2 V5 (1/3 → 33.3)', () => {
    expect(at(breakdowns['18-64'], '2021-01')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    expect(at(breakdowns['65+'], '2021-01')).toEqual({ value: 33.3, numerator: 1, denominator: 3, reason: null });
  });
});
