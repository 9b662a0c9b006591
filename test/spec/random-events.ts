/**
 * fast-check arbitraries of small parsed events uploads crowded onto the boundaries measures.md
 * names: month ends, 29 February, the days 1, 7, 90–92 and 365 away, ages 17/18 and 64/65 by the
 * formula, duplicates of every kind (same key with another outcome or end, open and closed
 * services, free text differing only in case and spaces), financial assessments.
 */
import fc from 'fast-check';
import { ASSESSMENT_TYPES, EVENT_OUTCOMES, type ServiceType } from '../../functions/core/uploads/code-lists.ts';
import type { EventRow, EventsData, PopulationRow } from '../../functions/core/uploads/parsed.ts';
import { addDays, dayNumber, lastDayOf } from './reference/dates.ts';

const LA = 'E08000018';

const ANCHORS: string[] = ['2023-02-28', '2023-03-01', '2024-02-29', '2024-03-01', '2022-02-28', '2022-03-01'];
for (let y = 2021; y <= 2024; y++) {
  for (let m = 1; m <= 12; m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    ANCHORS.push(`${month}-01`, lastDayOf(month));
  }
}
const OFFSETS = [0, 0, 0, 1, -1, 7, 8, -90, -91, -92, 365, -365, -366, 15];
const AGE_DAYS = [6574, 6575, 23741, 23742, 9000, 30000];

const date = fc.record({ a: fc.constantFrom(...ANCHORS), o: fc.constantFrom(...OFFSETS) }).map(({ a, o }) => addDays(a, o));

const SERVICE_TYPES_WEIGHTED: ServiceType[] = [
  'Long term support: Residential care',
  'Long term support: Nursing care',
  'Long term support: Community',
  'Long term support: Community',
  'Long term support: Prison',
  'Short term support: ST-Max',
  'Short term support: ST-Max',
  'Short term support: Other short term',
  'Unpaid carer support: Direct to unpaid carer',
];

const rowArb = fc.record({
  person: fc.nat(),
  eventType: fc.constantFrom('Request', 'Assessment', 'Service', 'Service', 'Service', 'Review') as fc.Arbitrary<EventRow['eventType']>,
  clientType: fc.constantFrom('Service user', 'Service user', 'Service user', 'Unpaid carer', 'Unpaid carer known by association') as fc.Arbitrary<EventRow['clientType']>,
  start: date,
  length: fc.constantFrom(null, 0, 1, 7, 8, 30, 91, 365, 400),
  endAt: fc.option(date, { freq: 3 }),
  outcome: fc.constantFrom(...EVENT_OUTCOMES),
  assessmentType: fc.constantFrom(...ASSESSMENT_TYPES, 'Long term assessment' as const),
  serviceType: fc.constantFrom(...SERVICE_TYPES_WEIGHTED),
  serviceComponent: fc.constantFrom(null, 'Short stay', '  SHORT  term', 'Home care', 'home  care', 'Residential'),
  routeOfAccess: fc.constantFrom(null, 'Self', ' self', 'SELF  ', 'Hospital'),
  deliveryMechanism: fc.constantFrom(null, 'Direct payment', 'CASSR managed personal budget', 'CASSR commissioned support') as fc.Arbitrary<EventRow['deliveryMechanism']>,
  plannedUnitsPerWeek: fc.constantFrom(null, '1', '0.1', '2.5', '0'),
  unitCost: fc.constantFrom(null, '0.2', '10', '0.3', '15.75'),
  accommodationStatus: fc.constantFrom(null, 'Tenant', ' tenant  - private landlord', 'Nursing home', 'Sheltered housing'),
  gender: fc.constantFrom(null, 'Female', 'Male', 'female'),
  ethnicity: fc.constantFrom(null, 'White: Irish', ' WHITE', 'Mixed or Multiple ethnic groups: Any other', 'Refused', 'Asian or Asian British:Indian'),
  primarySupportReason: fc.constantFrom(null, 'Physical support: Personal care support', 'Learning disability support'),
});

type RawRow = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

/** A row made valid as the uploads would accept it (dates in order, blanks where the spec allows). */
function settle(r: RawRow, persons: number, periodEnd: string, dob: (p: number) => string): Omit<EventRow, 'row'> {
  const person = r.person % persons;
  let start = r.start > periodEnd ? periodEnd : r.start;
  if (start <= dob(person)) start = addDays(dob(person), 1);
  let end: string | null;
  if (r.endAt !== null) end = r.endAt < start ? start : r.endAt;
  else end = r.length === null ? null : addDays(start, r.length);
  if (end !== null && end > periodEnd) end = periodEnd;
  if (end === null && r.eventType !== 'Service') end = start;
  return {
    person,
    eventType: r.eventType,
    clientType: r.clientType,
    start: dayNumber(start),
    end: end === null ? null : dayNumber(end),
    outcome: end === null ? null : r.outcome,
    assessmentType: r.eventType === 'Assessment' ? r.assessmentType : null,
    serviceType: r.eventType === 'Service' ? r.serviceType : null,
    serviceComponent: r.serviceComponent?.trim() || null,
    routeOfAccess: r.routeOfAccess?.trim() || null,
    deliveryMechanism: r.deliveryMechanism,
    plannedUnitsPerWeek: r.plannedUnitsPerWeek,
    unitCost: r.unitCost,
    accommodationStatus: r.accommodationStatus?.trim() || null,
    gender: r.gender,
    ethnicity: r.ethnicity,
    primarySupportReason: r.primarySupportReason,
  };
}

const duplicateArb = fc.record({
  of: fc.nat(),
  change: fc.constantFrom('same', 'outcome', 'end', 'open', 'component case', 'accommodation', 'cost'),
});

function duplicate(r: Omit<EventRow, 'row'>, change: string, periodEnd: number): Omit<EventRow, 'row'> {
  switch (change) {
    case 'outcome':
      return { ...r, outcome: r.outcome === null ? null : r.outcome === 'NFA: Other' ? 'Progress to assessment, review or reassessment' : 'NFA: Other' };
    case 'end': {
      const end = Math.min(periodEnd, (r.end ?? r.start) + 40);
      return { ...r, end, outcome: r.outcome ?? 'NFA: Support ended as planned' };
    }
    case 'open':
      return r.eventType === 'Service' ? { ...r, end: null, outcome: null } : r;
    case 'component case':
      return { ...r, serviceComponent: r.serviceComponent?.toUpperCase().replace(/ /g, '   ') ?? null, routeOfAccess: r.routeOfAccess?.toLowerCase() ?? null };
    case 'accommodation':
      return { ...r, accommodationStatus: r.accommodationStatus === 'Tenant' ? 'Nursing home' : 'Tenant' };
    case 'cost':
      return { ...r, unitCost: r.unitCost === '10' ? '0.3' : '10', deliveryMechanism: 'Direct payment' };
    default:
      return { ...r };
  }
}

export const eventsArb: fc.Arbitrary<EventsData> = fc
  .record({
    periodStart: fc.constantFrom('2022-03-01', '2022-03-02', '2022-02-15', '2023-01-01', '2023-03-01', '2021-11-30', '2023-12-01', '2024-02-01', '2024-02-15'),
    periodEnd: fc.constantFrom('2024-02-29', '2024-03-31', '2023-12-31'),
    dobs: fc.array(fc.record({ a: fc.constantFrom(...ANCHORS), age: fc.constantFrom(...AGE_DAYS) }), { minLength: 1, maxLength: 6 }),
    rows: fc.array(rowArb, { minLength: 1, maxLength: 40 }),
    duplicates: fc.array(duplicateArb, { maxLength: 12 }),
  })
  .map(({ periodStart: asked, periodEnd, dobs, rows, duplicates }) => {
    // Short windows (one month, or none covered) too; the start never after the end.
    const periodStart = asked > periodEnd ? `${periodEnd.slice(0, 7)}-01` : asked;
    const dob = (p: number) => addDays(dobs[p].a, -dobs[p].age);
    const settled = rows.map((r) => settle(r, dobs.length, periodEnd, dob));
    for (const d of duplicates) {
      const at = d.of % settled.length;
      settled.splice(Math.min(settled.length, at + 1 + (d.of % 3)), 0, duplicate(settled[at], d.change, dayNumber(periodEnd)));
    }
    return {
      laCode: LA,
      reportingPeriodStart: dayNumber(periodStart),
      reportingPeriodEnd: dayNumber(periodEnd),
      persons: dobs.map((_, p) => ({ id: `P${p}`, dateOfBirth: dayNumber(dob(p)), dateOfDeath: null })),
      events: settled.map((e, i) => ({ ...e, row: i + 1 })),
    };
  });

/** Population rows with gaps (some years and bands missing) and sometimes a neighbour's rows. Small numbers so rates are not all 0.0. */
export const populationArb: fc.Arbitrary<PopulationRow[]> = fc
  .subarray(
    [2020, 2021, 2022, 2023, 2024].flatMap((year) => (['18-64', '65+'] as const).map((ageBand) => ({ year, ageBand }))),
    { minLength: 0 },
  )
  .chain((keys) =>
    fc
      .tuple(fc.tuple(...keys.map(() => fc.integer({ min: 1, max: 3000 }))), fc.boolean())
      .map(([pops, neighbour]) => [
        ...keys.map((k, i) => ({ laCode: LA, ...k, population: pops[i] })),
        // Another council's rows in the same file (and a later year) must never be read.
        ...(neighbour ? [{ laCode: 'E08000019', year: 2022, ageBand: '18-64' as const, population: 7 }, { laCode: 'E08000019', year: 2025, ageBand: '65+' as const, population: 9 }] : []),
      ]),
  );
