/**
 * Benchmarks beside month M (measures.md): per comparator, the row for the measure with the same
 * basis and the latest `year` that does not end after M's financial year. A financial year
 * `2020/21` ends in March 2021; a calendar year `2021` ends in December 2021.
 */
import { financialYearOf, type MonthId } from '../calendar/days.ts';
import type { BenchmarkRow } from '../uploads/parsed.ts';
import type { Benchmark } from './document.ts';
import type { MeasureBasis, Polarity } from './catalogue/types.ts';

/** The month a benchmark `year` ends, `YYYY-MM`; null when the text is neither form. */
export function benchmarkYearEnd(year: string): MonthId | null {
  const financial = /^(\d{4})\/(\d{2})$/.exec(year);
  if (financial) return `${Number(financial[1]) + 1}-03`;
  return /^\d{4}$/.test(year) ? `${year}-12` : null;
}

export function quartileOf(value: number | null, bounds: readonly [number, number, number] | null, polarity: Polarity): Benchmark['quartile'] {
  if (value === null || bounds === null || polarity === 'neutral') return null;
  const [q1, q2, q3] = bounds;
  if (polarity === 'high') return value >= q3 ? 'top' : value >= q2 ? 'upper middle' : value >= q1 ? 'lower middle' : 'bottom';
  return value <= q1 ? 'top' : value <= q2 ? 'upper middle' : value <= q3 ? 'lower middle' : 'bottom';
}

export function benchmarksFor(
  rows: readonly BenchmarkRow[] | undefined,
  measure: { id: string; basis: MeasureBasis; polarity: Polarity },
  month: MonthId,
  value: number | null,
): Benchmark[] {
  const fyEnd = benchmarkYearEnd(financialYearOf(month)) as MonthId;
  const best = new Map<string, { row: BenchmarkRow; end: MonthId }>();
  for (const row of rows ?? []) {
    if (row.measureId !== measure.id || row.basis !== measure.basis) continue;
    const end = benchmarkYearEnd(row.year);
    if (end === null || end > fyEnd) continue;
    const current = best.get(row.comparator);
    if (!current || end >= current.end) best.set(row.comparator, { row, end });
  }
  return [...best.values()].map(({ row }) => ({
    comparator: row.comparator,
    year: row.year,
    value: row.value,
    quartile: quartileOf(value, row.quartileBoundaries, measure.polarity),
  }));
}
