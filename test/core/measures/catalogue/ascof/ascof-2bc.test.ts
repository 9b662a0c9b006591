/**
 * ASCOF 2B and 2C against hand-made admissions, each test naming the rule of
 * ASCOF_measures/Create_ASCOF_2B2C_2425_Onwards.sql it checks (by the SQL's comment heading).
 * June 2021's period is 1 Jul 2020 – 30 Jun 2021; population 80,000 aged 18–64 and 20,000 aged 65+.
 */
import { describe, expect, it } from 'vitest';
import { ASCOF_2B, ASCOF_2C } from '../../../../../functions/core/measures/catalogue/ascof/ascof-2bc.ts';
import type { RowSpec } from '../../builder.ts';
import { at, events, inputs, population, residential, run, service } from '../../builder.ts';

const nursing = (person: string, start: string, end: string | null, more: Partial<RowSpec> = {}) =>
  service(person, 'Long term support: Nursing care', start, end, more);
const care = { component: 'Long term residential care' };

function june(rows: RowSpec[], dob: Record<string, string> = {}, dod: Record<string, string> = {}) {
  const data = inputs(events({ start: '2019-01-01', end: '2021-06-30', dob, dod }, rows), { population: population({ 2021: [80_000, 20_000] }) });
  return { b: at(run(ASCOF_2B, data).series, '2021-06'), c: at(run(ASCOF_2C, data).series, '2021-06') };
}

describe('ASCOF_2B and ASCOF_2C (Create_ASCOF_2B2C_2425_Onwards.sql)', () => {
  it('"1. Select data": a component must name residential or nursing care and not be short; a blank one fails (NULL NOT LIKE is unknown)', () => {
    const { c } = june([
      residential('P1', '2021-03-01', null, care), // counted
      residential('P2', '2021-03-01', null), // blank component: not in the build
      residential('P3', '2021-03-01', null, { component: 'Short term residential care' }), // short: not in the build
      nursing('P4', '2021-03-01', null, { component: 'NURSING CARE' }), // LIKE ignores case: counted
    ]);
    expect(c).toEqual({ value: 10, numerator: 2, denominator: 20_000, reason: null });
  });

  it('"3. Determine which are new admissions": residential or nursing care ending fewer than 365 days before makes it not new', () => {
    const { c } = june([
      residential('P1', '2019-06-01', '2020-03-02', care),
      nursing('P1', '2021-03-01', null, { component: 'Nursing care' }), // 364 days after: a move, not new
      residential('P2', '2019-06-01', '2020-03-01', care),
      nursing('P2', '2021-03-01', null, { component: 'Nursing care' }), // 365 days: new
      residential('P3', '2021-01-01', '2021-01-31', { ...care, outcome: 'NFA: Self-funded client or under 12wk disregard' }), // self-funded: not an admission
    ]);
    expect(c).toEqual({ value: 5, numerator: 1, denominator: 20_000, reason: null });
  });

  it('"4. Aggregated counts": each person once, in the band of their age on the admission start (first of the birth month)', () => {
    const { b, c } = june([
      residential('P1', '2021-03-01', '2021-03-10', care),
      residential('P1', '2021-03-01', null, { component: 'Residential care' }), // same start: still one person
      residential('P2', '2021-03-10', null, care), // born 15 Mar 1956: 64 on the day, 65 from 1 Mar 1956
      residential('P3', '2021-03-10', null, care), // born 1 Apr 1956: 64
      residential('P4', '2021-03-10', null, care), // 17: left out
    ], { P1: '1990-01-01', P2: '1956-03-15', P3: '1956-04-01', P4: '2003-06-01' });
    expect(b).toEqual({ value: 2.5, numerator: 2, denominator: 80_000, reason: null });
    expect(c).toEqual({ value: 5, numerator: 1, denominator: 20_000, reason: null });
  });

  it('"AND (b.Date_of_Death >= @ReportingPeriodStartDate OR b.Date_of_Death is NULL)": people who died before the period leave it', () => {
    const { c } = june([
      residential('P1', '2020-06-01', '2020-07-05', care), // starts before the period: not this period's admission
      residential('P2', '2020-07-01', '2020-07-20', care), // died 1 Jul 2020, on the period start: counted
    ], {}, { P1: '2020-06-30', P2: '2020-07-01' });
    expect(c).toEqual({ value: 5, numerator: 1, denominator: 20_000, reason: null });
  });

  it('needs 365 days of history before the period for the new-admission test', () => {
    const data = inputs(events({ start: '2019-08-01', end: '2021-06-30' }, [residential('P1', '2021-03-01', null, care)]));
    expect(at(run(ASCOF_2C, data).series, '2021-06').reason).toBe('insufficient history');
  });
});
