/**
 * Life on long term support, from a start day to the end of the reporting period: reviews,
 * reassessments, hospital stays, respite, moves into (and between) care homes, support ending,
 * and death. Each competing change has a monthly hazard; the next one to happen is drawn with
 * exponential clocks (memoryless, so redrawing after each step is exact).
 */
import type { Day } from '../calendar/days.ts';
import type { EventOutcome } from '../uploads/code-lists.ts';
import { changePackage, respite, startPackage, type Package, type Setting } from './packages.ts';
import type { Band, PersonSim } from './person-sim.ts';
import type { Weighted } from './random.ts';

type Change = 'death' | 'end' | 'hospital' | 'toCareHome' | 'respite' | 'moveHome' | 'toNursing' | 'changeNeed';
type Hazards = Partial<Record<Change, number>>;

/** Monthly hazards by setting and age band, sized so that the stock of clients stays about level. */
const HAZARDS: Record<Setting, Record<Band, Hazards>> = {
  community: {
    '65+': { death: 0.011, end: 0.005, hospital: 0.01, toCareHome: 0.0025, respite: 0.005, changeNeed: 0.007 },
    '18-64': { death: 0.0015, end: 0.014, hospital: 0.003, toCareHome: 0.0005, respite: 0.006, changeNeed: 0.006 },
  },
  residential: {
    '65+': { death: 0.026, end: 0.001, moveHome: 0.002, toNursing: 0.004, changeNeed: 0.002 },
    '18-64': { death: 0.003, end: 0.004, moveHome: 0.003, changeNeed: 0.002 },
  },
  nursing: {
    '65+': { death: 0.035, end: 0.002, moveHome: 0.0015, changeNeed: 0.001 },
    '18-64': { death: 0.006, end: 0.003, moveHome: 0.002, changeNeed: 0.001 },
  },
  prison: { '65+': { death: 0.001, end: 0.04 }, '18-64': { death: 0.0005, end: 0.04 } },
};

const DAYS_PER_MONTH = 30.44;

const REVIEW_REASONS: Weighted<string> = [
  ['Planned', 62],
  ['Unplanned - Hospital', 16],
  ['Unplanned - Carer related', 6],
  ['Unplanned - Other', 16],
];

type ReviewResult = 'same' | 'reduced' | 'increased' | 'ended' | 'reassess';

const REVIEW_RESULTS: Record<'community' | 'care home' | 'prison', Weighted<ReviewResult>> = {
  community: [['same', 62], ['reduced', 15], ['increased', 12], ['ended', 5], ['reassess', 6]],
  'care home': [['same', 86], ['reduced', 3], ['increased', 7], ['reassess', 4]],
  prison: [['same', 100]],
};

const END_OUTCOMES: Weighted<EventOutcome> = [
  ['NFA: Support ended as planned', 40],
  ['NFA: Responsibility moved to another local authority', 18],
  ['NFA: Referral to NHS services or NHS funded social care', 27],
  ['NFA: Support ended for other reason', 15],
];

/** Days from one review to the next: about half of clients are reviewed within any 12 months. */
export function reviewGap(sim: PersonSim): number {
  return sim.rng.chance(SHORT_GAP) ? sim.rng.int(270, 380) : sim.rng.int(450, 1300);
}

const SHORT_GAP = 0.4;

/**
 * Days until the next review of someone already in service when the window opens: a point
 * dropped at random into the gaps falls in a long gap more often (length bias), and then anywhere
 * within it, so the share reviewed in the last 12 months starts at its steady level.
 */
export function firstReviewOfCurrentClient(sim: PersonSim): number {
  const short = SHORT_GAP * 325;
  const long = (1 - SHORT_GAP) * 875;
  const gap = sim.rng.chance(short / (short + long)) ? sim.rng.int(270, 380) : sim.rng.int(450, 1300);
  return sim.rng.int(0, gap);
}

/** Runs `pkg` from day `from` to the end of the period; the first review is due on `reviewDue`. */
export function runLongTerm(sim: PersonSim, first: Package, from: Day, reviewDue: Day): void {
  let pkg = first;
  let t = from;
  let nextReview = reviewDue;
  for (;;) {
    const hazards = HAZARDS[pkg.setting][sim.band(t)];
    let at = nextReview;
    let kind: Change | 'review' = 'review';
    for (const [change, monthly] of Object.entries(hazards) as [Change, number][]) {
      const when = t + 1 + Math.floor(sim.rng.exp(DAYS_PER_MONTH / monthly));
      if (when < at) [at, kind] = [when, change];
    }
    if (at > sim.w1) return;
    const next = step(sim, pkg, kind, Math.max(at, t + 1));
    if (!next) return;
    [pkg, t] = next;
    if (kind === 'review') nextReview = t + reviewGap(sim);
    if (nextReview <= t) nextReview = t + 1;
  }
}

/** Applies one change on day `at`; returns the package and the day it settles, or null when it ends. */
function step(sim: PersonSim, pkg: Package, kind: Change | 'review', at: Day): [Package, Day] | null {
  const rng = sim.rng;
  switch (kind) {
    case 'death':
      sim.close(pkg.row, at, 'NFA: Deceased');
      sim.die(at);
      return null;
    case 'end':
      sim.close(pkg.row, at, pkg.setting === 'community' ? rng.weighted(END_OUTCOMES) : rng.weighted(END_OUTCOMES.slice(1)));
      return null;
    case 'respite':
      // Nothing else happens during the stay, so no row outlives a death.
      return [pkg, respite(sim, at)];
    case 'moveHome':
      return [changePackage(sim, pkg, at, 'Continuation of support or services', { newRate: true }), at + 1];
    case 'toNursing':
      return [changePackage(sim, pkg, at, 'Progress to support planning or services', { setting: 'nursing' }), at + 1];
    case 'hospital':
      return hospital(sim, pkg, at);
    case 'toCareHome':
      return reassess(sim, pkg, at, false, 'toCareHome');
    case 'changeNeed':
      return reassess(sim, pkg, at, rng.chance(0.6), 'changeNeed');
    case 'review':
      return review(sim, pkg, at);
  }
}

function careHomeFor(sim: PersonSim, on: Day): Setting {
  return sim.band(on) === '65+' && sim.rng.chance(0.28) ? 'nursing' : 'residential';
}

/**
 * A permanent admission. About 1 in 12 are self-funders whose council funding stops after the
 * 12-week disregard: the row ends with that outcome and the person leaves the extract.
 */
export function admit(sim: PersonSim, pkg: Package | null, day: Day, setting: Setting): Package | null {
  const disregard = sim.rng.chance(0.08);
  let next: Package;
  if (pkg) {
    next = changePackage(sim, pkg, day - 1, 'Progress to support planning or services', { setting });
    if (next === pkg) return pkg;
  } else {
    next = startPackage(sim, day, setting);
  }
  if (disregard && day + 84 <= sim.w1) {
    sim.close(next.row, day + 84, 'NFA: Self-funded client or under 12wk disregard');
    return null;
  }
  return next;
}

function hospital(sim: PersonSim, pkg: Package, at: Day): [Package, Day] | null {
  const rng = sim.rng;
  sim.close(pkg.row, at, 'Admitted to hospital');
  const back = at + rng.days(3, 12, 90);
  if (back > sim.w1) return null;
  const old = sim.band(back) === '65+';
  const after = rng.weighted<'home' | 'care home' | 'died'>([['home', old ? 70 : 90], ['care home', old ? 18 : 4], ['died', old ? 12 : 6]]);
  if (after === 'died') {
    sim.die(back);
    return null;
  }
  if (after === 'home') {
    const p = startPackage(sim, back, 'community', pkg.mechanism);
    return [p, back];
  }
  // Assessed on the ward, discharged straight into a care home.
  sim.assessment(Math.min(at + 2, back - 1), back - 1, 'Progress to support planning or services');
  const p = admit(sim, null, back, careHomeFor(sim, back));
  return p ? [p, back] : null;
}

/** A reassessment (optionally after a request from the client), which may change the package. */
function reassess(sim: PersonSim, pkg: Package, at: Day, withRequest: boolean, why: 'toCareHome' | 'changeNeed'): [Package, Day] | null {
  const rng = sim.rng;
  let start = at;
  if (withRequest) {
    const requestEnd = Math.min(at + rng.int(0, 4), sim.w1);
    sim.request(at, requestEnd, 'Progress to assessment, review or reassessment', 'Community / Other route');
    start = requestEnd + rng.days(2, 12, 90);
  }
  const end = start + rng.days(5, 14, 90);
  if (end > sim.w1) {
    sim.wait('Assessment', at);
    return null;
  }
  sim.waited('Assessment', at, end);
  const community = pkg.setting === 'community';
  const result =
    why === 'toCareHome' ? 'care home'
    : rng.weighted<'more' | 'care home' | 'same' | 'declined'>([
        ['more', 75],
        ['care home', !community ? 0 : sim.band(at) === '65+' ? 8 : 2],
        ['same', 14],
        ['declined', 3],
      ]);
  const outcome: EventOutcome =
    result === 'same' ? 'Continuation of support or services'
    : result === 'declined' ? 'NFA: Support declined'
    : 'Progress to support planning or services';
  sim.assessment(start, end, outcome);
  const day = end + rng.int(1, 10);
  if (day > sim.w1) return [pkg, end];
  if (result === 'more') return [changePackage(sim, pkg, day - 1, 'Continuation of support or services', { factor: 1.15 + rng.next() * 0.45 }), day];
  if (result === 'care home') {
    if (!community) return [pkg, end];
    const p = admit(sim, pkg, day, careHomeFor(sim, day));
    return p ? [p, day] : null;
  }
  return [pkg, end];
}

function review(sim: PersonSim, pkg: Package, at: Day): [Package, Day] | null {
  const rng = sim.rng;
  const end = at + rng.days(1, 8, 40);
  if (end > sim.w1) {
    sim.wait('Review', at);
    return null;
  }
  sim.waited('Review', at, end);
  const kind = pkg.setting === 'community' ? 'community' : pkg.setting === 'prison' ? 'prison' : 'care home';
  const result = rng.weighted(REVIEW_RESULTS[kind]);
  const reason = rng.weighted(REVIEW_REASONS);
  switch (result) {
    case 'same':
      sim.review(at, end, 'Continuation of support or services', reason);
      return [pkg, end];
    case 'reduced':
    case 'increased': {
      sim.review(at, end, 'Progress to support planning or services', reason);
      const factor = result === 'reduced' ? 0.5 + rng.next() * 0.35 : 1.1 + rng.next() * 0.4;
      return [changePackage(sim, pkg, end, 'Continuation of support or services', { factor }), end];
    }
    case 'ended':
      sim.review(at, end, 'NFA: Support ended as planned', reason);
      sim.close(pkg.row, end, 'NFA: Support ended as planned');
      return null;
    case 'reassess':
      sim.review(at, end, 'Progress to assessment, review or reassessment', reason);
      return reassess(sim, pkg, end + 1, false, 'changeNeed');
  }
}
