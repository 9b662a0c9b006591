/**
 * BUDGET_VARIANCE and SAVINGS_DELIVERED from the monthly budget-monitoring upload, in exact
 * decimals; the exact sums also travel as text (`numeratorText`).
 */
import { decimalRatio, sumDecimals } from '../decimal.ts';
import { REASONS } from '../points.ts';
import { snapshotSeries } from './snapshot-uploads.ts';
import type { MeasureDefinition } from './types.ts';

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
  compute: (ctx) => ({
    series: snapshotSeries(ctx, ctx.inputs.finance, (file) => file.period, (month, file) => {
      const variance = sumDecimals(file.lines.map((l) => l.forecastOutturn)).minus(sumDecimals(file.lines.map((l) => l.annualBudget)));
      return { month, value: Number(variance.toString()), numerator: Number(variance.toString()), denominator: null, reason: null, numeratorText: variance.toString() };
    }),
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
  compute: (ctx) => ({
    series: snapshotSeries(ctx, ctx.inputs.finance, (file) => file.period, (month, file) => {
      const lines = file.lines.filter((l) => l.savingsTarget !== null);
      const delivered = sumDecimals(lines.map((l) => l.savingsDelivered));
      const target = sumDecimals(lines.map((l) => l.savingsTarget));
      const value = decimalRatio(delivered, target, 100);
      return {
        month,
        value,
        numerator: Number(delivered.toString()),
        denominator: Number(target.toString()),
        reason: value === null ? REASONS.noDenominator : null,
        numeratorText: delivered.toString(),
      };
    }),
  }),
};
