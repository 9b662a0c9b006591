/**
 * A file that validation accepts never makes the measures fail (issue 11: finance amounts of 309
 * digits passed validation and then broke every later ingest in big.js). Uploads are generated as
 * CSV text with extreme but valid values — the longest numbers the spec allows, dates a century
 * apart, a reporting period of decades, people aged 0 to 130 — and go through the real
 * validation; whatever it accepts must compute.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOf } from '../../../functions/core/calendar/days.ts';
import { computeMeasures } from '../../../functions/core/measures/compute.ts';
import type { FinanceData, PopulationRow, ProvidersData } from '../../../functions/core/uploads/parsed.ts';
import { csvText, EVENT_COLUMNS, validateText, BASE_EVENT, type EventColumn } from '../uploads/fixtures.ts';
import { day } from './builder.ts';

const NUMBERS = ['0', '0.0001', '12.5', '99999999999.9999', '999999999999999', '0.0000', '1'];
const POUNDS = ['0', '-999999999999.99', '999999999999.99', '0.01', '-0.01', '123456789012.5'];
const END = '2021-11-30';
const START = fc.constantFrom('2021-11-01', '2020-12-01', '1971-01-01');
/** Days before the period end: from the same day to 110 years. */
const BEFORE = fc.oneof(fc.constantFrom(0, 1, 7, 91, 365, 366), fc.integer({ min: 0, max: 40_000 }));
const before = (days: number) => isoOf(day(END) - days);
/** Ages from 0 to 130 over the events. */
const DOBS = ['1891-12-01', '1940-02-29', '2003-11-30', '2021-11-01'];

const eventRow = fc.record({
  person: fc.nat(3),
  type: fc.constantFrom('Request', 'Assessment', 'Service', 'Review'),
  client: fc.constantFrom('Service user', 'Unpaid carer'),
  start: BEFORE,
  length: fc.option(fc.constantFrom(0, 1, 7, 365, 40_000), { nil: null }),
  serviceType: fc.constantFrom('Long term support: Community', 'Long term support: Nursing care', 'Short term support: ST-Max', 'Unpaid carer support: Direct to unpaid carer'),
  component: fc.constantFrom('', 'Short term residential care', 'Equipment', 'Home care'),
  units: fc.constantFrom('', ...NUMBERS),
  cost: fc.constantFrom('', ...NUMBERS),
  outcome: fc.constantFrom('NFA: Support ended as planned', 'Progress to reablement/ST-Max', 'Continuation of support or services', 'NFA: Deceased'),
});

type EventSpec = typeof eventRow extends fc.Arbitrary<infer T> ? T : never;

function eventsCsv(periodStart: string, rows: EventSpec[]): string {
  const lines = rows.map((r) => {
    // Never before the person's birth (that file would be rejected, and so prove nothing).
    const start = isoOf(Math.max(day(DOBS[r.person]) + 1, day(before(r.start))));
    const open = r.type === 'Service' && r.length === null;
    const end = open ? '' : isoOf(Math.min(day(END), day(start) + (r.length ?? 0)));
    const fields: Record<EventColumn, string> = {
      ...BASE_EVENT,
      reporting_period_start_date: periodStart,
      reporting_period_end_date: END,
      la_person_unique_identifier: `P${r.person}`,
      nhs_number: '',
      date_of_birth: DOBS[r.person],
      client_type: r.client,
      event_type: r.type,
      event_start_date: start,
      event_end_date: end,
      event_outcome: open ? '' : r.outcome,
      assessment_type: r.type === 'Assessment' ? 'Long term assessment' : '',
      service_type: r.type === 'Service' ? r.serviceType : '',
      service_component: r.type === 'Service' ? r.component : '',
      planned_units_per_week: r.units,
      unit_cost: r.cost,
    };
    return EVENT_COLUMNS.map((c) => fields[c]);
  });
  return csvText(EVENT_COLUMNS, lines);
}

const financeCsv = (amounts: string[][]) =>
  csvText(['period', 'budget_line', 'annual_budget_gbp', 'forecast_outturn_gbp', 'savings_target_gbp', 'savings_delivered_gbp'], amounts.map((a, i) => ['2021-11', `Line ${i}`, ...a]));
const populationCsv = (counts: string[]) =>
  csvText(['la_code', 'year', 'age_band', 'population'], [['E08000018', '2021', '18-64', counts[0]], ['E08000018', '2021', '65+', counts[1]]]);
const providersCsv = (hours: string[]) =>
  csvText(['as_at_date', 'provider_id', 'provider_name', 'framework', 'tier', 'quality_rating', 'hours_per_week'], hours.map((h, i) => [END, `X${i}`, `Provider ${i}`, 'Home care and support', '1', 'Good', h]));

describe('an accepted upload never makes the measures fail', () => {
  it('whatever extreme but valid values the files hold (property)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        START,
        fc.array(eventRow, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(...Array.from({ length: 4 }, () => fc.constantFrom(...POUNDS))), { minLength: 1, maxLength: 3 }),
        fc.tuple(fc.constantFrom('1', '999999999999999', '250000'), fc.constantFrom('1', '999999999999999', '60000')),
        fc.array(fc.constantFrom('', ...NUMBERS), { minLength: 1, maxLength: 3 }),
        async (periodStart, rows, amounts, counts, hours) => {
          const events = await validateText('events', eventsCsv(periodStart, rows));
          if (events.data === null) return; // not accepted: nothing to compute
          accepted++;
          const finance = await validateText('finance', financeCsv(amounts));
          const population = await validateText('population', populationCsv(counts));
          const providers = await validateText('providers', providersCsv(hours));
          expect([finance.errors, population.errors, providers.errors]).toEqual([[], [], []]);
          const doc = computeMeasures({
            events: events.data,
            finance: [finance.data as FinanceData],
            population: population.data as PopulationRow[],
            providers: [providers.data as ProvidersData],
          });
          expect(doc.measures.length).toBeGreaterThan(0);
          for (const m of doc.measures) for (const p of m.series) expect(p.value === null || Number.isFinite(p.value)).toBe(true);
        },
      ),
      { seed: 1111, numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(40);
  }, 300_000);
});
