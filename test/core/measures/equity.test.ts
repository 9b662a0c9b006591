/**
 * Breakdowns for equity (measures.md): group labels, the person attribute for month M, and each
 * of the six measures restricted to a group's people, on hand-made rows.
 */
import { describe, expect, it } from 'vitest';
import { ASSESS_LT } from '../../../functions/core/measures/catalogue/assessments.ts';
import { DIRECT_PAYMENTS, LTS_CLIENTS, SDS } from '../../../functions/core/measures/catalogue/lts-snapshot.ts';
import { REQ_NEW } from '../../../functions/core/measures/catalogue/requests.ts';
import { REVIEWS_UTD } from '../../../functions/core/measures/catalogue/reviews-up-to-date.ts';
import { MAX_WORDINGS, OTHER_RECORDED_VALUE, asUploaded, ethnicGroup, splitBreakdownKey } from '../../../functions/core/measures/equity.ts';
import { assessment, at, community, events, inputs, request, residential, review, run } from './builder.ts';

describe('ethnic group: the CLD label before its first colon, ignoring case and spaces', () => {
  it.each([
    ['White: English, Welsh, Scottish, Northern Irish or British', 'White'],
    ['white', 'White'],
    ['  WHITE : Irish', 'White'],
    ['Mixed or Multiple ethnic groups: White and Asian', 'Mixed or multiple'],
    ['Mixed or multiple ethnic groups', 'Mixed or multiple'],
    ['Asian or Asian British: Pakistani', 'Asian or Asian British'],
    ['AsianorAsian British:Indian', 'Asian or Asian British'],
    ['Black, Black British, Caribbean or African: Caribbean', 'Black, Black British, Caribbean or African'],
    ['Other ethnic group: Arab', 'Other ethnic group'],
    ['Not stated', 'Not stated'],
    ['Refused', 'Not stated'],
    ['Undeclared', 'Not stated'],
    ['Pakistani', 'Not stated'], // a sub-group without its group is not a CLD label
    [null, 'Not stated'],
  ])('%s → %s', (text, group) => {
    expect(ethnicGroup(text)).toBe(group);
  });

  it('gender and primary support reason are as uploaded; blank is Not stated', () => {
    expect(asUploaded('Female')).toBe('Female');
    expect(asUploaded('Physical support: Personal care support')).toBe('Physical support: Personal care support');
    expect(asUploaded(null)).toBe('Not stated');
  });

  it('a key splits at its first colon only (PSR labels hold colons)', () => {
    expect(splitBreakdownKey('primary_support_reason:Physical support: Personal care support')).toEqual({
      dimension: 'primary_support_reason', group: 'Physical support: Personal care support',
    });
    expect(splitBreakdownKey('65+')).toBeNull();
  });
});

// Month ends 31 Jan and 28 Feb 2021; the builder's population is 100,000 adults.
const PC = 'Physical support: Personal care support';
const data = events({ start: '2021-01-01', end: '2021-02-28' }, [
  // A: White, Female, personal care; in February a new row says Asian with blank gender (month-M attribute).
  community('A', '2020-01-01', null, { delivery: 'Direct payment', ethnicity: 'White: Irish', gender: 'Female', psr: PC }),
  review('A', '2021-02-10', '2021-02-12', { ethnicity: 'Asian or Asian British: Indian', gender: null, psr: PC }),
  // B: Mixed, Male, learning disability; residential in January, community too.
  residential('B', '2020-06-01', null, { ethnicity: 'Mixed or Multiple ethnic groups: White and Black Caribbean', gender: 'Male', psr: 'Learning disability support' }),
  community('B', '2020-06-01', null, { delivery: 'CASSR managed personal budget', ethnicity: 'Mixed or Multiple ethnic groups: White and Black Caribbean', gender: 'Male', psr: 'Learning disability support' }),
  // C: refused ethnicity, blank gender and PSR; a new client's request and assessment in January.
  request('C', '2021-01-05', '2021-01-06', { ethnicity: 'Refused' }),
  assessment('C', '2021-01-07', '2021-01-20', { ethnicity: 'Refused' }),
  // D: a request in February; its attribute row is the request itself (White, Male).
  request('D', '2021-02-03', '2021-02-04', { ethnicity: 'White', gender: 'Male', psr: 'Mental health support' }),
]);

describe('each measure restricted to the group\'s people (person attributes for month M)', () => {
  it('LTS_CLIENTS: A is White and Female in January, Asian and Not stated in February', () => {
    const { breakdowns } = run(LTS_CLIENTS, inputs(data));
    expect(at(breakdowns['ethnicity:White'], '2021-01').value).toBe(1);
    expect(at(breakdowns['ethnicity:White'], '2021-02').value).toBe(0);
    expect(at(breakdowns['ethnicity:Asian or Asian British'], '2021-02').value).toBe(1);
    expect(at(breakdowns['ethnicity:Mixed or multiple'], '2021-01').value).toBe(1);
    expect(at(breakdowns['gender:Female'], '2021-01').value).toBe(1);
    expect(at(breakdowns['gender:Female'], '2021-02').value).toBe(0);
    expect(at(breakdowns['gender:Not stated'], '2021-02').value).toBe(1);
    expect(at(breakdowns['primary_support_reason:' + PC], '2021-02').value).toBe(1);
    expect(at(breakdowns['primary_support_reason:Learning disability support'], '2021-02').value).toBe(1);
    // The existing breakdowns keep their keys.
    expect(at(breakdowns.residential, '2021-01').value).toBe(1);
    expect(at(breakdowns.community, '2021-01').value).toBe(1);
  });

  it('every ethnic group has a series, in ONS order, even at 0; other dimensions list the groups seen', () => {
    const keys = Object.keys(run(LTS_CLIENTS, inputs(data)).breakdowns);
    expect(keys).toEqual([
      'residential', 'community',
      'primary_support_reason:Learning disability support', 'primary_support_reason:Mental health support', 'primary_support_reason:' + PC,
      'ethnicity:White', 'ethnicity:Mixed or multiple', 'ethnicity:Asian or Asian British',
      'ethnicity:Black, Black British, Caribbean or African', 'ethnicity:Other ethnic group', 'ethnicity:Not stated',
      'gender:Female', 'gender:Male', 'gender:Not stated',
    ].filter((k) => k !== 'primary_support_reason:Mental health support'));
  });

  it('SDS and DIRECT_PAYMENTS: each group\'s N over that group\'s D', () => {
    const sds = run(SDS, inputs(data)).breakdowns;
    const dp = run(DIRECT_PAYMENTS, inputs(data)).breakdowns;
    // February: D = A (DP, Asian, Not stated) and B (managed budget, Mixed, Male).
    expect(at(sds['ethnicity:Asian or Asian British'], '2021-02')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    expect(at(sds['ethnicity:Mixed or multiple'], '2021-02')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    expect(at(dp['ethnicity:Mixed or multiple'], '2021-02')).toEqual({ value: 0, numerator: 0, denominator: 1, reason: null });
    expect(at(dp['gender:Not stated'], '2021-02')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    expect(at(dp['ethnicity:White'], '2021-02')).toEqual({ value: null, numerator: 0, denominator: 0, reason: 'no denominator' });
  });

  it('REQ_NEW and ASSESS_LT: rates on the whole area\'s 18+ population, blank PSR and gender Not stated', () => {
    const req = run(REQ_NEW, inputs(data)).breakdowns;
    // C in January (Refused → Not stated): 1 per 100,000 = 1.0.
    expect(at(req['ethnicity:Not stated'], '2021-01')).toEqual({ value: 1, numerator: 1, denominator: 100_000, reason: null });
    expect(at(req['primary_support_reason:Not stated'], '2021-01').numerator).toBe(1);
    expect(at(req['gender:Male'], '2021-02')).toEqual({ value: 1, numerator: 1, denominator: 100_000, reason: null });
    const lt = run(ASSESS_LT, inputs(data)).breakdowns['ethnicity:Not stated'];
    expect(at(lt, '2021-01').numerator).toBe(1);
    // Year to date needs April of the financial year: the upload starts in January.
    expect(lt[0].ytd).toEqual({ numerator: null, value: null, reason: 'incomplete year' });
  });

  it('REVIEWS_UTD: insufficient history where the total has it, for every group', () => {
    const { series, breakdowns } = run(REVIEWS_UTD, inputs(data));
    expect(at(series, '2021-02').reason).toBe('insufficient history');
    expect(at(breakdowns['ethnicity:White'], '2021-02').reason).toBe('insufficient history');
  });
});

describe('REVIEWS_UTD and ASSESS_LT year to date by group, with a full year of history', () => {
  const year = events({ start: '2020-01-01', end: '2021-02-28' }, [
    community('E', '2019-06-01', null, { gender: 'Female' }),
    review('E', '2020-09-01', '2020-09-02', { gender: 'Female' }),
    community('F', '2019-06-01', null, { gender: 'Male' }),
    assessment('F', '2020-04-10', '2020-04-20', { gender: 'Male' }),
    assessment('F', '2021-02-10', '2021-02-20', { gender: 'Male' }),
  ]);

  it('REVIEWS_UTD: of each group\'s people on LTS a year apart, those reviewed', () => {
    const b = run(REVIEWS_UTD, inputs(year)).breakdowns;
    expect(at(b['gender:Female'], '2021-02')).toEqual({ value: 100, numerator: 1, denominator: 1, reason: null });
    expect(at(b['gender:Male'], '2021-02')).toEqual({ value: 0, numerator: 0, denominator: 1, reason: null });
  });

  it('ASSESS_LT: a group\'s year to date adds its months since April', () => {
    const male = run(ASSESS_LT, inputs(year)).breakdowns['gender:Male'];
    // 2020-04 and 2021-02: 2 per 100,000 = 2.0.
    expect(male.find((p) => p.month === '2021-02')!.ytd).toEqual({ numerator: 2, value: 2, reason: null });
  });
});

describe('a free-text dimension with more wordings than MAX_WORDINGS', () => {
  // Shifted cells can fill the gender column with person ids: one group per person would make a
  // measures document too long to write, failing every later run on an accepted file.
  const people = (n: number, gender: (i: number) => string) =>
    events({ start: '2021-01-01', end: '2021-01-31' }, Array.from({ length: n }, (_, i) => community(`P${i}`, '2020-01-01', null, { gender: gender(i), psr: PC })));

  it(`keeps ${MAX_WORDINGS} wordings as uploaded`, () => {
    const { breakdowns } = run(LTS_CLIENTS, inputs(people(MAX_WORDINGS, (i) => (i === 0 ? 'female' : `G${i}`))));
    const genders = Object.keys(breakdowns).filter((k) => k.startsWith('gender:'));
    expect(genders).toHaveLength(MAX_WORDINGS);
    expect(genders).toContain('gender:G1');
    expect(genders).toContain('gender:female');
  });

  it('beyond it, counts the wordings outside the national categories as Other recorded value, and matches the others to their national wording', () => {
    const { breakdowns } = run(LTS_CLIENTS, inputs(people(MAX_WORDINGS + 1, (i) => (i === 0 ? 'female' : `9434765${String(i).padStart(3, '0')}`))));
    expect(Object.keys(breakdowns).filter((k) => k.startsWith('gender:'))).toEqual(['gender:Female', `gender:${OTHER_RECORDED_VALUE}`]);
    expect(at(breakdowns[`gender:${OTHER_RECORDED_VALUE}`], '2021-01').value).toBe(MAX_WORDINGS);
    expect(at(breakdowns['gender:Female'], '2021-01').value).toBe(1);
    // The other dimension, with one wording, is as uploaded.
    expect(Object.keys(breakdowns).filter((k) => k.startsWith('primary_support_reason:'))).toEqual([`primary_support_reason:${PC}`]);
  });
});
