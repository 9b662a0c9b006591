/**
 * Duplicate removal (measures.md "Duplicates"), the first step before any measure.
 *
 * The key compares parsed values: dates as day numbers, labels already mapped to Release 2 by
 * parsing, free text folded (trim, runs of spaces, case). Services leave the end date out of the
 * key, and among duplicates the last open row (blank end) in file order wins, else the last row;
 * for other events the last row wins.
 *
 * Rows can only be duplicates when they share person and start date, so rows are first grouped
 * that way (a counting sort by person, then by start within the person) and key strings are built
 * only inside groups of two or more: on a 1,000,000-row extract that avoids a million-entry map.
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

/** Among rows sharing a key, in file order: does `next` replace the current winner? */
function replaces(current: EventRow, next: EventRow): boolean {
  if (next.eventType !== 'Service') return true;
  // An open row replaces anything; a closed row replaces only a closed one.
  return next.end === null || current.end !== null;
}

/** Indices (into `events.events`) of the rows that survive, in file order. */
export function removeDuplicates(events: EventsData): Int32Array {
  const rows = events.events;
  const personCount = events.persons.length;
  const offsets = new Int32Array(personCount + 1);
  for (const row of rows) offsets[row.person + 1]++;
  for (let p = 0; p < personCount; p++) offsets[p + 1] += offsets[p];
  const order = new Int32Array(rows.length);
  const next = offsets.slice(0, personCount);
  for (let i = 0; i < rows.length; i++) order[next[rows[i].person]++] = i;

  const keep = new Uint8Array(rows.length).fill(1);
  for (let p = 0; p < personCount; p++) {
    const from = offsets[p];
    const to = offsets[p + 1];
    if (to - from < 2) continue;
    sortByStart(rows, order, from, to);
    for (let g = from; g < to; ) {
      let h = g + 1;
      while (h < to && rows[order[h]].start === rows[order[g]].start) h++;
      if (h - g > 1) resolveGroup(rows, order.subarray(g, h), keep);
      g = h;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (keep[i]) out.push(i);
  return Int32Array.from(out);
}

/** Sorts order[from..to) by start, equal starts in file order (the order they hold). */
function sortByStart(rows: EventRow[], order: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    // A person with many rows, in any order, costs n log n; the index breaks ties as file order.
    const sorted = Array.from(order.subarray(from, to)).sort((a, b) => rows[a].start - rows[b].start || a - b);
    order.set(sorted, from);
    return;
  }
  // Insertion sort: a person's rows are few and usually already in order.
  for (let i = from + 1; i < to; i++) {
    const idx = order[i];
    const start = rows[idx].start;
    let j = i - 1;
    while (j >= from && rows[order[j]].start > start) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = idx;
  }
}

/** Rows of one person and start date, in file order: keep one winner per key. */
function resolveGroup(rows: EventRow[], group: Int32Array, keep: Uint8Array): void {
  const winner = new Map<string, number>();
  for (const idx of group) {
    const key = eventKey(rows[idx]);
    const current = winner.get(key);
    if (current === undefined) {
      winner.set(key, idx);
    } else if (replaces(rows[current], rows[idx])) {
      keep[current] = 0;
      winner.set(key, idx);
    } else {
      keep[idx] = 0;
    }
  }
}

/** Financial assessments are accepted by parsing and then read by no measure. */
export function isFinancialAssessment(row: EventRow): boolean {
  return row.eventType === 'Assessment' && row.assessmentType === 'Financial assessment';
}
