/**
 * REVIEWS_REDUCED: reviews after which the weekly cost of a person's long term support fell.
 * Weekly costs (units × unit cost, blanks as 0) are exact: every LTS row's cost is an integer
 * at one common decimal scale (BigInt), so sums and comparisons are exact and cheap.
 */
import type { Day } from '../../calendar/days.ts';
import { placesOf, scaledInteger } from '../decimal.ts';
import type { PersonRows } from '../person-index.ts';
import { percentPoint } from '../points.ts';
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

function weeklyCostOn(lts: PersonRows, costs: bigint[], person: number, day: Day): bigint {
  let total = 0n;
  for (let k = lts.offsets[person]; k < lts.offsets[person + 1]; k++) {
    const row = lts.rows[k];
    if (row.start > day) break;
    if (row.end === null || row.end >= day) total += costs[k];
  }
  return total;
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
  breakdowns: ['18-64', '65+'],
  compute(ctx) {
    const n = ctx.months.months.length;
    const counts = { all: [new Int32Array(n), new Int32Array(n)], '18-64': [new Int32Array(n), new Int32Array(n)], '65+': [new Int32Array(n), new Int32Array(n)] };
    const lts = ctx.ltsByPerson();
    const costs = scaledCosts(lts);
    for (const row of ctx.rows) {
      if (row.eventType !== 'Review' || !isServiceUser(row)) continue;
      const m = ctx.months.of(row.end);
      if (m < 0) continue;
      const end = row.end as number;
      const age = ctx.age(row.person, end);
      if (age < 18) continue;
      const before = weeklyCostOn(lts, costs, row.person, row.start);
      if (before <= 0n) continue;
      const reduced = weeklyCostOn(lts, costs, row.person, end + 1) < before ? 1 : 0;
      for (const key of ['all', age >= 65 ? '65+' : '18-64'] as const) {
        counts[key][1][m]++;
        counts[key][0][m] += reduced;
      }
    }
    const series = (key: keyof typeof counts) =>
      ctx.months.months.map((month, i) => percentPoint(month, counts[key][0][i], counts[key][1][i]));
    return { series: series('all'), breakdowns: { '18-64': series('18-64'), '65+': series('65+') } };
  },
};
