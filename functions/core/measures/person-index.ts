/**
 * Rows grouped by person, each person's rows sorted by event start and then file order: the
 * index every "the person's …" clause of measures.md reads. Stored as one offsets array over
 * one rows array (no per-person arrays), built with a counting pass, because a 1,000,000-row
 * extract holds a few hundred thousand people.
 */
import type { EventRow } from '../uploads/parsed.ts';

export interface PersonRows {
  /** Rows of person p are `rows[offsets[p]]` … `rows[offsets[p + 1] − 1]`. */
  offsets: Int32Array;
  rows: EventRow[];
}

function byStartThenFileOrder(a: EventRow, b: EventRow): number {
  return a.start - b.start || a.row - b.row;
}

export function groupByPerson(rows: readonly EventRow[], personCount: number, keep: (row: EventRow) => boolean): PersonRows {
  const offsets = new Int32Array(personCount + 1);
  let total = 0;
  for (const row of rows) {
    if (keep(row)) {
      offsets[row.person + 1]++;
      total++;
    }
  }
  for (let p = 0; p < personCount; p++) offsets[p + 1] += offsets[p];
  const out = new Array<EventRow>(total);
  const next = offsets.slice(0, personCount);
  for (const row of rows) if (keep(row)) out[next[row.person]++] = row;
  for (let p = 0; p < personCount; p++) sortSegment(out, offsets[p], offsets[p + 1]);
  return { offsets, rows: out };
}

function sortSegment(rows: EventRow[], from: number, to: number): void {
  if (to - from < 2) return;
  if (to - from > 32) {
    const sorted = rows.slice(from, to).sort(byStartThenFileOrder);
    for (let i = 0; i < sorted.length; i++) rows[from + i] = sorted[i];
    return;
  }
  // Insertion sort: segments are short and usually already nearly in order.
  for (let i = from + 1; i < to; i++) {
    const row = rows[i];
    let j = i - 1;
    while (j >= from && byStartThenFileOrder(rows[j], row) > 0) {
      rows[j + 1] = rows[j];
      j--;
    }
    rows[j + 1] = row;
  }
}

/**
 * A sub-index of an existing one: same order, only the rows kept. One pass and no sorting, so the
 * per-kind indexes (LTS, requests, reviews) cost little once every row is indexed.
 */
export function filterPersonRows(all: PersonRows, keep: (row: EventRow) => boolean): PersonRows {
  const personCount = all.offsets.length - 1;
  const offsets = new Int32Array(personCount + 1);
  const rows: EventRow[] = [];
  for (let p = 0; p < personCount; p++) {
    for (let k = all.offsets[p]; k < all.offsets[p + 1]; k++) if (keep(all.rows[k])) rows.push(all.rows[k]);
    offsets[p + 1] = rows.length;
  }
  return { offsets, rows };
}

/** Position of person p's last row starting on or before `day`; `offsets[p] − 1` when none. */
export function lastStartingBy(index: PersonRows, person: number, day: number): number {
  let lo = index.offsets[person];
  let hi = index.offsets[person + 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.rows[mid].start <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const reaches = new WeakMap<PersonRows, Float64Array>();

/**
 * For each row, the latest end among its person's rows up to and including it (Infinity when one
 * is open): "is any of the person's rows active during [from, to]" is then one binary search
 * rather than a walk over every earlier row, so no measure is quadratic in one person's rows.
 */
export function reachOf(index: PersonRows): Float64Array {
  let reach = reaches.get(index);
  if (!reach) {
    reach = new Float64Array(index.rows.length);
    for (let p = 0; p + 1 < index.offsets.length; p++) {
      let latest = -Infinity;
      for (let k = index.offsets[p]; k < index.offsets[p + 1]; k++) {
        const end = index.rows[k].end;
        latest = Math.max(latest, end === null ? Infinity : end);
        reach[k] = latest;
      }
    }
    reaches.set(index, reach);
  }
  return reach;
}
