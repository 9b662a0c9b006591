/**
 * The previous financial year's figure a card prints beside the latest month, as the seeds'
 * tables give last year's outturn. For a position at month end (`snapshot`) or a 12-month figure
 * (`rolling12`) that is its value at the year end, March. For events in each month it is the whole
 * year, from all twelve months: the count, the percentage of the summed numerators and
 * denominators, or the rate of the year's count on March's population; a median cannot be summed,
 * so a days measure gives none. Disclosure control: when any month the figure is made from is
 * withheld, so is the figure, or that month could be recovered by subtraction.
 */
import { addMonths, financialYearOf, financialYearStart, type MonthId } from '../calendar/days.ts';
import type { MeasureResult, SeriesPoint } from '../measures/document.ts';
import { roundRatio } from '../measures/rounding.ts';
import { isPointSuppressed } from './disclosure.ts';
import { SUPPRESSED, formatValue, monthLong } from './format.ts';

export interface PreviousYear {
  /** `2020/21 (position at March 2021)` or `2020/21 (the whole year, April 2020 to March 2021)`. */
  label: string;
  /** As printed: the value, `*` when withheld. */
  text: string;
  /** The exact figure; null when withheld. */
  value: number | null;
}

export function previousYear(m: MeasureResult, control: boolean): PreviousYear | null {
  const latest = m.series.at(-1);
  if (!latest) return null;
  const yearEnd = addMonths(financialYearStart(latest.month as MonthId), -1);
  const year = financialYearOf(yearEnd);
  const at = (month: string) => m.series.find((p) => p.month === month);
  // A point of the published view is already marked withheld (value null); the raw document's is not.
  const hidden = (p: SeriesPoint) => p.withheld === true || isPointSuppressed(p, m.unit, control);
  if (m.basis !== 'month') {
    const p = at(yearEnd);
    if (!p || (p.value == null && !hidden(p))) return null;
    const withheld = hidden(p);
    return { label: `${year} (position at ${monthLong(yearEnd)})`, text: withheld ? SUPPRESSED : formatValue(p.value as number, m.unit), value: withheld ? null : p.value };
  }
  const months = Array.from({ length: 12 }, (_, i) => at(addMonths(yearEnd, i - 11)));
  if (m.unit === 'days' || months.some((p) => !p)) return null;
  const points = months as SeriesPoint[];
  // "The whole year": a monthly measure's year figure (2,409 per 100,000) is not a month's (190).
  const label = `${year} (the whole year, ${monthLong(points[0].month)} to ${monthLong(yearEnd)})`;
  if (points.some(hidden)) return { label, text: SUPPRESSED, value: null };
  if (points.some((p) => p.value == null || p.numerator == null)) return null;
  const n = points.reduce((sum, p) => sum + (p.numerator as number), 0);
  const value = yearFigure(m.unit, n, points);
  return value === null ? null : { label, text: formatValue(value, m.unit), value };
}

function yearFigure(unit: MeasureResult['unit'], n: number, points: SeriesPoint[]): number | null {
  if (unit === 'count') return n;
  const denominators = unit === 'per100k' ? [points.at(-1)!.denominator] : points.map((p) => p.denominator);
  if (denominators.some((d) => d == null || !Number.isInteger(d)) || !Number.isInteger(n)) return null;
  const d = denominators.reduce((sum: number, x) => sum + (x as number), 0);
  if (d === 0) return null;
  return roundRatio(BigInt(n), BigInt(d), unit === 'per100k' ? 100_000n : 100n);
}
