/**
 * Builds EventsData directly (no CSV) for hand-computed measure tests. Dates are written
 * `YYYY-MM-DD`; people are named and interned in order of first use, like the parser does.
 */
import { parseIsoDay } from '../../../functions/core/calendar/days.ts';
import type { AssessmentType, ClientType, DeliveryMechanism, EventOutcome, EventType, ServiceType } from '../../../functions/core/uploads/code-lists.ts';
import type { EventRow, EventsData, MeasureInputs, PopulationRow } from '../../../functions/core/uploads/parsed.ts';

export function day(iso: string): number {
  const d = parseIsoDay(iso);
  if (d === undefined) throw new Error(`bad date ${iso}`);
  return d;
}

export interface RowSpec {
  person: string;
  type: EventType;
  start: string;
  end?: string | null;
  client?: ClientType;
  outcome?: EventOutcome | null;
  assessmentType?: AssessmentType | null;
  serviceType?: ServiceType | null;
  component?: string | null;
  route?: string | null;
  delivery?: DeliveryMechanism | null;
  units?: string | null;
  cost?: string | null;
  accommodation?: string | null;
  gender?: string | null;
  ethnicity?: string | null;
  psr?: string | null;
}

export interface Extract {
  start: string;
  end: string;
  /** Date of birth per person id; default 1950-01-01. */
  dob?: Record<string, string>;
  /** Date of death per person id; default none. */
  dod?: Record<string, string>;
  laCode?: string;
}

export function events(extract: Extract, specs: RowSpec[]): EventsData {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const rows: EventRow[] = specs.map((s, i) => {
    if (!index.has(s.person)) {
      index.set(s.person, ids.length);
      ids.push(s.person);
    }
    return {
      row: i + 1,
      person: index.get(s.person) as number,
      eventType: s.type,
      clientType: s.client ?? 'Service user',
      start: day(s.start),
      end: s.end ? day(s.end) : null,
      outcome: s.outcome ?? null,
      assessmentType: s.assessmentType ?? null,
      serviceType: s.serviceType ?? null,
      serviceComponent: s.component ?? null,
      routeOfAccess: s.route ?? null,
      deliveryMechanism: s.delivery ?? null,
      plannedUnitsPerWeek: s.units ?? null,
      unitCost: s.cost ?? null,
      accommodationStatus: s.accommodation ?? null,
      gender: s.gender ?? null,
      ethnicity: s.ethnicity ?? null,
      primarySupportReason: s.psr ?? null,
    };
  });
  return {
    laCode: extract.laCode ?? 'E08000018',
    reportingPeriodStart: day(extract.start),
    reportingPeriodEnd: day(extract.end),
    persons: ids.map((id) => ({ id, dateOfBirth: day(extract.dob?.[id] ?? '1950-01-01'), dateOfDeath: extract.dod?.[id] ? day(extract.dod[id]) : null })),
    events: rows,
  };
}

/** Row shorthands: the fields each event type needs, overridable. */
export const request = (person: string, start: string, end: string, more: Partial<RowSpec> = {}): RowSpec => ({
  person, type: 'Request', start, end, outcome: 'NFA: Information and advice or signposting', ...more,
});
export const assessment = (person: string, start: string, end: string, more: Partial<RowSpec> = {}): RowSpec => ({
  person, type: 'Assessment', start, end, assessmentType: 'Long term assessment', outcome: 'Progress to support planning or services', ...more,
});
export const review = (person: string, start: string, end: string, more: Partial<RowSpec> = {}): RowSpec => ({
  person, type: 'Review', start, end, outcome: 'Continuation of support or services', ...more,
});
export const service = (person: string, serviceType: ServiceType, start: string, end: string | null, more: Partial<RowSpec> = {}): RowSpec => ({
  person, type: 'Service', serviceType, start, end, outcome: end ? 'NFA: Support ended as planned' : null, ...more,
});
export const community = (person: string, start: string, end: string | null, more: Partial<RowSpec> = {}) =>
  service(person, 'Long term support: Community', start, end, more);
export const residential = (person: string, start: string, end: string | null, more: Partial<RowSpec> = {}) =>
  service(person, 'Long term support: Residential care', start, end, more);

/** Two bands per year; 18+ = sum. Default 2021: 80,000 + 20,000 = 100,000 adults. */
export function population(years: Record<number, [number, number]> = { 2021: [80_000, 20_000] }, laCode = 'E08000018'): PopulationRow[] {
  return Object.entries(years).flatMap(([year, [young, old]]) => [
    { laCode, year: Number(year), ageBand: '18-64' as const, population: young },
    { laCode, year: Number(year), ageBand: '65+' as const, population: old },
  ]);
}

export function inputs(data: EventsData, more: Partial<MeasureInputs> = {}): MeasureInputs {
  return { events: data, population: population(), ...more };
}

import { buildContext } from '../../../functions/core/measures/context.ts';
import type { SeriesPoint } from '../../../functions/core/measures/document.ts';
import type { MeasureDefinition } from '../../../functions/core/measures/catalogue/types.ts';

/** Runs one catalogue entry on the inputs. */
export function run(definition: MeasureDefinition, given: MeasureInputs) {
  const { series, breakdowns = {} } = definition.compute(buildContext(given));
  return { series, breakdowns };
}

/** The point of `month`, reduced to the fields the golden file compares. */
export function at(series: SeriesPoint[], month: string) {
  const p = series.find((s) => s.month === month);
  if (!p) throw new Error(`no point for ${month}`);
  const { value, numerator, denominator, reason } = p;
  return { value, numerator, denominator, reason };
}
