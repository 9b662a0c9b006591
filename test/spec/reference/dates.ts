/**
 * Dates for the reference implementation, written from measures.md only (not calendar/days.ts):
 * every date is an ISO `YYYY-MM-DD` string, so comparisons are plain string comparisons and
 * a reader can check each rule against the spec by eye.
 */

const MS_PER_DAY = 86_400_000;

/** The parsed data carries day numbers (days since 1970-01-01): turn them into ISO strings. */
export function iso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY;
}

export function addDays(isoDate: string, days: number): string {
  return iso(dayNumber(isoDate) + days);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** `d − 1 year` keeps day and month; 29 Feb becomes 28 Feb (measures.md, Conventions). */
export function minusOneYear(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) - 1;
  const monthDay = isoDate.slice(5) === '02-29' ? '02-28' : isoDate.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** Age on d = floor((d − dob in days) / 365.25), in integers: floor(4·days / 1461). */
export function ageOn(dateOfBirth: string, d: string): number {
  const fourDays = BigInt(4 * daysBetween(dateOfBirth, d));
  const q = fourDays / 1461n;
  // BigInt division truncates toward zero; floor needs one less for a negative inexact quotient.
  return Number(fourDays < 0n && q * 1461n !== fourDays ? q - 1n : q);
}

/** The months `YYYY-MM` with first day ≥ start and last day ≤ end (covered months). */
export function coveredMonths(periodStart: string, periodEnd: string): string[] {
  const out: string[] = [];
  let y = Number(periodStart.slice(0, 4));
  let m = Number(periodStart.slice(5, 7));
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    const first = `${month}-01`;
    const last = lastDayOf(month);
    if (last > periodEnd) break;
    if (first >= periodStart) out.push(month);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function lastDayOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return `${month}-${String(days).padStart(2, '0')}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The April that starts the financial year of `month`, as `YYYY-MM`. */
export function aprilOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${m >= 4 ? y : y - 1}-04`;
}
