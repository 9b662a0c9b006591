/**
 * ASCOF 2A against hand-made episodes. Each test names the rule of
 * ASCOF_measures/Create_ASCOF_2A_2425_Onwards.sql (DataS-DHSC/ASC-CLD-LA-Dashboard) it checks, by
 * the SQL's own comment heading. June 2021's period is 1 Jul 2020 – 30 Jun 2021.
 */
import { describe, expect, it } from 'vitest';
import { ASCOF_2A } from '../../../../../functions/core/measures/catalogue/ascof/ascof-2a.ts';
import type { Extract, RowSpec } from '../../builder.ts';
import { at, community, events, inputs, request, review, run, service } from '../../builder.ts';

const stmax = (person: string, start: string, end: string | null, more: Partial<RowSpec> = {}) =>
  service(person, 'Short term support: ST-Max', start, end, more);
const june = (rows: RowSpec[], extract: Partial<Extract> = {}) =>
  at(run(ASCOF_2A, inputs(events({ start: '2020-01-01', end: '2021-06-30', ...extract }, rows))).series, '2021-06');

describe('ASCOF_2A (Create_ASCOF_2A_2425_Onwards.sql)', () => {
  it('"2. Determine whether events are consecutive (max 7 day apart)": a start 7 days after the latest end joins the episode, 8 days starts a new one', () => {
    expect(june([
      stmax('P1', '2021-01-01', '2021-01-10'),
      stmax('P1', '2021-01-17', '2021-01-31'), // 17 − 10 = 7 days: the same episode
      stmax('P2', '2021-02-01', '2021-02-10'),
      stmax('P2', '2021-02-18', '2021-02-28'), // 8 days: a second episode
    ])).toEqual({ value: 100, numerator: 3, denominator: 3, reason: null });
  });

  it('"New client flag logic": LTS (prison too) ending fewer than 91 days before the episode start makes it not new', () => {
    expect(june([
      community('P1', '2020-06-01', '2020-12-01'),
      stmax('P1', '2021-03-02', '2021-03-20'), // 91 days after the LTS ended: new
      community('P2', '2020-06-01', '2020-12-02'),
      stmax('P2', '2021-03-02', '2021-03-20'), // 90 days: not new
      service('P3', 'Long term support: Prison', '2020-06-01', '2021-01-01'),
      stmax('P3', '2021-03-02', '2021-03-20'), // prison LTS 60 days before: not new
      community('P4', '2020-06-01', null),
      stmax('P4', '2021-03-02', '2021-03-20'), // LTS still open: not new
    ])).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
  });

  it('"Step 3": the highest-ranking service starting within 7 days is the sequel; short-term residential care is not a success', () => {
    expect(june([
      stmax('P1', '2021-03-01', '2021-03-31'),
      community('P1', '2021-04-07', null), // LTS 7 days after: in D, not N
      stmax('P2', '2021-03-01', '2021-03-31'),
      community('P2', '2021-04-08', null), // 8 days after: no sequel, the episode's own outcome (step 4a) → N
      stmax('P3', '2021-03-01', '2021-03-31'),
      service('P3', 'Short term support: Other short term', '2021-04-02', null, { component: 'Short term residential care' }), // D only
      stmax('P4', '2021-03-01', '2021-03-31'),
      service('P4', 'Short term support: Other short term', '2021-04-02', null, { component: 'Meals' }), // N
      stmax('P5', '2021-03-01', '2021-03-31'),
      service('P5', 'Short term support: Ongoing low level', '2021-04-01', null),
      community('P5', '2021-04-03', null), // LTS (rank 3) beats ongoing low level (rank 6): D only
    ])).toEqual({ value: 40, numerator: 2, denominator: 5, reason: null });
  });

  it('"Step 1: Check the Date of Death" and "Step 2 … Admitted to Hospital": such episodes leave the denominator', () => {
    expect(june([
      stmax('P1', '2021-03-01', '2021-03-31'), // died 7 days after the end: Deceased
      stmax('P2', '2021-03-01', '2021-03-31'), // died 8 days after: counted, ended as planned
      stmax('P3', '2021-03-01', '2021-03-31', { outcome: 'Admitted to hospital' }),
      stmax('P4', '2021-03-01', '2021-03-31'), // died before the episode start: left out by the join
    ], { dod: { P1: '2021-04-07', P2: '2021-04-08', P4: '2021-02-28' } })).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
  });

  it('"Step 4" and "Step 5": a usable outcome after or near the end of the episode, else equipment during it, else unable to classify', () => {
    expect(june([
      stmax('P1', '2021-03-01', '2021-03-31', { outcome: 'Continuation of support or services' }),
      request('P1', '2021-04-02', '2021-04-02'), // 4b: NFA information and advice → N
      stmax('P2', '2021-03-01', '2021-03-31', { outcome: 'Progress to support planning or services' }), // step 6: unable to classify, left out
      stmax('P3', '2021-03-01', '2021-03-31', { outcome: 'Progress to support planning or services' }),
      review('P3', '2021-03-10', '2021-03-18', { outcome: 'NFA: Other' }), // 4c: ends 13 days before the end → N
      stmax('P4', '2021-03-01', '2021-03-31', { outcome: 'Progress to support planning or services' }),
      review('P4', '2021-03-10', '2021-03-17', { outcome: 'NFA: Other' }), // 14 days before: not near the end; step 6
      stmax('P5', '2021-03-01', '2021-03-31', { outcome: 'Progress to support planning or services' }),
      service('P5', 'Short term support: Other short term', '2021-03-05', '2021-03-20', { component: 'Equipment' }), // step 5 → N
    ])).toEqual({ value: 100, numerator: 3, denominator: 3, reason: null });
  });

  it('"3: Assign event outcome to the cluster": the latest-ending row gives the outcome, ties to the lower hierarchy', () => {
    // Same end: 'Admitted to hospital' (rank 5) beats 'NFA: Support ended as planned' (rank 13), so step 2 leaves it out.
    expect(june([
      stmax('P1', '2021-03-01', '2021-03-31'),
      stmax('P1', '2021-03-05', '2021-03-31', { outcome: 'Admitted to hospital' }),
      stmax('P2', '2021-03-01', '2021-03-31', { outcome: 'Admitted to hospital' }),
      stmax('P2', '2021-03-05', '2021-04-01'), // ends later: its outcome wins → N
    ])).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
  });

  it('"Exclude under 18s": age on the episode end from the first of the birth month, as CLD holds year and month only', () => {
    expect(june([
      stmax('P1', '2021-03-01', '2021-03-10'), // born 20 Mar 2003: 17 on the day, 18 from 1 Mar 2003
      stmax('P2', '2021-03-01', '2021-03-10'), // born 1 Apr 2003: 17 either way
    ], { dob: { P1: '2003-03-20', P2: '2003-04-01' } })).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
  });

  it('"ASCOF 2A counts all reablement which ended within 12 month period", with 91 days of history before it', () => {
    const { series } = run(ASCOF_2A, inputs(events({ start: '2020-04-01', end: '2021-07-31' }, [
      stmax('P1', '2020-06-20', '2020-07-01'), // ends 1 Jul 2020: in June 2021's period, not July's
      community('P1', '2020-07-03', null),
      stmax('P2', '2021-07-01', '2021-07-05'),
    ])));
    expect(at(series, '2021-06')).toEqual({ value: 0, numerator: 0, denominator: 1, reason: null });
    expect(at(series, '2021-07')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    // May 2021's period starts 1 Jun 2020: 91 days before is 2 Mar 2020, before the upload starts.
    expect(at(series, '2021-05').reason).toBe('insufficient history');
  });
});
