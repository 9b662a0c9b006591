import { describe, expect, it } from 'vitest';
import { dayLong, monthLong, monthNameOf, monthShort } from '../../../functions/core/calendar/months.ts';
import { financialYearOf, financialYearStart } from '../../../functions/core/calendar/days.ts';

describe('month names', () => {
  it('names the first and last month of a year', () => {
    expect(monthNameOf('2022-01')).toBe('January');
    expect(monthLong('2021-12')).toBe('December 2021');
  });
  it('shortens for chart axes, keeping the two-digit year', () => {
    expect(monthShort('2021-11')).toBe('Nov 21');
    expect(monthShort('2009-03')).toBe('Mar 09');
  });
  it('writes a day without a leading zero', () => {
    expect(dayLong('2021-11-05')).toBe('5 November 2021');
    expect(dayLong('2022-01-31')).toBe('31 January 2022');
  });
});

describe('financial years (April to March)', () => {
  it('puts March in the year before and April in its own', () => {
    expect(financialYearOf('2022-03')).toBe('2021/22');
    expect(financialYearOf('2022-04')).toBe('2022/23');
    expect(financialYearStart('2022-03')).toBe('2021-04');
  });
  it('writes the turn of a century with two digits', () => {
    expect(financialYearOf('1999-12')).toBe('1999/00');
  });
});
