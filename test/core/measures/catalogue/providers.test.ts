import { describe, expect, it } from 'vitest';
import { HOMECARE_HOURS, PROVIDERS_GOOD } from '../../../../functions/core/measures/catalogue/providers.ts';
import type { ProvidersData } from '../../../../functions/core/uploads/parsed.ts';
import { day, events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-11-30' }, []);

const provider = (providerId: string, framework: string, qualityRating: ProvidersData['rows'][number]['qualityRating'], hoursPerWeek: string | null) => ({
  providerId, providerName: providerId, framework, tier: '1' as const, qualityRating, hoursPerWeek, area: null,
});

describe('providers', () => {
  const file: ProvidersData = {
    asAt: day('2021-11-30'),
    rows: [
      provider('P1', 'Home care and support', 'Good', '10.5'),
      provider('P1', 'Residential', 'Good', null),
      provider('P2', 'Home care and support', 'Not yet rated', '4.25'),
      provider('P3', 'home  care and SUPPORT', 'Poor', '0.1'),
    ],
  };

  it('PROVIDERS_GOOD: distinct rated providers P1 P3, good P1 → 50.0', () => {
    expect(run(PROVIDERS_GOOD, inputs(data, { providers: [file] })).series[0]).toEqual({ month: '2021-11', value: 50, numerator: 1, denominator: 2, reason: null });
  });

  it('HOMECARE_HOURS: 10.5 + 4.25 + 0.1 = 14.85 exactly (framework matched folded)', () => {
    expect(run(HOMECARE_HOURS, inputs(data, { providers: [file] })).series[0]).toMatchObject({ month: '2021-11', value: 14.85, numeratorText: '14.85' });
  });
});
