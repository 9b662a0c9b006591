/**
 * REVIEWS_REDUCED: reviews after which the weekly cost of a person's long term support fell.
 * Weekly costs are exact decimals (units × unit cost, blanks as 0), compared with big.js.
 */
import type { Day } from '../../calendar/days.ts';
import type { EventRow } from '../../uploads/parsed.ts';
import { decimalOf, type Decimal, ZERO } from '../decimal.ts';
import type { PersonRows } from '../person-index.ts';
import { percentPoint } from '../points.ts';
import { isServiceUser } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

function weeklyCostOn(lts: PersonRows, person: number, day: Day, costs: Map<EventRow, Decimal>): Decimal {
  let total = ZERO;
  for (let k = lts.offsets[person]; k < lts.offsets[person + 1]; k++) {
    const row = lts.rows[k];
    if (row.start > day) break;
    if (row.end !== null && row.end < day) continue;
    let cost = costs.get(row);
    if (cost === undefined) {
      cost = decimalOf(row.plannedUnitsPerWeek).times(decimalOf(row.unitCost));
      costs.set(row, cost);
    }
    total = total.plus(cost);
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
    const costs = new Map<EventRow, Decimal>();
    for (const row of ctx.rows) {
      if (row.eventType !== 'Review' || !isServiceUser(row)) continue;
      const m = ctx.months.of(row.end);
      if (m < 0) continue;
      const end = row.end as number;
      const age = ctx.age(row.person, end);
      if (age < 18) continue;
      const before = weeklyCostOn(lts, row.person, row.start, costs);
      if (!before.gt(0)) continue;
      const reduced = weeklyCostOn(lts, row.person, end + 1, costs).lt(before) ? 1 : 0;
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
