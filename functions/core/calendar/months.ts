/**
 * How a month is named, in one place: the cards, the emails and the sample's commentary all say
 * "November 2021" the same way. Months are `YYYY-MM` (calendar/days.ts MonthId).
 */
import type { MonthId } from './days.ts';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `2021-11` → `November`. */
export function monthNameOf(month: MonthId): string {
  return MONTH_NAMES[Number(month.slice(5, 7)) - 1]!;
}

/** `2021-11` → `November 2021`. */
export function monthLong(month: MonthId): string {
  return `${monthNameOf(month)} ${Number(month.slice(0, 4))}`;
}

/** `2021-11` → `Nov 21` (chart axes). */
export function monthShort(month: MonthId): string {
  return `${monthNameOf(month).slice(0, 3)} ${month.slice(2, 4)}`;
}

/** `2021-11-30` → `30 November 2021`. */
export function dayLong(date: string): string {
  return `${Number(date.slice(8, 10))} ${monthLong(date.slice(0, 7))}`;
}
