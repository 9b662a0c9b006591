/**
 * REVIEWS_UTD: long term clients with a review in the last 12 months (snapshot on M_end).
 * Look-back: the reporting period must start on or before (M_end − 1 year) + 1 day.
 * One pass per person marks the months whose M_end, and whose M_end − 1 year, fall in an LTS row,
 * and the months whose window (M_end − 1 year, M_end] holds one of their SU reviews' end.
 */
import { minusYears } from '../../calendar/days.ts';
import { equityTally } from '../equity.ts';
import { firstAtLeast, markActive } from '../month-ranges.ts';
import { insufficientHistory, monthlySeries, percentPoint } from '../points.ts';
import type { MeasureDefinition } from './types.ts';

const ACTIVE_AT_END = 1;
const ACTIVE_YEAR_BEFORE = 2;
const REVIEWED = 4;

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
  reads: ['events'],
  compute(ctx) {
    const lts = ctx.ltsByPerson();
    const reviews = ctx.suReviewsByPerson();
    const ends = ctx.months.ends;
    const yearBefore = ends.map((d) => minusYears(d));
    const n = ends.length;
    const d = new Int32Array(n);
    const num = new Int32Array(n);
    const flags = new Uint8Array(n);
    const equity = equityTally(ctx);
    // Months whose look-back the upload does not hold: no value, and no group appears from them.
    const short = yearBefore.map((d) => ctx.periodStart > d + 1);
    for (let p = 0; p < ctx.persons.length; p++) {
      if (lts.offsets[p] === lts.offsets[p + 1]) continue;
      flags.fill(0);
      for (let k = lts.offsets[p]; k < lts.offsets[p + 1]; k++) {
        markActive(ends, lts.rows[k], flags, ACTIVE_AT_END);
        markActive(yearBefore, lts.rows[k], flags, ACTIVE_YEAR_BEFORE);
      }
      for (let k = reviews.offsets[p]; k < reviews.offsets[p + 1]; k++) {
        const end = reviews.rows[k].end;
        if (end === null) continue;
        // Months with yearBefore[m] < end ≤ ends[m].
        const to = firstAtLeast(yearBefore, end);
        for (let m = firstAtLeast(ends, end); m < to; m++) flags[m] |= REVIEWED;
      }
      for (let m = 0; m < n; m++) {
        if ((flags[m] & (ACTIVE_AT_END | ACTIVE_YEAR_BEFORE)) !== (ACTIVE_AT_END | ACTIVE_YEAR_BEFORE) || ctx.age(p, ends[m]) < 18) continue;
        d[m]++;
        if (flags[m] & REVIEWED) num[m]++;
        if (!short[m]) equity.add(p, m, (flags[m] & REVIEWED) !== 0);
      }
    }
    const point = (month: string, m: number, n: ArrayLike<number>, of: ArrayLike<number>) =>
      short[m] ? insufficientHistory(month) : percentPoint(month, n[m], of[m]);
    return {
      series: monthlySeries(ctx.months.months, point, num, d),
      breakdowns: equity.series(point),
    };
  },
};
