/** finance: budget monitoring lines for one month (extract-spec.md "finance"). */
import { z } from 'zod';
import type { FinanceData } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { parseMonth } from '../values.ts';
import { optional, required, SameOnEveryRow, type KindDefinition, type RowParser } from './kind.ts';

const amount = z.string().regex(/^-?\d+(\.\d+)?$/);

export const financeSchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  lines: z.array(
    z.object({
      budgetLine: z.string().min(1),
      annualBudget: amount,
      forecastOutturn: amount,
      savingsTarget: amount.nullable(),
      savingsDelivered: amount.nullable(),
    }),
  ),
}) satisfies z.ZodType<FinanceData>;

export const finance: KindDefinition<FinanceData> = {
  columns: [...required('period', 'budget_line', 'annual_budget_gbp', 'forecast_outturn_gbp'), ...optional('savings_target_gbp', 'savings_delivered_gbp')],
  schema: financeSchema,
  checkAtRuntime: true,
  createParser: () => new FinanceParser(),
};

class FinanceParser implements RowParser<FinanceData> {
  private readonly period = new SameOnEveryRow<string>('period');
  private readonly lines: FinanceData['lines'] = [];

  row(r: RowReader): void {
    const period = r.requiredParsed('period', parseMonth);
    if (period !== undefined) this.period.check(r, r.intern(period), r.raw('period'));
    const budgetLine = r.requiredText('budget_line');
    const annualBudget = r.decimal('annual_budget_gbp', true, 'pounds');
    const forecastOutturn = r.decimal('forecast_outturn_gbp', true, 'pounds');
    const savingsTarget = r.decimal('savings_target_gbp', false, 'pounds');
    const savingsDelivered = r.decimal('savings_delivered_gbp', false, 'pounds');
    if (budgetLine === null || annualBudget == null || forecastOutturn == null || savingsTarget === undefined || savingsDelivered === undefined) return;
    this.lines.push({ budgetLine, annualBudget, forecastOutturn, savingsTarget, savingsDelivered });
  }

  finish(): FinanceData {
    return { period: this.period.value ?? '', lines: this.lines };
  }
}
