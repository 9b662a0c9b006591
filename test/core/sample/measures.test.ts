/**
 * The sample is realistic (cli.md `sample`): computed with the project's own measures engine,
 * a small sample (3,000 people, about 31,500 adults) lands near the orders of magnitude of a
 * council like Rotherham, with ranges loose enough for the noise of a council that small
 * (the default sample is checked by hand: see below). It also gives every measure of the
 * catalogue a value, so every card has something to show.
 *
 * Default sample (seed 1, 20,000 people, 2021-11, 36 months; 19,970 people, 52,112 rows,
 * 210,305 adults), computeMeasures, mean over the months with a value (latest month):
 * ASSESS_LT 80.1 per 100k a month (76.6) · REVIEWS_UTD 53.6% (50.7) · DIRECT_PAYMENTS 26.3%
 * (26.2) · ADMISSIONS_65P 444.7 per 100k a year (456.1) · ADMISSIONS_18_64 10.2 (10.2) ·
 * STMAX_NO_FURTHER 79.1% · SDS 88.4% · FPOC 34.4% · REQ_TO_ASSESS 28.9% · WAIT_ASSESS_DAYS 36.8 ·
 * LTS_CLIENTS 4,217 · CARER_ASSESS 65 a month · WAITING_ASSESS 217 · HOMECARE_HOURS 19,764.5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../../functions/core/measures/compute.ts';
import type { MeasuresDocument } from '../../../functions/core/measures/document.ts';
import { sampleBytes, validateAll } from './fixture.ts';

let doc: MeasuresDocument;

beforeAll(async () => {
  const r = await validateAll(sampleBytes({ seed: 1, people: 3000 }));
  doc = computeMeasures({
    events: r.events.data!,
    population: r.population.data!,
    targets: r.targets.data!,
    benchmarks: r.benchmarks.data!,
    waiting: [r.waiting.data!],
    finance: [r.finance.data!],
    providers: [r.providers.data!],
    commentary: r.commentary.data!,
  });
});

function values(id: string): number[] {
  const m = doc.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m.series.map((p) => p.value).filter((v): v is number => v !== null);
}

const CLD_WAITS = ['CLD_WAIT_RESPONSE_25_64', 'CLD_WAIT_RESPONSE_65', 'CLD_WAIT_SERVICE_25_64', 'CLD_WAIT_SERVICE_65'];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('sample magnitudes', () => {
  it('has about 80 long term assessments per 100,000 adults a month', () => {
    const v = values('ASSESS_LT');
    expect(v).toHaveLength(36);
    expect(mean(v)).toBeGreaterThan(65);
    expect(mean(v)).toBeLessThan(95);
  });

  it('has about half of long term clients reviewed in the last 12 months', () => {
    // Look-back: the first 11 months of a 36-month window have no value.
    const v = values('REVIEWS_UTD');
    expect(v).toHaveLength(25);
    expect(mean(v)).toBeGreaterThan(42);
    expect(mean(v)).toBeLessThan(62);
  });

  it('has about a quarter of community clients on direct payments', () => {
    const v = values('DIRECT_PAYMENTS');
    expect(mean(v)).toBeGreaterThan(18);
    expect(mean(v)).toBeLessThan(34);
  });

  it('has around 450 permanent admissions of people 65+ per 100,000 a year', () => {
    // Look-back of two years: the last 13 months have a value.
    const v = values('ADMISSIONS_65P');
    expect(v).toHaveLength(13);
    expect(mean(v)).toBeGreaterThan(300);
    expect(mean(v)).toBeLessThan(620);
  });

  it('keeps the other rates in the seeds\u2019 ranges', () => {
    expect(mean(values('FPOC'))).toBeGreaterThan(25);
    expect(mean(values('FPOC'))).toBeLessThan(50);
    expect(mean(values('STMAX_NO_FURTHER'))).toBeGreaterThan(68);
    expect(mean(values('STMAX_NO_FURTHER'))).toBeLessThan(90);
    expect(mean(values('SDS'))).toBeGreaterThan(80);
    expect(mean(values('ADMISSIONS_18_64'))).toBeLessThan(40);
    expect(mean(values('WAIT_ASSESS_DAYS'))).toBeGreaterThan(14);
    expect(mean(values('WAIT_ASSESS_DAYS'))).toBeLessThan(70);
  });

  it('gives every measure of the catalogue a value for the latest month, but DHSC\'s CLD waiting times', () => {
    // DHSC counts requests from 1 April 2023 only (ascof/METHOD.md): a sample ending in 2021 has none.
    const missing = doc.measures.filter((m) => m.latest.value === null).map((m) => `${m.id}: ${m.series.at(-1)?.reason}`);
    expect(missing).toEqual(CLD_WAITS.map((id) => `${id}: before Client Level Data began (April 2023)`));
  });

  it('gives DHSC\'s CLD waiting times values of days to weeks when the sample ends in November 2025', async () => {
    const r = await validateAll(sampleBytes({ seed: 1, people: 3000, end: '2025-11' }));
    const later = computeMeasures({ events: r.events.data!, population: r.population.data! });
    for (const id of CLD_WAITS) {
      const m = later.measures.find((x) => x.id === id)!;
      // Look-back of a year: the last 13 months of the 36 have a value.
      expect(m.series.filter((p) => p.value !== null), id).toHaveLength(13);
      expect(m.latest.value, id).toBeGreaterThan(2);
      expect(m.latest.value, id).toBeLessThan(40);
    }
  });

  it('gives targets and benchmarks that the engine places beside the latest month', () => {
    for (const m of doc.measures) expect(m.latest.target, m.id).not.toBeNull();
    const benchmarked = doc.measures.filter((m) => (m.latest as { benchmarks?: unknown[] }).benchmarks?.length);
    expect(benchmarked.map((m) => m.id)).toEqual(
      expect.arrayContaining(['ASSESS_LT', 'REVIEWS_UTD', 'ADMISSIONS_65P', 'STMAX_NO_FURTHER', 'DIRECT_PAYMENTS', 'PROVIDERS_GOOD']),
    );
  });
});
