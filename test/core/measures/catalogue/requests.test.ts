import { describe, expect, it } from 'vitest';
import { FPOC, REQ_NEW, REQ_TO_ASSESS } from '../../../../functions/core/measures/catalogue/requests.ts';
import { at, community, events, inputs, request, run } from '../builder.ts';

// Period Jan–Mar 2021; population 2021 = 80,000 + 20,000 = 100,000 adults.
const data = events(
  { start: '2021-01-01', end: '2021-03-31', dob: { C: '2003-01-31', D: '2003-02-01' } },
  [
    request('A', '2021-01-10', '2021-01-31'), // month-end: counts in January; signposting → FPOC
    request('B', '2021-01-20', '2021-02-01', { outcome: 'Progress to assessment, review or reassessment' }), // February
    request('C', '2021-01-02', '2021-01-31', { outcome: 'Progress to support planning or services' }), // 18 on the end date
    request('D', '2021-01-02', '2021-01-31'), // 17 on the end date (birthday tomorrow): left out
    community('E', '2020-06-01', null),
    request('E', '2021-01-05', '2021-01-25'), // already has LTS: not a new client
    community('F', '2020-06-01', '2021-01-04'),
    request('F', '2021-01-05', '2021-01-25', { outcome: 'NFA: Referral to NHS services or NHS funded social care' }), // LTS ended the day before
    request('G', '2021-01-05', '2021-01-25', { client: 'Unpaid carer' }), // carers' requests are not SU requests
    community('I', '2021-02-10', null),
    request('I', '2021-02-10', '2021-02-15'), // LTS starts on the request date: active, so not new
  ],
);

describe('new-client requests', () => {
  it('REQ_NEW counts SU requests of adults with no LTS on the request start, per 100,000 adults', () => {
    const { series } = run(REQ_NEW, inputs(data));
    // January: A, C, F = 3 → 3 × 100,000 / 100,000 = 3.0. February: B = 1.0. March: none = 0.0.
    expect(at(series, '2021-01')).toEqual({ value: 3, numerator: 3, denominator: 100_000, reason: null });
    expect(at(series, '2021-02')).toEqual({ value: 1, numerator: 1, denominator: 100_000, reason: null });
    expect(at(series, '2021-03')).toEqual({ value: 0, numerator: 0, denominator: 100_000, reason: null });
  });

  it('FPOC: of the new-client requests, those resolved with advice or a referral', () => {
    const { series } = run(FPOC, inputs(data));
    // January: A (signposting) and F (NHS referral) of 3 → floor((20·100·2 + 3) / 6) / 10 = 66.7.
    expect(at(series, '2021-01')).toEqual({ value: 66.7, numerator: 2, denominator: 3, reason: null });
    expect(at(series, '2021-02')).toEqual({ value: 0, numerator: 0, denominator: 1, reason: null });
    expect(at(series, '2021-03')).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no denominator' });
  });

  it('REQ_TO_ASSESS: of the new-client requests, those progressed to assessment', () => {
    const { series } = run(REQ_TO_ASSESS, inputs(data));
    expect(at(series, '2021-01')).toEqual({ value: 0, numerator: 0, denominator: 3, reason: null });
    expect(at(series, '2021-02')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
  });

  it('a rate without a population says so and keeps the count', () => {
    const { series } = run(REQ_NEW, { events: data });
    expect(at(series, '2021-01')).toEqual({ value: null, numerator: 3, denominator: null, reason: 'no population' });
  });
});
