/**
 * Snapshot measures ask "active on day d_m" for one day per covered month (M_end, or M_end − 1
 * year). Those days increase with m, so the months on which a row is active form one contiguous
 * range, found by binary search: a person's rows are marked in a small per-month array instead of
 * testing every row against every month.
 */
import type { Day } from '../calendar/days.ts';
import type { EventRow } from '../uploads/parsed.ts';

/** First index i with sorted[i] ≥ x (sorted.length when none). */
export function firstAtLeast(sorted: readonly Day[], x: Day): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with sorted[i] > x. */
export function firstAbove(sorted: readonly Day[], x: Day): number {
  return firstAtLeast(sorted, x + 1);
}

/** ORs `bits` into flags[m] for every m where the row is active on days[m] (days increasing). */
export function markActive(days: readonly Day[], row: EventRow, flags: Uint8Array, bits: number): void {
  const to = row.end === null ? days.length : firstAbove(days, row.end);
  for (let m = firstAtLeast(days, row.start); m < to; m++) flags[m] |= bits;
}
