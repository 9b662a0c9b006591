/** finance: budget monitoring lines, one month or many a file (extract-spec.md "finance", "Snapshots and history"). */
import { z } from 'zod';
import type { FinanceData } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { parseMonth } from '../values.ts';
import { optional, required, type KindDefinition, type RowParser } from './kind.ts';

const amount = z.string().regex(/^-?\d+(\.\d+)?$/);

export const financeSchema = z.object({
  lines: z.array(
    z.object({
      period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
      budgetLine: z.string().min(1),
      annualBudget: amount,
      forecastOutturn: amount,
      savingsTarget: amount.nullable(),
      savingsDelivered: amount.nullable(),
      mitigations: z.string().regex(/^\d+(\.\d+)?$/).nullable(),
    }),
  ),
}) satisfies z.ZodType<FinanceData>;

export const finance = {
  prefix: 'extracts/finance/',
  snapshot: { rows: (data) => data.lines, monthOf: (line) => line.period },
  help: 'budget monitoring, one month or many (may be repeated, likewise)',
  columns: [...required('period', 'budget_line', 'annual_budget_gbp', 'forecast_outturn_gbp'), ...optional('savings_target_gbp', 'savings_delivered_gbp', 'mitigations_gbp')],
  schema: financeSchema,
  checkAtRuntime: true,
  createParser: () => new FinanceParser(),
} satisfies KindDefinition<FinanceData, FinanceData['lines'][number]>;

class FinanceParser implements RowParser<FinanceData> {
  private readonly lines: FinanceData['lines'] = [];

  row(r: RowReader): void {
    const parsedPeriod = r.requiredParsed('period', parseMonth);
    const period = parsedPeriod === undefined ? undefined : r.intern(parsedPeriod);
    const budgetLine = r.requiredText('budget_line');
    const annualBudget = r.decimal('annual_budget_gbp', true, 'pounds');
    const forecastOutturn = r.decimal('forecast_outturn_gbp', true, 'pounds');
    const savingsTarget = r.decimal('savings_target_gbp', false, 'pounds');
    const savingsDelivered = r.decimal('savings_delivered_gbp', false, 'pounds');
    let mitigations = r.decimal('mitigations_gbp', false, 'pounds');
    // Mitigations are a saving, written as 0 or more: a sign would be ambiguous.
    if (mitigations?.startsWith('-')) {
      r.error('mitigations_gbp', mitigations, 'negative-number', 'mitigations_gbp is negative; write the saving as 0 or more');
      mitigations = undefined;
    }
    if (period === undefined || budgetLine === null || annualBudget == null || forecastOutturn == null || savingsTarget === undefined || savingsDelivered === undefined || mitigations === undefined) return;
    this.lines.push({ period, budgetLine, annualBudget, forecastOutturn, savingsTarget, savingsDelivered, mitigations });
  }

  finish(): FinanceData {
    return { lines: this.lines };
  }
}
