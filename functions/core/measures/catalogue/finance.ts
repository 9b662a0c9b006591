/**
 * BUDGET_VARIANCE and SAVINGS_DELIVERED from the budget-monitoring upload, in exact decimals;
 * the exact sums also travel as text (`numeratorText`, `afterMitigationsText`).
 */
import { decimalOf, decimalRatio, sumDecimals, type Decimal } from '../decimal.ts';
import { REASONS, sumPoint } from '../points.ts';
import { fromSnapshots } from './snapshot-uploads.ts';
import type { MeasureDefinition } from './types.ts';

const asNumber = (d: Decimal) => Number(d.toString());

export const BUDGET_VARIANCE: MeasureDefinition = {
  id: 'BUDGET_VARIANCE',
  title: 'Forecast variance against budget',
  definition:
    'The forecast spend for the year minus the annual budget, over all adult social care budget lines, in pounds. A positive figure is a forecast overspend.',
  whyItMatters:
    'An overspend must be met from reserves or savings elsewhere, so the board needs early sight of the forecast.',
  unit: 'gbp',
  polarity: 'low',
  basis: 'snapshot',
  ...fromSnapshots('finance', (month, lines) => {
    const variance = sumDecimals(lines.map((l) => l.forecastOutturn)).minus(sumDecimals(lines.map((l) => l.annualBudget)));
    const afterMitigations = variance.minus(sumDecimals(lines.map((l) => l.mitigations)));
    return {
      ...sumPoint(month, variance),
      afterMitigations: asNumber(afterMitigations),
      afterMitigationsText: afterMitigations.toString(),
      lines: lines.map((l) => {
        const lineVariance = decimalOf(l.forecastOutturn).minus(decimalOf(l.annualBudget));
        const mitigations = decimalOf(l.mitigations);
        return {
          budgetLine: l.budgetLine,
          budget: asNumber(decimalOf(l.annualBudget)),
          forecast: asNumber(decimalOf(l.forecastOutturn)),
          variance: asNumber(lineVariance),
          mitigations: asNumber(mitigations),
          afterMitigations: asNumber(lineVariance.minus(mitigations)),
        };
      }),
    };
  }),
};

export const SAVINGS_DELIVERED: MeasureDefinition = {
  id: 'SAVINGS_DELIVERED',
  title: 'Savings delivered against target',
  definition: 'Savings delivered so far as a percentage of the savings target, over the budget lines that have a target.',
  whyItMatters: 'Planned savings are already taken out of the budget: savings not delivered become an overspend.',
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  ...fromSnapshots('finance', (month, all) => {
    const lines = all.filter((l) => l.savingsTarget !== null);
    const delivered = sumDecimals(lines.map((l) => l.savingsDelivered));
    const target = sumDecimals(lines.map((l) => l.savingsTarget));
    const value = decimalRatio(delivered, target, 100);
    return {
      month,
      value,
      numerator: asNumber(delivered),
      denominator: asNumber(target),
      reason: value === null ? REASONS.noDenominator : null,
      numeratorText: delivered.toString(),
    };
  }),
};
