/**
 * Differential tests: the measures engine (functions/core/measures) against the independent,
 * naive reference of measures.md in test/spec/reference, on generated uploads (several seeds,
 * a window ending in a leap-year February, a short window) and on the golden pair.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../functions/core/measures/compute.ts';
import { writeSample } from '../../functions/adapters/sample-files.ts';
import type { EventsData, PopulationRow } from '../../functions/core/uploads/parsed.ts';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { differences } from './compare.ts';
import { boundaryEventsCsv, boundaryPopulationCsv } from './boundary-fixture.ts';
import { referenceEventMeasures, type RefMeasure, type RefPoint } from './reference/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const golden = path.resolve(root, '../shared/golden');

export async function parsedPair(eventsCsv: Uint8Array, populationCsv: Uint8Array): Promise<{ events: EventsData; population: PopulationRow[] }> {
  const events = await validateUpload('events', eventsCsv);
  const population = await validateUpload('population', populationCsv);
  expect(events.errors).toEqual([]);
  expect(population.errors).toEqual([]);
  return { events: events.data!, population: population.data! };
}

describe('the reference itself', () => {
  it('agrees with the golden measures an outside implementation computed', async () => {
    const { events, population } = await parsedPair(readFileSync(path.join(golden, 'events.csv')), readFileSync(path.join(golden, 'population.csv')));
    const expected = JSON.parse(readFileSync(path.join(golden, 'expected-measures.json'), 'utf8'));
    const ref = referenceEventMeasures(events, population);
    expect(Object.keys(ref).sort()).toEqual(expected.measures.map((m: { id: string }) => m.id).sort());
    expect(differences(expected, ref, true)).toEqual([]);
  });
});

const SAMPLES = [
  { seed: 11, people: 2500, end: '2021-11', months: 36 },
  { seed: 12, people: 1500, end: '2024-02', months: 30 },
  { seed: 13, people: 3000, end: '2020-02', months: 13 },
  { seed: 14, people: 2000, end: '2023-03', months: 25 },
];

describe('engine against reference on generated uploads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'differential-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const sample of SAMPLES) {
    it(`seed ${sample.seed}, ${sample.people} people, ${sample.months} months to ${sample.end}`, async () => {
      const out = path.join(dir, `s${sample.seed}`);
      await writeSample(out, sample);
      const { events, population } = await parsedPair(readFileSync(path.join(out, 'events.csv')), readFileSync(path.join(out, 'population.csv')));
      const ref = referenceEventMeasures(events, population);
      const doc = computeMeasures({ events, population });
      expect(differences(doc, ref).slice(0, 30)).toEqual([]);
      // Without population every rate says so, the same way in both.
      expect(differences(computeMeasures({ events }), referenceEventMeasures(events, [])).slice(0, 30)).toEqual([]);
    });
  }
});

describe('engine against reference on hand-made boundary cases', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const feb = (ref: Record<string, RefMeasure>, id: string, breakdown?: string) => {
    const series = breakdown ? ref[id].breakdowns[breakdown] : ref[id].series;
    return series.find((p) => p.month === '2024-02');
  };
  const nd = (p: RefPoint | undefined) => p && [p.numerator, p.denominator, p.value, p.reason];

  it('period from 2022-03-01: every field agrees, and February 2024 is as worked out by hand', async () => {
    const { events, population } = await parsedPair(enc(boundaryEventsCsv('2022-03-01')), enc(boundaryPopulationCsv()));
    const ref = referenceEventMeasures(events, population);
    expect(differences(computeMeasures({ events, population }), ref)).toEqual([]);
    expect(ref.REQ_NEW.series[0].month).toBe('2022-03');
    expect(nd(feb(ref, 'REQ_NEW'))).toEqual([3, 2_000_000, 0.2, null]);
    expect(nd(feb(ref, 'FPOC'))).toEqual([2, 3, 66.7, null]);
    expect(nd(feb(ref, 'REQ_TO_ASSESS'))).toEqual([0, 3, 0, null]);
    expect(nd(feb(ref, 'ASSESS_LT'))).toEqual([2, 2_000_000, 0.1, null]);
    expect(feb(ref, 'ASSESS_LT')!.ytd).toEqual({ numerator: 3, value: 0.2, reason: null });
    expect(nd(feb(ref, 'ASSESS_NO_SERVICE'))).toEqual([0, 1, 0, null]);
    expect(nd(feb(ref, 'WAIT_ASSESS_DAYS'))).toEqual([2, null, 31, null]);
    expect(nd(feb(ref, 'CARER_ASSESS'))).toEqual([2, null, 2, null]);
    expect(nd(feb(ref, 'REVIEWS_REDUCED'))).toEqual([2, 3, 66.7, null]);
    expect(nd(feb(ref, 'REVIEWS_REDUCED', '18-64'))).toEqual([1, 1, 100, null]);
    expect(nd(feb(ref, 'REVIEWS_REDUCED', '65+'))).toEqual([1, 2, 50, null]);
    expect(nd(feb(ref, 'REVIEWS_UTD'))).toEqual([4, 9, 44.4, null]);
    expect(nd(feb(ref, 'LTS_CLIENTS'))).toEqual([16, null, 16, null]);
    expect(nd(feb(ref, 'LTS_CLIENTS', 'residential'))).toEqual([3, null, 3, null]);
    expect(nd(feb(ref, 'LTS_CLIENTS', 'community'))).toEqual([13, null, 13, null]);
    expect(nd(feb(ref, 'SDS'))).toEqual([3, 14, 21.4, null]);
    expect(nd(feb(ref, 'DIRECT_PAYMENTS'))).toEqual([2, 14, 14.3, null]);
    expect(nd(feb(ref, 'SETTLED_ACCOM'))).toEqual([3, 16, 18.8, null]);
    expect(nd(feb(ref, 'ADMISSIONS_18_64'))).toEqual([1, 1_000_000, 0.1, null]);
    expect(nd(feb(ref, 'ADMISSIONS_65P'))).toEqual([2, 1_000_000, 0.2, null]);
    expect(nd(feb(ref, 'STMAX_NO_FURTHER'))).toEqual([2, 3, 66.7, null]);
  });

  it('period from 2022-03-02: the first month is April and the 29 February look-back of admissions falls short', async () => {
    const { events, population } = await parsedPair(enc(boundaryEventsCsv('2022-03-02')), enc(boundaryPopulationCsv()));
    const ref = referenceEventMeasures(events, population);
    expect(differences(computeMeasures({ events, population }), ref)).toEqual([]);
    expect(ref.REQ_NEW.series[0].month).toBe('2022-04');
    expect(nd(feb(ref, 'ADMISSIONS_65P'))).toEqual([null, null, null, 'insufficient history']);
    expect(ref.ADMISSIONS_65P.series.at(-1)!.reason).toBeNull();
    expect(nd(feb(ref, 'REVIEWS_UTD'))).toEqual([4, 9, 44.4, null]);
  });

  it('a population with only the 18-64 band: 18+ rates and the 65+ rate say no population', async () => {
    const { events, population } = await parsedPair(enc(boundaryEventsCsv('2022-03-01')), enc(boundaryPopulationCsv(['18-64'])));
    const ref = referenceEventMeasures(events, population);
    expect(differences(computeMeasures({ events, population }), ref)).toEqual([]);
    expect(feb(ref, 'REQ_NEW')!.reason).toBe('no population');
    expect(feb(ref, 'ASSESS_LT')!.ytd!.reason).toBe('no population');
    expect(feb(ref, 'ADMISSIONS_65P')!.reason).toBe('no population');
    expect(nd(feb(ref, 'ADMISSIONS_18_64'))).toEqual([1, 1_000_000, 0.1, null]);
  });

  it('a period ending in February 2024 (a leap month end as the latest month)', async () => {
    const { events, population } = await parsedPair(enc(boundaryEventsCsv('2022-03-01', '2024-02-29').replace(/^.*2024-03-\d\d.*\n/gm, '')), enc(boundaryPopulationCsv()));
    const ref = referenceEventMeasures(events, population);
    expect(ref.REQ_NEW.series.at(-1)!.month).toBe('2024-02');
    expect(differences(computeMeasures({ events, population }), ref)).toEqual([]);
  });
});
