/**
 * Long term support packages: what a package is (setting, service type, component, delivery
 * mechanism, units and unit cost) and how one starts or changes. A change always ends the old
 * row and starts a new one the next day, as case management systems record it, so a review's
 * "before" and "after" weekly cost (measures.md REVIEWS_REDUCED) differ exactly when it changed.
 */
import type { Day } from '../calendar/days.ts';
import type { DeliveryMechanism, EventOutcome, ServiceType } from '../uploads/code-lists.ts';
import { NURSING_ACCOMMODATION, PRISON_ACCOMMODATION, RESIDENTIAL_ACCOMMODATION } from './identity.ts';
import { poundsText, unitsText, type PersonSim, type SimRow } from './person-sim.ts';
import type { Weighted } from './random.ts';

export type Setting = 'community' | 'residential' | 'nursing' | 'prison';

export interface Package {
  setting: Setting;
  row: SimRow;
  component: string;
  mechanism: DeliveryMechanism;
  units: number;
  pence: number;
}

/** About a quarter of community clients take a direct payment; most others a managed budget. */
const MECHANISMS: Weighted<DeliveryMechanism> = [
  ['Direct payment', 25.5],
  ['CASSR managed personal budget', 64],
  ['CASSR commissioned support', 10.5],
];

/** Community components with their weekly units (hours or days) and unit cost in pence. */
const COMMUNITY: Record<string, { units: [number, number]; pence: [number, number] }> = {
  'Home support or domiciliary care': { units: [3, 24], pence: [1950, 2190] },
  'Supported living': { units: [15, 70], pence: [1650, 1850] },
  'Day care': { units: [1, 5], pence: [3800, 6200] },
  'Extra care housing support': { units: [5, 15], pence: [1800, 1950] },
  'Direct payment': { units: [4, 30], pence: [1450, 1680] },
};

const SERVICE_TYPE: Record<Setting, ServiceType> = {
  community: 'Long term support: Community',
  residential: 'Long term support: Residential care',
  nursing: 'Long term support: Nursing care',
  prison: 'Long term support: Prison',
};

export function chooseMechanism(sim: PersonSim): DeliveryMechanism {
  return sim.rng.weighted(MECHANISMS);
}

function communityComponent(sim: PersonSim, on: Day, mechanism: DeliveryMechanism): string {
  if (mechanism === 'Direct payment') return 'Direct payment';
  const young = sim.band(on) === '18-64';
  const psr = sim.identity.primarySupportReason;
  const supported = young && (psr.startsWith('Learning') || psr.startsWith('Mental'));
  return sim.rng.weighted<string>([
    ['Home support or domiciliary care', supported ? 20 : 72],
    ['Supported living', supported ? 55 : 4],
    ['Day care', supported ? 20 : 14],
    ['Extra care housing support', young ? 1 : 10],
  ]);
}

function accommodationFor(sim: PersonSim, setting: Setting): string | null {
  if (setting === 'residential') return RESIDENTIAL_ACCOMMODATION;
  if (setting === 'nursing') return NURSING_ACCOMMODATION;
  if (setting === 'prison') return PRISON_ACCOMMODATION;
  return sim.home;
}

function sizeFor(sim: PersonSim, setting: Setting, component: string): { units: number; pence: number } {
  const rng = sim.rng;
  if (setting === 'residential') return { units: 7, pence: rng.int(8800, 12500) };
  if (setting === 'nursing') return { units: 7, pence: rng.int(10500, 15000) };
  if (setting === 'prison') return { units: rng.int(2, 6), pence: rng.int(1900, 2100) };
  const c = COMMUNITY[component];
  return { units: rng.int(c.units[0] * 2, c.units[1] * 2) / 2, pence: rng.int(c.pence[0], c.pence[1]) };
}

function row(sim: PersonSim, start: Day, p: Omit<Package, 'row'>): SimRow {
  return sim.service(start, null, null, {
    serviceType: SERVICE_TYPE[p.setting],
    component: p.component,
    mechanism: p.mechanism,
    units: unitsText(p.units),
    cost: poundsText(p.pence),
  });
}

/** Starts a new package on `start` (which must be within the reporting period). */
export function startPackage(sim: PersonSim, start: Day, setting: Setting, mechanism?: DeliveryMechanism): Package {
  const m: DeliveryMechanism = setting === 'community' ? (mechanism ?? chooseMechanism(sim)) : 'CASSR commissioned support';
  const component =
    setting === 'community' ? communityComponent(sim, start, m)
    : setting === 'residential' ? 'Residential care home'
    : setting === 'nursing' ? 'Nursing care home'
    : 'Prison social care';
  sim.accommodation = accommodationFor(sim, setting);
  const size = sizeFor(sim, setting, component);
  const p = { setting, component, mechanism: m, ...size };
  return { ...p, row: row(sim, start, p) };
}

/**
 * Ends `pkg` on `day` and starts its successor on `day + 1`, with units scaled by `factor` (a
 * reduction or increase) or in a new setting. Returns the old package unchanged when the next day
 * is after the reporting period (the change falls outside the extract).
 */
export function changePackage(
  sim: PersonSim,
  pkg: Package,
  day: Day,
  outcome: EventOutcome,
  change: { factor?: number; setting?: Setting; newRate?: boolean },
): Package {
  if (day + 1 > sim.w1 || day < pkg.row.start) return pkg;
  sim.close(pkg.row, day, outcome);
  const setting = change.setting ?? pkg.setting;
  if (setting !== pkg.setting) return startPackage(sim, day + 1, setting, pkg.mechanism);
  const units = pkg.setting === 'community' ? Math.max(1, Math.round(pkg.units * (change.factor ?? 1) * 2) / 2) : pkg.units;
  const pence =
    change.newRate ? sizeFor(sim, setting, pkg.component).pence
    : pkg.setting === 'community' ? pkg.pence
    : Math.round(pkg.pence * (change.factor ?? 1));
  const next = { setting, component: pkg.component, mechanism: pkg.mechanism, units, pence };
  return { ...next, row: row(sim, day + 1, next) };
}

/** A short stay in a care home (respite) alongside a community package: not an admission. */
export function respite(sim: PersonSim, start: Day): Day {
  const nights = sim.rng.int(6, 14);
  sim.service(start, start + nights, 'NFA: Support ended as planned', {
    serviceType: 'Long term support: Residential care',
    component: 'Short term residential care',
    mechanism: 'CASSR commissioned support',
    units: '7',
    cost: poundsText(sim.rng.int(9000, 12000)),
  });
  return start + nights;
}
