/**
 * Medians are taken exactly (the mean of the middle two when the count is even) and only then
 * rounded, so the value never depends on float arithmetic.
 */
import { roundRatio } from './rounding.ts';

/** Median of whole numbers (e.g. days), rounded to 1 dp; null for an empty list. */
export function medianRounded(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Int32Array.from(values).sort();
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return roundRatio(sorted[mid], 1);
  return roundRatio(sorted[mid - 1] + sorted[mid], 2);
}
