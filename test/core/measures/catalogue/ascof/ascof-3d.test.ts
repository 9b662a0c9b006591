/**
 * ASCOF 3D parts 1a, 2a (clients, snapshot on the period end) and 1b, 2b (carers, during the
 * year) against hand-made people; each test names the rule of
 * ASCOF_measures/Create_ASCOF_3D_2425_Onwards.sql it checks (by the SQL's comment heading).
 */
import { describe, expect, it } from 'vitest';
import { ASCOF_3D1A, ASCOF_3D1B, ASCOF_3D2A, ASCOF_3D2B } from '../../../../../functions/core/measures/catalogue/ascof/ascof-3d.ts';
import type { RowSpec } from '../../builder.ts';
import { assessment, at, community, events, inputs, residential, run, service } from '../../builder.ts';

const june = (rows: RowSpec[], dod: Record<string, string> = {}) => {
  const data = inputs(events({ start: '2020-01-01', end: '2021-06-30', dod }, rows));
  return (m: typeof ASCOF_3D1A) => at(run(m, data).series, '2021-06');
};

describe('ASCOF_3D1A and ASCOF_3D2A: clients (Create_ASCOF_3D_2425_Onwards.sql, "Client based measures")', () => {
  const value = june([
    community('P1', '2021-01-01', null, { delivery: 'Direct payment' }),
    community('P2', '2021-01-01', null, { delivery: 'CASSR commissioned support', component: 'Direct payment' }), // "Overwrite delivery mechanism when service comp is DP"
    community('P3', '2021-01-01', null, { delivery: 'CASSR managed personal budget' }),
    residential('P3', '2021-02-01', null), // residential outranks community: not in D
    service('P4', 'Long term support: Prison', '2021-01-01', null, { delivery: 'CASSR managed personal budget' }), // prison is not community
    community('P5', '2021-01-01', null, { delivery: 'CASSR commissioned support' }),
    community('P6', '2021-01-01', null), // blank mechanism: in D, in neither N
    community('P7', '2021-01-01', null, { delivery: 'CASSR commissioned support' }),
    community('P7', '2021-03-01', null, { delivery: 'CASSR managed personal budget' }), // the best community row: personal budget
    community('P8', '2021-01-01', '2021-06-29', { delivery: 'Direct payment' }), // ended before the period end
    community('P9', '2021-01-01', null, { delivery: 'Direct payment' }), // died the day before the period end
    community('P10', '2021-01-01', '2021-06-30', { delivery: 'Direct payment' }), // ends on the period end: counted
  ], { P9: '2021-06-29' });

  it('"Process filter and deduplicate to highest service": nursing > residential > community DP > PB > commissioned > blank', () => {
    // D: P1 P2 P5 P6 P7 P10; self-directed: P1 P2 P7 P10.
    expect(value(ASCOF_3D1A)).toEqual({ value: 66.7, numerator: 4, denominator: 6, reason: null });
  });

  it('"2a - … receive direct payments": the delivery mechanism or the component says Direct payment', () => {
    expect(value(ASCOF_3D2A)).toEqual({ value: 50, numerator: 3, denominator: 6, reason: null });
  });
});

describe('ASCOF_3D1B and ASCOF_3D2B: carers (Create_ASCOF_3D_2425_Onwards.sql, "Carer based measures")', () => {
  const carer = { client: 'Unpaid carer' as const };
  const direct = (person: string, more: Partial<RowSpec>, start = '2021-01-01', end: string | null = null) =>
    service(person, 'Unpaid carer support: Direct to unpaid carer', start, end, { ...carer, ...more });
  const value = june([
    direct('C1', { delivery: 'Direct payment' }), // Direct Payment only
    direct('C2', { delivery: 'CASSR managed personal budget', component: 'Carer break' }), // CASSR Managed Personal Budget
    direct('C3', { delivery: 'CASSR managed personal budget' }), // blank component: NOT LIKE is unknown, no support category
    direct('C4', { delivery: 'CASSR commissioned support', component: 'Respite' }), // commissioned
    direct('C5', { delivery: 'CASSR commissioned support', component: 'Respite' }),
    assessment('C5', '2021-02-01', '2021-02-10', { ...carer, outcome: 'NFA: Information and advice or signposting' }),
    assessment('C6', '2021-02-01', '2021-02-10', carer), // assessment only: no direct support
    direct('C7', { delivery: 'Direct payment' }, '2020-01-01', '2020-06-30'), // ended before the period
    service('C8', 'Unpaid carer support: Support involving the person cared-for', '2021-01-01', null, { ...carer, delivery: 'Direct payment' }),
  ]);

  it('"Case into the different support categories" and the denominator of direct payment, personal budget or commissioned support', () => {
    expect(value(ASCOF_3D1B)).toEqual({ value: 50, numerator: 2, denominator: 4, reason: null });
  });

  it('"2b - … receive direct payments": only Direct Payment only counts', () => {
    expect(value(ASCOF_3D2B)).toEqual({ value: 25, numerator: 1, denominator: 4, reason: null });
  });
});
