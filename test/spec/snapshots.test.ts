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
import { budgetVariance, homecareHours, providersGood, savingsDelivered, waitingAssess, waitingFor, type RefSnapshotPoint } from './reference/snapshots.ts';

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
  const withMedian = id.startsWith('WAITING_');
  expect(comparable(mine.series, withMedian), id).toEqual(comparable(ref, withMedian));
}

/** The extra fields of BUDGET_VARIANCE and PROVIDERS_GOOD, compared as plain decimal text. */
function expectSameExtras(doc: MeasuresDocument, files: { finance: ParsedUpload['finance'][]; providers: ParsedUpload['providers'][] }): void {
  const budget = doc.measures.find((m) => m.id === 'BUDGET_VARIANCE')!.series;
  expect(budget.map((p) => ({
    afterMitigations: plain(p.afterMitigationsText),
    lines: p.lines!.map((l) => ({ budgetLine: l.budgetLine, budget: plain(l.budget), forecast: plain(l.forecast), variance: plain(l.variance), mitigations: plain(l.mitigations) })),
  }))).toEqual(budgetVariance(files.finance).map((p) => ({
    afterMitigations: plain(p.afterMitigations),
    lines: p.lines.map((l) => ({ budgetLine: l.budgetLine, budget: plain(l.budget), forecast: plain(l.forecast), variance: plain(l.variance), mitigations: plain(l.mitigations) })),
  })));
  const providers = doc.measures.find((m) => m.id === 'PROVIDERS_GOOD')!.series;
  expect(providers.map((p) => ({ byRating: p.byRating, hoursBelowGood: plain(p.hoursBelowGoodText) })))
    .toEqual(providersGood(files.providers).map((p) => ({ byRating: p.byRating, hoursBelowGood: plain(p.hoursBelowGood) })));
}

const WAITING_EDGE = `la_code,la_person_unique_identifier,date_of_birth,waiting_for,request_date,as_at_date
E08000018,A,1950-01-01,Assessment,2023-10-01,2023-10-31
E08000018,B,1950-01-01, assessment ,2023-10-30,2023-10-31
E08000018,C,1950-01-01,Review,2023-01-30,2023-10-31
`;
const WAITING_NONE = `la_code,la_person_unique_identifier,date_of_birth,waiting_for,request_date,as_at_date
E08000018,C,1950-01-01,Review,2023-08-30,2023-09-30
`;
const FINANCE_EDGE = `period,budget_line,annual_budget_gbp,forecast_outturn_gbp,savings_target_gbp,savings_delivered_gbp,mitigations_gbp
2023-10,A,100.10,-50.05,,5,0.25
2023-10,B,0.2,0.1,5,-1.51,
2023-10,C,0.1,0.2,-1,0.5,10
`;
const FINANCE_NO_TARGET = `period,budget_line,annual_budget_gbp,forecast_outturn_gbp,savings_target_gbp,savings_delivered_gbp
2023-09,A,0.1,0.3,,1
`;
const PROVIDERS_EDGE = `as_at_date,provider_id,provider_name,framework,tier,quality_rating,hours_per_week
2023-10-31,P1,X,Home care and support,1,Good,0.1
2023-10-31,P1,X,Residential,1,Poor,5
2023-10-31,P2,Y,HOME CARE  and support,2,Not yet rated,0.2
2023-10-31,P3,Z,Home care,2,Excellent,
2023-10-31,P4,W,home care and support,2,inadequate,7.5
2023-10-31,P5,V,Home care and support,1,Outstanding,1
`;
/** Three months in one file; a later file replaces its 2023-09 whole. */
const WAITING_HISTORY = `la_code,la_person_unique_identifier,date_of_birth,waiting_for,request_date,as_at_date
E08000018,A,1950-01-01,Assessment,2023-07-01,2023-07-31
E08000018,A,1950-01-01,Assessment,2023-07-01,2023-08-31
E08000018,B,1950-01-01,Service,2023-08-01,2023-08-31
E08000018,A,1950-01-01,Review,2023-09-01,2023-09-30
E08000018,B,1950-01-01,Assessment,2023-09-01,2023-09-30
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
    // Each sample file holds many months, so the two overlap: the newer (second) wins each shared month.
    const doc = computeMeasures({ events: events!, ...files });
    expectSame(doc, 'WAITING_ASSESS', waitingAssess(files.waiting));
    expectSame(doc, 'WAITING_REVIEW', waitingFor(files.waiting, 'Review'));
    expectSame(doc, 'WAITING_SERVICE', waitingFor(files.waiting, 'Service'));
    expectSameExtras(doc, files);
    expectSame(doc, 'BUDGET_VARIANCE', budgetVariance(files.finance));
    expectSame(doc, 'SAVINGS_DELIVERED', savingsDelivered(files.finance));
    expectSame(doc, 'PROVIDERS_GOOD', providersGood(files.providers));
    expectSame(doc, 'HOMECARE_HOURS', homecareHours(files.providers));
    const months = doc.measures.find((m) => m.id === 'WAITING_ASSESS')!.series.map((p) => p.month);
    expect(months.length).toBeGreaterThan(12);
    expect(months.at(-1)).toBe('2021-11');
  });

  it('hand-made edge files', async () => {
    const events = await parse('events', boundaryEventsCsv('2022-03-01'));
    const waiting = [await parse('waiting', WAITING_HISTORY), await parse('waiting', WAITING_EDGE), await parse('waiting', WAITING_NONE)];
    const finance = [await parse('finance', FINANCE_EDGE), await parse('finance', FINANCE_NO_TARGET)];
    const providers = [await parse('providers', PROVIDERS_EDGE), await parse('providers', PROVIDERS_UNRATED)];
    const doc = computeMeasures({ events, waiting, finance, providers });
    const ref = {
      WAITING_ASSESS: waitingAssess(waiting),
      WAITING_REVIEW: waitingFor(waiting, 'Review'),
      WAITING_SERVICE: waitingFor(waiting, 'Service'),
      BUDGET_VARIANCE: budgetVariance(finance),
      SAVINGS_DELIVERED: savingsDelivered(finance),
      PROVIDERS_GOOD: providersGood(providers),
      HOMECARE_HOURS: homecareHours(providers),
    };
    for (const [id, points] of Object.entries(ref)) expectSame(doc, id, points);
    expectSameExtras(doc, { finance, providers });
    // Worked by hand: two waits of 30 and 1 days; −150.15; −1.01 of 4 is −25.25% → −25.3
    // (half away from zero); P1 rated Good in one framework counts as good; 0.1 + 0.2 hours.
    expect(ref.WAITING_ASSESS.at(-1)).toMatchObject({ month: '2023-10', value: 2, medianDays: 15.5 });
    // 2023-09 is WAITING_NONE's alone (the history file's September is replaced whole); July and
    // August come from the history file: A waited 30 days on 31 July and 61 on 31 August.
    expect(ref.WAITING_ASSESS.map((p) => [p.month, p.value, p.medianDays])).toEqual([['2023-07', 1, 30], ['2023-08', 1, 61], ['2023-09', 0, null], ['2023-10', 2, 15.5]]);
    expect(ref.WAITING_REVIEW.map((p) => [p.month, p.value])).toEqual([['2023-07', 0], ['2023-08', 0], ['2023-09', 1], ['2023-10', 1]]);
    expect(ref.WAITING_SERVICE.map((p) => [p.month, p.value, p.medianDays])).toEqual([['2023-07', 0, null], ['2023-08', 1, 30], ['2023-09', 0, null], ['2023-10', 0, null]]);
    expect(ref.BUDGET_VARIANCE.at(-1)).toMatchObject({ value: -150.15, numerator: '-150.15', afterMitigations: '-160.40' });
    expect(ref.BUDGET_VARIANCE.at(-1)!.lines.map((l) => [l.budgetLine, l.variance, l.mitigations])).toEqual([['A', '-150.15', '0.25'], ['B', '-0.1', '0'], ['C', '0.1', '10']]);
    expect(ref.SAVINGS_DELIVERED.at(-1)).toMatchObject({ value: -25.3, numerator: '-1.01', denominator: '4' });
    expect(ref.SAVINGS_DELIVERED[0]).toMatchObject({ value: null, reason: 'no denominator' });
    // Rated: P1 P3 P4 P5; good: P1 (Good somewhere) P3 (Excellent) P5 (Outstanding) → 3 of 4.
    // Below good in home care: P4's 7.5 hours (P1's Poor is residential).
    expect(ref.PROVIDERS_GOOD.at(-1)).toMatchObject({ value: 75, numerator: 3, denominator: 4, hoursBelowGood: '7.5' });
    expect(ref.PROVIDERS_GOOD.at(-1)!.byRating).toEqual({ Good: 1, Poor: 1, 'Not yet rated': 1, Excellent: 1, Inadequate: 1, Outstanding: 1 });
    expect(ref.PROVIDERS_GOOD[0]).toMatchObject({ value: null, reason: 'no denominator' });
    expect(ref.HOMECARE_HOURS.at(-1)).toMatchObject({ value: 8.8, numerator: '8.8' });
  });
});
