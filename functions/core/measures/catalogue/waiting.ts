/**
 * WAITING_ASSESS: people waiting for an assessment at month end, with the median wait so far.
 */
import { monthIdOf } from '../../calendar/days.ts';
import { medianRounded } from '../median.ts';
import { snapshotSeries } from './snapshot-uploads.ts';
import type { MeasureDefinition } from './types.ts';

export const WAITING_ASSESS: MeasureDefinition = {
  id: 'WAITING_ASSESS',
  title: 'People waiting for an assessment',
  definition:
    'People waiting for a social care assessment on the last day of the month, with the middle value of how many days they had waited since their request.',
  whyItMatters:
    'People waiting for assessment may be at risk without support; a growing list is an early warning of pressure on the service.',
  unit: 'count',
  polarity: 'low',
  basis: 'snapshot',
  compute: (ctx) => ({
    series: snapshotSeries(ctx, ctx.inputs.waiting, (file) => monthIdOf(file.asAt), (month, file) => {
      const waits = file.rows.filter((r) => r.waitingFor === 'Assessment').map((r) => file.asAt - r.requestDate);
      return { month, value: waits.length, numerator: waits.length, denominator: null, reason: null, medianDays: medianRounded(waits) };
    }),
  }),
};
