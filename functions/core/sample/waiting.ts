/**
 * The waiting list at the end of the --end month, taken from the simulation itself: people whose
 * assessment, review or service had been asked for but was not complete (or not started) by the
 * end of the reporting period. So the list agrees with the events extract.
 */
import { isoOf } from '../calendar/days.ts';
import { csvText } from './csv.ts';
import type { PersonSim } from './person-sim.ts';
import { rngFor, STREAM, type Weighted } from './random.ts';
import type { World } from './world.ts';

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
  waitingFor: string;
  requestDate: number;
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

/** The waiting-list entries of one person (empty for most). */
export function waitingEntries(sim: PersonSim, index: number): WaitingEntry[] {
  if (!sim.alive) return [];
  return sim.waits.map((w) => ({
    personId: sim.identity.id,
    dateOfBirth: sim.identity.dateOfBirth,
    waitingFor: w.waitingFor,
    requestDate: w.requestDate,
    team: teamOf(sim, index),
  }));
}

export function waitingCsv(world: World, entries: readonly WaitingEntry[]): string {
  const rng = rngFor(world.options.seed, STREAM.waiting, 0);
  const asAt = isoOf(world.w1);
  return csvText(
    WAITING_HEADER,
    entries.map((e) => [world.laCode, e.personId, isoOf(e.dateOfBirth), e.waitingFor, isoOf(e.requestDate), asAt, e.team, rng.weighted(PRIORITIES)]),
  );
}
