import { describe, expect, it } from 'vitest';
import { BUDGET_VARIANCE, SAVINGS_DELIVERED } from '../../../../functions/core/measures/catalogue/finance.ts';
import type { FinanceData } from '../../../../functions/core/uploads/parsed.ts';
import { events, inputs, run } from '../builder.ts';

const data = events({ start: '2021-01-01', end: '2021-11-30' }, []);

type Line = [annualBudget: string, forecastOutturn: string, savingsTarget: string | null, savingsDelivered: string | null, mitigations?: string | null];
const finance = (period: string, lines: Line[]): FinanceData => ({
  lines: lines.map(([annualBudget, forecastOutturn, savingsTarget, savingsDelivered, mitigations = null], i) => ({
    period, budgetLine: `L${i}`, annualBudget, forecastOutturn, savingsTarget, savingsDelivered, mitigations,
  })),
});
const months = (...files: FinanceData[]): FinanceData => ({ lines: files.flatMap((f) => f.lines) });

describe('finance', () => {
  it('BUDGET_VARIANCE: Σ forecast − Σ budget in exact decimals, the pence kept (money is not rounded to 1 dp)', () => {
    // 1200.35 + 449.80 − (1000.10 + 500) = 150.05 exactly; 100 − 100.05 = −0.05 exactly.
    const { series } = run(BUDGET_VARIANCE, inputs(data, {
      finance: [finance('2021-11', [['1000.10', '1200.35', null, null], ['500', '449.80', null, null]]), finance('2021-10', [['100.05', '100', null, null]])],
    }));
    expect(series.map((p) => [p.month, p.value, p.numeratorText])).toEqual([['2021-10', -0.05, '-0.05'], ['2021-11', 150.05, '150.05']]);
  });

  it('BUDGET_VARIANCE: after mitigations and each line in file order (blank mitigations count as 0)', () => {
    // Line 0: 1200.35 − 1000.10 = 200.25, mitigations 50.10 → 150.15. Line 1: −50.20, none → −50.20.
    // Whole: 150.05 − 50.10 = 99.95.
    const { series } = run(BUDGET_VARIANCE, inputs(data, {
      finance: [finance('2021-11', [['1000.10', '1200.35', null, null, '50.10'], ['500', '449.80', null, null, null]])],
    }));
    expect(series[0]).toMatchObject({ month: '2021-11', value: 150.05, afterMitigations: 99.95, afterMitigationsText: '99.95' });
    expect(series[0].lines).toEqual([
      { budgetLine: 'L0', budget: 1000.1, forecast: 1200.35, variance: 200.25, mitigations: 50.1, afterMitigations: 150.15 },
      { budgetLine: 'L1', budget: 500, forecast: 449.8, variance: -50.2, mitigations: 0, afterMitigations: -50.2 },
    ]);
  });

  it('a file of many months: each month from its own lines; a newer file replaces a month whole', () => {
    const history = months(finance('2021-09', [['10', '12', null, null]]), finance('2021-10', [['10', '13', null, null], ['5', '5', null, null]]));
    const newer = finance('2021-10', [['10', '11', null, null]]);
    const { series } = run(BUDGET_VARIANCE, inputs(data, { finance: [history, newer] }));
    expect(series.map((p) => [p.month, p.value, p.lines!.length])).toEqual([['2021-09', 2, 1], ['2021-10', 1, 1]]);
  });

  it('SAVINGS_DELIVERED: over lines with a target; 0.1 + 0.2 of 0.3 + 0.6 = 33.3 exactly', () => {
    const { series } = run(SAVINGS_DELIVERED, inputs(data, {
      finance: [finance('2021-11', [['1', '1', '0.3', '0.1'], ['1', '1', null, '5'], ['1', '1', '0.6', '0.2']]), finance('2021-10', [['1', '1', null, '5']])],
    }));
    expect(series[1]).toMatchObject({ month: '2021-11', value: 33.3, numerator: 0.3, denominator: 0.9, reason: null });
    expect(series[0]).toMatchObject({ month: '2021-10', value: null, reason: 'no denominator' });
  });
});
