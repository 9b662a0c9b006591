/**
 * "Is today the pack's Nth working day?" EventBridge Scheduler cannot say it, so the scheduler
 * fires each working-day morning and this decides. Dates are Europe/London calendar dates, taken
 * from the instant with Intl (which knows the BST changes), never from UTC: 23:30 UTC on 31 March
 * 2025 is already 1 April in London.
 */
import { z } from 'zod';
import { addMonths } from '../calendar/days.ts';

export const bankHolidaysSchema = z.object({
  division: z.string(),
  source: z.string(),
  dates: z.array(z.object({ date: z.iso.date(), title: z.string() })),
});
export type BankHolidays = z.infer<typeof bankHolidaysSchema>;

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of the instant on the Europe/London calendar. */
export function londonDay(instant: Date): string {
  return londonDate.format(instant);
}

function weekday(isoDate: string): number {
  return new Date(`${isoDate}T12:00:00Z`).getUTCDay();
}

export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string>): boolean {
  const d = weekday(isoDate);
  return d !== 0 && d !== 6 && !holidays.has(isoDate);
}

/** The working days of a month (`YYYY-MM`), in order. */
export function workingDaysOfMonth(month: string, holidays: ReadonlySet<string>): string[] {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const days: string[] = [];
  for (let d = 1; d <= last; d++) {
    const iso = `${month}-${String(d).padStart(2, '0')}`;
    if (isWorkingDay(iso, holidays)) days.push(iso);
  }
  return days;
}

/** The Nth working day of a month, or null when the month has fewer. */
export function nthWorkingDay(month: string, n: number, holidays: ReadonlySet<string>): string | null {
  return workingDaysOfMonth(month, holidays)[n - 1] ?? null;
}

/** True when the London date of `instant` is the Nth working day of its month. */
export function isNthWorkingDay(instant: Date, n: number, holidays: ReadonlySet<string>): boolean {
  const today = londonDay(instant);
  return nthWorkingDay(today.slice(0, 7), n, holidays) === today;
}

/**
 * True on a working day that is the Nth working day of its month or later: a version approved
 * after the distribution day still goes out the next working morning instead of waiting a month.
 */
export function isOnOrAfterNthWorkingDay(instant: Date, n: number, holidays: ReadonlySet<string>): boolean {
  const today = londonDay(instant);
  const nth = nthWorkingDay(today.slice(0, 7), n, holidays);
  return nth !== null && isWorkingDay(today, holidays) && today >= nth;
}

export function holidaySet(list: BankHolidays): Set<string> {
  return new Set(list.dates.map((d) => d.date));
}

/** A bank-holiday file officers edited into something unusable: which file, and what is wrong. */
export class BankHolidaysError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}; each entry needs a date (YYYY-MM-DD) and a title, as GOV.UK's bank-holidays.json has them.`);
    this.name = 'BankHolidaysError';
  }
}

/** The dates of a bank-holidays.json text (`file` names it in errors). */
export function parseBankHolidays(text: string, file: string): Set<string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BankHolidaysError(file, 'is not valid JSON');
  }
  const parsed = bankHolidaysSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BankHolidaysError(file, `${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  return holidaySet(parsed.data);
}

/** The month before `YYYY-MM`: a pack sent in December reports November. */
export function previousMonth(month: string): string {
  return addMonths(month, -1);
}
