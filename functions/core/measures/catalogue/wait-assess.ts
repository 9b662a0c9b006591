/**
 * WAIT_ASSESS_DAYS: median days from a person's request to their long term assessment.
 */
import { medianRounded } from '../median.ts';
import { lastStartingBy } from '../person-index.ts';
import { REASONS } from '../points.ts';
import { longTermAssessments } from './assessments.ts';
import type { MeasureDefinition } from './types.ts';

export const WAIT_ASSESS_DAYS: MeasureDefinition = {
  id: 'WAIT_ASSESS_DAYS',
  title: 'Median days from request to long term assessment',
  definition:
    'For the long term assessments completed in the month, the middle value of the days between the person’s most recent request for support and the end of their assessment.',
  whyItMatters:
    'Long waits for assessment leave people without help and can lead to crises; the median shows the typical wait.',
  unit: 'days',
  polarity: 'low',
  basis: 'month',
  reads: ['events'],
  compute(ctx) {
    const requests = ctx.suRequestsByPerson();
    return {
      series: longTermAssessments(ctx).map((rows, i) => {
        const month = ctx.months.months[i];
        const waits: number[] = [];
        for (const assessment of rows) {
          // Requests are sorted by start: the last one starting on or before the assessment start.
          const k = lastStartingBy(requests, assessment.person, assessment.start);
          if (k >= requests.offsets[assessment.person]) waits.push((assessment.end as number) - requests.rows[k].start);
        }
        const value = medianRounded(waits);
        return value === null
          ? { month, value: null, numerator: 0, denominator: null, reason: REASONS.noDenominator }
          : { month, value, numerator: waits.length, denominator: null, reason: null };
      }),
    };
  },
};
