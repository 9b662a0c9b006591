import { describe, expect, it } from 'vitest';
import type { PackTemplate } from '../../../functions/core/cards/pack-template.ts';
import { comparatorKind, packVersion, summarisePack } from '../../../functions/core/cards/summary.ts';
import type { MeasuresDocument } from '../../../functions/core/measures/document.ts';
import { fixtureDocument } from './fixture-document.ts';

/**
 * A parsed pack, made directly: these tests name hand-made measures the catalogue does not hold
 * (and a measures document may lack a measure a pack names), which the template schema refuses.
 */
function pack(measures: string[], extra: Partial<PackTemplate> = {}): PackTemplate {
  return {
    id: 'p', title: 'Pack', committee: 'Committee', council: 'Council', sections: [{ title: 'All', measures }], requires: ['events'],
    distribution: { lists: ['board'], previewList: 'performance-team', ownersList: 'owners', approval: 'auto', workingDay: 5, time: '09:00', reminderDay: 10 },
    disclosureControl: true, clerk: { meetings: {} }, equity: {},
    ...extra,
  };
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

describe('RAG changes since last month, from the measures themselves', () => {
  /** A high-is-good percentage measure: October then November 2021, each with its target. */
  function m(id: string, oct: number | null, nov: number, target: number, octN = 50): MeasuresDocument['measures'][number] {
    const rag = (v: number | null) => (v == null ? null : v >= target ? 'green' : target - v <= 0.1 * target ? 'amber' : 'red');
    const series = [
      ...(oct == null ? [] : [{ month: '2021-10', value: oct, numerator: octN, denominator: 100, reason: null }]),
      { month: '2021-11', value: nov, numerator: 50, denominator: 100, reason: null },
    ];
    return {
      id, title: `Measure ${id}`, unit: 'percent', polarity: 'high', basis: 'month', series, breakdowns: {},
      latest: { month: '2021-11', value: nov, target, rag: rag(nov), direction: null, previous: oct == null ? null : { month: '2021-10', value: oct, target, rag: rag(oct) } },
      spc: null, spcNote: 'fewer than 12 points',
    } as MeasuresDocument['measures'][number];
  }
  const doc = (...measures: MeasuresDocument['measures']): MeasuresDocument => ({ schemaVersion: 1, laCode: 'E08000018', period: '2021-11', measures });

  it('lists each measure whose rating differs from October\'s, with no earlier pack needed', () => {
    // A: 60 → 40 against 50: green → red. B: 46 → 52: amber → green. C: 55 → 56: green both months.
    const s = summarisePack(doc(m('A', 60, 40, 50), m('B', 46, 52, 50), m('C', 55, 56, 50)), pack(['A', 'B', 'C']));
    expect(s.ragChanges).toEqual([
      { id: 'A', title: 'Measure A', from: 'green', to: 'red' },
      { id: 'B', title: 'Measure B', from: 'amber', to: 'green' },
    ]);
    expect(s.ragCompared).toBe(3);
  });

  it('compares nothing when no measure has a month before', () => {
    const s = summarisePack(doc(m('A', null, 40, 50)), pack(['A']));
    expect(s).toMatchObject({ ragChanges: [], ragCompared: 0 });
  });

  it('a withheld month has no rating, so a change to or from it reads "no rating"', () => {
    // October's 60% rests on 5 people: withheld, so no rating is published for it.
    const s = summarisePack(doc(m('A', 60, 40, 50, 5)), pack(['A']));
    expect(s.ragChanges).toEqual([{ id: 'A', title: 'Measure A', from: null, to: 'red' }]);
    const open = summarisePack(doc(m('A', 60, 40, 50, 5)), pack(['A'], { disclosureControl: false }));
    expect(open.ragChanges).toEqual([{ id: 'A', title: 'Measure A', from: 'green', to: 'red' }]);
  });
});
