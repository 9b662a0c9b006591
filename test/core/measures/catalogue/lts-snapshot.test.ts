import { describe, expect, it } from 'vitest';
import { DIRECT_PAYMENTS, LTS_CLIENTS, SDS, SETTLED_ACCOM } from '../../../../functions/core/measures/catalogue/lts-snapshot.ts';
import { at, community, events, inputs, residential, review, run, service } from '../builder.ts';

// Month ends 31 Jan and 28 Feb 2021. L6 turns 18 on 1 Feb 2021.
const data = events(
  { start: '2021-01-01', end: '2021-02-28', dob: { L6: '2003-02-01' } },
  [
    residential('L1', '2020-01-01', null, { accommodation: 'Nursing home' }),
    community('L1', '2020-01-01', null, { accommodation: 'Tenant' }), // same start: the later row in file order wins
    review('L1', '2021-02-10', '2021-02-12'), // blank accommodation from February: not settled
    community('L2', '2020-01-01', null, { delivery: 'Direct payment', accommodation: '  owner occupier or SHARED   ownership scheme ' }),
    community('L3', '2020-01-01', '2021-01-31', { delivery: 'CASSR managed personal budget', accommodation: 'Residential care home' }),
    service('L4', 'Long term support: Prison', '2020-01-01', null),
    community('L5', '2021-02-28', null, { delivery: 'CASSR commissioned support', accommodation: 'Sheltered housing' }),
    community('L6', '2020-01-01', null, { accommodation: 'Tenant - social landlord' }),
    service('L7', 'Unpaid carer support: Direct to unpaid carer', '2020-01-01', null, { client: 'Unpaid carer' }),
    service('L8', 'Short term support: ST-Max', '2020-12-01', null),
  ],
);

describe('people with long term support on the month end', () => {
  it('LTS_CLIENTS: Jan L1 L2 L3 L4 = 4 (residential L1, community L2 L3); Feb L1 L2 L4 L5 L6 = 5', () => {
    const { series, breakdowns } = run(LTS_CLIENTS, inputs(data));
    expect(at(series, '2021-01')).toEqual({ value: 4, numerator: 4, denominator: null, reason: null });
    expect(at(series, '2021-02')).toEqual({ value: 5, numerator: 5, denominator: null, reason: null });
    expect(at(breakdowns.residential, '2021-01').value).toBe(1);
    expect(at(breakdowns.community, '2021-01').value).toBe(2);
    // Prison-only L4 is in N and in neither breakdown.
    expect(at(breakdowns.residential, '2021-02').value).toBe(1);
    expect(at(breakdowns.community, '2021-02').value).toBe(3);
  });

  it('SDS and DIRECT_PAYMENTS: D = people with community LTS (L1 counts: it has community too)', () => {
    const sds = run(SDS, inputs(data)).series;
    const dp = run(DIRECT_PAYMENTS, inputs(data)).series;
    // January: D = L1 L2 L3; SDS = L2 (DP) + L3 (managed budget) = 2 → 66.7; DP = L2 → 33.3.
    expect(at(sds, '2021-01')).toEqual({ value: 66.7, numerator: 2, denominator: 3, reason: null });
    expect(at(dp, '2021-01')).toEqual({ value: 33.3, numerator: 1, denominator: 3, reason: null });
    // February: D = L1 L2 L5 L6; SDS = DP = L2 → 25.0.
    expect(at(sds, '2021-02')).toEqual({ value: 25, numerator: 1, denominator: 4, reason: null });
    expect(at(dp, '2021-02')).toEqual({ value: 25, numerator: 1, denominator: 4, reason: null });
  });

  it('SETTLED_ACCOM: latest-starting row on or before M_end decides, folded match, blank is not settled', () => {
    const { series } = run(SETTLED_ACCOM, inputs(data));
    // January: L1 (Tenant) and L2 (owner occupier) of 4 → 50.0. February: L2 L5 L6 of 5 → 60.0.
    expect(at(series, '2021-01')).toEqual({ value: 50, numerator: 2, denominator: 4, reason: null });
    expect(at(series, '2021-02')).toEqual({ value: 60, numerator: 3, denominator: 5, reason: null });
  });
});
