/**
 * DHSC's CLD waiting-time metric (Waiting_times/waiting_times_method.sql, Stage 4.2): the median
 * days from a new client's request to the first response and to the first service, for ages 25 to
 * 64 and 65 and over, each month over the 12 months to its end. Method and readings: METHOD.md.
 */
import { medianRounded } from '../../median.ts';
import { REASONS } from '../../points.ts';
import type { MeasureContext } from '../../context.ts';
import type { SeriesPoint } from '../../document.ts';
import type { MeasureDefinition } from '../types.ts';
import { type CldWaits, cldWaits, FIRST_REQUEST_DAY, type WaitBand } from './cld-waits.ts';

/** The null reason of a month whose 12 months end before Client Level Data began. */
export const BEFORE_CLD = 'before Client Level Data began (April 2023)';
import { perPeriod } from './window.ts';

/**
 * `PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY wait)` over the waits whose event starts in the
 * period, and `COUNT(*)` as the numerator. A request may precede its response by any time: a year
 * of upload before the period is asked for, as for the existing-client test (METHOD.md).
 */
function series(ctx: MeasureContext, part: keyof CldWaits, band: WaitBand): SeriesPoint[] {
  const waits = cldWaits(ctx)[part];
  return perPeriod(ctx, 365, (month, period) => {
    const days: number[] = [];
    for (const w of waits) if (w.band === band && w.on >= period.start && w.on <= period.end) days.push(w.days);
    const value = medianRounded(days);
    // A period before CLD began can hold no counted request (Stage 1.3a): say so, not "no denominator".
    const reason = period.end < FIRST_REQUEST_DAY ? BEFORE_CLD : REASONS.noDenominator;
    return value === null
      ? { month, value: null, numerator: 0, denominator: null, reason }
      : { month, value, numerator: days.length, denominator: null, reason: null };
  });
}

const WHY =
  'People waiting for a first response or for services can come to harm. This follows DHSC\'s published waiting-time method for the Client Level Data; DHSC\'s own figures are for single quarters, so set them beside this 12-month figure with care.';

const NEW_CLIENTS =
  'Only requests from 1 April 2023 (the start of Client Level Data) by new clients count: not while receiving a service or within a year of one ending, not closed with no further action or a hospital admission, and not made while an earlier request still awaited its response or service.';
const RESPONSE = `the middle value of the days from a request for support to the first response (a short or long term assessment, or a service if that came first), for responses that started in the 12 months to the end of the month. ${NEW_CLIENTS}`;
const SERVICE = `the middle value of the days from a request for support to the first service after it, for services that started in the 12 months to the end of the month; when the first response was an assessment that did not lead to services, the request has no service wait. ${NEW_CLIENTS}`;

const BANDS: Record<WaitBand, { id: string; words: string }> = {
  '25-64': { id: '25_64', words: 'aged 25 to 64' },
  '65+': { id: '65', words: 'aged 65 or over' },
};

function waitMeasure(part: keyof CldWaits, band: WaitBand): MeasureDefinition {
  const { id, words } = BANDS[band];
  return {
    id: `CLD_WAIT_${part.toUpperCase()}_${id}`,
    title: `Median days from request to first ${part}, people ${words}`,
    definition: `For people ${words} at the ${part}, ${part === 'response' ? RESPONSE : SERVICE}`,
    whyItMatters: WHY,
    unit: 'days',
    polarity: 'low',
    basis: 'rolling12',
    reads: ['events'],
    compute: (ctx) => ({ series: series(ctx, part, band) }),
  };
}

export const CLD_WAIT_RESPONSE_25_64 = waitMeasure('response', '25-64');
export const CLD_WAIT_RESPONSE_65 = waitMeasure('response', '65+');
export const CLD_WAIT_SERVICE_25_64 = waitMeasure('service', '25-64');
export const CLD_WAIT_SERVICE_65 = waitMeasure('service', '65+');
