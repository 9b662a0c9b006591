/**
 * An independent, deliberately naive implementation of the event measures of
 * /work/shared/measures.md, written from that text alone, for differential tests of
 * functions/core/measures. Slow on purpose: per month it loops over the deduplicated rows.
 */
import type { EventsData, PopulationRow } from '../../../functions/core/uploads/parsed.ts';
import { referenceContext } from './context.ts';
import { assessmentMeasures, requestMeasures, reviewsReduced } from './flow-measures.ts';
import type { RefMeasure } from './points.ts';
import { admissions, snapshotMeasures, stmaxNoFurther } from './state-measures.ts';

export type { RefMeasure, RefPoint } from './points.ts';

export const REFERENCE_EVENT_MEASURES = [
  'REQ_NEW',
  'FPOC',
  'REQ_TO_ASSESS',
  'ASSESS_LT',
  'ASSESS_NO_SERVICE',
  'WAIT_ASSESS_DAYS',
  'REVIEWS_UTD',
  'REVIEWS_REDUCED',
  'LTS_CLIENTS',
  'ADMISSIONS_18_64',
  'ADMISSIONS_65P',
  'STMAX_NO_FURTHER',
  'SDS',
  'DIRECT_PAYMENTS',
  'SETTLED_ACCOM',
  'CARER_ASSESS',
] as const;

export function referenceEventMeasures(events: EventsData, population: PopulationRow[] = []): Record<string, RefMeasure> {
  const ctx = referenceContext(events, population);
  return {
    ...requestMeasures(ctx),
    ...assessmentMeasures(ctx),
    REVIEWS_REDUCED: reviewsReduced(ctx),
    ...snapshotMeasures(ctx),
    ...admissions(ctx),
    STMAX_NO_FURTHER: stmaxNoFurther(ctx),
  };
}
