/**
 * DHSC runs each ASCOF procedure with @ReportingPeriodStartDate and @ReportingPeriodEndDate; here
 * every covered month M is one such run, over the 12 calendar months ending M_end (the first day
 * of month M − 11 to M_end, so a leap day never shifts the window), on the whole upload.
 */
import { addMonths, type Day, dayOf, monthEnd, type MonthId, monthStart } from '../../../calendar/days.ts';
import type { SeriesPoint } from '../../document.ts';
import type { MeasureContext } from '../../context.ts';
import { insufficientHistory } from '../../points.ts';

export interface ReportingPeriod {
  start: Day;
  end: Day;
}

export function reportingPeriod(month: MonthId): ReportingPeriod {
  return { start: monthStart(addMonths(month, -11)), end: monthEnd(month) };
}

/**
 * One point per covered month: `insufficient history` unless the upload starts on or before the
 * reporting period start less `lookBackDays` (the days before the period DHSC's SQL reads).
 */
export function perPeriod(
  ctx: MeasureContext,
  lookBackDays: number | null,
  point: (month: MonthId, period: ReportingPeriod, monthIdx: number) => SeriesPoint,
): SeriesPoint[] {
  return ctx.months.months.map((month, i) => {
    const period = reportingPeriod(month);
    if (lookBackDays !== null && ctx.periodStart > period.start - lookBackDays) return insufficientHistory(month);
    return point(month, period, i);
  });
}

/** SQL's `COALESCE(Der_Event_End_Date, '9999-01-01')`: an open event ends after every real date. */
export const OPEN_END: Day = dayOf(9999, 1, 1);

export function endOrOpen(end: Day | null): Day {
  return end ?? OPEN_END;
}
