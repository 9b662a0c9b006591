/**
 * PROVIDERS_GOOD and HOMECARE_HOURS from the commissioned-providers upload.
 */
import { monthIdOf } from '../../calendar/days.ts';
import { foldLabel } from '../../uploads/code-lists.ts';
import { sumDecimals } from '../decimal.ts';
import { percentPoint } from '../points.ts';
import { snapshotSeries } from './snapshot-uploads.ts';
import type { MeasureDefinition } from './types.ts';

const HOME_CARE = foldLabel('Home care and support');

export const PROVIDERS_GOOD: MeasureDefinition = {
  id: 'PROVIDERS_GOOD',
  title: 'Providers rated good or excellent',
  definition: 'Of the commissioned care providers that have a quality rating, the percentage rated good or excellent.',
  whyItMatters: 'People deserve good quality care wherever the council arranges it; poor ratings point to where support for providers is needed.',
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  compute: (ctx) => ({
    series: snapshotSeries(ctx, ctx.inputs.providers, (file) => monthIdOf(file.asAt), (month, file) => {
      const rated = new Set<string>();
      const good = new Set<string>();
      for (const row of file.rows) {
        if (row.qualityRating === 'Not yet rated') continue;
        rated.add(row.providerId);
        if (row.qualityRating === 'Good' || row.qualityRating === 'Excellent') good.add(row.providerId);
      }
      return percentPoint(month, good.size, rated.size);
    }),
  }),
};

export const HOMECARE_HOURS: MeasureDefinition = {
  id: 'HOMECARE_HOURS',
  title: 'Commissioned home care hours per week',
  definition: 'The hours of home care and support commissioned each week from providers on the home care framework.',
  whyItMatters: 'Home care capacity decides whether people can be supported at home and leave hospital without delay.',
  unit: 'hours',
  polarity: 'neutral',
  basis: 'snapshot',
  compute: (ctx) => ({
    series: snapshotSeries(ctx, ctx.inputs.providers, (file) => monthIdOf(file.asAt), (month, file) => {
      const hours = sumDecimals(file.rows.filter((r) => foldLabel(r.framework) === HOME_CARE).map((r) => r.hoursPerWeek));
      return { month, value: Number(hours.toString()), numerator: Number(hours.toString()), denominator: null, reason: null, numeratorText: hours.toString() };
    }),
  }),
};
