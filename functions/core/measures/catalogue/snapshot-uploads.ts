/**
 * Shared by the measures read from snapshot uploads (waiting, finance, providers): one series
 * entry per file given, for its month, oldest first (a later file for the same month replaces an
 * earlier one); with no file, one null entry for the events period saying so.
 */
import type { MeasureContext } from '../context.ts';
import type { SeriesPoint } from '../document.ts';
import { REASONS } from '../points.ts';

export function snapshotSeries<T>(
  ctx: MeasureContext,
  files: readonly T[] | undefined,
  monthOf: (file: T) => string,
  point: (month: string, file: T) => SeriesPoint,
): SeriesPoint[] {
  if (!files || files.length === 0) {
    return [{ month: ctx.period, value: null, numerator: null, denominator: null, reason: REASONS.noUpload }];
  }
  const byMonth = new Map<string, T>();
  for (const file of files) byMonth.set(monthOf(file), file);
  return [...byMonth.keys()].sort().map((month) => point(month, byMonth.get(month) as T));
}
