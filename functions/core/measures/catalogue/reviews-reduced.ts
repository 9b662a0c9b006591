/**
 * REVIEWS_REDUCED: reviews after which the weekly cost of a person's long term support fell.
 * Weekly costs (units × unit cost, blanks as 0) are exact: every LTS row's cost is an integer
 * at one common decimal scale (BigInt), so sums and comparisons are exact and cheap. Each
 * reviewed person's cost is a step function of the day, built once from their LTS rows and read
 * by binary search, so a person with 20,000 services and 20,000 reviews costs n log n, not n².
 */
import type { Day } from '../../calendar/days.ts';
import { placesOf, scaledInteger } from '../decimal.ts';
import type { PersonRows } from '../person-index.ts';
import { monthlySeries, percentAt } from '../points.ts';
import { isServiceUser } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

/** Weekly cost of every LTS row (aligned with `lts.rows`) at a common scale. */
function scaledCosts(lts: PersonRows): bigint[] {
  let unitsPlaces = 0;
  let costPlaces = 0;
  for (const row of lts.rows) {
    unitsPlaces = Math.max(unitsPlaces, placesOf(row.plannedUnitsPerWeek));
    costPlaces = Math.max(costPlaces, placesOf(row.unitCost));
  }
  return lts.rows.map((row) => scaledInteger(row.plannedUnitsPerWeek, unitsPlaces) * scaledInteger(row.unitCost, costPlaces));
}

/** A person's weekly cost: `totals[i]` from `days[i]` until the next change (0 before the first). */
interface CostSteps {
  days: number[];
  totals: bigint[];
}

/** A row adds its cost from its start and takes it away the day after its end (active: start ≤ d ≤ end). */
function costSteps(lts: PersonRows, costs: bigint[], person: number): CostSteps {
  const changes: { day: number; delta: bigint }[] = [];
  for (let k = lts.offsets[person]; k < lts.offsets[person + 1]; k++) {
    const row = lts.rows[k];
    changes.push({ day: row.start, delta: costs[k] });
    if (row.end !== null) changes.push({ day: row.end + 1, delta: -costs[k] });
  }
  changes.sort((a, b) => a.day - b.day);
  const steps: CostSteps = { days: [], totals: [] };
  let total = 0n;
  for (const { day, delta } of changes) {
    total += delta;
    if (steps.days.at(-1) === day) steps.totals[steps.totals.length - 1] = total;
    else {
      steps.days.push(day);
      steps.totals.push(total);
    }
  }
  return steps;
}

function costOn(steps: CostSteps, day: Day): bigint {
  let lo = 0;
  let hi = steps.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps.days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0n : steps.totals[lo - 1];
}

export const REVIEWS_REDUCED: MeasureDefinition = {
  id: 'REVIEWS_REDUCED',
  title: 'Reviews that reduced or ended long term support',
  definition:
    'Of the reviews of adults with paid long term support completed in the month, the percentage after which the weekly cost of their long term support was lower than before the review.',
  whyItMatters:
    'Reviews that find people need less support, for example after recovery or with new equipment, promote independence and free money for others.',
  unit: 'percent',
  polarity: 'high',
  basis: 'month',
  reads: ['events'],
  breakdowns: ['18-64', '65+'],
  compute(ctx) {
    const n = ctx.months.months.length;
    const counts = { all: [new Int32Array(n), new Int32Array(n)], '18-64': [new Int32Array(n), new Int32Array(n)], '65+': [new Int32Array(n), new Int32Array(n)] };
    const lts = ctx.ltsByPerson();
    const costs = scaledCosts(lts);
    const stepsOf = new Map<number, CostSteps>();
    const weeklyCostOn = (person: number, day: Day) => {
      let steps = stepsOf.get(person);
      if (!steps) stepsOf.set(person, (steps = costSteps(lts, costs, person)));
      return costOn(steps, day);
    };
    for (const row of ctx.rows) {
      if (row.eventType !== 'Review' || !isServiceUser(row)) continue;
      const m = ctx.months.of(row.end);
      if (m < 0) continue;
      const end = row.end as number;
      const age = ctx.age(row.person, end);
      if (age < 18) continue;
      const before = weeklyCostOn(row.person, row.start);
      if (before <= 0n) continue;
      const reduced = weeklyCostOn(row.person, end + 1) < before ? 1 : 0;
      for (const key of ['all', age >= 65 ? '65+' : '18-64'] as const) {
        counts[key][1][m]++;
        counts[key][0][m] += reduced;
      }
    }
    const series = (key: keyof typeof counts) => monthlySeries(ctx.months.months, percentAt, counts[key][0], counts[key][1]);
    return { series: series('all'), breakdowns: { '18-64': series('18-64'), '65+': series('65+') } };
  },
};
