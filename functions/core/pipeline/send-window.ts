/**
 * When a month's pack can still reach its committee. The schedule fires each working morning at
 * the deployment's time (EventBridge Scheduler: cron hour and minute in the schedule's time zone,
 * Europe/London in cdk.json) and sends only last month's packs (working-day.ts), from the pack's
 * distribution day to the last working day of that month. After that no approval sends it, so
 * the preview must say the last day, not "the next working morning" for ever.
 */
import { addMonths } from '../calendar/days.ts';
import { londonDay, nthWorkingDay, workingDaysOfMonth } from './working-days.ts';

/** The schedule's time of day (`HH:MM`) in its time zone (an IANA name). */
export interface DistributionTime {
  time: string;
  timeZone: string;
}

export interface SendDay {
  /** `YYYY-MM-DD` on the UK calendar. */
  day: string;
  /** The run's clock time in the UK on that day (`07:00`), or null when the deployment did not say. */
  ukTime: string | null;
}

export interface SendWindow {
  first: SendDay;
  last: SendDay;
  /** Before the first send, between the first and the last, or after the last (nothing will send it). */
  stage: 'before' | 'between' | 'after';
}

/** An IANA zone name Intl knows (`Europe/London`, `UTC`); abbreviations such as `BST` are refused. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

const parts = (instant: Date, timeZone: string) =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant the wall-clock `time` on `day` names in `timeZone` (the offset taken at that instant, so clock changes count). */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const guess = wall - offsetMs(new Date(wall), timeZone);
  return new Date(wall - offsetMs(new Date(guess), timeZone));
}

function sendDay(day: string, t: DistributionTime | undefined): SendDay & { at: Date | null } {
  if (!t) return { day, ukTime: null, at: null };
  const at = zonedInstant(day, t.time, t.timeZone);
  const p = parts(at, 'Europe/London');
  return { day: londonDay(at), ukTime: `${p.hour}:${p.minute}`, at };
}

/**
 * The send window of `period`'s pack due on its `workingDay`th working day of the month after, as
 * seen at `now`. Without a time the day itself counts as gone (its run has almost always been).
 */
export function sendWindow(period: string, workingDay: number, holidays: ReadonlySet<string>, now: Date, t?: DistributionTime): SendWindow | null {
  const month = addMonths(period, 1);
  const firstDay = nthWorkingDay(month, workingDay, holidays);
  const lastDay = workingDaysOfMonth(month, holidays).at(-1);
  if (!firstDay || !lastDay) return null;
  const first = sendDay(firstDay, t);
  const last = sendDay(lastDay, t);
  const today = londonDay(now);
  const gone = (s: typeof first) => (s.at ? now.getTime() >= s.at.getTime() : today >= s.day);
  const stage = gone(last) ? 'after' : gone(first) ? 'between' : 'before';
  return { first: { day: first.day, ukTime: first.ukTime }, last: { day: last.day, ukTime: last.ukTime }, stage };
}
