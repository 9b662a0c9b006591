/**
 * STMAX_NO_FURTHER: short-term reablement (ST-Max) episodes in the 12 months to M_end after which
 * no long term support started within a week. Each episode's eligibility and result do not
 * depend on M; a month counts the episodes whose end falls in its window.
 */
import { minusYears } from '../../calendar/days.ts';
import { insufficientHistory, percentPoint } from '../points.ts';
import { lastStartingBy } from '../person-index.ts';
import { anyActiveDuring, isStMax } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

const EXCLUDED = new Set([
  'NFA: Deceased',
  'Admitted to hospital',
  'NFA: Support declined',
  'NFA: Self-funded client or under 12wk disregard',
]);

function countIn(sortedEnds: Int32Array, after: number, upTo: number): number {
  const upper = (x: number) => {
    let lo = 0;
    let hi = sortedEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedEnds[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return upper(upTo) - upper(after);
}

export const STMAX_NO_FURTHER: MeasureDefinition = {
  id: 'STMAX_NO_FURTHER',
  title: 'Short-term reablement with no further long term support',
  definition:
    'Of the short-term reablement (ST-Max) episodes that ended in the 12 months to the end of the month, for adults not already receiving long term support, the percentage where no long term support started within 7 days. Episodes ending in death, hospital admission, refusal or self-funding are left out.',
  whyItMatters:
    'Reablement that works helps people regain independence and avoids the need for ongoing care. A local month-by-month measure of single reablement rows; the national figure, computed by the DHSC method, is ASCOF 2A.',
  unit: 'percent',
  polarity: 'high',
  basis: 'rolling12',
  reads: ['events'],
  compute(ctx) {
    const lts = ctx.ltsByPerson();
    const denominatorEnds: number[] = [];
    const numeratorEnds: number[] = [];
    for (const row of ctx.rows) {
      if (!isStMax(row) || row.end === null || ctx.age(row.person, row.end) < 18) continue;
      if (row.outcome !== null && EXCLUDED.has(row.outcome)) continue;
      if (anyActiveDuring(lts, row.person, row.start - 91, row.start - 1)) continue;
      // An LTS row starting within [end, end + 7]: the first one starting after end − 1.
      const next = lastStartingBy(lts, row.person, row.end - 1) + 1;
      const further = next < lts.offsets[row.person + 1] && lts.rows[next].start <= row.end + 7;
      denominatorEnds.push(row.end);
      if (!further) numeratorEnds.push(row.end);
    }
    const dEnds = Int32Array.from(denominatorEnds).sort();
    const nEnds = Int32Array.from(numeratorEnds).sort();
    return {
      series: ctx.months.months.map((month, i) => {
        const end = ctx.months.ends[i];
        const yearBefore = minusYears(end);
        if (ctx.periodStart > yearBefore - 90) return insufficientHistory(month);
        return percentPoint(month, countIn(nEnds, yearBefore, end), countIn(dEnds, yearBefore, end));
      }),
    };
  },
};
