import { describe, expect, it } from 'vitest';
import { BUDGET_VARIANCE, SAVINGS_DELIVERED } from '../../../../functions/core/measures/catalogue/finance.ts';
import type { FinanceData } from '../../../../functions/core/uploads/parsed.ts';
import { events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-11-30' }, []);

const finance = (period: string, lines: [string, string, string | null, string | null][]): FinanceData => ({
  period,
  lines: lines.map(([annualBudget, forecastOutturn, savingsTarget, savingsDelivered], i) => ({ budgetLine: `L${i}`, annualBudget, forecastOutturn, savingsTarget, savingsDelivered })),
});

describe('finance', () => {
  it('BUDGET_VARIANCE: Σ forecast − Σ budget in exact decimals, the pence kept (money is not rounded to 1 dp)', () => {
    // 1200.35 + 449.80 − (1000.10 + 500) = 150.05 exactly; 100 − 100.05 = −0.05 exactly.
    const { series } = run(BUDGET_VARIANCE, inputs(data, {
      finance: [finance('2021-11', [['1000.10', '1200.35', null, null], ['500', '449.80', null, null]]), finance('2021-10', [['100.05', '100', null, null]])],
    }));
    expect(series.map((p) => [p.month, p.value, p.numeratorText])).toEqual([['2021-10', -0.05, '-0.05'], ['2021-11', 150.05, '150.05']]);
  });

  it('SAVINGS_DELIVERED: over lines with a target; 0.1 + 0.2 of 0.3 + 0.6 = 33.3 exactly', () => {
    const { series } = run(SAVINGS_DELIVERED, inputs(data, {
      finance: [finance('2021-11', [['1', '1', '0.3', '0.1'], ['1', '1', null, '5'], ['1', '1', '0.6', '0.2']]), finance('2021-10', [['1', '1', null, '5']])],
    }));
    expect(series[1]).toMatchObject({ month: '2021-11', value: 33.3, numerator: 0.3, denominator: 0.9, reason: null });
    expect(series[0]).toMatchObject({ month: '2021-10', value: null, reason: 'no denominator' });
  });
});
