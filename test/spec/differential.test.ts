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
import { writeSample } from '../../functions/core/sample/index.ts';
import type { EventsData, PopulationRow } from '../../functions/core/uploads/parsed.ts';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { differences } from './compare.ts';
import { referenceEventMeasures } from './reference/index.ts';

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
    expect(differences(expected, ref)).toEqual([]);
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
