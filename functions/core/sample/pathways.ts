/**
 * The pathway of someone new to adult social care (seeds: first contact → assessment → support
 * and reviews): a request, resolved at first contact or sent on to reablement (ST-Max), an
 * assessment, or short-term help; an assessment that may lead to long term support; and, for some
 * people turned away, a later request.
 */
import type { Day } from '../calendar/days.ts';
import type { EventOutcome } from '../uploads/code-lists.ts';
import { admit, runLongTerm } from './long-term.ts';
import { startPackage, type Package, type Setting } from './packages.ts';
import { poundsText, type PersonSim } from './person-sim.ts';
import type { Weighted } from './random.ts';

type Next = 'resolved' | 'assessment' | 'reablement' | 'short term' | 'deceased' | 'gone';

/** Request outcomes: about 45% resolved at first contact in the community (seeds: a quarter to assessment is good practice). */
const REQUEST_COMMUNITY: Weighted<EventOutcome> = [
  ['NFA: Information and advice or signposting', 27],
  ['NFA: Referral to other service within the local authority', 10],
  ['NFA: Referral to NHS services or NHS funded social care', 7],
  ['Progress to assessment, review or reassessment', 30],
  ['Progress to reablement/ST-Max', 10],
  ['Progress to support planning or services', 4],
  ['NFA: Support declined', 4],
  ['NFA: Self-funded client or under 12wk disregard', 3],
  ['NFA: No services offered for other reason', 3],
  ['NFA: Other', 2],
];

/** From hospital, most people go home with reablement. */
const REQUEST_HOSPITAL: Weighted<EventOutcome> = [
  ['Progress to reablement/ST-Max', 45],
  ['Progress to assessment, review or reassessment', 28],
  ['NFA: Referral to NHS services or NHS funded social care', 8],
  ['NFA: Information and advice or signposting', 5],
  ['Progress to support planning or services', 5],
  ['NFA: Support declined', 4],
  ['NFA: Self-funded client or under 12wk disregard', 3],
  ['NFA: Deceased', 2],
];

const ASSESSMENT_OUTCOMES: Weighted<EventOutcome> = [
  ['Progress to support planning or services', 56],
  ['NFA: Information and advice or signposting', 9],
  ['NFA: Support declined', 6],
  ['NFA: Self-funded client or under 12wk disregard', 7],
  ['NFA: No services offered for other reason', 6],
  ['NFA: Other', 3],
  ['NFA: Deceased', 2],
  ['NFA: Responsibility moved to another local authority', 1],
  ['NFA: Referral to NHS services or NHS funded social care', 2],
  ['Progress to reablement/ST-Max', 5],
  ['Admitted to hospital', 3],
];

/** ST-Max outcomes: most people need no further long term support within a week. */
const REABLEMENT_OUTCOMES: Weighted<EventOutcome> = [
  ['NFA: Support ended as planned', 58],
  ['Progress to support planning or services', 18],
  ['Progress to assessment, review or reassessment', 8],
  ['Admitted to hospital', 7],
  ['NFA: Support declined', 3],
  ['NFA: Self-funded client or under 12wk disregard', 2],
  ['NFA: Deceased', 2],
  ['NFA: Information and advice or signposting', 2],
];

export function routeFor(sim: PersonSim, on: Day): string {
  const old = sim.band(on) === '65+';
  return sim.rng.weighted<string>([
    ['Community / Other route', 62],
    ['Discharge from hospital', old ? 28 : 14],
    ['Diversion from hospital services', 6],
    ['Self-funder with depleted funds', old ? 3 : 0],
    ['Prison', old ? 0 : 0.6],
  ]);
}

function nextOf(outcome: EventOutcome): Next {
  if (outcome === 'Progress to assessment, review or reassessment') return 'assessment';
  if (outcome === 'Progress to reablement/ST-Max') return 'reablement';
  if (outcome === 'Progress to support planning or services') return 'short term';
  if (outcome === 'NFA: Deceased') return 'deceased';
  if (outcome === 'NFA: Responsibility moved to another local authority') return 'gone';
  return 'resolved';
}

/** A request for support on day `t` (within the period) and whatever follows from it. */
export function contact(sim: PersonSim, t: Day, route: string, depth = 0): void {
  const rng = sim.rng;
  const end = Math.min(t + rng.days(0, 3, 30), sim.w1);
  const hospital = route === 'Discharge from hospital' || route === 'Diversion from hospital services';
  const outcome = rng.weighted(hospital ? REQUEST_HOSPITAL : REQUEST_COMMUNITY);
  sim.request(t, end, outcome, route);
  follow(sim, nextOf(outcome), t, end, depth);
}

function follow(sim: PersonSim, next: Next, requestStart: Day, at: Day, depth: number): void {
  const rng = sim.rng;
  switch (next) {
    case 'assessment':
      return assess(sim, requestStart, at, depth);
    case 'reablement':
      return reablement(sim, requestStart, at, at + rng.int(0, 4), depth);
    case 'short term':
      shortTerm(sim, at + rng.int(1, 14));
      return recontact(sim, at, depth);
    case 'deceased':
      return sim.die(at);
    case 'gone':
      return;
    case 'resolved':
      return recontact(sim, at, depth);
  }
}

/** Some people come back: a new request months later. */
function recontact(sim: PersonSim, after: Day, depth: number): void {
  if (depth >= 3 || !sim.rng.chance(0.15)) return;
  const t = after + sim.rng.days(60, 300, 2000);
  if (t <= sim.w1) contact(sim, t, routeFor(sim, t), depth + 1);
}

function settingFor(sim: PersonSim, on: Day, route: string): Setting {
  if (route === 'Prison') return 'prison';
  const old = sim.band(on) === '65+';
  return sim.rng.weighted<Setting>(
    old ? [['community', 76.5], ['residential', 16.5], ['nursing', 7]] : [['community', 95], ['residential', 5]],
  );
}

/** Long term support from `start`, then life on it; a waiting-list entry if it starts after the period. */
export function beginLongTerm(sim: PersonSim, requestStart: Day, decided: Day, start: Day, setting: Setting): void {
  if (start > sim.w1) return sim.wait('Service', requestStart, decided);
  sim.waited('Service', requestStart, start, decided);
  const pkg: Package | null = setting === 'community' || setting === 'prison' ? startPackage(sim, start, setting) : admit(sim, null, start, setting);
  // The first review is the six-to-twelve-week check after support starts.
  if (pkg) runLongTerm(sim, pkg, start, start + sim.rng.int(42, 100));
}

function assess(sim: PersonSim, requestStart: Day, requestEnd: Day, depth: number): void {
  const rng = sim.rng;
  const start = requestEnd + rng.days(1, 18, 200);
  const end = start + rng.days(3, 16, 150);
  if (end > sim.w1) return sim.wait('Assessment', requestStart);
  sim.waited('Assessment', requestStart, end);
  const outcome = rng.weighted(ASSESSMENT_OUTCOMES);
  sim.assessment(start, end, outcome);
  if (outcome === 'Progress to support planning or services') {
    return beginLongTerm(sim, requestStart, end, end + rng.days(1, 6, 40), settingFor(sim, end, sim.lastRoute));
  }
  if (outcome === 'Progress to reablement/ST-Max') return reablement(sim, requestStart, end, end + rng.int(0, 4), depth);
  if (outcome === 'NFA: Deceased') return sim.die(end);
  if (outcome === 'NFA: Responsibility moved to another local authority') return;
  recontact(sim, end, depth);
}

function reablement(sim: PersonSim, requestStart: Day, decided: Day, start: Day, depth: number): void {
  const rng = sim.rng;
  if (start > sim.w1) return sim.wait('Service', requestStart, decided);
  sim.waited('Service', requestStart, start, decided);
  if (rng.chance(0.3) && start + 3 <= sim.w1) {
    const end = start + rng.int(0, 3);
    sim.assessment(start, end, 'Progress to reablement/ST-Max', 'Short term assessment');
    start = end;
  }
  const end = start + rng.int(10, 42);
  const outcome = end > sim.w1 ? null : rng.weighted(REABLEMENT_OUTCOMES);
  sim.service(start, end, outcome, {
    serviceType: 'Short term support: ST-Max',
    component: 'Reablement',
    mechanism: 'CASSR commissioned support',
    units: String(rng.int(4, 20)),
    cost: poundsText(rng.int(2050, 2350)),
  });
  if (outcome === null) return;
  if (outcome === 'Progress to support planning or services') return beginLongTerm(sim, requestStart, end, end + rng.int(0, 6), 'community');
  if (outcome === 'Progress to assessment, review or reassessment') return assess(sim, requestStart, end, depth);
  if (outcome === 'NFA: Deceased') return sim.die(end);
  recontact(sim, end, depth);
}

/** Equipment, telecare or a short stay: short-term support that is not long term support. */
function shortTerm(sim: PersonSim, start: Day): void {
  if (start > sim.w1) return;
  const rng = sim.rng;
  const lowLevel = rng.chance(0.7);
  sim.service(start, start + rng.days(14, 60, 200), 'NFA: Support ended as planned', {
    serviceType: lowLevel ? 'Short term support: Ongoing low level' : 'Short term support: Other short term',
    component: lowLevel ? rng.pick(['Equipment and adaptations', 'Telecare', 'Low level support']) : rng.pick(['Short term residential care', 'Intermediate care']),
    mechanism: 'CASSR commissioned support',
    units: String(rng.int(1, 10)),
    cost: poundsText(rng.int(900, 4500)),
  });
}
