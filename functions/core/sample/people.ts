/**
 * Simulates person `index` of the sample on their own random stream, so the events file can be
 * written one person at a time (never the whole sample in memory) and stays identical however it
 * is produced. Existing long term clients start with a package that began before the reporting
 * period; carers and new contacts arrive evenly over its months.
 */
import { daysInMonth, monthStart, type Day } from '../calendar/days.ts';
import type { ClientType } from '../uploads/code-lists.ts';
import { carerPathway } from './carers.ts';
import { HOME_ACCOMMODATION, ageFor, birthDateFor, identityFor } from './identity.ts';
import { firstReviewOfCurrentClient, runLongTerm } from './long-term.ts';
import { startPackage, type Setting } from './packages.ts';
import { contact, routeFor } from './pathways.ts';
import { PersonSim, type Band } from './person-sim.ts';
import { rngFor, STREAM, type Rng, type Weighted } from './random.ts';
import { arrivalMonth, kindOf, type World } from './world.ts';

/** Who is in long term support at any time (Rotherham: about 4,150 clients, a fifth in care homes). */
const STOCK: Weighted<readonly [Setting, Band]> = [
  [['community', '65+'], 45],
  [['community', '18-64'], 26],
  [['residential', '65+'], 15],
  [['nursing', '65+'], 6],
  [['residential', '18-64'], 7.7],
  [['prison', '18-64'], 0.3],
];

/** Years a current client has already been supported, by setting (mean of an exponential). */
const YEARS_IN_SERVICE: Record<Setting, number> = { community: 3, residential: 2.2, nursing: 1.5, prison: 0.8 };

export function simulatePerson(world: World, index: number): PersonSim {
  const rng = rngFor(world.options.seed, STREAM.person, index);
  const kind = kindOf(world, index);
  if (kind === 'existing') return existingClient(world, rng, index);
  const position = kind === 'carer' ? index - world.stock : index - world.stock - world.carers;
  const month = arrivalMonth(world, kind, position);
  const [y, m] = month.split('-').map(Number);
  const t = monthStart(month) + rng.int(0, daysInMonth(y, m) - 1);
  return kind === 'carer' ? carer(world, rng, index, t) : newContact(world, rng, index, t);
}

function existingClient(world: World, rng: Rng, index: number): PersonSim {
  const [setting, band] = rng.weighted(STOCK);
  const age = band === '65+' ? ageFor(rng, band) : setting === 'prison' ? rng.int(21, 60) : ageFor(rng, band);
  const dob = birthDateFor(rng, world.w0, age);
  const sim = new PersonSim(world, rng, identityFor(rng, index, dob, band, false), 'Service user');
  sim.home = rng.weighted(HOME_ACCOMMODATION);
  // The package began before the window, but not before the person was 18.
  const adultDays = Math.max(1, world.w0 - (dob + Math.ceil(18 * 365.25)) - 1);
  const since = Math.min(adultDays, 1 + Math.floor(rng.exp(YEARS_IN_SERVICE[setting] * 365.25)));
  const pkg = startPackage(sim, world.w0 - since, setting);
  runLongTerm(sim, pkg, world.w0, world.w0 + firstReviewOfCurrentClient(sim));
  return sim;
}

function newContact(world: World, rng: Rng, index: number, t: Day): PersonSim {
  const band = rng.weighted<Band | 'transition'>([['65+', 66], ['18-64', 32], ['transition', 2]]);
  // Transitions from children's services: referred in the months before their 18th birthday.
  const dob = band === 'transition' ? birthDateFor(rng, t + rng.int(0, 300), 18) : birthDateFor(rng, t, ageFor(rng, band));
  const sim = new PersonSim(world, rng, identityFor(rng, index, dob, band === '65+' ? '65+' : '18-64', false), 'Service user');
  sim.home = rng.weighted(HOME_ACCOMMODATION);
  sim.accommodation = sim.home;
  contact(sim, t, band === 'transition' ? 'Planned entry (transition)' : routeFor(sim, t));
  return sim;
}

function carer(world: World, rng: Rng, index: number, t: Day): PersonSim {
  const band: Band = rng.chance(0.4) ? '65+' : '18-64';
  const age = band === '65+' ? rng.int(65, 88) : rng.int(25, 64);
  const dob = birthDateFor(rng, t, age);
  const clientType: ClientType = rng.chance(0.22) ? 'Unpaid carer known by association' : 'Unpaid carer';
  const sim = new PersonSim(world, rng, identityFor(rng, index, dob, band, true), clientType);
  sim.home = rng.weighted(HOME_ACCOMMODATION);
  sim.accommodation = sim.home;
  carerPathway(sim, t);
  return sim;
}
