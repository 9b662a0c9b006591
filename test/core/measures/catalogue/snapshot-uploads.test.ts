import { describe, expect, it } from 'vitest';
import { BUDGET_VARIANCE, SAVINGS_DELIVERED } from '../../../../functions/core/measures/catalogue/finance.ts';
import { HOMECARE_HOURS, PROVIDERS_GOOD } from '../../../../functions/core/measures/catalogue/providers.ts';
import { WAITING_ASSESS } from '../../../../functions/core/measures/catalogue/waiting.ts';
import type { FinanceData, ProvidersData, WaitingData } from '../../../../functions/core/uploads/parsed.ts';
import { day, events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-11-30' }, []);

const waiting = (asAt: string, rows: [WaitingData['rows'][number]['waitingFor'], string][]): WaitingData => ({
  laCode: 'E08000018',
  asAt: day(asAt),
  rows: rows.map(([waitingFor, requested], i) => ({ personId: `W${i}`, dateOfBirth: day('1950-01-01'), waitingFor, requestDate: day(requested), team: null, priority: null })),
});

describe('WAITING_ASSESS', () => {
  it('one entry per file, sorted by month: count waiting for assessment and their median days', () => {
    const november = waiting('2021-11-30', [['Assessment', '2021-11-20'], ['Assessment', '2021-10-31'], ['Assessment', '2021-11-29'], ['Review', '2020-01-01']]);
    const october = waiting('2021-10-31', [['Assessment', '2021-10-01']]);
    const { series } = run(WAITING_ASSESS, inputs(data, { waiting: [november, october] }));
    // November waits 10, 30, 1 → median 10; October 30.
    expect(series).toEqual([
      { month: '2021-10', value: 1, numerator: 1, denominator: null, reason: null, medianDays: 30 },
      { month: '2021-11', value: 3, numerator: 3, denominator: null, reason: null, medianDays: 10 },
    ]);
  });

  it('without a waiting upload: one null entry for the events period', () => {
    expect(run(WAITING_ASSESS, inputs(data)).series).toEqual([
      { month: '2021-11', value: null, numerator: null, denominator: null, reason: 'no upload' },
    ]);
  });
});

const finance = (period: string, lines: [string, string, string | null, string | null][]): FinanceData => ({
  period,
  lines: lines.map(([annualBudget, forecastOutturn, savingsTarget, savingsDelivered], i) => ({ budgetLine: `L${i}`, annualBudget, forecastOutturn, savingsTarget, savingsDelivered })),
});

describe('finance', () => {
  it('BUDGET_VARIANCE: Σ forecast − Σ budget in exact decimals, rounded half away from zero', () => {
    // 1200.35 + 449.80 − (1000.10 + 500) = 150.05 → 150.1; 100 − 100.05 = −0.05 → −0.1.
    const { series } = run(BUDGET_VARIANCE, inputs(data, {
      finance: [finance('2021-11', [['1000.10', '1200.35', null, null], ['500', '449.80', null, null]]), finance('2021-10', [['100.05', '100', null, null]])],
    }));
    expect(series.map((p) => [p.month, p.value, p.numeratorText])).toEqual([['2021-10', -0.1, '-0.05'], ['2021-11', 150.1, '150.05']]);
  });

  it('SAVINGS_DELIVERED: over lines with a target; 0.1 + 0.2 of 0.3 + 0.6 = 33.3 exactly', () => {
    const { series } = run(SAVINGS_DELIVERED, inputs(data, {
      finance: [finance('2021-11', [['1', '1', '0.3', '0.1'], ['1', '1', null, '5'], ['1', '1', '0.6', '0.2']]), finance('2021-10', [['1', '1', null, '5']])],
    }));
    expect(series[1]).toMatchObject({ month: '2021-11', value: 33.3, numerator: 0.3, denominator: 0.9, reason: null });
    expect(series[0]).toMatchObject({ month: '2021-10', value: null, reason: 'no denominator' });
  });
});

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

  it('HOMECARE_HOURS: 10.5 + 4.25 + 0.1 = 14.85 → 14.9 (framework matched folded)', () => {
    expect(run(HOMECARE_HOURS, inputs(data, { providers: [file] })).series[0]).toMatchObject({ month: '2021-11', value: 14.9, numeratorText: '14.85' });
  });
});
