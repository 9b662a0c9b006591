/**
 * ASCOF 2A, section 1 (Create_ASCOF_2A_2425_Onwards.sql): a service user's ST-Max rows clustered
 * into episodes (a row starting within 7 days of the latest end so far joins the episode), each
 * with the outcome of its latest-ending row.
 */
import { EVENT_OUTCOMES, type EventOutcome } from '../../../uploads/code-lists.ts';
import type { Day } from '../../../calendar/days.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import { endOrOpen } from './window.ts';

/** Outcomes DHSC cannot read a sequel from: #REF_Event_Outcome_Hierarchy_UTC adds 100 to their rank. */
const UNABLE_TO_CLASSIFY = new Set<EventOutcome>([
  'Continuation of support or services',
  'Progress to support planning or services',
  'Progress to assessment, review or reassessment',
  'Progress to reablement/ST-Max',
]);

/**
 * Event_Outcome_Hierarchy. DHSC's ASC_Sandbox.REF_Event_Outcome_Hierarchy_R2 is not published;
 * the rank used here is the order of the CLD Release 2 outcome list (extract-spec.md), plus 100
 * for the outcomes above; a blank outcome (an open service) is 999 (`COALESCE(…, 999)`).
 */
export function outcomeHierarchy(outcome: EventOutcome | null): number {
  if (outcome === null) return 999;
  const rank = EVENT_OUTCOMES.indexOf(outcome) + 1;
  return UNABLE_TO_CLASSIFY.has(outcome) ? rank + 100 : rank;
}

/** The outcome a hierarchy value stands for (the join back to the reference table). */
export function outcomeOfHierarchy(hierarchy: number): string {
  if (hierarchy === 999) return 'Invalid and not mapped';
  return EVENT_OUTCOMES[(hierarchy > 100 ? hierarchy - 100 : hierarchy) - 1];
}

export interface Cluster {
  start: Day;
  /** Latest end of its rows (9999-01-01 when one is open). */
  end: Day;
  outcome: string;
  outcomeHierarchy: number;
}

/** ST-Max rows of one person, any order in; clusters out, oldest first. */
export function clusterReablement(stMax: readonly EventRow[]): Cluster[] {
  // ROW_NUMBER order: start, end, outcome hierarchy, Der_unique_record_id DESC (file row here).
  const rows = [...stMax].sort(
    (a, b) => a.start - b.start || endOrOpen(a.end) - endOrOpen(b.end) ||
      outcomeHierarchy(a.outcome) - outcomeHierarchy(b.outcome) || b.row - a.row,
  );
  const clusters: Cluster[] = [];
  let members: EventRow[] = [];
  let previousEnd = -Infinity;
  const close = () => {
    if (members.length > 0) clusters.push(summarise(members));
  };
  for (const row of rows) {
    // ClusterStartInd: DATEDIFF(DAY, Previous_End_Date, Event_Start_Date) > 7, or no previous row.
    if (row.start - previousEnd > 7) {
      close();
      members = [];
    }
    members.push(row);
    previousEnd = Math.max(previousEnd, endOrOpen(row.end));
  }
  close();
  return clusters;
}

/**
 * Cluster_EO: LAST_VALUE ordered by end ASC, hierarchy DESC, record id ASC — the latest-ending
 * row, then the lowest hierarchy, then the last in file order.
 */
function summarise(members: EventRow[]): Cluster {
  let start = Infinity;
  let best = members[0];
  for (const row of members) {
    start = Math.min(start, row.start);
    const e = endOrOpen(row.end) - endOrOpen(best.end);
    const h = outcomeHierarchy(best.outcome) - outcomeHierarchy(row.outcome);
    if (e > 0 || (e === 0 && (h > 0 || (h === 0 && row.row > best.row)))) best = row;
  }
  return {
    start,
    end: endOrOpen(best.end),
    outcome: best.outcome ?? 'Invalid and not mapped',
    outcomeHierarchy: outcomeHierarchy(best.outcome),
  };
}
