import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../../functions/core/calendar/days.ts';
import { csvText, errorKeys, validateText } from '../fixtures.ts';

const HEADER = ['la_code', 'la_person_unique_identifier', 'date_of_birth', 'waiting_for', 'request_date', 'as_at_date', 'team'];
const ROW = ['E08000018', 'P1', '1950-03-04', 'Assessment', '2021-10-02', '2021-11-30', 'North'];
const check = (rows: string[][]) => validateText('waiting', csvText(HEADER, rows));
const with_ = (i: number, v: string) => ROW.map((x, j) => (j === i ? v : x));

describe('waiting', () => {
  it('parses rows at one month end or many, each row keeping its own', async () => {
    const r = await check([ROW, with_(3, 'review'), with_(5, '2021-10-31')]);
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({
      laCode: 'E08000018',
      rows: [
        { asAt: dayOf(2021, 11, 30), personId: 'P1', dateOfBirth: dayOf(1950, 3, 4), waitingFor: 'Assessment', requestDate: dayOf(2021, 10, 2), team: 'North', priority: null },
        { asAt: dayOf(2021, 11, 30), personId: 'P1', dateOfBirth: dayOf(1950, 3, 4), waitingFor: 'Review', requestDate: dayOf(2021, 10, 2), team: 'North', priority: null },
        { asAt: dayOf(2021, 10, 31), personId: 'P1', dateOfBirth: dayOf(1950, 3, 4), waitingFor: 'Assessment', requestDate: dayOf(2021, 10, 2), team: 'North', priority: null },
      ],
    });
  });

  it.each<[string, string[][], string[]]>([
    ['as_at_date not a month end', [with_(5, '2021-11-29')], ['month-end@1:as_at_date']],
    ['as_at_date not a month end on a later row', [ROW, with_(5, '2021-10-30')], ['month-end@2:as_at_date']],
    ['waiting_for not in the list', [with_(3, 'Reablement')], ['code-list@1:waiting_for']],
    ['request_date missing', [with_(4, '')], ['required@1:request_date']],
    ['request after the as-at date', [with_(4, '2021-12-01')], ['request-after-as-at@1:request_date']],
  ])('rejects %s', async (_n, rows, expected) => {
    const r = await check(rows);
    expect(errorKeys(r)).toEqual(expected);
    expect(r.data).toBeNull();
  });
});
