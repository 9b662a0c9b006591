/**
 * ASCOF 2A, section 2 (Create_ASCOF_2A_2425_Onwards.sql, "Determine sequels"): what followed a
 * reablement episode, in DHSC's six steps, each tried only when the ones before found nothing.
 * `others` are the person's service-user rows starting in the episode or within 7 days of its end
 * (the only ones any step reads), other than the episode's own ST-Max rows.
 */
import type { Day } from '../../../calendar/days.ts';
import { foldLabel } from '../../../uploads/code-lists.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import { type Cluster, outcomeHierarchy, outcomeOfHierarchy } from './reablement-clusters.ts';
import { serviceTypeHierarchy, UNRANKED_SERVICE } from './service-hierarchy.ts';
import { endOrOpen } from './window.ts';


const isShortTermCareHome = (row: EventRow): boolean =>
  row.serviceComponent !== null && ['short term residential care', 'short term nursing care'].includes(foldLabel(row.serviceComponent));
const rowHierarchy = (row: EventRow): number => outcomeHierarchy(row.outcome);

export interface Sequel {
  outcome: string;
  /** DHSC's Sequel_Type: 1 … 6 (4a/4b/4c as 4). */
  step: 1 | 2 | 3 | 4 | 5 | 6;
}

export function sequelOf(cluster: Cluster, others: readonly EventRow[], dateOfDeath: Day | null): Sequel {
  // Step 1: death before, or within 7 days of, the episode end.
  if (dateOfDeath !== null && dateOfDeath - cluster.end <= 7) return { outcome: 'NFA: Deceased', step: 1 };
  // Step 2: the episode's own outcome is admission to hospital.
  if (cluster.outcome === 'Admitted to hospital') return { outcome: 'Admitted to hospital', step: 2 };

  // #RankedEvents: started during the episode or within 7 days of its end, still going after it.
  let window = others.filter((r) => r.start >= cluster.start && endOrOpen(r.end) > cluster.end && r.start - cluster.end <= 7);
  // #Has_Future_Events_In_Window: nothing from the first ST-Max start in the window on.
  const firstStMax = window.reduce((first, r) => (r.serviceType === 'Short term support: ST-Max' ? Math.min(first, r.start) : first), Infinity);
  window = window.filter((r) => r.start < firstStMax);

  // Step 3: a recognised service in the window; the highest-ranking one, short-term care home components first.
  const services = window.filter((r) => serviceTypeHierarchy(r) !== UNRANKED_SERVICE);
  if (services.length > 0) {
    const top = services.reduce((best, r) => {
      const byRank = serviceTypeHierarchy(r) - serviceTypeHierarchy(best);
      return byRank < 0 || (byRank === 0 && isShortTermCareHome(r) && !isShortTermCareHome(best)) ? r : best;
    });
    const outcome = top.serviceType === 'Short term support: Other short term' && isShortTermCareHome(top)
      ? 'Short term support: Residential or Nursing care'
      : (top.serviceType as string);
    return { outcome, step: 3 };
  }

  // Step 4: the lowest outcome hierarchy among (a) the episode's outcome, (b) the outcomes of
  // non-service events in the window, (c) the last assessment or review ending within 14 days of the episode end.
  const candidates: number[] = [];
  if (window.length === 0) {
    if (cluster.outcomeHierarchy < 100) candidates.push(cluster.outcomeHierarchy); // #Has_Usable_Stmax_EO_Only
  } else {
    const usable = window.filter((r) =>
      (cluster.outcomeHierarchy < 100 || rowHierarchy(r) < 100) &&
      r.outcome !== 'NFA: Support ended as planned' && r.eventType !== 'Service');
    if (usable.length > 0) {
      candidates.push(cluster.outcomeHierarchy); // source 1, whatever its value
      for (const r of usable) if (rowHierarchy(r) < 100) candidates.push(rowHierarchy(r));
    }
  }
  // #Has_Nested_Events: started in the episode, ended after its start and by its end.
  const nested = others.filter((r) => r.start >= cluster.start && endOrOpen(r.end) > cluster.start && endOrOpen(r.end) <= cluster.end);
  const nearEnd = nested.filter((r) =>
    (r.eventType === 'Assessment' || r.eventType === 'Review') && cluster.end - endOrOpen(r.end) < 14 && rowHierarchy(r) < 100);
  if (nearEnd.length > 0) {
    // LAST_VALUE ordered by end ASC, hierarchy DESC, record id ASC.
    const last = nearEnd.reduce((best, r) => {
      const e = endOrOpen(r.end) - endOrOpen(best.end);
      const h = rowHierarchy(best) - rowHierarchy(r);
      return e > 0 || (e === 0 && (h > 0 || (h === 0 && r.row > best.row))) ? r : best;
    });
    candidates.push(rowHierarchy(last));
  }
  if (candidates.length > 0) return { outcome: outcomeOfHierarchy(Math.min(...candidates)), step: 4 };

  // Step 5: equipment provided during the episode.
  if (nested.some((r) => r.eventType === 'Service' && r.serviceComponent !== null && foldLabel(r.serviceComponent) === 'equipment')) {
    return { outcome: 'Short term support: Ongoing low level', step: 5 };
  }
  // Step 6: unable to classify: the episode's own outcome.
  return { outcome: cluster.outcome, step: 6 };
}

/** #OutputTable_Disaggregated: Included_In_Denom and Included_In_Num. */
const NUMERATOR = new Set([
  'Short term support: Ongoing low level',
  'Short term support: Other short term',
  'NFA: Information and advice or signposting',
  'NFA: Support ended as planned',
  'NFA: Responsibility moved to another local authority',
  'NFA: Other',
  'NFA: No services offered for other reason',
  'NFA: Support ended for other reason',
  'NFA: Referral to other service within the local authority',
]);
const DENOMINATOR_ONLY = new Set([
  'Long term support: Community',
  'Long term support: Nursing care',
  'Long term support: Residential care',
  'Long term support: Prison',
  'Short term support: Residential or Nursing care',
]);

export const inNumerator = (outcome: string): boolean => NUMERATOR.has(outcome);
export const inDenominator = (outcome: string): boolean => NUMERATOR.has(outcome) || DENOMINATOR_ONLY.has(outcome);
