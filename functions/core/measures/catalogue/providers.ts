/**
 * PROVIDERS_GOOD and HOMECARE_HOURS from the commissioned-providers upload. CQC's ratings and a
 * council's own scale are both accepted: `Outstanding`/`Excellent` and `Good` count as good,
 * `Requires improvement`, `Inadequate` and `Poor` as below good.
 */
import { foldLabel } from '../../uploads/code-lists.ts';
import { QUALITY_RATINGS, type QualityRating } from '../../uploads/parsed.ts';
import { sumDecimals } from '../decimal.ts';
import { percentPoint, sumPoint } from '../points.ts';
import { fromSnapshots } from './snapshot-uploads.ts';
import type { MeasureDefinition } from './types.ts';

const HOME_CARE = foldLabel('Home care and support');
const GOOD: readonly QualityRating[] = ['Outstanding', 'Excellent', 'Good'];
const BELOW_GOOD: readonly QualityRating[] = ['Requires improvement', 'Inadequate', 'Poor'];

export const PROVIDERS_GOOD: MeasureDefinition = {
  id: 'PROVIDERS_GOOD',
  title: 'Providers rated good or outstanding',
  definition: 'Of the commissioned care providers that have a quality rating, the percentage rated good or outstanding (or excellent, on the council\'s own scale).',
  whyItMatters: 'People deserve good quality care wherever the council arranges it; poor ratings point to where support for providers is needed.',
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  ...fromSnapshots('providers', (month, rows) => {
    const rated = new Set<string>();
    const good = new Set<string>();
    const atRating = new Map<QualityRating, Set<string>>();
    for (const row of rows) {
      if (!atRating.has(row.qualityRating)) atRating.set(row.qualityRating, new Set());
      atRating.get(row.qualityRating)!.add(row.providerId);
      if (row.qualityRating === 'Not yet rated') continue;
      rated.add(row.providerId);
      if (GOOD.includes(row.qualityRating)) good.add(row.providerId);
    }
    const byRating = Object.fromEntries(QUALITY_RATINGS.filter((r) => atRating.has(r)).map((r) => [r, atRating.get(r)!.size]));
    const belowGood = sumDecimals(rows.filter((r) => BELOW_GOOD.includes(r.qualityRating) && foldLabel(r.framework) === HOME_CARE).map((r) => r.hoursPerWeek));
    return { ...percentPoint(month, good.size, rated.size), byRating, hoursBelowGood: Number(belowGood.toString()), hoursBelowGoodText: belowGood.toString() };
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
  ...fromSnapshots('providers', (month, rows) =>
    sumPoint(month, sumDecimals(rows.filter((r) => foldLabel(r.framework) === HOME_CARE).map((r) => r.hoursPerWeek))),
  ),
};
