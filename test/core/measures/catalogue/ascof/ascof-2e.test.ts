/**
 * ASCOF 2E (18–64, 65+, learning disability) against hand-made people. Each test names the rule
 * it checks: of ASCOF_measures/Create_ASCOF_2E_2425_Onwards.sql, or of
 * ASCOF_measures/Create_personal_details_table.sql where the accommodation status comes from
 * (by the SQL's comment heading). June 2021's period is 1 Jul 2020 – 30 Jun 2021.
 */
import { describe, expect, it } from 'vitest';
import { ASCOF_2E, ASCOF_2E_65, ASCOF_2E_LD } from '../../../../../functions/core/measures/catalogue/ascof/ascof-2e.ts';
import type { RowSpec } from '../../builder.ts';
import { at, community, events, inputs, residential, review, run, service } from '../../builder.ts';

const OWNER = 'Owner occupier or shared ownership scheme';
const june = (measure: typeof ASCOF_2E, rows: RowSpec[], dob: Record<string, string> = {}, dod: Record<string, string> = {}) =>
  at(run(measure, inputs(events({ start: '2020-01-01', end: '2021-06-30', dob, dod }, rows))).series, '2021-06');

describe('ASCOF_2E (Create_ASCOF_2E_2425_Onwards.sql)', () => {
  it('"Identify latest known accommodation status": a known status outranks a later blank one', () => {
    expect(june(ASCOF_2E_65, [
      review('P1', '2020-02-01', '2020-02-10', { accommodation: OWNER }),
      community('P1', '2020-03-01', null), // open, so ranked first by end date, but blank: unknown ranks below known
    ])).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
  });

  it('"Overwrites conflicting accommodation status\' with \'Unknown\'", then deduced from the latest services', () => {
    expect(june(ASCOF_2E_65, [
      community('P1', '2020-03-01', null, { accommodation: 'Tenant: Private landlord' }),
      community('P1', '2020-03-01', null, { accommodation: 'Registered care home', component: 'Day care' }),
      // conflict → Unknown → community without a setting component → Unknown: Presumed in community (not settled)
      community('P2', '2020-03-01', null, { component: 'Home support or domiciliary care' }), // → Unknown: Presumed at home (settled)
      residential('P3', '2020-03-01', null), // → Registered care home
    ])).toEqual({ value: 33.3, numerator: 1, denominator: 3, reason: null });
  });

  it('"Build the raw table of all Clients in scope": prison LTS counts; people who died before the period do not', () => {
    expect(june(ASCOF_2E_65, [
      service('P1', 'Long term support: Prison', '2020-03-01', null, { accommodation: 'Prison, young offenders institution or detention centre' }),
      community('P2', '2020-03-01', null, { accommodation: OWNER }),
      community('P3', '2020-03-01', '2020-06-30', { accommodation: OWNER }), // ended before the period
      community('P4', '2020-03-01', '2020-08-01', { accommodation: OWNER }), // died 30 Jun 2020
    ], {}, { P4: '2020-06-30' })).toEqual({ value: 50, numerator: 1, denominator: 2, reason: null });
  });

  it('"Person_Age": age at the end of the latest service (capped at the period end), from the first of the birth month', () => {
    const rows = [
      community('P1', '2020-03-01', '2020-08-31', { accommodation: OWNER }), // born Sep 1955: 64 on 31 Aug 2020, 65 by June 2021
      community('P2', '2020-03-01', null, { accommodation: OWNER }), // born 15 Jun 1956: 65 on 30 Jun 2021
    ];
    const dob = { P1: '1955-09-01', P2: '1956-06-15' };
    expect(june(ASCOF_2E, rows, dob)).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    expect(june(ASCOF_2E_65, rows, dob)).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
  });

  it('"@LD_Filter = 1": 18–64 with primary support reason learning disability; support to an unpaid carer ranks as unknown', () => {
    const young = { P1: '1990-01-01', P2: '1990-01-01', P3: '1990-01-01', P4: '1950-01-01' };
    expect(june(ASCOF_2E_LD, [
      community('P1', '2020-03-01', null, { accommodation: OWNER, psr: 'Learning Disability Support' }),
      community('P2', '2020-03-01', '2020-12-31', { psr: 'Learning disability support' }),
      review('P2', '2021-01-05', '2021-01-10', { psr: 'Social support: Support to unpaid carer', accommodation: 'Registered care home' }),
      community('P3', '2020-03-01', null, { accommodation: OWNER, psr: 'Mental health support' }), // not LD
      community('P4', '2020-03-01', null, { accommodation: OWNER, psr: 'Learning disability support' }), // 65+: not in the LD part
    ], young)).toEqual({ value: 50, numerator: 1, denominator: 2, reason: null });
  });
});
