import { describe, expect, it } from 'vitest';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['measure_id', 'financial_year', 'target', 'breakdown'];
const check = (rows: string[][]) => validateText('targets', csvText(HEADER, rows));

describe('targets', () => {
  it('parses targets with an optional breakdown', async () => {
    const r = await check([['REVIEWS_UTD', '2021/22', '75', ''], ['ASSESS_LT', '2021/22', '80.5', '18-64']]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual([
      { measureId: 'REVIEWS_UTD', financialYear: '2021/22', target: 75, breakdown: null, rebaseFrom: null, rebaseReason: null },
      { measureId: 'ASSESS_LT', financialYear: '2021/22', target: 80.5, breakdown: '18-64', rebaseFrom: null, rebaseReason: null },
    ]);
  });

  const REBASE = [...HEADER, 'rebase_from', 'rebase_reason'];
  const checkRebase = (rows: string[][]) => validateText('targets', csvText(REBASE, rows));

  it('reads a re-basing month and its reason; the same month on two rows of a measure is fine', async () => {
    const r = await checkRebase([
      ['WAIT_ASSESS_DAYS', '2020/21', '30', '', '2021-04', 'New triage team from April 2021'],
      ['WAIT_ASSESS_DAYS', '2021/22', '28', '', '2021-04', ''],
      ['FPOC', '2021/22', '65', '', '', ''],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.data?.map((t) => [t.measureId, t.rebaseFrom, t.rebaseReason])).toEqual([
      ['WAIT_ASSESS_DAYS', '2021-04', 'New triage team from April 2021'],
      ['WAIT_ASSESS_DAYS', '2021-04', null],
      ['FPOC', null, null],
    ]);
  });

  it.each<[string, string[][], string[]]>([
    ['two different re-basing months for one measure', [['X', '2020/21', '1', '', '2021-01', ''], ['X', '2021/22', '1', '', '2021-02', '']], ['rebase-conflict@2:rebase_from']],
    ['a re-basing month written 04/2021', [['X', '2021/22', '1', '', '04/2021', '']], ['month-format@1:rebase_from']],
    ['a reason of 201 characters', [['X', '2021/22', '1', '', '2021-04', 'x'.repeat(201)]], ['text-too-long@1:rebase_reason']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await checkRebase(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });

  it('accepts a reason of exactly 200 characters', async () => {
    const r = await checkRebase([['X', '2021/22', '1', '', '2021-04', 'x'.repeat(200)]]);
    expect(r.errors).toEqual([]);
    expect(r.data?.[0].rebaseReason).toHaveLength(200);
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
