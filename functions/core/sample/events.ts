/**
 * The events extract (CLD layout, Release 2 labels) written one person at a time. Headers are
 * spelt the way CLD exports spell them (as in shared/golden/events.csv): extract-spec.md
 * normalises them. Each yielded line ends with `\n`, so joining them gives the file's bytes.
 */
import { isoOf } from '../calendar/days.ts';
import { csvLine } from './csv.ts';
import { simulatePerson } from './people.ts';
import type { PersonSim, SimRow } from './person-sim.ts';
import { worldOf, type SampleOptions, type World } from './world.ts';

export const EVENTS_HEADER = [
  'LA_Code',
  'Reporting_Period_Start_Date',
  'Reporting_Period_End_Date',
  'LA_Person_Unique_Identifier',
  'NHS_Number',
  'Date_of_Birth',
  'Date_of_Death',
  'Gender',
  'Ethnicity',
  'Client_Type',
  'Accommodation_Status',
  'Event_Type',
  'Event_Reference',
  'Event_Start_Date',
  'Event_End_Date',
  'Event_Outcome',
  'Request: Route of Access',
  'Assessment_Type',
  'Service_Type',
  'Service_Component',
  'Delivery_Mechanism',
  'Planned_units_per_week',
  'Unit_Cost',
  'Review_Reason',
  'Primary Support Reason',
] as const;

/** Day numbers repeat across rows; formatting each once saves a Date object per date written. */
const isoCache = new Map<number, string>();
function iso(day: number): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = isoOf(day);
    if (isoCache.size < 100_000) isoCache.set(day, text);
  }
  return text;
}

/** Every simulated person of the sample, in order (index 0 first), warm-up people included. */
export function* samplePeople(world: World): Generator<PersonSim> {
  for (let i = 0; i < world.total; i++) yield simulatePerson(world, i);
}

/** A person's rows that belong in the extract: those not ended before the reporting period, in date order. */
export function extractRows(world: World, sim: PersonSim): SimRow[] {
  // A sort in JavaScript is stable, so creation order breaks ties.
  return sim.rows.filter((r) => r.end === null || r.end >= world.w0).sort((a, b) => a.start - b.start);
}

/** The CSV lines of one person, event references continuing from `nextReference`. */
export function personLines(world: World, sim: PersonSim, nextReference: number): string[] {
  const id = sim.identity;
  const start = iso(world.w0);
  const end = iso(world.w1);
  const dob = iso(id.dateOfBirth);
  const dod = sim.dateOfDeath === null ? '' : iso(sim.dateOfDeath);
  return extractRows(world, sim).map((r, i) =>
    csvLine([
      world.laCode,
      start,
      end,
      id.id,
      id.nhsNumber,
      dob,
      dod,
      id.gender,
      id.ethnicity,
      sim.clientType,
      r.accommodation,
      r.eventType,
      `EV${String(nextReference + i).padStart(8, '0')}`,
      iso(r.start),
      r.end === null ? '' : iso(r.end),
      r.outcome,
      r.route,
      r.assessmentType,
      r.serviceType,
      r.component,
      r.mechanism,
      r.units,
      r.cost,
      r.reviewReason,
      id.primarySupportReason,
    ]),
  );
}

/** Rows per person are stable across sizes, so a pilot of this many people sizes a target. */
const PILOT_PEOPLE = 2000;

/** How many people give about `targetRows` event rows with these options. */
export function peopleForRows(options: SampleOptions, targetRows: number): number {
  const world = worldOf({ ...options, people: PILOT_PEOPLE });
  let rows = 0;
  for (const sim of samplePeople(world)) rows += personLines(world, sim, 0).length;
  return Math.max(1, Math.round((targetRows * PILOT_PEOPLE) / Math.max(1, rows)));
}

/**
 * The events file as lines (header first), generated lazily: a 1,000,000-row file never sits in
 * memory. With `targetRows`, `people` is chosen to give about that many rows.
 */
export function* eventsCsvLines(options: SampleOptions & { targetRows?: number } = {}): Generator<string> {
  const { targetRows, ...rest } = options;
  const world = worldOf(targetRows === undefined ? rest : { ...rest, people: peopleForRows(rest, targetRows) });
  yield csvLine(EVENTS_HEADER);
  let reference = 1;
  for (const sim of samplePeople(world)) {
    const lines = personLines(world, sim, reference);
    reference += lines.length;
    yield* lines;
  }
}
