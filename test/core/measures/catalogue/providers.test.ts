import { describe, expect, it } from 'vitest';
import { HOMECARE_HOURS, PROVIDERS_GOOD } from '../../../../functions/core/measures/catalogue/providers.ts';
import type { ProvidersData } from '../../../../functions/core/uploads/parsed.ts';
import { day, events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-11-30' }, []);

const provider = (providerId: string, framework: string, qualityRating: ProvidersData['rows'][number]['qualityRating'], hoursPerWeek: string | null, asAt = '2021-11-30') => ({
  asAt: day(asAt), providerId, providerName: providerId, framework, tier: '1' as const, qualityRating, hoursPerWeek, area: null,
});

describe('providers', () => {
  const file: ProvidersData = {
    rows: [
      provider('P1', 'Home care and support', 'Good', '10.5'),
      provider('P1', 'Residential', 'Good', null),
      provider('P2', 'Home care and support', 'Not yet rated', '4.25'),
      provider('P3', 'home  care and SUPPORT', 'Poor', '0.1'),
    ],
  };

  it('PROVIDERS_GOOD: distinct rated providers P1 P3, good P1 → 50.0', () => {
    expect(run(PROVIDERS_GOOD, inputs(data, { providers: [file] })).series[0]).toEqual({
      month: '2021-11', value: 50, numerator: 1, denominator: 2, reason: null,
      byRating: { Good: 1, Poor: 1, 'Not yet rated': 1 }, hoursBelowGood: 0.1, hoursBelowGoodText: '0.1',
    });
  });

  it('PROVIDERS_GOOD: CQC ratings — Outstanding counts as good, Inadequate and Requires improvement as below good', () => {
    const cqc: ProvidersData = {
      rows: [
        provider('C1', 'Home care and support', 'Outstanding', '20'),
        provider('C2', 'Home care and support', 'Inadequate', '12.5'),
        provider('C3', 'Home care and support', 'Requires improvement', '3'),
        provider('C4', 'Residential', 'Inadequate', '40'),
        provider('C5', 'Residential', 'Good', null),
      ],
    };
    // Good or outstanding: C1 C5 of 5 rated → 40.0; below good in home care: 12.5 + 3 = 15.5.
    expect(run(PROVIDERS_GOOD, inputs(data, { providers: [cqc] })).series[0]).toMatchObject({
      value: 40, numerator: 2, denominator: 5,
      byRating: { Outstanding: 1, Good: 1, 'Requires improvement': 1, Inadequate: 2 }, hoursBelowGood: 15.5,
    });
  });

  it('a file of many months gives one entry per month', () => {
    const history: ProvidersData = { rows: [provider('P1', 'Home care and support', 'Good', '2', '2021-10-31'), ...file.rows] };
    expect(run(HOMECARE_HOURS, inputs(data, { providers: [history] })).series.map((p) => [p.month, p.value])).toEqual([['2021-10', 2], ['2021-11', 14.85]]);
  });

  it('HOMECARE_HOURS: 10.5 + 4.25 + 0.1 = 14.85 exactly (framework matched folded)', () => {
    expect(run(HOMECARE_HOURS, inputs(data, { providers: [file] })).series[0]).toMatchObject({ month: '2021-11', value: 14.85, numeratorText: '14.85' });
  });
});
