import { describe, expect, it } from 'vitest';
import { APPENDIX_HEADER, YTD_BREAKDOWN, appendixCsv } from '../../../functions/core/cards/appendix.ts';
import type { PackTemplate } from '../../../functions/core/cards/pack-template.ts';
import type { MeasureResult, MeasuresDocument, SeriesPoint } from '../../../functions/core/measures/document.ts';

/** Made directly, not through the template schema: the measures here are hand-made, not the catalogue's. */
const pack = (disclosureControl: boolean, measures: string[]): PackTemplate => ({
  id: 'test-pack', title: 'Test pack', committee: 'Test Committee', council: 'Test Council',
  sections: [{ title: 'One', measures }], requires: ['events'], disclosureControl, clerk: { meetings: {} }, equity: {},
  distribution: { lists: ['board'], previewList: 'performance-team', ownersList: 'owners', approval: 'auto', workingDay: 5, time: '09:00', reminderDay: 10 },
});

const point = (month: string, value: number | null, numerator: number | null, denominator: number | null, extra: Partial<SeriesPoint> = {}): SeriesPoint =>
  ({ month, value, numerator, denominator, reason: value === null ? 'no denominator' : null, ...extra });

const measure = (m: Pick<MeasureResult, 'id' | 'unit' | 'polarity' | 'series'> & Partial<MeasureResult>): MeasureResult => ({
  title: m.id, basis: 'month', breakdowns: {}, spc: null, spcNote: null,
  latest: { month: m.series.at(-1)!.month, value: m.series.at(-1)!.value, target: null, rag: null, direction: null },
  ...m,
});

// FPOC: October rests on 4 people (withheld), November on 10 of 16; November a year earlier withheld too.
const fpoc = measure({
  id: 'FPOC', unit: 'percent', polarity: 'high',
  series: [point('2020-11', 50, 3, 6), point('2021-10', 50, 4, 8), point('2021-11', 62.5, 10, 16)],
  latest: { month: '2021-11', value: 62.5, target: 60, rag: 'green', direction: 'improving' },
  breakdowns: { '18-64': [point('2021-10', 40, 8, 20), point('2021-11', 100, 2, 2)] },
  breakdownLatest: { '18-64': { month: '2021-11', value: 100, target: 90, rag: 'green', direction: null } },
});
// ASSESS_LT: a year to date; October of the same financial year rests on 5 assessments.
const assess = measure({
  id: 'ASSESS_LT', unit: 'per100k', polarity: 'neutral',
  series: [point('2021-10', 2.4, 5, 209800), point('2021-11', 10, 21, 209800, { ytd: { numerator: 120, value: 57.2, reason: null } })],
  latest: { month: '2021-11', value: 10, target: null, rag: null, direction: 'up' },
});
// Money is never withheld; its exact sum travels as text.
const budget = measure({
  id: 'BUDGET_VARIANCE', unit: 'gbp', polarity: 'low', basis: 'snapshot',
  series: [point('2021-11', 1250.5, 1250.5, null, { numeratorText: '1250.50' })],
  latest: { month: '2021-11', value: 1250.5, target: 0, rag: 'red', direction: null },
});
const doc: MeasuresDocument = { schemaVersion: 1, laCode: 'E08000018', period: '2021-11', measures: [fpoc, assess, budget] };

const lines = (csv: string) => csv.trimEnd().split('\n');

describe('data appendix', () => {
  it('one row per published figure: chart months, breakdowns and the year to date, as printed, * where withheld', () => {
    expect(lines(appendixCsv(doc, pack(true, ['FPOC', 'ASSESS_LT', 'BUDGET_VARIANCE', 'FPOC', 'NOT_IN_DOC'])))).toEqual([
      APPENDIX_HEADER.join(','),
      // November 2020 (3 people) and October (4) withheld, numerator too; a denominator of 8 stays,
      // one of 6 is itself 1 to 7 people and is withheld.
      'FPOC,,,2020-11,*,*,*,,,',
      'FPOC,,,2021-10,*,*,8,,,',
      // Latest: target and RAG; no direction, as the month a year earlier is withheld.
      'FPOC,,,2021-11,62.5%,10,16,60,green,',
      'FPOC,,18-64,2021-10,40.0%,8,20,,,',
      // A breakdown of 2 people: withheld, its denominator (2 people) and its RAG with it.
      'FPOC,,18-64,2021-11,*,*,*,90,,',
      'ASSESS_LT,,,2021-10,*,*,209800,,,',
      'ASSESS_LT,,,2021-11,"10.0 per 100,000",21,209800,,,up',
      // The year to date would give October away by subtraction: withheld for the rest of the year.
      `ASSESS_LT,,${YTD_BREAKDOWN},2021-11,*,*,,,,`,
      'BUDGET_VARIANCE,,,2021-11,"£1,251",1250.50,,0,red,',
    ]);
  });

  it('without disclosure control every figure is given exactly', () => {
    const csv = lines(appendixCsv(doc, pack(false, ['FPOC', 'ASSESS_LT'])));
    expect(csv).toContain('FPOC,,,2021-10,50.0%,4,8,,,');
    expect(csv).toContain('FPOC,,,2021-11,62.5%,10,16,60,green,improving');
    expect(csv).toContain(`ASSESS_LT,,${YTD_BREAKDOWN},2021-11,"57.2 per 100,000",120,,,,`);
    expect(csv.join('\n')).not.toContain('*');
  });

  it('secondary control holds in the appendix too: the total less the shown band would give the withheld one away', () => {
    // 25 of 100 reviews reduced support; 5 of 30 aged 18-64 (withheld), so 20 of 70 aged 65+ must go too.
    const reduced = measure({
      id: 'REVIEWS_REDUCED', unit: 'percent', polarity: 'high',
      series: [point('2021-11', 25, 25, 100)],
      breakdowns: { '18-64': [point('2021-11', 16.7, 5, 30)], '65+': [point('2021-11', 28.6, 20, 70)] },
    });
    expect(lines(appendixCsv({ ...doc, measures: [reduced] }, pack(true, ['REVIEWS_REDUCED'])))).toEqual([
      APPENDIX_HEADER.join(','),
      'REVIEWS_REDUCED,,,2021-11,25.0%,25,100,,,',
      'REVIEWS_REDUCED,,18-64,2021-11,*,*,30,,,',
      'REVIEWS_REDUCED,,65+,2021-11,*,*,70,,,',
    ]);
  });

  it('names the ASCOF code a measure carries', () => {
    const coded = { ...budget, ascofCode: '9Z' } as MeasureResult;
    expect(lines(appendixCsv({ ...doc, measures: [coded] }, pack(true, ['BUDGET_VARIANCE'])))[1]).toBe('BUDGET_VARIANCE,9Z,,2021-11,"£1,251",1250.50,,0,red,');
  });

  it('rows the equity breakdowns the pack shows, for the card\'s month only, under the same disclosure control', () => {
    // LTS_CLIENTS, November: 40 people; ethnicity White 30, Asian 5 (withheld), Not stated 5 (withheld); gender Female 22, Male 18.
    const series = (n: number) => [point('2021-10', n + 1, n + 1, null), point('2021-11', n, n, null)];
    const lts = measure({
      id: 'LTS_CLIENTS', unit: 'count', polarity: 'neutral', series: series(40),
      breakdowns: {
        residential: series(12), community: series(28),
        'ethnicity:White': series(30), 'ethnicity:Asian or Asian British': series(5), 'ethnicity:Not stated': series(5),
        'gender:Female': series(22), 'gender:Male': series(18),
        'primary_support_reason:Physical support: Personal care support': series(40),
      },
    });
    const asks = { ...pack(true, ['LTS_CLIENTS']), equity: { LTS_CLIENTS: ['ethnicity' as const, 'gender' as const] } };
    const rows = lines(appendixCsv({ ...doc, measures: [lts] }, asks)).filter((r) => /ethnicity|gender|primary_support_reason/.test(r));
    expect(rows).toEqual([
      'LTS_CLIENTS,,ethnicity:White,2021-11,30,30,,,,',
      'LTS_CLIENTS,,ethnicity:Asian or Asian British,2021-11,*,*,,,,',
      'LTS_CLIENTS,,ethnicity:Not stated,2021-11,*,*,,,,',
      'LTS_CLIENTS,,gender:Female,2021-11,22,22,,,,',
      'LTS_CLIENTS,,gender:Male,2021-11,18,18,,,,',
    ]);
    // A pack that asks for none publishes none.
    expect(appendixCsv({ ...doc, measures: [lts] }, pack(true, ['LTS_CLIENTS']))).not.toContain('ethnicity');
  });
});
