import { describe, expect, it } from 'vitest';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['measure_id', 'year', 'comparator', 'value', 'basis', 'quartile_boundaries'];
const check = (rows: string[][]) => validateText('benchmarks', csvText(HEADER, rows));

describe('benchmarks', () => {
  it('parses values; basis defaults to rolling12; quartiles are q1|q2|q3', async () => {
    const r = await check([['REVIEWS_UTD', '2020/21', 'England', '56.8', '', '50.1|57.2|63.9'], ['ASSESS_LT', '2021', 'CIPFA nearest neighbours', '80', 'Month', '']]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual([
      { measureId: 'REVIEWS_UTD', year: '2020/21', comparator: 'England', value: 56.8, basis: 'rolling12', quartileBoundaries: [50.1, 57.2, 63.9] },
      { measureId: 'ASSESS_LT', year: '2021', comparator: 'CIPFA nearest neighbours', value: 80, basis: 'month', quartileBoundaries: null },
    ]);
  });

  it.each<[string, string[][], string[]]>([
    ['two quartile boundaries', [['X', '2021', 'England', '1', '', '1|2']], ['quartile-boundaries@1:quartile_boundaries']],
    ['quartiles out of order', [['X', '2021', 'England', '1', '', '3|2|1']], ['quartile-boundaries@1:quartile_boundaries']],
    ['unknown basis', [['X', '2021', 'England', '1', 'annual', '']], ['code-list@1:basis']],
    ['year written 21/22', [['X', '21/22', 'England', '1', '', '']], ['year-format@1:year']],
    ['value with a %', [['X', '2021', 'England', '56%', '', '']], ['number-format@1:value']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });
});
