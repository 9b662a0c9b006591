import { describe, expect, it } from 'vitest';
import { packTemplateSchema, type PackTemplate } from '../../../functions/core/cards/pack-template.ts';
import { comparatorKind, packVersion, summarisePack } from '../../../functions/core/cards/summary.ts';
import type { MeasuresDocument } from '../../../functions/core/measures/document.ts';
import { fixtureDocument } from './fixture-document.ts';

function pack(measures: string[], extra: Partial<PackTemplate> = {}): PackTemplate {
  return packTemplateSchema.parse({
    id: 'p', title: 'Pack', committee: 'Committee', council: 'Council', sections: [{ title: 'All', measures }], requires: ['events'],
    distribution: { lists: ['board'], previewList: 'performance-team', ownersList: 'owners', approval: 'auto', workingDay: 5, time: '09:00', reminderDay: 10 },
    ...extra,
  });
}

const clone = (d: MeasuresDocument): MeasuresDocument => structuredClone(d);

describe('summarisePack', () => {
  const doc = fixtureDocument();
  const all = doc.measures.map((m) => m.id);

  it('gives one row per pack measure with the latest, last year, target, RAG and direction of the document', () => {
    const s = summarisePack(doc, pack(['FPOC', 'ADMISSIONS_65P']));
    const fpoc = doc.measures.find((m) => m.id === 'FPOC')!;
    const row = s.rows[0];
    expect(row.latest).toBe(`${fpoc.latest.value!.toFixed(1)}%`);
    expect(row.lastYear).toBe(`${fpoc.latest.lastYear!.toFixed(1)}%`);
    expect(row.target).toBe(`${fpoc.latest.target!.toFixed(1)}%`);
    expect(row.rag).toBe(fpoc.latest.rag);
    expect(row.direction).toBe(fpoc.latest.direction);
    expect(row.goodIs).toBe('High');
    expect(s.period).toBe('2021-11');
    expect(s.periodLabel).toBe('November 2021');
    const adm = s.rows[1];
    expect(adm.latest).toMatch(/^\d{3}\.\d per 100,000$/);
    expect(adm.comparators.england.text).toBe('498.2 per 100,000');
    expect(adm.comparators.region.text).toBe('549.8 per 100,000');
    expect(adm.comparators.neighbours.text).toBe('624.6 per 100,000');
    expect(adm.quartile).toBe('top');
  });

  it('counts RAG ratings and quartiles across the pack, and lists measures missing from the document', () => {
    const s = summarisePack(doc, pack([...all, 'NOT_A_MEASURE']));
    // Expected from the document directly: every rated measure except the one whose latest value is withheld.
    const expected = { green: 0, amber: 0, red: 0, none: 0 };
    for (const m of doc.measures) {
      const n = m.series.at(-1)!.numerator;
      const withheld = m.unit !== 'gbp' && m.unit !== 'hours' && n != null && n >= 1 && n <= 7;
      expected[withheld ? 'none' : (m.latest.rag ?? 'none')] += 1;
    }
    expected.none += 1; // NOT_A_MEASURE
    expect(s.ragCounts).toEqual(expected);
    expect(s.whereWeStand).toMatchObject({ top: 2, bottom: 1, withQuartile: 6 });
    expect(s.whereWeStand.line).toContain(`2 are in the top quartile (${s.whereWeStand.topNames.join('; ')}) and 1 in the bottom quartile (${s.whereWeStand.bottomNames[0]})`);
    // The names are the titles of the rows in those quartiles.
    expect(s.whereWeStand.topNames).toEqual(s.rows.filter((r) => r.quartile === 'top').map((r) => r.title));
    expect(s.whereWeStand.bottomNames).toEqual(s.rows.filter((r) => r.quartile === 'bottom').map((r) => r.title));
    expect(s.missing).toEqual(['NOT_A_MEASURE']);
    const missing = s.rows.at(-1)!;
    expect(missing).toMatchObject({ available: false, latest: 'not available', rag: null, direction: null });
  });

  it('withholds a small latest count with its RAG, direction and quartile, unless the pack turns control off', () => {
    const on = summarisePack(doc, pack(['CARER_ASSESS'])).rows[0];
    expect(on).toMatchObject({ latest: '*', latestValue: null, rag: null, direction: null, suppressed: true });
    const off = summarisePack(doc, pack(['CARER_ASSESS'], { disclosureControl: false })).rows[0];
    expect(off).toMatchObject({ latest: '5', latestValue: 5, suppressed: false });
    expect(off.rag).toBe(doc.measures.find((m) => m.id === 'CARER_ASSESS')!.latest.rag);
  });

  it('never withholds money or hours', () => {
    const d = clone(doc);
    const budget = d.measures.find((m) => m.id === 'BUDGET_VARIANCE')!;
    Object.assign(budget.series.at(-1)!, { value: 5, numerator: 5 });
    budget.latest.value = 5;
    expect(summarisePack(d, pack(['BUDGET_VARIANCE'])).rows[0].latest).toBe('£5');
  });

  it('names measures that share a title apart', () => {
    const s = summarisePack(doc, pack(['ADMISSIONS_18_64', 'ADMISSIONS_65P']));
    expect(s.rows.map((r) => r.title)).toEqual([
      'Permanent admissions to residential and nursing care (aged 18–64)',
      'Permanent admissions to residential and nursing care (aged 65+)',
    ]);
  });

  it('sorts comparators into the seeds’ three columns', () => {
    expect(comparatorKind('England')).toBe('england');
    expect(comparatorKind('CIPFA nearest neighbours')).toBe('neighbours');
    expect(comparatorKind('Yorkshire and the Humber')).toBe('region');
  });
});

describe('ASCOF rows', () => {
  it('carry the ASCOF code and each financial year\'s April–March figure, withheld like the month it is', () => {
    const doc = clone(fixtureDocument());
    const m = doc.measures.find((x) => x.id === 'ASCOF_2A')!;
    expect(m.annual!.map((a) => a.year)).toEqual(['2018/19', '2019/20', '2020/21']);
    // March 2019 is in the look-back (no value); make 2020/21's numerator small enough to withhold.
    m.annual![2] = { ...m.annual![2], value: 70, numerator: 7 };
    const [row, local] = summarisePack(doc, pack(['ASCOF_2A', 'STMAX_NO_FURTHER'])).rows;
    expect(row.ascofCode).toBe('2A');
    expect(row.annual.map((a) => a.text)).toEqual(['–', `${m.annual![1].value!.toFixed(1)}%`, '*']);
    expect(local.ascofCode).toBeNull();
    expect(local.annual).toEqual([]);
    const open = summarisePack(doc, pack(['ASCOF_2A'], { disclosureControl: false })).rows[0];
    expect(open.annual[2]).toEqual({ year: '2020/21', text: '70.0%' });
  });
});

describe('packVersion', () => {
  const doc = fixtureDocument();
  const p = pack(['FPOC', 'REVIEWS_UTD']);

  it('is the same for an identical document, whatever the key order or distribution settings', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys)
        : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(doc) as MeasuresDocument;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(doc));
    expect(packVersion(reordered, p)).toBe(packVersion(doc, p));
    expect(packVersion(clone(doc), pack(['FPOC', 'REVIEWS_UTD'], { distribution: { ...p.distribution, time: '10:30' } }))).toBe(packVersion(doc, p));
    expect(packVersion(doc, p)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when a figure or a comment the pack shows changes, not when another measure does', () => {
    const figure = clone(doc);
    figure.measures.find((m) => m.id === 'FPOC')!.series[3].value! += 0.1;
    expect(packVersion(figure, p)).not.toBe(packVersion(doc, p));
    const comment = clone(doc);
    comment.measures.find((m) => m.id === 'REVIEWS_UTD')!.latest.commentary!.nextSteps = 'Something else.';
    expect(packVersion(comment, p)).not.toBe(packVersion(doc, p));
    const elsewhere = clone(doc);
    elsewhere.measures.find((m) => m.id === 'HOMECARE_HOURS')!.series[0].value! += 1;
    expect(packVersion(elsewhere, p)).toBe(packVersion(doc, p));
  });
});
