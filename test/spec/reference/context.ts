/** What every reference measure reads: deduplicated rows, by person, the covered months, population. */
import type { EventsData, PopulationRow } from '../../../functions/core/uploads/parsed.ts';
import { coveredMonths, iso, lastDayOf } from './dates.ts';
import { byPerson, dedupe, toRows, type Row } from './rows.ts';

export interface RefContext {
  laCode: string;
  periodStart: string;
  periodEnd: string;
  months: string[];
  rows: Row[];
  people: Map<string, Row[]>;
  population: PopulationRow[];
}

export function referenceContext(events: EventsData, population: PopulationRow[] = []): RefContext {
  const rows = dedupe(toRows(events));
  const periodStart = iso(events.reportingPeriodStart);
  const periodEnd = iso(events.reportingPeriodEnd);
  return {
    laCode: events.laCode,
    periodStart,
    periodEnd,
    months: coveredMonths(periodStart, periodEnd),
    rows,
    people: byPerson(rows),
    population,
  };
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

export { lastDayOf };
