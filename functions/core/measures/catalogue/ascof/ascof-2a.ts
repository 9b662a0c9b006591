/**
 * ASCOF 2A: of the people who finished short-term reablement (ST-Max) in the 12 months to the
 * month end and were not already receiving long term support, the percentage who needed no
 * further ongoing support (Create_ASCOF_2A_2425_Onwards.sql). Method: METHOD.md.
 */
import type { Day } from '../../../calendar/days.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import type { MeasureContext } from '../../context.ts';
import type { SeriesPoint } from '../../document.ts';
import { firstAtLeast } from '../../month-ranges.ts';
import { percentPoint } from '../../points.ts';
import { isLts, isServiceUser } from '../../rows.ts';
import type { MeasureDefinition } from '../types.ts';
import { dhscAge, personDetails } from './person-details.ts';
import { clusterReablement } from './reablement-clusters.ts';
import { inDenominator, inNumerator, sequelOf } from './reablement-sequel.ts';
import { endOrOpen, perPeriod } from './window.ts';

const isStMaxService = (row: EventRow): boolean => row.eventType === 'Service' && row.serviceType === 'Short term support: ST-Max';

export interface ClassifiedEpisode {
  person: number;
  /** Episode end: the month windows select on it. */
  end: Day;
  outcome: string;
  inDenominator: boolean;
  inNumerator: boolean;
}

/**
 * Every episode of an adult new client, classified once: neither the new-client test nor the
 * sequel depends on the reporting period, only which episodes' ends fall in it.
 */
export function classifiedEpisodes(ctx: MeasureContext): ClassifiedEpisode[] {
  return ctx.memo('ascof-2a:episodes', () => {
    const details = personDetails(ctx);
    const all = ctx.allByPerson();
    const out: ClassifiedEpisode[] = [];
    for (let p = 0; p < ctx.persons.length; p++) {
      const rows = all.rows.slice(all.offsets[p], all.offsets[p + 1]).filter(isServiceUser);
      const stMax = rows.filter(isStMaxService);
      if (stMax.length === 0) continue;
      const death = details.death[p];
      const around = eventsAround(rows);
      for (const cluster of clusterReablement(stMax)) {
        if (dhscAge(details, p, cluster.end) < 18) continue;
        if (death !== null && death < cluster.start) continue;
        // New_Client_Record_Flag: LTS (prison included) that started before the episode and ended
        // fewer than 91 days before its start, or is open or still going, makes it not new.
        if (around.latestLtsEndBefore(cluster.start) > cluster.start - 91) continue;
        // Same_ST_Max: the episode's own rows are not events around it.
        const others = around.startingIn(cluster.start, cluster.end + 7).filter((r) => !(isStMaxService(r) && r.start <= cluster.end));
        const sequel = sequelOf(cluster, others, death);
        out.push({
          person: p,
          end: cluster.end,
          outcome: sequel.outcome,
          inDenominator: inDenominator(sequel.outcome),
          inNumerator: inNumerator(sequel.outcome),
        });
      }
    }
    return out;
  });
}

/**
 * One person's rows, indexed so that each episode looks only at the rows near it (linear in rows
 * for a person with many episodes, where filtering every row per episode was quadratic).
 */
function eventsAround(rows: readonly EventRow[]) {
  // Positions in start order; rows of equal start keep their order, and startingIn gives rows back
  // in the person's own order, which the sequel's tie-breaks read.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].start - rows[b].start || a - b);
  const starts = order.map((i) => rows[i].start);
  // latestEnd[k]: the latest end (open = far future) of an LTS row among the first k in start order.
  const latestEnd = [-Infinity];
  for (const i of order) latestEnd.push(Math.max(latestEnd.at(-1)!, isLts(rows[i]) ? endOrOpen(rows[i].end) : -Infinity));
  return {
    latestLtsEndBefore: (day: Day): number => latestEnd[firstAtLeast(starts, day)],
    /** Rows starting on a day in [from, to], in the person's own order. */
    startingIn: (from: Day, to: Day): EventRow[] => order.slice(firstAtLeast(starts, from), firstAtLeast(starts, to + 1)).sort((a, b) => a - b).map((i) => rows[i]),
  };
}

export const ASCOF_2A: MeasureDefinition = {
  id: 'ASCOF_2A',
  ascofCode: '2A',
  title: 'Short-term support that left people needing no ongoing support',
  definition:
    'Of the reablement episodes that ended in the 12 months to the end of the month, for people not receiving long term support in the 3 months before, the percentage after which no long term or short-term residential support followed within 7 days. Episodes ending in death, hospital admission, referral to the NHS, self-funding or refusal are left out.',
  whyItMatters:
    'Reablement that works helps people regain independence and avoids the need for ongoing care. This is the national ASCOF figure, computed with DHSC\'s method from the Client Level Data, so it can be set beside published benchmarks.',
  unit: 'percent',
  polarity: 'high',
  basis: 'rolling12',
  reads: ['events'],
  compute: (ctx) => ({ series: series(ctx) }),
};

/** Of the episodes in the denominator that ended in each reporting period, the percentage in the numerator. */
function series(ctx: MeasureContext): SeriesPoint[] {
  const episodes = classifiedEpisodes(ctx);
  // The new-client test reads 91 days before an episode that may start before the period.
  return perPeriod(ctx, 91, (month, period) => {
    let n = 0;
    let d = 0;
    for (const e of episodes) {
      if (e.end < period.start || e.end > period.end || !e.inDenominator) continue;
      d++;
      if (e.inNumerator) n++;
    }
    return percentPoint(month, n, d);
  });
}
