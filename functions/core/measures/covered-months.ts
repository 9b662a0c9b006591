/**
 * Covered months (measures.md): M is covered when the reporting period contains all of it.
 * Also a day → month-index table, so that bucketing an event by the month of its end date is
 * one array read instead of date arithmetic per row.
 */
import { type Day, type MonthId, addMonths, monthEnd, monthIdOf, monthStart } from '../calendar/days.ts';

export function coveredMonths(periodStart: Day, periodEnd: Day): MonthId[] {
  let first = monthIdOf(periodStart);
  if (monthStart(first) < periodStart) first = addMonths(first, 1);
  const months: MonthId[] = [];
  for (let m = first; monthEnd(m) <= periodEnd; m = addMonths(m, 1)) months.push(m);
  return months;
}

export interface MonthIndex {
  months: MonthId[];
  starts: Day[];
  ends: Day[];
  /** Index of the covered month holding `day`, or −1. */
  of(day: Day | null): number;
}

export function monthIndex(months: MonthId[]): MonthIndex {
  const starts = months.map(monthStart);
  const ends = months.map(monthEnd);
  const first = starts.length ? starts[0] : 0;
  const last = ends.length ? ends[ends.length - 1] : -1;
  const table = new Int16Array(Math.max(0, last - first + 1));
  months.forEach((_, i) => table.fill(i, starts[i] - first, ends[i] - first + 1));
  return {
    months,
    starts,
    ends,
    of(day) {
      if (day === null || day < first || day > last) return -1;
      return table[day - first];
    },
  };
}
