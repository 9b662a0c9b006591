import { describe, expect, it } from 'vitest';
import { CARER_ASSESS } from '../../../../functions/core/measures/catalogue/carers.ts';
import { assessment, at, events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-02-28', dob: { K4: '2003-02-01' } }, [
  assessment('K1', '2021-01-01', '2021-01-31', { client: 'Unpaid carer' }),
  assessment('K2', '2021-01-01', '2021-02-01', { client: 'Unpaid carer known by association', assessmentType: 'Short term assessment' }),
  assessment('K3', '2021-01-01', '2021-01-10'), // a service user's assessment
  assessment('K4', '2021-01-01', '2021-01-31', { client: 'Unpaid carer' }), // carer aged 17 on the end date
  assessment('K5', '2021-01-01', '2021-01-10', { client: 'Unpaid carer', assessmentType: 'Financial assessment' }),
]);

describe('CARER_ASSESS', () => {
  it('counts adult carers’ assessments by month of end: January K1, February K2', () => {
    const { series } = run(CARER_ASSESS, inputs(data));
    expect(at(series, '2021-01')).toEqual({ value: 1, numerator: 1, denominator: null, reason: null });
    expect(at(series, '2021-02')).toEqual({ value: 1, numerator: 1, denominator: null, reason: null });
  });
});
