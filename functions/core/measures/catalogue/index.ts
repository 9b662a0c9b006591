/**
 * The catalogue, in the order of measures.md's tables: event measures, the ASCOF measures by
 * DHSC's method (ascof/METHOD.md), then snapshot measures.
 * Cards and the measures JSON list measures in this order.
 */
import { ADMISSIONS_18_64, ADMISSIONS_65P } from './admissions.ts';
import { ASCOF_MEASURES } from './ascof/index.ts';
import { ASSESS_LT, ASSESS_NO_SERVICE } from './assessments.ts';
import { CARER_ASSESS } from './carers.ts';
import { BUDGET_VARIANCE, SAVINGS_DELIVERED } from './finance.ts';
import { DIRECT_PAYMENTS, LTS_CLIENTS, SDS, SETTLED_ACCOM } from './lts-snapshot.ts';
import { HOMECARE_HOURS, PROVIDERS_GOOD } from './providers.ts';
import { FPOC, REQ_NEW, REQ_TO_ASSESS } from './requests.ts';
import { REVIEWS_REDUCED } from './reviews-reduced.ts';
import { REVIEWS_UTD } from './reviews-up-to-date.ts';
import { STMAX_NO_FURTHER } from './stmax.ts';
import type { MeasureDefinition } from './types.ts';
import { WAIT_ASSESS_DAYS } from './wait-assess.ts';
import { WAITING_ASSESS, WAITING_REVIEW, WAITING_SERVICE } from './waiting.ts';

export const CATALOGUE: readonly MeasureDefinition[] = [
  REQ_NEW,
  FPOC,
  REQ_TO_ASSESS,
  ASSESS_LT,
  ASSESS_NO_SERVICE,
  WAIT_ASSESS_DAYS,
  REVIEWS_UTD,
  REVIEWS_REDUCED,
  LTS_CLIENTS,
  ADMISSIONS_18_64,
  ADMISSIONS_65P,
  STMAX_NO_FURTHER,
  SDS,
  DIRECT_PAYMENTS,
  SETTLED_ACCOM,
  CARER_ASSESS,
  ...ASCOF_MEASURES,
  WAITING_ASSESS,
  BUDGET_VARIANCE,
  SAVINGS_DELIVERED,
  WAITING_REVIEW,
  WAITING_SERVICE,
  PROVIDERS_GOOD,
  HOMECARE_HOURS,
];

export type { MeasureDefinition } from './types.ts';
