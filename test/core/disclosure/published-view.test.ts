import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../functions/core/calendar/days.ts';
import type { MeasureResult, MeasuresDocument, SeriesPoint } from '../../../functions/core/measures/document.ts';
import { spcFor } from '../../../functions/core/measures/spc-window.ts';
import { publishedView, publishMeasure } from '../../../functions/core/disclosure/published-view.ts';

const counts = (values: number[], first = '2019-12'): SeriesPoint[] =>
  values.map((v, i) => ({ month: addMonths(first, i), value: v, numerator: v, denominator: null, reason: null }));
const pct = (month: string, n: number, d: number): SeriesPoint => ({ month, value: Math.round((1000 * n) / d) / 10, numerator: n, denominator: d, reason: null });

function measure(series: SeriesPoint[], over: Partial<MeasureResult> = {}): MeasureResult {
  const last = series.at(-1)!;
  return {
    id: 'M', title: 'M', unit: 'count', polarity: 'high', basis: 'month', series, breakdowns: {},
    latest: { month: last.month, value: last.value, target: 10, rag: 'red', direction: 'worsening', lastYear: null },
    spc: null, spcNote: 'fewer than 12 points',
    ...over,
  };
}

describe('published view: primary control', () => {
  it('withholds counts of 1 to 7, not 0 or 8: value and numerator null, reason "small numbers"', () => {
    const m = publishMeasure(measure(counts([10, 5, 0, 8, 1, 7])));
    expect(m.series.map((p) => p.withheld === true)).toEqual([false, true, false, false, true, true]);
    expect(m.series[1]).toEqual({ month: '2020-01', value: null, numerator: null, denominator: null, reason: 'small numbers', withheld: true });
    expect(m.series[3]).toEqual({ month: '2020-03', value: 8, numerator: 8, denominator: null, reason: null });
  });

  it('withholds a percentage whose denominator is 1 to 7 people, even at 0%, and its denominator with it', () => {
    // "2 of 5" would name a group of 5; "0.0% of 5" too. 0 of 8 names nobody.
    const m = publishMeasure(measure([pct('2021-01', 0, 5), pct('2021-02', 0, 8), pct('2021-03', 9, 7 + 3)], { unit: 'percent' }));
    expect(m.series[0]).toMatchObject({ value: null, numerator: null, denominator: null, withheld: true });
    expect(m.series[1]).toMatchObject({ value: 0, numerator: 0, denominator: 8 });
    expect(m.series[1].withheld).toBeUndefined();
    expect(m.series[2]).toMatchObject({ value: 90, numerator: 9, denominator: 10 });
  });

  it('a breakdown withheld for its small denominator makes the next smallest withheld too (secondary)', () => {
    // Total 9 of 25; 18-64: 0 of 5 (withheld by its denominator); 65+: 9 of 20 would give 25 − 20 = 5.
    const m = measure([pct('2021-01', 9, 25)], { unit: 'percent', breakdowns: { '18-64': [pct('2021-01', 0, 5)], '65+': [pct('2021-01', 9, 20)] } });
    const out = publishMeasure(m);
    expect(out.breakdowns['18-64'][0]).toMatchObject({ denominator: null, withheld: true });
    expect(out.breakdowns['65+'][0].withheld).toBe(true);
  });

  it('never withholds money, hours, or a percentage of money (savings delivered)', () => {
    const money = publishMeasure(measure(counts([5]), { unit: 'gbp' }));
    const hours = publishMeasure(measure(counts([5]), { unit: 'hours' }));
    const savings = publishMeasure(measure([{ ...pct('2021-01', 5, 10), numeratorText: '5' }], { unit: 'percent' }));
    for (const m of [money, hours, savings]) expect(m.series[0].withheld).toBeUndefined();
  });

  it('a withheld latest value has no RAG, no direction and no quartile; a withheld year-ago value has no direction', () => {
    const series = counts([3, ...Array(11).fill(20), 4]); // Dec 2019 = 3 … Dec 2020 = 4
    const m = measure(series, {
      latest: { month: '2020-12', value: 4, target: 10, rag: 'red', direction: 'improving', lastYear: 3, benchmarks: [{ comparator: 'England', year: '2019/20', value: 9, quartile: 'bottom' }] },
    });
    expect(publishMeasure(m).latest).toEqual({
      month: '2020-12', value: null, target: 10, rag: null, direction: null, lastYear: null,
      benchmarks: [{ comparator: 'England', year: '2019/20', value: 9, quartile: null }], withheld: true, lastYearWithheld: true,
    });
    const onlyYearAgo = measure(counts([3, ...Array(12).fill(20)]), { latest: { month: '2020-12', value: 20, target: 10, rag: 'green', direction: 'improving', lastYear: 3 } });
    expect(publishMeasure(onlyYearAgo).latest).toEqual({ month: '2020-12', value: 20, target: 10, rag: 'green', direction: null, lastYear: null, lastYearWithheld: true });
  });

  it('a withheld previous month has no RAG (so no RAG change can be read from it)', () => {
    const m = measure(counts([20, 6, 20]), { latest: { month: '2020-02', value: 20, target: 10, rag: 'green', direction: null, previous: { month: '2020-01', value: 6, target: 10, rag: 'red' } } });
    expect(publishMeasure(m).latest.previous).toEqual({ month: '2020-01', value: null, target: 10, rag: null, withheld: true });
  });

  it('a withheld waiting count takes its median days with it', () => {
    const m = publishMeasure(measure([{ ...counts([6])[0], medianDays: 41 }]));
    expect(m.series[0]).toMatchObject({ value: null, medianDays: null, withheld: true });
  });

  it('no SPC when any point of its window is withheld; a withheld month before the window does not matter', () => {
    // 30 months from Dec 2019: the window is the last 24 (Jun 2020 – May 2022).
    const values = Array.from({ length: 30 }, (_, i) => 20 + (i % 3));
    const before = [...values];
    before[2] = 5; // Feb 2020: outside the window
    const inside = [...values];
    inside[20] = 5; // Aug 2021: inside
    const withSpc = (v: number[]) => measure(counts(v), spcFor({ unit: 'count', polarity: 'high', basis: 'month', series: counts(v) }, null, null));
    expect(withSpc(before).spc?.from).toBe('2020-06');
    expect(publishMeasure(withSpc(before)).spc).not.toBeNull();
    const hidden = publishMeasure(withSpc(inside));
    expect(hidden.spc).toBeNull();
    expect(hidden.spcNote).toBe('statistics withheld: small numbers');
  });

  it('a pack with disclosure control off publishes the document as it is', () => {
    const doc: MeasuresDocument = { schemaVersion: 1, laCode: 'E08000018', period: '2020-01', measures: [measure(counts([3, 4]))] };
    expect(publishedView(doc, { disclosureControl: false })).toBe(doc);
    expect(publishedView(doc, { disclosureControl: true }).measures[0].series.every((p) => p.withheld)).toBe(true);
  });
});

describe('published view: secondary control', () => {
  it('withholds year to date for the rest of the financial year once a month is withheld', () => {
    // April–August 2021: 20, 5, 20, 20, 20 assessments; year to date 20, 25, 45, 65, 85; April 2022 starts again.
    const months = ['2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04'];
    const monthly = [20, 5, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 30];
    let ytd = 0;
    const series: SeriesPoint[] = months.map((month, i) => {
      ytd = month.endsWith('-04') ? monthly[i] : ytd + monthly[i];
      return { month, value: monthly[i], numerator: monthly[i], denominator: 200_000, reason: null, ytd: { numerator: ytd, value: ytd / 2, reason: null } };
    });
    const m = publishMeasure(measure(series, { unit: 'per100k' }));
    expect(m.series.map((p) => p.ytd?.numerator ?? '*')).toEqual([20, '*', '*', '*', '*', '*', '*', '*', '*', '*', '*', '*', 30]);
    expect(m.series[2].ytd).toEqual({ numerator: null, value: null, reason: 'small numbers', withheld: true });
    expect(m.series[2].value).toBe(20); // the month itself is not small
  });

  it('leaves an incomplete year to date as it is', () => {
    const series: SeriesPoint[] = [{ month: '2021-05', value: 5, numerator: 5, denominator: 200_000, reason: null, ytd: { numerator: null, value: null, reason: 'incomplete year' } }];
    expect(publishMeasure(measure(series, { unit: 'per100k' })).series[0].ytd).toEqual({ numerator: null, value: null, reason: 'incomplete year' });
  });

  it('when one breakdown is withheld and the total is shown, withholds the next smallest too', () => {
    // Total 30 of 100; 18-64: 5 of 20 (withheld); 65+: 25 of 80 would give 30 − 25 = 5.
    const m = measure([pct('2021-01', 30, 100)], { unit: 'percent', breakdowns: { '18-64': [pct('2021-01', 5, 20)], '65+': [pct('2021-01', 25, 80)] } });
    const out = publishMeasure(m);
    expect(out.breakdowns['18-64'][0].withheld).toBe(true);
    expect(out.breakdowns['65+'][0]).toMatchObject({ value: null, numerator: null, denominator: 80, withheld: true });
    expect(out.series[0].value).toBe(30);
  });

  it('of three breakdowns, withholds the smallest of the other two, not both', () => {
    const m = measure(counts([30]), { breakdowns: { a: counts([5]), b: counts([15]), c: counts([10]) } });
    const out = publishMeasure(m);
    expect(Object.fromEntries(Object.entries(out.breakdowns).map(([k, s]) => [k, s[0].withheld === true]))).toEqual({ a: true, b: false, c: true });
  });

  it('nothing more when the total is withheld too, or two breakdowns already are', () => {
    const totalSmall = publishMeasure(measure(counts([7]), { breakdowns: { a: counts([3]), b: counts([4]) } }));
    expect(totalSmall.breakdowns.b[0].withheld).toBe(true); // primary: 4
    const two = publishMeasure(measure(counts([30]), { breakdowns: { a: counts([3]), b: counts([4]), c: counts([23]) } }));
    expect(two.breakdowns.c[0].withheld).toBeUndefined();
  });

  it("a group's denominator of 1 to 7 is not given away by the total's less the others' (secondary on denominators)", () => {
    // Reviews up to date by gender: total 114 of 235; Female 59 of 125; Male 54 of 108; Unknown 1 of 2.
    // Showing Male's 108 would give Unknown's 2 = 235 − 125 − 108: Male's denominator goes too.
    const m = measure([pct('2021-11', 114, 235)], {
      unit: 'percent',
      breakdowns: { 'gender:Female': [pct('2021-11', 59, 125)], 'gender:Male': [pct('2021-11', 54, 108)], 'gender:Unknown': [pct('2021-11', 1, 2)] },
    });
    const out = publishMeasure(m);
    expect(out.breakdowns['gender:Unknown'][0]).toMatchObject({ numerator: null, denominator: null, withheld: true });
    expect(out.breakdowns['gender:Male'][0]).toMatchObject({ value: null, numerator: null, denominator: null, withheld: true });
    expect(out.breakdowns['gender:Female'][0]).toMatchObject({ value: 47.2, numerator: 59, denominator: 125 });
  });

  it('the part of a total in no group counts as a hidden group: 1 to 7 there withholds the smallest group', () => {
    // LTS_CLIENTS: 299 people, 71 residential, 227 community; 299 − 71 − 227 = 1 supported only in prison.
    const m = measure(counts([299, 300]), { breakdowns: { residential: counts([71, 73]), community: counts([227, 227]) } });
    const out = publishMeasure(m);
    expect(out.breakdowns.residential.map((p) => p.withheld === true)).toEqual([true, false]);
    expect(out.breakdowns.community.map((p) => p.withheld === true)).toEqual([false, false]);
    // Groups that overlap (sum above the total) or cover it hide nothing.
    const overlap = publishMeasure(measure(counts([30]), { breakdowns: { a: counts([20]), b: counts([20]) } }));
    expect(overlap.breakdowns.a[0].withheld).toBeUndefined();
  });

  it('works dimension by dimension (`dimension:group` keys) and month by month', () => {
    const m = measure(counts([40, 40]), {
      breakdowns: {
        'gender:Female': counts([6, 20]), 'gender:Male': counts([34, 20]),
        'ethnicity:White': counts([30, 30]), 'ethnicity:Not stated': counts([10, 10]),
      },
    });
    const out = publishMeasure(m);
    const flags = (k: string) => out.breakdowns[k].map((p) => p.withheld === true);
    expect(flags('gender:Female')).toEqual([true, false]);
    expect(flags('gender:Male')).toEqual([true, false]);
    expect(flags('ethnicity:White')).toEqual([false, false]);
    expect(flags('ethnicity:Not stated')).toEqual([false, false]);
  });

  it('equity keys group by the text before the FIRST colon: a support reason with a colon is one group of its dimension', () => {
    // LTS_CLIENTS in one month: 100 people; 60 residential, 40 community (none only in prison).
    // Support reason: personal care 5 (withheld), memory 20, learning disability 75 → memory withheld too.
    // Ethnicity: White 90, Mixed 10 → nothing withheld (no group is 1 to 7). Gender: Female 52, Male 48.
    const m = measure(counts([100]), {
      breakdowns: {
        residential: counts([60]), community: counts([40]),
        'primary_support_reason:Physical support: Personal care support': counts([5]),
        'primary_support_reason:Support with memory and cognition': counts([20]),
        'primary_support_reason:Learning disability support': counts([75]),
        'ethnicity:White': counts([90]), 'ethnicity:Mixed or multiple': counts([10]),
        'gender:Female': counts([52]), 'gender:Male': counts([48]),
      },
    });
    const out = publishMeasure(m);
    const withheld = Object.entries(out.breakdowns).filter(([, s]) => s[0].withheld).map(([k]) => k);
    expect(withheld).toEqual(['primary_support_reason:Physical support: Personal care support', 'primary_support_reason:Support with memory and cognition']);
  });

  it('a withheld group in one dimension withholds nothing in another, even a smaller one', () => {
    // Ethnicity: Asian 3 (withheld) → the next smallest ethnic group, Not stated 9, goes too; gender's 8 stays.
    const m = measure(counts([50]), {
      breakdowns: {
        'ethnicity:White': counts([38]), 'ethnicity:Asian or Asian British': counts([3]), 'ethnicity:Not stated': counts([9]),
        'gender:Female': counts([42]), 'gender:Male': counts([8]),
      },
    });
    const out = publishMeasure(m);
    expect(Object.fromEntries(Object.entries(out.breakdowns).map(([k, s]) => [k, s[0].withheld === true]))).toEqual({
      'ethnicity:White': false, 'ethnicity:Asian or Asian British': true, 'ethnicity:Not stated': true,
      'gender:Female': false, 'gender:Male': false,
    });
  });

  it('a group\'s year to date is withheld for the rest of the financial year once one of its months is, by primary or secondary control', () => {
    // ASSESS_LT by ethnicity, April–June 2021 (100,000 adults). White 30, 30, 30; Mixed 10, 4, 10; Asian 12, 12, 12.
    // May: Mixed's 4 is withheld (primary), so Asian's 12 (next smallest) is too (secondary); both groups'
    // year to date is withheld from May to March, and White's stays.
    const months = ['2021-04', '2021-05', '2021-06'];
    const group = (monthly: number[]) => {
      let ytd = 0;
      return months.map((month, i): SeriesPoint => {
        ytd += monthly[i];
        return { month, value: monthly[i], numerator: monthly[i], denominator: 100_000, reason: null, ytd: { numerator: ytd, value: ytd, reason: null } };
      });
    };
    const m = measure(group([52, 46, 52]), {
      unit: 'per100k',
      breakdowns: { 'ethnicity:White': group([30, 30, 30]), 'ethnicity:Mixed or multiple': group([10, 4, 10]), 'ethnicity:Asian or Asian British': group([12, 12, 12]) },
    });
    const out = publishMeasure(m);
    const ytd = (k: string) => out.breakdowns[k].map((p) => p.ytd?.numerator ?? '*');
    expect(ytd('ethnicity:White')).toEqual([30, 60, 90]);
    expect(ytd('ethnicity:Mixed or multiple')).toEqual([10, '*', '*']);
    expect(ytd('ethnicity:Asian or Asian British')).toEqual([12, '*', '*']);
    expect(out.breakdowns['ethnicity:Asian or Asian British'].map((p) => p.withheld === true)).toEqual([false, true, false]);
    expect(out.series.map((p) => p.ytd?.numerator)).toEqual([52, 98, 150]);
  });
});
