/**
 * The waiting lists at the end of each of the last SNAPSHOT_MONTHS months, in one file (extract-spec
 * "Snapshots and history"), taken from the simulation itself: at a month end, the people whose
 * assessment, review or service had been asked for by then but was not complete (or not started)
 * until after it. So every month's list agrees with the events extract.
 */
import { isoOf, monthEnd, type Day } from '../calendar/days.ts';
import { csvText } from './csv.ts';
import type { PersonSim } from './person-sim.ts';
import { rngFor, STREAM, type Weighted } from './random.ts';
import { snapshotMonths, type World } from './world.ts';

export const WAITING_HEADER = [
  'la_code',
  'la_person_unique_identifier',
  'date_of_birth',
  'waiting_for',
  'request_date',
  'as_at_date',
  'team',
  'priority',
] as const;

export interface WaitingEntry {
  personId: string;
  dateOfBirth: number;
  dateOfDeath: Day | null;
  waitingFor: string;
  requestDate: number;
  /** The day the person joined the list. */
  from: Day;
  /** The day the wait ended; null when still waiting at the period end. */
  until: Day | null;
  team: string;
}

const PRIORITIES: Weighted<string> = [
  ['High', 20],
  ['Medium', 50],
  ['Low', 30],
];

const LOCALITIES = ['Locality North', 'Locality Central', 'Locality South'] as const;

function teamOf(sim: PersonSim, index: number): string {
  if (sim.clientType !== 'Service user') return 'Carers Support Team';
  const psr = sim.identity.primarySupportReason;
  if (sim.age(sim.w1) < 65 && psr.startsWith('Learning')) return 'Learning Disability Team';
  if (psr.startsWith('Mental')) return 'Mental Health Team';
  if (sim.lastRoute.includes('hospital')) return 'Hospital Discharge Team';
  return LOCALITIES[index % LOCALITIES.length];
}

/** The waits of one person, open or ended (empty for most). */
export function waitingEntries(sim: PersonSim, index: number): WaitingEntry[] {
  return sim.waits.map((w) => ({
    personId: sim.identity.id,
    dateOfBirth: sim.identity.dateOfBirth,
    dateOfDeath: sim.dateOfDeath,
    waitingFor: w.waitingFor,
    requestDate: w.requestDate,
    from: w.from,
    until: w.until,
    team: teamOf(sim, index),
  }));
}

/** On the list at `asAt`: joined by then, not over until after it, and the person alive. */
const waitingOn = (e: WaitingEntry, asAt: Day) =>
  e.from <= asAt && (e.until === null || e.until > asAt) && (e.dateOfDeath === null || e.dateOfDeath > asAt);

export function waitingCsv(world: World, entries: readonly WaitingEntry[]): string {
  const rng = rngFor(world.options.seed, STREAM.waiting, 0);
  const rows: string[][] = [];
  for (const month of snapshotMonths(world)) {
    const asAt = monthEnd(month);
    const text = isoOf(asAt);
    for (const e of entries) {
      if (waitingOn(e, asAt)) rows.push([world.laCode, e.personId, isoOf(e.dateOfBirth), e.waitingFor, isoOf(e.requestDate), text, e.team, rng.weighted(PRIORITIES)]);
    }
  }
  return csvText(WAITING_HEADER, rows);
}
