/**
 * REVIEWS_UTD: long term clients with a review in the last 12 months (snapshot on M_end).
 * Look-back: the reporting period must start on or before (M_end − 1 year) + 1 day.
 */
import { minusYears } from '../../calendar/days.ts';
import { insufficientHistory, percentPoint } from '../points.ts';
import { anyActiveOn } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

export const REVIEWS_UTD: MeasureDefinition = {
  id: 'REVIEWS_UTD',
  title: 'Long term clients reviewed in the last 12 months',
  definition:
    'Of the adults who were receiving long term support both on the last day of the month and a year earlier, the percentage whose care was reviewed in the 12 months to the end of the month.',
  whyItMatters:
    'The Care Act expects care plans to be reviewed at least yearly, so that support still meets people’s needs and money is well spent.',
  unit: 'percent',
  polarity: 'high',
  basis: 'snapshot',
  compute(ctx) {
    const lts = ctx.ltsByPerson();
    const reviews = ctx.suReviewsByPerson();
    return {
      series: ctx.months.months.map((month, i) => {
        const end = ctx.months.ends[i];
        const yearBefore = minusYears(end);
        if (ctx.periodStart > yearBefore + 1) return insufficientHistory(month);
        let d = 0;
        let n = 0;
        for (let p = 0; p < ctx.persons.length; p++) {
          if (lts.offsets[p] === lts.offsets[p + 1]) continue;
          if (ctx.age(p, end) < 18 || !anyActiveOn(lts, p, end) || !anyActiveOn(lts, p, yearBefore)) continue;
          d++;
          for (let k = reviews.offsets[p]; k < reviews.offsets[p + 1]; k++) {
            const reviewEnd = reviews.rows[k].end;
            if (reviewEnd !== null && reviewEnd > yearBefore && reviewEnd <= end) {
              n++;
              break;
            }
          }
        }
        return percentPoint(month, n, d);
      }),
    };
  },
};
