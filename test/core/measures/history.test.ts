import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../../functions/core/measures/compute.ts';
import { measuresDocumentSchema } from '../../../functions/core/measures/document.ts';
import { mergeHistory, mergeSeries } from '../../../functions/core/measures/history.ts';
import { community, events, inputs } from './builder.ts';

const point = (month: string, value: number | null) => ({ month, value, numerator: value, denominator: null, reason: null });

describe('mergeSeries', () => {
  it('keeps older months, lets the newer extract win where both have a month, and marks changed values revised', () => {
    const merged = mergeSeries([point('2021-01', 1), point('2021-02', 2), point('2021-03', 3)], [point('2021-02', 2), point('2021-03', 4), point('2021-04', 5)]);
    expect(merged).toEqual([point('2021-01', 1), point('2021-02', 2), { ...point('2021-03', 4), revised: true }, point('2021-04', 5)]);
  });

  it('a placeholder for a snapshot upload not given this time does not replace a real value', () => {
    const placeholder = { ...point('2021-03', null), reason: 'no upload' };
    expect(mergeSeries([point('2021-03', 3)], [placeholder])).toEqual([point('2021-03', 3)]);
    expect(mergeSeries([point('2021-02', 3)], [placeholder])).toEqual([point('2021-02', 3), placeholder]);
  });
});

describe('mergeHistory', () => {
  // One person with community LTS all along: LTS_CLIENTS = 1 in every month. The newer extract
  // (Jan 2021 – Dec 2021) adds a second person from March 2021 recorded late.
  const older = computeMeasures(inputs(events({ start: '2020-01-01', end: '2021-03-31' }, [community('A', '2019-01-01', null)])), {});
  const newer = computeMeasures(
    inputs(events({ start: '2021-01-01', end: '2021-12-31' }, [community('A', '2019-01-01', null), community('B', '2021-03-01', null)]), {
      targets: [{ measureId: 'LTS_CLIENTS', financialYear: '2021/22', target: 2, breakdown: null, rebaseFrom: null, rebaseReason: null }],
    }),
  );
  const merged = mergeHistory(older, newer);
  const lts = merged.measures.find((m) => m.id === 'LTS_CLIENTS')!;

  it('gives 24 months where the newer extract alone has 12', () => {
    expect(newer.measures.find((m) => m.id === 'LTS_CLIENTS')!.series).toHaveLength(12);
    expect(lts.series.map((p) => p.month)).toEqual(Array.from({ length: 24 }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`));
    expect(measuresDocumentSchema.parse(merged).period).toBe('2021-12');
  });

  it('marks March 2021 revised (1 → 2) and not the months that kept their value', () => {
    expect(lts.series.find((p) => p.month === '2021-03')).toMatchObject({ value: 2, revised: true });
    expect(lts.series.find((p) => p.month === '2021-02')!.revised).toBeUndefined();
    expect(lts.breakdowns.community.find((p) => p.month === '2021-03')).toMatchObject({ value: 2, revised: true });
  });

  it('recomputes SPC and direction on the merged series, keeping the newer target', () => {
    // The newer document alone has 12 points; merged, 24. December 2020 (1) is a year before December 2021 (2).
    expect(newer.measures.find((m) => m.id === 'LTS_CLIENTS')!.latest.direction).toBeNull();
    expect(lts.latest).toMatchObject({ month: '2021-12', value: 2, lastYear: 1, direction: 'up', target: 2 });
    expect(lts.spc?.mean).toBeCloseTo((14 * 1 + 10 * 2) / 24, 4);
  });

  it('without a previous document returns the current one', () => {
    expect(mergeHistory(null, newer)).toBe(newer);
  });
});
