import { describe, expect, it } from 'vitest';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['Period', 'Budget Line', 'Annual Budget (GBP)', 'Forecast Outturn (GBP)', 'Savings Target GBP', 'Mitigations GBP'];
const check = (rows: string[][]) => validateText('finance', csvText(HEADER, rows));

describe('finance', () => {
  it('parses amounts as exact decimal text, negatives allowed', async () => {
    const r = await check([['2021-11', 'Home care', '12500000', '12750000.50', '', '125000.25'], ['2021-11', 'Income', '-3000000', '-2900000', '100000', ''], ['2021-10', 'Home care', '12500000', '12600000', '', '']]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({
      lines: [
        { period: '2021-11', budgetLine: 'Home care', annualBudget: '12500000', forecastOutturn: '12750000.50', savingsTarget: null, savingsDelivered: null, mitigations: '125000.25' },
        { period: '2021-11', budgetLine: 'Income', annualBudget: '-3000000', forecastOutturn: '-2900000', savingsTarget: '100000', savingsDelivered: null, mitigations: null },
        { period: '2021-10', budgetLine: 'Home care', annualBudget: '12500000', forecastOutturn: '12600000', savingsTarget: null, savingsDelivered: null, mitigations: null },
      ],
    });
  });

  it.each<[string, string[][], string[]]>([
    ['period not YYYY-MM', [['Nov 2021', 'A', '1', '1', '', '']], ['month-format@1:period']],
    ['an amount in pounds with a sign and separator', [['2021-11', 'A', '£1,000', '1', '', '']], ['number-format@1:annual_budget_gbp']],
    ['a blank forecast', [['2021-11', 'A', '1', '', '', '']], ['required@1:forecast_outturn_gbp']],
    ['negative mitigations (a saving is 0 or more)', [['2021-11', 'A', '1', '2', '', '-1']], ['negative-number@1:mitigations_gbp']],
    ['an amount of 309 digits', [['2021-11', 'A', '9'.repeat(309), '1', '', '']], ['number-precision@1:annual_budget_gbp']],
    ['an amount of a trillion pounds', [['2021-11', 'A', '1', '-1000000000000', '', '']], ['number-precision@1:forecast_outturn_gbp']],
    ['an amount in tenths of a penny', [['2021-11', 'A', '1', '1', '10.005', '']], ['number-precision@1:savings_target_gbp']],
    ['mitigations in tenths of a penny', [['2021-11', 'A', '1', '1', '', '0.001']], ['number-precision@1:mitigations_gbp']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });
});
