/**
 * What every measure reads, prepared once per run: duplicates removed, financial assessments
 * dropped, rows grouped by person, the covered months and the population lookup. Measures that
 * share work (a family such as SDS and DIRECT_PAYMENTS) share it through `memo`.
 */
import { ageOn, type Day, type MonthId, monthIdOf, partsOf } from '../calendar/days.ts';
import type { AgeBand, EventRow, MeasureInputs, Person } from '../uploads/parsed.ts';
import { coveredMonths, monthIndex, type MonthIndex } from './covered-months.ts';
import { isFinancialAssessment, removeDuplicates } from './dedupe.ts';
import { filterPersonRows, groupByPerson, type PersonRows } from './person-index.ts';
import { populationLookup, type PopulationLookup } from './population.ts';
import { isLts, isServiceUser } from './rows.ts';

export interface MeasureContext {
  inputs: MeasureInputs;
  laCode: string;
  /** Month of the reporting period end. */
  period: MonthId;
  periodStart: Day;
  periodEnd: Day;
  months: MonthIndex;
  persons: Person[];
  /** Rows left after duplicates and financial assessments are removed, in file order. */
  rows: EventRow[];
  /** Per person: every kept row; LTS rows; SU requests; SU reviews (each sorted by start). */
  allByPerson(): PersonRows;
  ltsByPerson(): PersonRows;
  suRequestsByPerson(): PersonRows;
  suReviewsByPerson(): PersonRows;
  population: PopulationLookup;
  /** Population of a band (or 18+ when band is null) for covered month i. */
  populationFor(monthIdx: number, band: AgeBand | null): number | null;
  age(person: number, on: Day): number;
  memo<T>(key: string, build: () => T): T;
}

export function buildContext(inputs: MeasureInputs): MeasureContext {
  const events = inputs.events;
  const kept = removeDuplicates(events);
  const rows: EventRow[] = [];
  for (const i of kept) {
    const row = events.events[i];
    if (!isFinancialAssessment(row)) rows.push(row);
  }
  const months = monthIndex(coveredMonths(events.reportingPeriodStart, events.reportingPeriodEnd));
  const population = populationLookup(inputs.population, events.laCode);
  const personCount = events.persons.length;
  const cache = new Map<string, unknown>();
  const memo = <T>(key: string, build: () => T): T => {
    if (!cache.has(key)) cache.set(key, build());
    return cache.get(key) as T;
  };
  const endYears = months.ends.map((d) => partsOf(d).year);
  const allByPerson = () => memo('by-person:all', () => groupByPerson(rows, personCount, () => true));
  // Dates of birth in a typed array: age is asked for millions of times on a large extract.
  const births = Int32Array.from(events.persons, (p) => p.dateOfBirth);
  return {
    inputs,
    laCode: events.laCode,
    period: monthIdOf(events.reportingPeriodEnd),
    periodStart: events.reportingPeriodStart,
    periodEnd: events.reportingPeriodEnd,
    months,
    persons: events.persons,
    rows,
    allByPerson,
    ltsByPerson: () => memo('by-person:lts', () => filterPersonRows(allByPerson(), isLts)),
    suRequestsByPerson: () =>
      memo('by-person:su-requests', () => filterPersonRows(allByPerson(), (r) => r.eventType === 'Request' && isServiceUser(r))),
    suReviewsByPerson: () =>
      memo('by-person:su-reviews', () => filterPersonRows(allByPerson(), (r) => r.eventType === 'Review' && isServiceUser(r))),
    population,
    populationFor(monthIdx, band) {
      const year = endYears[monthIdx];
      return band === null ? population.adults(year) : population.band(band, year);
    },
    age: (person, on) => ageOn(births[person], on),
    memo,
  };
}
