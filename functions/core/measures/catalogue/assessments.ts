/**
 * Long term (Care Act) assessments: how many (ASSESS_LT, with a financial-year-to-date figure)
 * and how many ended with no formal support (ASSESS_NO_SERVICE).
 */
import { financialYearStart } from '../../calendar/days.ts';
import type { EventRow } from '../../uploads/parsed.ts';
import type { MeasureContext } from '../context.ts';
import { equityTally } from '../equity.ts';
import type { SeriesPoint } from '../document.ts';
import { monthlySeries, REASONS, percentPoint, ratePoint, type MonthPoint } from '../points.ts';
import { per100k } from '../rounding.ts';
import { isServiceUser } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

/** SU long term assessments completed in each covered month, 18+ at end date. */
export function longTermAssessments(ctx: MeasureContext): EventRow[][] {
  return ctx.memo('long-term-assessments', () => {
    const byMonth: EventRow[][] = ctx.months.months.map(() => []);
    for (const row of ctx.rows) {
      if (row.eventType !== 'Assessment' || row.assessmentType !== 'Long term assessment' || !isServiceUser(row)) continue;
      const m = ctx.months.of(row.end);
      if (m >= 0 && ctx.age(row.person, row.end as number) >= 18) byMonth[m].push(row);
    }
    return byMonth;
  });
}

/** Year to date: every month from April of M's financial year to M must be covered. */
function yearToDate(ctx: MeasureContext, counts: ArrayLike<number>, i: number): NonNullable<SeriesPoint['ytd']> {
  const april = financialYearStart(ctx.months.months[i]);
  const first = ctx.months.months.indexOf(april);
  if (first < 0 || first > i) return { numerator: null, value: null, reason: REASONS.incompleteYear };
  let total = 0;
  for (let m = first; m <= i; m++) total += counts[m];
  const population = ctx.populationFor(i, null);
  if (population === null) return { numerator: total, value: null, reason: REASONS.noPopulation };
  return { numerator: total, value: per100k(total, population), reason: null };
}

export const ASSESS_LT: MeasureDefinition = {
  id: 'ASSESS_LT',
  title: 'Long term (Care Act) assessments completed',
  definition:
    'Long term (Care Act) assessments of adults completed in the month, per 100,000 adults in the area; the year-to-date figure adds up the months since April.',
  whyItMatters:
    'Assessments are the gateway to long term care: the number completed shows whether the service keeps pace with demand.',
  unit: 'per100k',
  polarity: 'neutral',
  basis: 'month',
  reads: ['events', 'population'],
  compute(ctx) {
    const byMonth = longTermAssessments(ctx);
    const counts = byMonth.map((rows) => rows.length);
    const equity = equityTally(ctx);
    byMonth.forEach((rows, m) => rows.forEach((row) => equity.add(row.person, m, true)));
    // Each group's series has the total's shape, year to date included; rates on the whole 18+ population.
    const point: MonthPoint = (month, i, n) => ({ ...ratePoint(month, n[i], ctx.populationFor(i, null)), ytd: yearToDate(ctx, n, i) });
    return { series: monthlySeries(ctx.months.months, point, counts), breakdowns: equity.series(point) };
  },
};

const LEFT_OUT = new Set(['NFA: Deceased', 'NFA: Responsibility moved to another local authority']);

export const ASSESS_NO_SERVICE: MeasureDefinition = {
  id: 'ASSESS_NO_SERVICE',
  title: 'Long term assessments with no formal support',
  definition:
    'Of the long term assessments completed in the month (leaving out people who died or moved to another council), the percentage that ended with no further action rather than formal support.',
  whyItMatters:
    'Shows how often people are helped to stay independent without paid care, and how well requests are filtered before a full assessment.',
  unit: 'percent',
  polarity: 'low',
  basis: 'month',
  reads: ['events'],
  compute(ctx) {
    const byMonth = longTermAssessments(ctx);
    return {
      series: ctx.months.months.map((month, i) => {
        let d = 0;
        let n = 0;
        for (const row of byMonth[i]) {
          if (row.outcome !== null && LEFT_OUT.has(row.outcome)) continue;
          d++;
          if (row.outcome !== null && row.outcome.startsWith('NFA:')) n++;
        }
        return percentPoint(month, n, d);
      }),
    };
  },
};
