/**
 * WAITING_ASSESS, WAITING_REVIEW and WAITING_SERVICE: people waiting at month end, with the
 * median wait so far. measures.md counts adults only in every measure; a snapshot's date is its
 * `as_at_date`, so age is taken on that day (the upload requires `date_of_birth` for exactly this).
 */
import { ageOn } from '../../calendar/days.ts';
import type { WaitingFor } from '../../uploads/parsed.ts';
import { medianRounded } from '../median.ts';
import { countPoint } from '../points.ts';
import { fromSnapshots } from './snapshot-uploads.ts';
import type { MeasureDefinition } from './types.ts';

function waitingMeasure(id: string, waitingFor: WaitingFor, title: string, definition: string, whyItMatters: string): MeasureDefinition {
  return {
    id,
    title,
    definition,
    whyItMatters,
    unit: 'count',
    polarity: 'low',
    basis: 'snapshot',
    ...fromSnapshots('waiting', (month, rows) => {
      const waits = rows.filter((r) => r.waitingFor === waitingFor && ageOn(r.dateOfBirth, r.asAt) >= 18).map((r) => r.asAt - r.requestDate);
      return { ...countPoint(month, waits.length), medianDays: medianRounded(waits) };
    }),
  };
}

export const WAITING_ASSESS = waitingMeasure(
  'WAITING_ASSESS',
  'Assessment',
  'People waiting for an assessment',
  'Adults waiting for a social care assessment on the last day of the month, with the middle value of how many days they had waited since their request.',
  'People waiting for assessment may be at risk without support; a growing list is an early warning of pressure on the service.',
);

export const WAITING_REVIEW = waitingMeasure(
  'WAITING_REVIEW',
  'Review',
  'People waiting for a review',
  'Adults waiting for a review of their care and support on the last day of the month, with the middle value of how many days they had waited since the review was requested.',
  "A review checks that support still meets a person's needs; people waiting may have needs that have changed.",
);

export const WAITING_SERVICE = waitingMeasure(
  'WAITING_SERVICE',
  'Service',
  'People waiting for a service to start',
  'Adults assessed as needing support who were still waiting for it to start on the last day of the month, with the middle value of how many days they had waited since their request.',
  'Support agreed but not yet started leaves people and their carers without help they are entitled to.',
);
