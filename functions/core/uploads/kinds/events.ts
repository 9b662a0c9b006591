/**
 * events: the CLD person-level extract (extract-spec.md "events"). Persons are interned by
 * identifier so 1,000,000 rows keep one small object per event and one per person.
 */
import { z } from 'zod';
import { isMonthEnd, type Day } from '../../calendar/days.ts';
import {
  ASSESSMENT_TYPES,
  CLIENT_TYPES,
  DELIVERY_MECHANISMS,
  EVENT_OUTCOMES,
  EVENT_TYPES,
  RELEASE_1_ASSESSMENT_TYPES,
  RELEASE_1_CLIENT_TYPES,
  RELEASE_1_OUTCOMES,
  RELEASE_1_SERVICE_TYPES,
  SERVICE_TYPES,
  labelMatcher,
} from '../code-lists.ts';
import type { EventRow, EventsData, Person } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { checkLaCode, detach, isProblem, parseNhsNumber } from '../values.ts';
import { coded, optional, required, SameOnEveryRow, type KindDefinition, type RowParser } from './kind.ts';

const day = z.number().int();
const decimal = z.string().regex(/^\d+(\.\d+)?$/);

const eventRowSchema = z.object({
  row: z.number().int().positive(),
  person: z.number().int().nonnegative(),
  eventType: z.enum(EVENT_TYPES),
  clientType: z.enum(CLIENT_TYPES),
  start: day,
  end: day.nullable(),
  outcome: z.enum(EVENT_OUTCOMES).nullable(),
  assessmentType: z.enum(ASSESSMENT_TYPES).nullable(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  serviceComponent: z.string().min(1).nullable(),
  routeOfAccess: z.string().min(1).nullable(),
  deliveryMechanism: z.enum(DELIVERY_MECHANISMS).nullable(),
  plannedUnitsPerWeek: decimal.nullable(),
  unitCost: decimal.nullable(),
  accommodationStatus: z.string().min(1).nullable(),
  gender: z.string().min(1).nullable(),
  ethnicity: z.string().min(1).nullable(),
  primarySupportReason: z.string().min(1).nullable(),
});

export const eventsSchema = z.object({
  laCode: z.string().regex(/^E(06|08|09|10)\d{6}$/),
  reportingPeriodStart: day,
  reportingPeriodEnd: day,
  persons: z.array(z.object({ id: z.string().min(1), dateOfBirth: day, dateOfDeath: day.nullable() })),
  events: z.array(eventRowSchema),
}) satisfies z.ZodType<EventsData>;

const matchClientType = labelMatcher(CLIENT_TYPES, RELEASE_1_CLIENT_TYPES);
const matchEventType = labelMatcher(EVENT_TYPES);
const matchOutcome = labelMatcher(EVENT_OUTCOMES, RELEASE_1_OUTCOMES);
const matchAssessmentType = labelMatcher(ASSESSMENT_TYPES, RELEASE_1_ASSESSMENT_TYPES);
const matchServiceType = labelMatcher(SERVICE_TYPES, RELEASE_1_SERVICE_TYPES);
const matchDelivery = labelMatcher(DELIVERY_MECHANISMS);
// Financial assessment is a Release 1 type only: offered in messages as the Release 2 list.
const ASSESSMENT_TYPE_LABELS = ['Long term assessment', 'Short term assessment'];

export const events = {
  prefix: 'extracts/events/',
  setsPeriod: true,
  help: 'CLD events extract (required)',
  columns: [
    ...required('la_code', 'reporting_period_start_date', 'reporting_period_end_date', 'la_person_unique_identifier'),
    ...optional('nhs_number'),
    ...required('date_of_birth'),
    ...optional('date_of_death', 'gender', 'ethnicity', 'primary_support_reason'),
    coded('client_type', true, matchClientType),
    ...optional('accommodation_status'),
    coded('event_type', true, matchEventType),
    ...optional('event_reference'),
    ...required('event_start_date', 'event_end_date'),
    coded('event_outcome', true, matchOutcome),
    ...optional('request_route_of_access'),
    coded('assessment_type', false, matchAssessmentType),
    coded('service_type', false, matchServiceType),
    ...optional('service_component'),
    coded('delivery_mechanism', false, matchDelivery),
    ...optional('planned_units_per_week', 'unit_cost', 'review_reason'),
  ],
  schema: eventsSchema,
  checkAtRuntime: false,
  createParser: () => new EventsParser(),
} satisfies KindDefinition<EventsData>;

class EventsParser implements RowParser<EventsData> {
  private readonly laCode = new SameOnEveryRow<string>('la_code');
  private readonly periodStart = new SameOnEveryRow<Day>('reporting_period_start_date');
  private readonly periodEnd = new SameOnEveryRow<Day>('reporting_period_end_date');
  private readonly persons: Person[] = [];
  private readonly personIndex = new Map<string, number>();
  private readonly events: EventRow[] = [];
  private lastGoodNhs = '';

  row(r: RowReader): void {
    const la = r.required('la_code');
    // Every row repeats the council's code: only a different one needs checking.
    if (la !== undefined && la !== this.laCode.value) {
      const bad = checkLaCode(la);
      if (bad) r.problem('la_code', la, bad);
      else this.laCode.check(r, r.intern(la), la);
    }
    const periodEnd = this.period(r);

    const id = r.required('la_person_unique_identifier');
    const nhs = r.raw('nhs_number');
    // A person's rows repeat their NHS number: the last one checked is remembered.
    if (nhs !== '' && nhs !== this.lastGoodNhs) {
      const parsed = parseNhsNumber(nhs);
      if (!isProblem(parsed) && parsed.checkDigitOk) this.lastGoodNhs = detach(nhs);
      if (isProblem(parsed)) r.problem('nhs_number', nhs, parsed);
      else if (!parsed.checkDigitOk) r.warn('nhs_number', nhs, 'nhs-check-digit', 'nhs_number has a wrong check digit (NHS Modulus 11)');
    }
    const dob = r.date('date_of_birth', true);
    const dod = r.date('date_of_death', false);
    const clientType = r.label('client_type', matchClientType, CLIENT_TYPES, true);
    const eventType = r.label('event_type', matchEventType, EVENT_TYPES, true);
    const start = r.date('event_start_date', true);
    const endRaw = r.raw('event_end_date');
    const end = r.date('event_end_date', false);
    const isService = eventType === 'Service';
    if (endRaw === '' && eventType !== undefined && !isService) {
      r.error('event_end_date', null, 'required', `event_end_date is required for a ${eventType} (only a Service may be open)`);
    }
    const openService = isService && endRaw === '';
    const outcome = r.label('event_outcome', matchOutcome, EVENT_OUTCOMES, false);
    if (outcome === null && eventType !== undefined && !openService) {
      r.error('event_outcome', null, 'required', `event_outcome is required${isService ? ' for a Service that has ended' : ''}`);
    }
    const assessmentType = r.label('assessment_type', matchAssessmentType, ASSESSMENT_TYPE_LABELS, false);
    if (assessmentType === null && eventType === 'Assessment') r.error('assessment_type', null, 'required', 'assessment_type is required for an Assessment');
    const serviceType = r.label('service_type', matchServiceType, SERVICE_TYPES, false);
    if (serviceType === null && isService) r.error('service_type', null, 'required', 'service_type is required for a Service');
    const deliveryMechanism = r.label('delivery_mechanism', matchDelivery, DELIVERY_MECHANISMS, false);
    const planned = r.decimal('planned_units_per_week', false);
    const unitCost = r.decimal('unit_cost', false);

    // Dates against each other.
    if (typeof start === 'number') {
      if (typeof periodEnd === 'number' && start > periodEnd) {
        r.error('event_start_date', r.raw('event_start_date'), 'start-after-period-end', 'event_start_date is after reporting_period_end_date');
      }
      if (typeof end === 'number' && end < start) {
        r.error('event_end_date', endRaw, 'end-before-start', 'event_end_date is before event_start_date');
      }
      if (typeof dob === 'number' && dob >= start) {
        // The date of birth itself is personal data: the message names only the rule.
        r.error('date_of_birth', r.raw('date_of_birth'), 'birth-after-event-start', 'date_of_birth is not before event_start_date');
      }
    }
    if (typeof end === 'number' && typeof periodEnd === 'number' && end > periodEnd) {
      r.error('event_end_date', endRaw, 'end-after-period-end', 'event_end_date is after reporting_period_end_date');
    }

    const person = id === undefined || typeof dob !== 'number' ? -1 : this.person(r, id, dob, dod);
    if (
      person < 0 ||
      clientType == null ||
      eventType == null ||
      typeof start !== 'number' ||
      end === undefined ||
      outcome === undefined ||
      assessmentType === undefined ||
      serviceType === undefined ||
      deliveryMechanism === undefined ||
      planned === undefined ||
      unitCost === undefined
    ) {
      return; // an error was logged: the file is rejected, the row is not kept
    }
    this.events.push({
      row: r.row,
      person,
      eventType,
      clientType,
      start,
      end,
      outcome,
      assessmentType,
      serviceType,
      serviceComponent: r.text('service_component'),
      routeOfAccess: r.text('request_route_of_access'),
      deliveryMechanism,
      plannedUnitsPerWeek: planned,
      unitCost,
      accommodationStatus: r.text('accommodation_status'),
      gender: r.text('gender'),
      ethnicity: r.text('ethnicity'),
      primarySupportReason: r.text('primary_support_reason'),
    });
  }

  private orderChecked = false;

  /**
   * Checks the reporting period; returns its end when this row's is usable. Month end and
   * start ≤ end are checked once, on the reference (first) values; other rows must repeat them.
   */
  private period(r: RowReader): Day | undefined {
    const start = r.date('reporting_period_start_date', true);
    const end = r.date('reporting_period_end_date', true);
    const firstEnd = this.periodEnd.value === undefined;
    const endOk = typeof end === 'number' && this.periodEnd.check(r, end, r.raw('reporting_period_end_date'));
    if (endOk && firstEnd && !isMonthEnd(end)) {
      r.error('reporting_period_end_date', r.raw('reporting_period_end_date'), 'month-end', 'reporting_period_end_date is not the last day of a month');
    }
    const startOk = typeof start === 'number' && this.periodStart.check(r, start, r.raw('reporting_period_start_date'));
    if (startOk && endOk && !this.orderChecked) {
      this.orderChecked = true;
      if (start > end) {
        r.error('reporting_period_start_date', r.raw('reporting_period_start_date'), 'period-order', 'reporting_period_start_date is after reporting_period_end_date');
      }
    }
    return endOk ? end : undefined;
  }

  private lastId = '';
  private lastIndex = -1;

  private person(r: RowReader, id: string, dob: Day, dod: Day | null | undefined): number {
    // A person's rows are usually together: skip hashing the identifier for the repeats.
    let index = id === this.lastId ? this.lastIndex : this.personIndex.get(id);
    if (index === undefined) {
      index = this.persons.length;
      const kept = detach(id);
      this.persons.push({ id: kept, dateOfBirth: dob, dateOfDeath: dod ?? null });
      this.personIndex.set(kept, index);
      this.lastId = kept;
      this.lastIndex = index;
      return index;
    }
    this.lastId = id;
    this.lastIndex = index;
    const p = this.persons[index];
    if (p.dateOfBirth !== dob) {
      r.error('date_of_birth', r.raw('date_of_birth'), 'dob-differs', 'date_of_birth differs from an earlier row of the same person');
      return -1;
    }
    if (typeof dod === 'number' && (p.dateOfDeath === null || dod > p.dateOfDeath)) p.dateOfDeath = dod;
    return index;
  }

  finish(): EventsData {
    return {
      laCode: this.laCode.value ?? '',
      reportingPeriodStart: this.periodStart.value ?? 0,
      reportingPeriodEnd: this.periodEnd.value ?? 0,
      persons: this.persons,
      events: this.events,
    };
  }
}
