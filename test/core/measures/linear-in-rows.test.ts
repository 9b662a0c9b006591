/**
 * Every measure is linear (or n log n) in rows, also when the rows are one person's (issue 11:
 * REVIEWS_REDUCED took 77 s for one person's 60,000 rows). Work is counted, not timed: each
 * read of a row's `start` is counted while one measure computes, for one person with n rows of
 * every kind and with 4n; quadratic work grows 16-fold, n log n under 5-fold.
 */
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../../functions/core/measures/compute.ts';
import { CATALOGUE } from '../../../functions/core/measures/catalogue/index.ts';
import type { ServiceType } from '../../../functions/core/uploads/code-lists.ts';
import type { EventsData } from '../../../functions/core/uploads/parsed.ts';
import { isoOf } from '../../../functions/core/calendar/days.ts';
import { day, events, type RowSpec } from './builder.ts';

const SERVICE_TYPES: ServiceType[] = ['Long term support: Community', 'Long term support: Residential care', 'Long term support: Nursing care', 'Short term support: ST-Max'];
const PERIOD = { start: '2018-12-01', end: '2021-11-30' };
const SPAN = 1094; // days from the period's start to its end

/**
 * One person with `n` services (open, closed, residential, reablement), `n` reviews, and n/2
 * requests and assessments; their gender, ethnicity and support reason change from row to row, so
 * the equity breakdowns look up the person's attributes for every month.
 */
function onePerson(n: number): EventsData {
  const rows: RowSpec[] = [];
  const attributes = (i: number) => ({ gender: i % 3 ? 'Female' : null, ethnicity: i % 2 ? 'White: Irish' : 'Refused', psr: `Reason ${i % 5}` });
  const at = (i: number, of: number, plus = 0) => isoOf(day(PERIOD.start) + Math.min(SPAN, Math.floor((i * SPAN) / of) + plus));
  for (let i = 0; i < n; i++) {
    rows.push({
      person: 'P1',
      type: 'Service',
      start: at(i, n),
      end: i % 10 === 0 ? null : at(i, n, 20 + (i % 50)),
      outcome: i % 10 === 0 ? null : 'NFA: Support ended as planned',
      serviceType: SERVICE_TYPES[i % SERVICE_TYPES.length],
      component: `Support ${i}`,
      units: '10',
      cost: `${10 + (i % 90)}.5`,
      ...attributes(i),
    });
    rows.push({ person: 'P1', type: 'Review', start: at(i, n), end: at(i, n, 5), outcome: 'Continuation of support or services', route: `r${i}`, ...attributes(i + 1) });
    if (i % 2 === 0) {
      rows.push({ person: 'P1', type: 'Request', start: at(i, n), end: at(i, n, 2), outcome: 'Progress to assessment, review or reassessment', route: `q${i}` });
      rows.push({ person: 'P1', type: 'Assessment', start: at(i, n, 3), end: at(i, n, 9), assessmentType: 'Long term assessment', outcome: 'Progress to support planning or services', route: `a${i}` });
    }
  }
  // Rows arrive newest first: an extract sorted the other way must not cost more.
  return events({ ...PERIOD, dob: { P1: '1940-05-05' } }, rows.reverse());
}

/** Reads of `start` while `compute` runs on `data`. */
function startReads(data: EventsData, compute: (d: EventsData) => void): number {
  let reads = 0;
  for (const row of data.events) {
    const start = row.start;
    Object.defineProperty(row, 'start', { get: () => (reads++, start), enumerable: true });
  }
  compute(data);
  return reads;
}

/** One person's `n` care home stays, all starting on one day (a bulk-loaded history). */
function sameDayStays(n: number): EventsData {
  const stays: RowSpec[] = Array.from({ length: n }, (_, i) => ({
    person: 'P1', type: 'Service', start: '2020-06-01', end: null, serviceType: 'Long term support: Residential care', component: `Residential room ${i}`, units: '1', cost: '900',
  }));
  return events({ ...PERIOD, dob: { P1: '1940-05-05' } }, stays);
}

/** One person's `n` separate reablement episodes 20 days apart (more than 7 days between, so never one cluster), every fourth followed by short long term support (ASCOF 2A's sequels). */
function manyEpisodes(n: number): EventsData {
  const rows: RowSpec[] = [];
  const back = (days: number) => isoOf(day(PERIOD.end) - days);
  for (let i = 0; i < n; i++) {
    const start = 20 * i + 20;
    rows.push({ person: 'P1', type: 'Service', start: back(start), end: back(start - 3), outcome: 'NFA: Support ended as planned', serviceType: 'Short term support: ST-Max', component: 'Reablement' });
    if (i % 4 === 0) rows.push({ person: 'P1', type: 'Service', start: back(start - 5), end: back(start - 7), outcome: 'NFA: Support ended as planned', serviceType: 'Long term support: Community', component: `Home care ${i}` });
  }
  return events({ ...PERIOD, dob: { P1: '1930-05-05' } }, rows);
}

/**
 * One person's `n` requests from April 2023 (DHSC's CLD waiting times drop earlier ones), each
 * answered by an assessment that ends the request (no further action), then one open service:
 * every request is linked to its next assessment and to that last service.
 */
function manyRequests(n: number): EventsData {
  const period = { start: '2022-12-01', end: '2025-11-30' };
  const first = day('2023-04-01');
  const span = day(period.end) - first - 10;
  const at = (i: number, plus = 0) => isoOf(first + Math.floor((i * span) / n) + plus);
  const rows: RowSpec[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({ person: 'P1', type: 'Request', start: at(i), end: at(i), outcome: 'Progress to assessment, review or reassessment', route: `q${i}` });
    rows.push({ person: 'P1', type: 'Assessment', start: at(i, 2), end: at(i, 4), assessmentType: 'Long term assessment', outcome: 'NFA: Support declined', route: `a${i}` });
  }
  rows.push({ person: 'P1', type: 'Service', start: at(n, 5), end: null, serviceType: 'Long term support: Community', component: 'Home care' });
  return events({ ...period, dob: { P1: '1940-05-05' } }, rows.reverse());
}

/** Measures whose reads grow more than 6-fold from `small` to `large` (4 times the rows). */
function superlinear(small: EventsData, large: EventsData): Record<string, number> {
  const grows: Record<string, number> = {};
  for (const definition of CATALOGUE) {
    const run = (d: EventsData) => computeMeasures({ events: d }, {}, [definition]);
    const ratio = startReads(structuredClone(large), run) / Math.max(1, startReads(structuredClone(small), run));
    if (ratio > 6) grows[definition.id] = Math.round(ratio * 10) / 10;
  }
  return grows;
}

describe('measures are linear in rows, even for one person', () => {
  it('no measure\'s work grows more than n log n with one person\'s rows', () => {
    expect(superlinear(onePerson(500), onePerson(2000))).toEqual({});
  });

  it('nor with one person\'s stays that all start on one day', () => {
    expect(superlinear(sameDayStays(500), sameDayStays(2000))).toEqual({});
  });

  it('nor with one person\'s many separate reablement episodes', () => {
    expect(superlinear(manyEpisodes(250), manyEpisodes(1000))).toEqual({});
  });

  it('nor with one person\'s many requests, each linked to what follows it', () => {
    expect(superlinear(manyRequests(500), manyRequests(2000))).toEqual({});
  });

  it('one person with 20,000 services and 20,000 reviews computes every measure', () => {
    const data = onePerson(20_000);
    expect(data.events.length).toBe(60_000);
    const doc = computeMeasures({ events: data });
    const reduced = doc.measures.find((m) => m.id === 'REVIEWS_REDUCED')!;
    expect(reduced.series.some((p) => p.denominator !== null && Number(p.denominator) > 0)).toBe(true);
  }, 120_000);
});
