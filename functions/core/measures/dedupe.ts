/**
 * Duplicate removal (measures.md "Duplicates"), the first step before any measure.
 *
 * The key compares parsed values: dates as day numbers, labels already mapped to Release 2 by
 * parsing, free text folded (trim, runs of spaces, case). Services leave the end date out of the
 * key, and among duplicates the last open row (blank end) in file order wins, else the last row;
 * for other events the last row wins.
 */
import type { EventRow, EventsData } from '../uploads/parsed.ts';
import { foldLabel } from '../uploads/code-lists.ts';

const SEP = '\u0001';

function fold(text: string | null): string {
  return text === null ? '' : foldLabel(text);
}

export function eventKey(row: EventRow): string {
  const isService = row.eventType === 'Service';
  return (
    row.person + SEP + row.eventType + SEP + row.clientType + SEP + row.start + SEP +
    (row.assessmentType ?? '') + SEP + (row.serviceType ?? '') + SEP +
    fold(row.serviceComponent) + SEP + fold(row.routeOfAccess) + SEP +
    (isService ? '' : (row.end ?? ''))
  );
}

/** Indices (into `events.events`) of the rows that survive, in file order. */
export function removeDuplicates(events: EventsData): Int32Array {
  const rows = events.events;
  const winner = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const key = eventKey(row);
    const current = winner.get(key);
    if (current === undefined || row.eventType !== 'Service') {
      winner.set(key, i);
    } else if (row.end === null || rows[current].end !== null) {
      // An open row replaces anything; a closed row replaces only a closed one.
      winner.set(key, i);
    }
  }
  return Int32Array.from(winner.values()).sort();
}

/** Financial assessments are accepted by parsing and then read by no measure. */
export function isFinancialAssessment(row: EventRow): boolean {
  return row.eventType === 'Assessment' && row.assessmentType === 'Financial assessment';
}
