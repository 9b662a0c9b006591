/**
 * DHSC's CLD waiting times (Waiting_times/waiting_times_method.sql, version 1.0): each valid
 * request of a new client is linked to the first response (an assessment or a service) and to the
 * first service after it, in the person's chronology; the wait is the days between their starts.
 * This file builds the person-level waits (the SQL's #wait_times_calc_1); the measures taking
 * their medians are in cld-wait.ts. Every rule, its SQL lines and each reading: METHOD.md.
 */
import { type Day, dayOf, minusYears } from '../../../calendar/days.ts';
import { type EventOutcome, SERVICE_TYPES } from '../../../uploads/code-lists.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import type { MeasureContext } from '../../context.ts';
import { isServiceUser } from '../../rows.ts';
import { dhscAge, type PersonDetails, personDetails } from './person-details.ts';
import { endOrOpen } from './window.ts';

/** DHSC's `Modified_Working_Age_Band`: '18 to 64' relabelled '25 to 64', as only 25+ are kept. */
export type WaitBand = '25-64' | '65+';

export interface Wait {
  /** `DATEDIFF(DAY, request_start_date, <event>_start_date)`. */
  days: number;
  /** The start of the response (part 1) or service (part 2): it places the wait in a period. */
  on: Day;
  /** Working age band of the response or service event (its latest age), not of the request. */
  band: WaitBand;
}

export interface CldWaits {
  /** Part 1, 'Wait time to first response'. */
  response: Wait[];
  /** Part 2, 'Wait time to first service'. */
  service: Wait[];
}

/** Stage 1.3a: `Event_Start_Date >= '2023-04-01'`, the first day of CLD collection. */
export const FIRST_REQUEST_DAY: Day = dayOf(2023, 4, 1);

/** Stage 1.2's seven service types: every CLD service type but unpaid carer support. */
const WAIT_SERVICE_TYPES = new Set<string>(SERVICE_TYPES.filter((t) => !t.startsWith('Unpaid carer support:')));

/** Stage 2.3 `assessment_indicates_progress_to_service`. */
const ASSESSMENT_PROGRESS = new Set<EventOutcome | null>([
  'Progress to reablement/ST-Max',
  'Progress to support planning or services',
  'Continuation of support or services',
]);

/** Stage 1.2: short or long term assessments and the seven service types, of any client type. */
function assessmentOrService(row: EventRow): boolean {
  if (row.eventType === 'Assessment') return row.assessmentType === 'Short term assessment' || row.assessmentType === 'Long term assessment';
  return row.eventType === 'Service' && row.serviceType !== null && WAIT_SERVICE_TYPES.has(row.serviceType);
}

/**
 * Stage 1.4: `Event_Outcome_Grouped NOT IN ('NFA','Admitted to hospital')`; a blank outcome makes
 * NOT IN unknown, so it fails too.
 */
function requestShowsNeed(outcome: EventOutcome | null): boolean {
  return outcome !== null && outcome !== 'Admitted to hospital' && !outcome.startsWith('NFA');
}

/** Stage 2.1's same-day priority: request, assessment, service. */
const PRIORITY: Record<string, number> = { Request: 1, Assessment: 2, Service: 3 };

/** `person_valid_event_order`: start, then priority, then `Der_Unique_Record_ID desc` (later file row first). */
function chronology(a: EventRow, b: EventRow): number {
  return a.start - b.start || PRIORITY[a.eventType] - PRIORITY[b.eventType] || b.row - a.row;
}

/**
 * `Der_Working_Age_Band` of GetDerivedFields: from `Der_Latest_Age`, the age (first of the birth
 * month) at the event's end, or at the reporting period end for an open service; under 18 has no
 * band DHSC keeps.
 */
function bandOf(details: PersonDetails, person: number, row: EventRow, periodEnd: Day): WaitBand | null {
  const age = dhscAge(details, person, row.end ?? periodEnd);
  return age < 18 ? null : age <= 64 ? '25-64' : '65+';
}

export function cldWaits(ctx: MeasureContext): CldWaits {
  return ctx.memo('cld-waits', () => {
    const details = personDetails(ctx);
    const all = ctx.allByPerson();
    const out: CldWaits = { response: [], service: [] };
    for (let p = 0; p < ctx.persons.length; p++) {
      const chain = personChain(ctx, all.rows, all.offsets[p], all.offsets[p + 1], p);
      if (chain.length > 0) linkRequests(chain, (w, part) => out[part].push(w), (row) => bandOf(details, p, row, ctx.periodEnd));
    }
    return out;
  });
}

/**
 * Stages 1 and 2.1 for one person: their valid requests and their assessments and services aged
 * 25+ at the start, in `person_valid_event_order`. Rows arrive sorted by start.
 */
function personChain(ctx: MeasureContext, rows: readonly EventRow[], from: number, to: number, person: number): EventRow[] {
  const chain: EventRow[] = [];
  // Stage 1.3c: the latest end (open last) of the assessment-or-service set's services that
  // start before the request, kept as a pointer moves through the start-ordered rows.
  let earlier = from;
  let latestServiceEnd = -Infinity;
  for (let k = from; k < to; k++) {
    const row = rows[k];
    if (assessmentOrService(row)) {
      if (ctx.age(person, row.start) >= 25) chain.push(row);
      continue;
    }
    if (row.eventType !== 'Request' || !isServiceUser(row) || row.start < FIRST_REQUEST_DAY) continue;
    if (ctx.age(person, row.start) < 25) continue;
    while (earlier < to && rows[earlier].start < row.start) {
      const e = rows[earlier++];
      if (e.eventType === 'Service' && assessmentOrService(e)) latestServiceEnd = Math.max(latestServiceEnd, endOrOpen(e.end));
    }
    if (latestServiceEnd >= minusYears(row.start, 1)) continue; // an existing client
    if (requestShowsNeed(row.outcome)) chain.push(row);
  }
  // Stage 2.2 drops people with no valid request: they would link nothing.
  return chain.some((r) => r.eventType === 'Request') ? chain.sort(chronology) : [];
}

/** Stages 2.4 to 4.1 over one person's chronology. */
function linkRequests(chain: readonly EventRow[], emit: (w: Wait, part: keyof CldWaits) => void, band: (row: EventRow) => WaitBand | null): void {
  // Stage 2.4's OUTER APPLY … TOP 1: the next assessment and the next service after each position.
  const nextAssessment = new Int32Array(chain.length);
  const nextService = new Int32Array(chain.length);
  let a = -1;
  let s = -1;
  for (let i = chain.length - 1; i >= 0; i--) {
    nextAssessment[i] = a;
    nextService[i] = s;
    if (chain[i].eventType === 'Assessment') a = i;
    else if (chain[i].eventType === 'Service') s = i;
  }
  // Stage 3.4's LAG(GREATEST(response order, service order)) over the person's requests; NULL → −1.
  let previousReach = -1;
  for (let i = 0; i < chain.length; i++) {
    const request = chain[i];
    if (request.eventType !== 'Request') continue;
    // Stage 3.1 (a request acting as its own response) needs Der_Conversation, which no upload
    // column carries: it never applies here (METHOD.md).
    let response = nextAssessment[i];
    const service = nextService[i];
    // Stage 3.2: a service coming before the first assessment (or with none) is the first response.
    if (service !== -1 && (response === -1 || response > service)) response = service;
    // Stage 3.3: an assessment response that does not progress to services ends part 2.
    const stops = response !== -1 && chain[response].eventType === 'Assessment' && !ASSESSMENT_PROGRESS.has(chain[response].outcome);
    const followed = stops ? -1 : service;
    const overlaps = previousReach > i;
    previousReach = Math.max(response, followed);
    if (overlaps) continue;
    for (const [part, k] of [['response', response], ['service', followed]] as const) {
      if (k === -1) continue;
      const b = band(chain[k]);
      if (b !== null) emit({ days: chain[k].start - request.start, on: chain[k].start, band: b }, part);
    }
  }
}
