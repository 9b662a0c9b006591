/**
 * Unpaid carers: a request and a carer's assessment, perhaps a one-off direct payment or a break,
 * and yearly reassessments while they keep caring; and carers known only by association, whose
 * support (respite) is given through the person they care for.
 */
import type { Day } from '../calendar/days.ts';
import type { EventOutcome } from '../uploads/code-lists.ts';
import { poundsText, type PersonSim } from './person-sim.ts';
import type { Weighted } from './random.ts';

const CARER_OUTCOMES: Weighted<EventOutcome> = [
  ['Progress to support planning or services', 45],
  ['NFA: Information and advice or signposting', 40],
  ['NFA: Support declined', 10],
  ['NFA: No services offered for other reason', 5],
];

/** A carer's first request on day `t` (within the period). */
export function carerPathway(sim: PersonSim, t: Day): void {
  if (sim.clientType === 'Unpaid carer known by association') return byAssociation(sim, t);
  const rng = sim.rng;
  const requestEnd = Math.min(t + rng.days(0, 3, 20), sim.w1);
  sim.request(t, requestEnd, 'Progress to assessment, review or reassessment', 'Community / Other route');
  let start = requestEnd + rng.days(3, 20, 120);
  let first = true;
  while (start <= sim.w1) {
    const end = start + rng.days(0, 7, 60);
    if (end > sim.w1) {
      if (first) sim.wait('Assessment', t);
      return;
    }
    if (first) sim.waited('Assessment', t, end);
    const outcome = rng.weighted(CARER_OUTCOMES);
    sim.assessment(start, end, outcome);
    if (outcome === 'Progress to support planning or services') carerSupport(sim, end + rng.int(1, 21));
    // Carers are reassessed yearly while they keep caring.
    if (!rng.chance(0.65)) return;
    start = end + rng.int(300, 420);
    first = false;
  }
}

function carerSupport(sim: PersonSim, start: Day): void {
  if (start > sim.w1) return;
  // One draw, as before: 60% a direct payment; of the breaks, some arranged through a personal
  // budget the council manages, so ASCOF 3D1b (self-directed) differs from 3D2b (direct payments).
  const draw = sim.rng.next();
  const payment = draw < 0.6;
  const managed = !payment && draw < 0.75;
  sim.service(start, start + (payment ? 0 : sim.rng.int(1, 7)), 'NFA: Support ended as planned', {
    serviceType: 'Unpaid carer support: Direct to unpaid carer',
    component: payment ? 'Carer direct payment' : 'Carer break',
    mechanism: payment ? 'Direct payment' : managed ? 'CASSR managed personal budget' : 'CASSR commissioned support',
    units: '1',
    cost: poundsText(sim.rng.int(150, 600) * 100),
  });
}

function byAssociation(sim: PersonSim, t: Day): void {
  const rng = sim.rng;
  let start = t;
  while (start <= sim.w1) {
    sim.service(start, start + rng.int(2, 14), 'NFA: Support ended as planned', {
      serviceType: 'Unpaid carer support: Support involving the person cared-for',
      component: 'Respite for the cared-for person',
      mechanism: 'CASSR commissioned support',
      units: '7',
      cost: poundsText(rng.int(9000, 12000)),
    });
    if (!rng.chance(0.5)) return;
    start += rng.days(60, 120, 400);
  }
}
