/**
 * Equity group labels a pack may print (published-labels.ts). Gender and primary support reason are
 * free text, so a shifted or reordered row puts an NHS number, a name, a date of birth or a person
 * id there: the published view merges every label that is not a known wording into `Other recorded
 * value`, before disclosure control, and the PDF (read back with pdfjs-dist) and the data appendix
 * never print one. Hand-made groups with hand-computed expectations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appendixCsv } from '../../../functions/core/cards/appendix.ts';
import { packTemplateSchema, type PackTemplate } from '../../../functions/core/cards/pack-template.ts';
import { renderPack } from '../../../functions/core/cards/render-pack.ts';
import { publishLabels } from '../../../functions/core/disclosure/published-labels.ts';
import { OTHER_RECORDED_VALUE } from '../../../functions/core/measures/equity.ts';
import { publishedView } from '../../../functions/core/disclosure/published-view.ts';
import type { MeasureResult, MeasuresDocument, SeriesPoint } from '../../../functions/core/measures/document.ts';
import { GENDERS, PRIMARY_SUPPORT_REASONS } from '../../../functions/core/uploads/code-lists.ts';
import { fixtureDocument } from '../cards/fixture-document.ts';
import { readPdf } from '../../support/pdf-text.ts';
import { bundledFonts, shippedPacks } from '../../support/project-files.ts';

/** What a shifted cell puts under gender or primary support reason: an NHS number, a name, a date of birth, a person id. */
const PERSONAL = ['943 476 5919', 'Jane Smith', '1950-03-04', '12345'];

const count = (month: string, n: number): SeriesPoint => ({ month, value: n, numerator: n, denominator: null, reason: null });
const pct = (month: string, n: number, d: number): SeriesPoint => ({ month, value: Math.round((1000 * n) / d) / 10, numerator: n, denominator: d, reason: null });
/** October and November with the same figures (the card's month is November). */
const counts = (n: number) => [count('2021-10', n), count('2021-11', n)];

const measure = (m: Pick<MeasureResult, 'id' | 'unit' | 'series' | 'breakdowns'> & Partial<MeasureResult>): MeasureResult => ({
  title: m.id, polarity: 'neutral', basis: 'snapshot', spc: null, spcNote: null,
  latest: { month: '2021-11', value: m.series.at(-1)!.value, target: null, rag: null, direction: null },
  ...m,
});

// LTS_CLIENTS: 100 people. Gender: Female 45 + `female` 5, Male 35, the four personal values 1 + 2 + 1 + 1 = 5,
// Not stated 10. Support reason: personal care 60, `mental health SUPPORT` 30, four personal values 2 + 3 + 4 + 1 = 10.
const lts = measure({
  id: 'LTS_CLIENTS', unit: 'count', series: counts(100),
  breakdowns: {
    'primary_support_reason:12345': counts(1),
    'primary_support_reason:1950-03-04': counts(4),
    'primary_support_reason:943 476 5919': counts(2),
    'primary_support_reason:Jane Smith': counts(3),
    'primary_support_reason:mental health SUPPORT': counts(30),
    'primary_support_reason:Physical support: Personal care support': counts(60),
    'ethnicity:White': counts(100),
    'gender:12345': counts(1),
    'gender:1950-03-04': counts(1),
    'gender:943 476 5919': counts(1),
    'gender:Female': counts(45),
    'gender:Jane Smith': counts(2),
    'gender:Male': counts(35),
    'gender:female': counts(5),
    'gender:Not stated': counts(10),
  },
  breakdownLatest: {
    'gender:Male': { month: '2021-11', value: 35, target: 30, rag: null, direction: 'up' },
    'gender:Jane Smith': { month: '2021-11', value: 2, target: null, rag: null, direction: 'up' },
  },
});

// DIRECT_PAYMENTS: 58 of 102. Gender: Female 30 of 50, Male 20 of 40; personal values 3/4, 2/3, 2/2, 1/3 = 8 of 12 (66.7%).
const dp = measure({
  id: 'DIRECT_PAYMENTS', unit: 'percent', series: [pct('2021-10', 58, 102), pct('2021-11', 58, 102)],
  breakdowns: {
    'gender:12345': [pct('2021-10', 1, 3), pct('2021-11', 1, 3)],
    'gender:1950-03-04': [pct('2021-10', 2, 2), pct('2021-11', 2, 2)],
    'gender:943 476 5919': [pct('2021-10', 3, 4), pct('2021-11', 3, 4)],
    'gender:Female': [pct('2021-10', 30, 50), pct('2021-11', 30, 50)],
    'gender:Jane Smith': [pct('2021-10', 2, 3), pct('2021-11', 2, 3)],
    'gender:Male': [pct('2021-10', 20, 40), pct('2021-11', 20, 40)],
  },
});

// ASSESS_LT: rates on the whole area's 200,000 adults; `Jane Smith` 2 (year to date 5), `12345` 3 (year to date 4).
const rate = (n: number, ytd: number): SeriesPoint[] => [
  { month: '2021-11', value: (n * 100_000) / 200_000, numerator: n, denominator: 200_000, reason: null, ytd: { numerator: ytd, value: (ytd * 100_000) / 200_000, reason: null } },
];
const assess = measure({
  id: 'ASSESS_LT', unit: 'per100k', basis: 'month', series: rate(40, 90),
  breakdowns: { 'gender:Jane Smith': rate(2, 5), 'gender:12345': rate(3, 4), 'gender:Female': rate(20, 46), 'gender:Male': rate(15, 35) },
});

const group = (m: MeasureResult, dimension: string) =>
  Object.fromEntries(Object.entries(m.breakdowns).filter(([k]) => k.startsWith(`${dimension}:`)).map(([k, s]) => [k.slice(dimension.length + 1), s.at(-1)!]));

const doc: MeasuresDocument = { schemaVersion: 1, laCode: 'E08000018', period: '2021-11', measures: [lts, dp, assess] };

describe('published labels', () => {
  it('prints known wordings in the list\'s own wording and merges every other label into Other recorded value, counts summed', () => {
    const m = publishLabels(lts);
    const gender = group(m, 'gender');
    expect(Object.keys(gender)).toEqual(['Female', 'Male', OTHER_RECORDED_VALUE, 'Not stated']);
    expect(gender.Female).toMatchObject({ value: 50, numerator: 50 });
    expect(gender[OTHER_RECORDED_VALUE]).toMatchObject({ value: 5, numerator: 5, denominator: null, reason: null });
    const psr = group(m, 'primary_support_reason');
    expect(Object.keys(psr)).toEqual(['Mental health support', 'Physical support: Personal care support', OTHER_RECORDED_VALUE]);
    expect(psr[OTHER_RECORDED_VALUE]).toMatchObject({ value: 10, numerator: 10 });
    expect(group(m, 'ethnicity')).toEqual({ White: count('2021-11', 100) });
    // Every month is merged, not only the card's.
    expect(m.breakdowns[`gender:${OTHER_RECORDED_VALUE}`].map((p) => p.month)).toEqual(['2021-10', '2021-11']);
    // A group's target and direction stay where it is one uploaded wording; a merged group has none, and no personal key is left.
    expect(m.breakdownLatest).toEqual({ 'gender:Male': lts.breakdownLatest!['gender:Male'] });
    // The measures document itself keeps the labels as uploaded.
    expect(lts.breakdowns['gender:Jane Smith']).toBeDefined();
  });

  it('recomputes a merged percentage from summed numerators and denominators, and a rate and its year to date on the area\'s population', () => {
    const gender = group(publishLabels(dp), 'gender');
    expect(gender[OTHER_RECORDED_VALUE]).toMatchObject({ value: 66.7, numerator: 8, denominator: 12, reason: null });
    expect(gender.Female).toMatchObject({ value: 60, numerator: 30, denominator: 50 });
    const rates = group(publishLabels(assess), 'gender');
    expect(rates[OTHER_RECORDED_VALUE]).toMatchObject({ value: 2.5, numerator: 5, denominator: 200_000, ytd: { numerator: 9, value: 4.5, reason: null } });
  });

  it('runs disclosure control over the merged groups: Other recorded value of 5 withheld, and the next smallest with it', () => {
    const m = publishedView(doc, { disclosureControl: true }).measures[0];
    const gender = group(m, 'gender');
    expect(gender[OTHER_RECORDED_VALUE]).toMatchObject({ value: null, numerator: null, withheld: true });
    // Female 50 + Male 35 shown beside a total of 100 would give 15 away: Not stated (10) is withheld too.
    expect(gender['Not stated']).toMatchObject({ value: null, withheld: true });
    expect(gender.Female).toMatchObject({ value: 50 });
    // 10 people: shown, under the merged label.
    expect(group(m, 'primary_support_reason')[OTHER_RECORDED_VALUE]).toMatchObject({ value: 10, numerator: 10 });
  });

  it('merges labels with disclosure control off too: a label is personal data whatever its count', () => {
    const open = publishedView(doc, { disclosureControl: false });
    expect(group(open.measures[0], 'gender')[OTHER_RECORDED_VALUE]).toMatchObject({ value: 5, numerator: 5 });
    expect(JSON.stringify(open)).not.toMatch(/943 476 5919|Jane Smith|1950-03-04|12345/);
  });

  it('publishes at most the vocabulary and one more group per dimension, however many labels a file holds', () => {
    const breakdowns: Record<string, SeriesPoint[]> = { 'gender:Female': counts(1000) };
    for (let i = 0; i < 100_000; i++) breakdowns[`gender:P${String(i).padStart(7, '0')}`] = counts(1);
    const m = publishLabels(measure({ id: 'LTS_CLIENTS', unit: 'count', series: counts(101_000), breakdowns }));
    expect(Object.keys(m.breakdowns)).toEqual(['gender:Female', `gender:${OTHER_RECORDED_VALUE}`]);
    expect(m.breakdowns[`gender:${OTHER_RECORDED_VALUE}`].at(-1)).toMatchObject({ value: 100_000 });
    // Every wording of either list is a group of its own: the cap is the vocabulary, Not stated and Other recorded value.
    const all: Record<string, SeriesPoint[]> = {};
    for (const g of [...GENDERS, 'Not stated', 'x1', 'x2']) all[`gender:${g}`] = counts(10);
    for (const r of [...PRIMARY_SUPPORT_REASONS, 'Not stated', 'x1']) all[`primary_support_reason:${r}`] = counts(10);
    const keys = Object.keys(publishLabels(measure({ id: 'LTS_CLIENTS', unit: 'count', series: counts(10), breakdowns: all })).breakdowns);
    expect(keys.filter((k) => k.startsWith('gender:'))).toHaveLength(GENDERS.length + 2);
    expect(keys.filter((k) => k.startsWith('primary_support_reason:'))).toHaveLength(PRIMARY_SUPPORT_REASONS.length + 2);
  });
});

describe('published labels in the pack and its appendix', () => {
  let pack: PackTemplate;
  let pages: string[];
  let hostile: MeasuresDocument;

  beforeAll(async () => {
    const scrutiny = (await shippedPacks()).find((p) => p.id === 'scrutiny-board')!;
    pack = packTemplateSchema.parse({
      ...scrutiny,
      sections: [{ title: 'Long term support', measures: ['LTS_CLIENTS', 'DIRECT_PAYMENTS'] }],
      equity: { LTS_CLIENTS: ['ethnicity', 'gender', 'primary_support_reason'], DIRECT_PAYMENTS: ['gender', 'primary_support_reason'] },
    });
    // The fixture's catalogue document with the hand-made groups in place of LTS_CLIENTS's and DIRECT_PAYMENTS's.
    const base = fixtureDocument();
    const own = (m: MeasureResult) => Object.fromEntries(Object.entries(m.breakdowns).filter(([k]) => !/^(gender|primary_support_reason):/.test(k)));
    const made = new Map([[lts.id, lts], [dp.id, dp]]);
    hostile = { ...base, measures: base.measures.map((m) => (made.has(m.id) ? { ...m, breakdowns: { ...own(m), ...made.get(m.id)!.breakdowns } } : m)) };
    pages = (await readPdf(await renderPack(hostile, pack, { generatedAt: '2021-12-07T09:00:00Z', version: 'abc123def4567890', fonts: bundledFonts() }))).pages;
  });

  it('the PDF prints no personal value, and its equity pages show and explain Other recorded value', () => {
    const text = pages.join('\n');
    for (const value of PERSONAL) expect(text).not.toContain(value);
    const equity = pages.filter((p) => p.includes('equity breakdowns'));
    expect(equity).toHaveLength(2);
    const note = (what: string) => `Other recorded value counts together the people whose ${what} is recorded in a wording that is not one of the national (CLD) categories`;
    expect(equity[0]).toContain(note('gender or primary support reason'));
    // Direct payments here has gender groups only.
    expect(equity[1]).toContain(note('gender'));
    // Direct payments: 8 of 12, 66.7%, under the merged label.
    expect(equity[1]).toMatch(/Other recorded value 8 of 12 66\.7/);
  });

  it('the data appendix prints no personal value, and rows the merged group', () => {
    const csv = appendixCsv(hostile, pack);
    for (const value of PERSONAL) expect(csv).not.toContain(value);
    expect(csv).toContain('DIRECT_PAYMENTS,,gender:Other recorded value,2021-11,66.7%,8,12,,,');
  });
});
