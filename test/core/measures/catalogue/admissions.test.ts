import { describe, expect, it } from 'vitest';
import { ADMISSIONS_18_64, ADMISSIONS_65P } from '../../../../functions/core/measures/catalogue/admissions.ts';
import { at, community, events, inputs, population, residential, service, run } from '../builder.ts';

// Period 2019–2021. Look-back (M_end − 2 years) + 1 day: December 2020 needs 1 Jan 2019 (ok),
// November 2020 needs 1 Dec 2018 (too early).
const data = events(
  { start: '2019-01-01', end: '2021-12-31', dob: { A3: '1980-01-01', A7: '1956-06-01', A8: '1956-06-01', A9: '2004-01-01' } },
  [
    residential('A1', '2021-03-01', null),
    residential('A2', '2020-06-01', '2020-12-31'), // admitted in 2020
    residential('A2', '2021-05-01', null), // the previous stay was active in the year before: a move
    residential('A3', '2021-02-01', '2021-02-20', { component: 'Short term residential care' }),
    residential('A3', '2021-03-01', null), // short stays do not block; 18-64
    residential('A4', '2021-04-01', '2021-05-01', { outcome: 'NFA: Self-funded client or under 12wk disregard' }),
    service('A4', 'Long term support: Nursing care', '2021-06-01', null), // blocked by the self-funded stay
    residential('A5', '2019-01-10', '2019-01-20'),
    residential('A5', '2021-07-01', null), // the earlier stay ended long before the year before
    residential('A7', '2021-05-31', null), // 64 on the start date → 18-64
    residential('A8', '2021-06-01', null), // 65th birthday, but 23,741 days / 365.25 = 64.999: 64 by measures.md → 18-64
    residential('A9', '2021-06-01', null), // 17: left out
    community('A10', '2021-06-01', null),
  ],
);
const given = inputs(data, { population: population({ 2020: [80_000, 20_000], 2021: [80_000, 20_000] }) });

describe('permanent admissions', () => {
  it('65+: Dec 2021 = A1 A5 → 2 × 100,000 / 20,000 = 10.0; Dec 2020 = A2 → 5.0', () => {
    const { series } = run(ADMISSIONS_65P, given);
    expect(at(series, '2021-12')).toEqual({ value: 10, numerator: 2, denominator: 20_000, reason: null });
    expect(at(series, '2020-12')).toEqual({ value: 5, numerator: 1, denominator: 20_000, reason: null });
  });

  it('18-64: Dec 2021 = A3 A7 A8 → 3 × 100,000 / 80,000 = 3.75, half away from zero → 3.8', () => {
    const { series } = run(ADMISSIONS_18_64, given);
    // floor((20 · 100,000 · 3 + 80,000) / 160,000) / 10 = floor(38.5) / 10 = 3.8
    expect(at(series, '2021-12')).toEqual({ value: 3.8, numerator: 3, denominator: 80_000, reason: null });
    expect(at(series, '2020-12')).toEqual({ value: 0, numerator: 0, denominator: 80_000, reason: null });
  });

  it('is null before two years of history', () => {
    const { series } = run(ADMISSIONS_65P, given);
    expect(at(series, '2020-11')).toEqual({ value: null, numerator: null, denominator: null, reason: 'insufficient history' });
  });

  it('needs only its own band population', () => {
    const only65 = given.population!.filter((r) => r.ageBand === '65+');
    expect(at(run(ADMISSIONS_65P, { ...given, population: only65 }).series, '2021-12').value).toBe(10);
    expect(at(run(ADMISSIONS_18_64, { ...given, population: only65 }).series, '2021-12').reason).toBe('no population');
  });
});
