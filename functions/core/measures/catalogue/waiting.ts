/**
 * WAITING_ASSESS: people waiting for an assessment at month end, with the median wait so far.
 * measures.md counts adults only in every measure; the waiting list's date is its `as_at_date`,
 * so age is taken on that day (the upload requires `date_of_birth` for exactly this).
 */
import { ageOn, monthIdOf } from '../../calendar/days.ts';
import { medianRounded } from '../median.ts';
import { snapshotSeries } from './snapshot-uploads.ts';
import type { MeasureDefinition } from './types.ts';

export const WAITING_ASSESS: MeasureDefinition = {
  id: 'WAITING_ASSESS',
  title: 'People waiting for an assessment',
  definition:
    'Adults waiting for a social care assessment on the last day of the month, with the middle value of how many days they had waited since their request.',
  whyItMatters:
    'People waiting for assessment may be at risk without support; a growing list is an early warning of pressure on the service.',
  unit: 'count',
  polarity: 'low',
  basis: 'snapshot',
  compute: (ctx) => ({
    series: snapshotSeries(ctx, ctx.inputs.waiting, (file) => monthIdOf(file.asAt), (month, file) => {
      const waits = file.rows
        .filter((r) => r.waitingFor === 'Assessment' && ageOn(r.dateOfBirth, file.asAt) >= 18)
        .map((r) => file.asAt - r.requestDate);
      return { month, value: waits.length, numerator: waits.length, denominator: null, reason: null, medianDays: medianRounded(waits) };
    }),
  }),
};
