import { describe, expect, it } from 'vitest';
import { filesWinningAMonth, monthlySnapshots } from '../../../../functions/core/measures/catalogue/snapshot-uploads.ts';
import type { FinanceData } from '../../../../functions/core/uploads/parsed.ts';

const line = (period: string, budgetLine: string) => ({ period, budgetLine, annualBudget: '1', forecastOutturn: '1', savingsTarget: null, savingsDelivered: null, mitigations: null });
const file = (...lines: [string, string][]): FinanceData => ({ lines: lines.map(([p, b]) => line(p, b)) });

describe('snapshot history', () => {
  // Oldest first: A holds Sep–Nov, B holds Oct, C holds Nov and Dec.
  const a = file(['2021-09', 'a9'], ['2021-10', 'a10'], ['2021-11', 'a11'], ['2021-10', 'a10b']);
  const b = file(['2021-10', 'b10']);
  const c = file(['2021-12', 'c12'], ['2021-11', 'c11']);

  it('each month from the newest file holding it, whole, its rows in file order; months sorted', () => {
    const months = monthlySnapshots([a, b, c].map((f) => f.lines), (l) => l.period);
    expect([...months].map(([m, rows]) => [m, rows.map((r) => r.budgetLine)])).toEqual([
      ['2021-09', ['a9']],
      ['2021-10', ['b10']],
      ['2021-11', ['c11']],
      ['2021-12', ['c12']],
    ]);
  });

  it('names the files the measures read: every file that wins a month', () => {
    expect(filesWinningAMonth([a, b, c].map((f) => f.lines), (l) => l.period)).toEqual([0, 1, 2]);
    // A newer file holding all of A's months leaves A unread.
    expect(filesWinningAMonth([a, file(['2021-09', 'x'], ['2021-10', 'x'], ['2021-11', 'x'])].map((f) => f.lines), (l) => l.period)).toEqual([1]);
  });
});
