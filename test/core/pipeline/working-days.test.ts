import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BankHolidaysError,
  bankHolidaysSchema,
  holidaySet,
  isNthWorkingDay,
  isOnOrAfterNthWorkingDay,
  isWorkingDay,
  londonDay,
  nthWorkingDay,
  parseBankHolidays,
  previousMonth,
  workingDaysOfMonth,
} from '../../../functions/core/pipeline/working-days.ts';

const file = path.resolve(import.meta.dirname, '../../../templates/bank-holidays.json');
const list = bankHolidaysSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const holidays = holidaySet(list);

describe('the shipped bank-holiday list (England and Wales, 2018-2030)', () => {
  it('covers every year with the usual eight holidays, more in special years', () => {
    for (let y = 2018; y <= 2030; y++) {
      const n = list.dates.filter((d) => d.date.startsWith(String(y))).length;
      expect(n, String(y)).toBe(y === 2022 ? 10 : y === 2023 ? 9 : 8);
    }
  });
  it('has the GOV.UK moves and one-offs', () => {
    for (const d of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08', '2021-12-27', '2021-12-28', '2022-01-03', '2026-12-28'])
      expect(holidays.has(d), d).toBe(true);
    expect(holidays.has('2020-05-04')).toBe(false);
    expect(holidays.has('2022-05-30')).toBe(false);
  });
  it('never lists a weekend', () => {
    for (const d of list.dates) expect([0, 6]).not.toContain(new Date(`${d.date}T12:00:00Z`).getUTCDay());
  });
});

describe('working days', () => {
  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2021-12-25', holidays)).toBe(false);
    expect(isWorkingDay('2021-12-27', holidays)).toBe(false);
    expect(isWorkingDay('2021-12-29', holidays)).toBe(true);
    // January 2022: the 1st is a Saturday and the 3rd the substitute New Year's Day.
    expect(workingDaysOfMonth('2022-01', holidays).slice(0, 5)).toEqual(['2022-01-04', '2022-01-05', '2022-01-06', '2022-01-07', '2022-01-10']);
  });

  it('finds the Nth working day, or null past the end of the month', () => {
    expect(nthWorkingDay('2021-12', 5, holidays)).toBe('2021-12-07');
    expect(nthWorkingDay('2022-06', 1, holidays)).toBe('2022-06-01');
    expect(nthWorkingDay('2022-06', 2, holidays)).toBe('2022-06-06');
    expect(nthWorkingDay('2021-12', 30, holidays)).toBeNull();
  });

  it('uses the London date across the clock changes', () => {
    // BST: 23:30 UTC on 31 March 2025 is 00:30 on 1 April in London.
    expect(londonDay(new Date('2025-03-31T23:30:00Z'))).toBe('2025-04-01');
    // GMT: 23:30 UTC on 31 January is still 31 January.
    expect(londonDay(new Date('2025-01-31T23:30:00Z'))).toBe('2025-01-31');
    // The night the clocks go forward (30 March 2025, 01:00 UTC) and back (26 October 2025, 01:00 UTC).
    expect(londonDay(new Date('2025-03-30T00:59:00Z'))).toBe('2025-03-30');
    expect(londonDay(new Date('2025-10-25T23:30:00Z'))).toBe('2025-10-26');
    expect(londonDay(new Date('2025-10-26T23:30:00Z'))).toBe('2025-10-26');
  });

  it('decides "today is the 1st working day" on the London date, not the UTC one', () => {
    // 1 April 2025 is a Tuesday: the 1st working day of April. At 23:30 UTC on 31 March it is already that day in London.
    expect(isNthWorkingDay(new Date('2025-03-31T23:30:00Z'), 1, holidays)).toBe(true);
    expect(isNthWorkingDay(new Date('2025-03-31T22:30:00Z'), 1, holidays)).toBe(false);
    // In winter (GMT) 23:30 UTC on 31 October... is still 31 October (clocks went back on the 26th).
    expect(isNthWorkingDay(new Date('2025-10-31T23:30:00Z'), 1, holidays)).toBe(false);
    expect(isNthWorkingDay(new Date('2025-11-03T07:00:00Z'), 1, holidays)).toBe(true);
  });

  it('is due from the Nth working day to the end of the month, on working days only', () => {
    expect(isOnOrAfterNthWorkingDay(new Date('2021-12-06T07:00:00Z'), 5, holidays)).toBe(false);
    expect(isOnOrAfterNthWorkingDay(new Date('2021-12-07T07:00:00Z'), 5, holidays)).toBe(true);
    expect(isOnOrAfterNthWorkingDay(new Date('2021-12-24T07:00:00Z'), 5, holidays)).toBe(true);
    expect(isOnOrAfterNthWorkingDay(new Date('2021-12-27T07:00:00Z'), 5, holidays)).toBe(false); // substitute Christmas Day
    expect(isOnOrAfterNthWorkingDay(new Date('2021-12-25T07:00:00Z'), 5, holidays)).toBe(false); // Saturday
    expect(isOnOrAfterNthWorkingDay(new Date('2021-12-31T07:00:00Z'), 30, holidays)).toBe(false); // no 30th working day
  });

  it('Easter moves the 5th working day of April', () => {
    // April 2026 starts on a Wednesday; Good Friday is the 3rd, Easter Monday the 6th.
    expect(nthWorkingDay('2026-04', 5, holidays)).toBe('2026-04-09');
    expect(nthWorkingDay('2026-04', 5, new Set())).toBe('2026-04-07');
  });

  it('steps back a month across a year end', () => {
    expect(previousMonth('2022-01')).toBe('2021-12');
    expect(previousMonth('2021-12')).toBe('2021-11');
  });
});

describe('parseBankHolidays', () => {
  it('gives the dates of a valid list', () => {
    expect(parseBankHolidays(readFileSync(file, 'utf8'), file)).toEqual(holidays);
  });
  it('names the file and the problem when an edit broke it', () => {
    expect(() => parseBankHolidays('{"division":', 'bh.json')).toThrow(/^bh\.json: is not valid JSON/);
    const badDate = JSON.stringify({ division: 'england-and-wales', source: 'x', dates: [{ date: '25/12/2026', title: 'Christmas Day' }] });
    expect(() => parseBankHolidays(badDate, 'bh.json')).toThrow(BankHolidaysError);
    expect(() => parseBankHolidays(badDate, 'bh.json')).toThrow(/bh\.json: dates\.0\.date: .*YYYY-MM-DD/);
  });
});
