import { describe, expect, it } from 'vitest';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['measure_id', 'financial_year', 'target', 'breakdown'];
const check = (rows: string[][]) => validateText('targets', csvText(HEADER, rows));

describe('targets', () => {
  it('parses targets with an optional breakdown', async () => {
    const r = await check([['REVIEWS_UTD', '2021/22', '75', ''], ['ASSESS_LT', '2021/22', '80.5', '18-64']]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual([
      { measureId: 'REVIEWS_UTD', financialYear: '2021/22', target: 75, breakdown: null },
      { measureId: 'ASSESS_LT', financialYear: '2021/22', target: 80.5, breakdown: '18-64' },
    ]);
  });

  it.each<[string, string[][], string[]]>([
    ['financial year written 2021-22', [['X', '2021-22', '1', '']], ['financial-year-format@1:financial_year']],
    ['financial year not consecutive', [['X', '2021/23', '1', '']], ['financial-year-format@1:financial_year']],
    ['target with a % sign', [['X', '2021/22', '75%', '']], ['number-format@1:target']],
    ['blank measure', [['', '2021/22', '1', '']], ['required@1:measure_id']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });
});
