import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../functions/core/measures/catalogue/index.ts';
import { computeMeasures } from '../../../functions/core/measures/compute.ts';
import { measuresDocumentSchema } from '../../../functions/core/measures/document.ts';
import { CLIENT_TYPES, EVENT_OUTCOMES, SERVICE_TYPES, DELIVERY_MECHANISMS } from '../../../functions/core/uploads/code-lists.ts';
import type { EventRow, EventsData } from '../../../functions/core/uploads/parsed.ts';
import { day, events, inputs, population } from './builder.ts';

const PERIOD_START = day('2019-01-01');
const PERIOD_END = day('2021-12-31');

/** Random extracts: a few people, every event type, dates from a year before the period to its end. */
const rowArb = fc
  .record({
    person: fc.nat(7),
    eventType: fc.constantFrom('Request', 'Assessment', 'Service', 'Review'),
    clientType: fc.constantFrom(...CLIENT_TYPES, 'Service user', 'Service user'),
    start: fc.integer({ min: PERIOD_START - 400, max: PERIOD_END }),
    length: fc.option(fc.nat(500), { freq: 3 }),
    outcome: fc.constantFrom(...EVENT_OUTCOMES),
    assessmentType: fc.constantFrom('Long term assessment', 'Short term assessment', 'Financial assessment'),
    serviceType: fc.constantFrom(...SERVICE_TYPES, 'Long term support: Community', 'Long term support: Residential care'),
    component: fc.constantFrom(null, 'Short term residential care', 'Home care', 'Direct payment'),
    delivery: fc.constantFrom(null, ...DELIVERY_MECHANISMS),
    units: fc.constantFrom(null, '0', '1.5', '10'),
    cost: fc.constantFrom(null, '12.25', '20'),
    accommodation: fc.constantFrom(null, 'Tenant', 'Nursing home', 'Sheltered housing'),
  })
  .map((r): Omit<EventRow, 'row'> => {
    const isService = r.eventType === 'Service';
    const end = r.length === null && isService ? null : Math.min(PERIOD_END, r.start + (r.length ?? 0));
    return {
      person: r.person,
      eventType: r.eventType,
      clientType: r.clientType,
      start: r.start,
      end,
      outcome: end === null ? null : r.outcome,
      assessmentType: r.eventType === 'Assessment' ? r.assessmentType : null,
      serviceType: isService ? r.serviceType : null,
      serviceComponent: isService ? r.component : null,
      routeOfAccess: null,
      deliveryMechanism: isService ? r.delivery : null,
      plannedUnitsPerWeek: isService ? r.units : null,
      unitCost: isService ? r.cost : null,
      accommodationStatus: r.accommodation,
      gender: null,
      ethnicity: null,
      primarySupportReason: null,
    };
  });

const extractArb = fc.record({
  rows: fc.array(rowArb, { maxLength: 120 }),
  births: fc.array(fc.integer({ min: day('1930-01-01'), max: day('2005-01-01') }), { minLength: 8, maxLength: 8 }),
});

function extract(rows: Omit<EventRow, 'row'>[], births: number[]): EventsData {
  return {
    laCode: 'E08000018',
    reportingPeriodStart: PERIOD_START,
    reportingPeriodEnd: PERIOD_END,
    persons: births.map((dateOfBirth, i) => ({ id: `P${i}`, dateOfBirth: Math.min(dateOfBirth, ...rows.filter((r) => r.person === i).map((r) => r.start - 1)), dateOfDeath: null })),
    events: rows.map((r, i) => ({ ...r, row: i + 1 })),
  };
}

const pop = population({ 2019: [80_000, 20_000], 2020: [80_000, 20_000], 2021: [80_000, 20_000] });

describe('computeMeasures', () => {
  it('lists every catalogue measure, in order, valid against the document schema, whatever inputs are missing', () => {
    const doc = computeMeasures({ events: events({ start: '2021-01-01', end: '2021-03-31' }, []) });
    expect(measuresDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.measures.map((m) => m.id)).toEqual(CATALOGUE.map((m) => m.id));
    expect(doc.period).toBe('2021-03');
    const reqNew = doc.measures.find((m) => m.id === 'REQ_NEW')!;
    expect(reqNew.series.map((p) => p.reason)).toEqual(['no population', 'no population', 'no population']);
    expect(reqNew.latest).toMatchObject({ month: '2021-03', value: null, target: null, rag: null, direction: null });
    expect(reqNew.spc).toBeNull();
    expect(doc.measures.find((m) => m.id === 'WAITING_ASSESS')!.series).toEqual([
      { month: '2021-03', value: null, numerator: null, denominator: null, reason: 'no upload' },
    ]);
  });

  it('an extract covering no whole month still gives every measure', () => {
    const doc = computeMeasures(inputs(events({ start: '2021-03-02', end: '2021-03-31' }, [])));
    expect(measuresDocumentSchema.parse(doc).measures).toHaveLength(CATALOGUE.length);
    expect(doc.measures[0].series).toEqual([]);
    expect(doc.measures[0].latest.month).toBe('2021-03');
  });

  it('property: valid document; a percentage never has N > D; counts and rates are never negative', () => {
    fc.assert(
      fc.property(extractArb, ({ rows, births }) => {
        const doc = computeMeasures({ events: extract(rows, births), population: pop });
        measuresDocumentSchema.parse(doc);
        for (const m of doc.measures) {
          for (const series of [m.series, ...Object.values(m.breakdowns)]) {
            for (const p of series) {
              if (m.unit === 'percent' && p.numerator !== null && p.denominator !== null) expect(p.numerator).toBeLessThanOrEqual(p.denominator);
              if (m.unit === 'percent' && p.value !== null) expect(p.value).toBeLessThanOrEqual(100);
              if (p.value !== null && m.unit !== 'gbp') expect(p.value).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: shuffling rows changes nothing when file order cannot matter (no duplicates, no same-day ties)', () => {
    fc.assert(
      fc.property(extractArb, fc.array(fc.nat(), { minLength: 120, maxLength: 120 }), ({ rows, births }, keys) => {
        // File order decides only between duplicates and between a person's rows starting the same day.
        const seen = new Set<string>();
        const distinct = rows.filter((r) => {
          const key = `${r.person}|${r.start}`;
          return !seen.has(key) && seen.add(key);
        });
        const shuffled = distinct.map((r, i) => ({ r, k: keys[i] * 1000 + i })).sort((a, b) => a.k - b.k).map(({ r }) => r);
        const a = computeMeasures({ events: extract(distinct, births), population: pop });
        const b = computeMeasures({ events: extract(shuffled, births), population: pop });
        expect(b).toEqual(a);
      }),
      { numRuns: 40 },
    );
  });

  it('property: an exact copy of every row changes nothing (duplicates are removed first)', () => {
    fc.assert(
      fc.property(extractArb, ({ rows, births }) => {
        const once = computeMeasures({ events: extract(rows, births), population: pop });
        const twice = computeMeasures({ events: extract([...rows, ...rows], births), population: pop });
        expect(twice).toEqual(once);
      }),
      { numRuns: 40 },
    );
  });
});
