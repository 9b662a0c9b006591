/**
 * Differential tests of the snapshot measures (waiting, finance, providers): the engine against
 * the reference in test/spec/reference/snapshots.ts, on generated files of two months and on
 * hand-made files with negative amounts, blank targets, a provider in two frameworks, framework
 * wording in another case, a waiting list with no assessments and one with nothing rated.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../functions/core/measures/compute.ts';
import type { MeasuresDocument } from '../../functions/core/measures/document.ts';
import { writeSample } from '../../functions/adapters/sample-files.ts';
import type { ParsedUpload } from '../../functions/core/uploads/validate-upload.ts';
import { validateUpload } from '../../functions/core/uploads/validate-upload.ts';
import { boundaryEventsCsv } from './boundary-fixture.ts';
import { budgetVariance, homecareHours, providersGood, savingsDelivered, waitingAssess, type RefSnapshotPoint } from './reference/snapshots.ts';

async function parse<K extends 'events' | 'waiting' | 'finance' | 'providers'>(kind: K, bytes: string | Uint8Array): Promise<ParsedUpload[K]> {
  const result = await validateUpload(kind, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  expect(result.errors).toEqual([]);
  return result.data!;
}

/** Decimal text without trailing zeros, so `83156.80` and 83156.8 compare equal. */
const plain = (v: number | string | null | undefined) => (v === null || v === undefined ? null : String(v).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));

function comparable(points: { month: string; value: number | null; numerator: number | string | null; denominator: number | string | null; reason: string | null; medianDays?: number | null; numeratorText?: string }[], withMedian: boolean) {
  return points.map((p) => ({
    month: p.month,
    value: p.value,
    numerator: plain(p.numeratorText ?? p.numerator),
    denominator: plain(p.denominator),
    reason: p.reason,
    ...(withMedian ? { medianDays: p.medianDays ?? null } : {}),
  }));
}

function expectSame(doc: MeasuresDocument, id: string, ref: RefSnapshotPoint[]): void {
  const mine = doc.measures.find((m) => m.id === id)!;
  expect(comparable(mine.series, id === 'WAITING_ASSESS'), id).toEqual(comparable(ref, id === 'WAITING_ASSESS'));
}

const WAITING_EDGE = `la_code,la_person_unique_identifier,date_of_birth,waiting_for,request_date,as_at_date
E08000018,A,1950-01-01,Assessment,2023-10-01,2023-10-31
E08000018,B,1950-01-01, assessment ,2023-10-30,2023-10-31
E08000018,C,1950-01-01,Review,2023-01-30,2023-10-31
`;
const WAITING_NONE = `la_code,la_person_unique_identifier,date_of_birth,waiting_for,request_date,as_at_date
E08000018,C,1950-01-01,Review,2023-08-30,2023-09-30
`;
const FINANCE_EDGE = `period,budget_line,annual_budget_gbp,forecast_outturn_gbp,savings_target_gbp,savings_delivered_gbp
2023-10,A,100.10,-50.05,,5
2023-10,B,0.2,0.1,5,-1.51
2023-10,C,0.1,0.2,-1,0.5
`;
const FINANCE_NO_TARGET = `period,budget_line,annual_budget_gbp,forecast_outturn_gbp,savings_target_gbp,savings_delivered_gbp
2023-09,A,0.1,0.3,,1
`;
const PROVIDERS_EDGE = `as_at_date,provider_id,provider_name,framework,tier,quality_rating,hours_per_week
2023-10-31,P1,X,Home care and support,1,Good,0.1
2023-10-31,P1,X,Residential,1,Poor,5
2023-10-31,P2,Y,HOME CARE  and support,2,Not yet rated,0.2
2023-10-31,P3,Z,Home care,2,Excellent,
`;
const PROVIDERS_UNRATED = `as_at_date,provider_id,provider_name,framework,tier,quality_rating,hours_per_week
2023-09-30,P9,Q,Home care and support,1,Not yet rated,
`;

describe('snapshot measures: engine against reference', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generated files of two months', async () => {
    const files = { waiting: [], finance: [], providers: [] } as { waiting: ParsedUpload['waiting'][]; finance: ParsedUpload['finance'][]; providers: ParsedUpload['providers'][] };
    let events: ParsedUpload['events'] | undefined;
    for (const [i, end] of ['2021-10', '2021-11'].entries()) {
      const out = path.join(dir, end);
      await writeSample(out, { seed: 31 + i, people: 1500, end, months: 13 });
      events = await parse('events', readFileSync(path.join(out, 'events.csv')));
      files.waiting.push(await parse('waiting', readFileSync(path.join(out, 'waiting.csv'))));
      files.finance.push(await parse('finance', readFileSync(path.join(out, 'finance.csv'))));
      files.providers.push(await parse('providers', readFileSync(path.join(out, 'providers.csv'))));
    }
    // Newest first, to show the series is by month whatever the order of the files.
    const doc = computeMeasures({ events: events!, waiting: files.waiting.reverse(), finance: files.finance.reverse(), providers: files.providers.reverse() });
    expectSame(doc, 'WAITING_ASSESS', waitingAssess(files.waiting));
    expectSame(doc, 'BUDGET_VARIANCE', budgetVariance(files.finance));
    expectSame(doc, 'SAVINGS_DELIVERED', savingsDelivered(files.finance));
    expectSame(doc, 'PROVIDERS_GOOD', providersGood(files.providers));
    expectSame(doc, 'HOMECARE_HOURS', homecareHours(files.providers));
    expect(doc.measures.find((m) => m.id === 'WAITING_ASSESS')!.series.map((p) => p.month)).toEqual(['2021-10', '2021-11']);
  });

  it('hand-made edge files', async () => {
    const events = await parse('events', boundaryEventsCsv('2022-03-01'));
    const waiting = [await parse('waiting', WAITING_EDGE), await parse('waiting', WAITING_NONE)];
    const finance = [await parse('finance', FINANCE_EDGE), await parse('finance', FINANCE_NO_TARGET)];
    const providers = [await parse('providers', PROVIDERS_EDGE), await parse('providers', PROVIDERS_UNRATED)];
    const doc = computeMeasures({ events, waiting, finance, providers });
    const ref = {
      WAITING_ASSESS: waitingAssess(waiting),
      BUDGET_VARIANCE: budgetVariance(finance),
      SAVINGS_DELIVERED: savingsDelivered(finance),
      PROVIDERS_GOOD: providersGood(providers),
      HOMECARE_HOURS: homecareHours(providers),
    };
    for (const [id, points] of Object.entries(ref)) expectSame(doc, id, points);
    // Worked by hand: two waits of 30 and 1 days; −150.15; −1.01 of 4 is −25.25% → −25.3
    // (half away from zero); P1 rated Good in one framework counts as good; 0.1 + 0.2 hours.
    expect(ref.WAITING_ASSESS.at(-1)).toMatchObject({ month: '2023-10', value: 2, medianDays: 15.5 });
    expect(ref.WAITING_ASSESS[0]).toMatchObject({ month: '2023-09', value: 0, medianDays: null });
    expect(ref.BUDGET_VARIANCE.at(-1)).toMatchObject({ value: -150.15, numerator: '-150.15' });
    expect(ref.SAVINGS_DELIVERED.at(-1)).toMatchObject({ value: -25.3, numerator: '-1.01', denominator: '4' });
    expect(ref.SAVINGS_DELIVERED[0]).toMatchObject({ value: null, reason: 'no denominator' });
    expect(ref.PROVIDERS_GOOD.at(-1)).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
    expect(ref.PROVIDERS_GOOD[0]).toMatchObject({ value: null, reason: 'no denominator' });
    expect(ref.HOMECARE_HOURS.at(-1)).toMatchObject({ value: 0.3, numerator: '0.3' });
  });
});
