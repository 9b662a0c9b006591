import { describe, expect, it } from 'vitest';
import { dayOf, isoOf } from '../../../functions/core/calendar/days.ts';
import {
  checkLaCode,
  isoDayFast,
  isProblem,
  nhsCheckDigitOk,
  parseDate,
  parseDecimal,
  parseFinancialYear,
  parseMonth,
  parseNhsNumber,
  parsePositiveInteger,
  trimValue,
} from '../../../functions/core/uploads/values.ts';

const ruleOf = (x: unknown) => (isProblem(x) ? x.rule : 'ok');

describe('trimValue', () => {
  it('trims spaces, tabs and no-break spaces only', () => {
    expect(trimValue(' \t\u00a0Tenant \u00a0\t')).toBe('Tenant');
    expect(trimValue('in  side')).toBe('in  side');
    expect(trimValue('\u00a0')).toBe('');
    expect(trimValue('\nx')).toBe('\nx');
  });
});

describe('parseDate', () => {
  const day = dayOf(2021, 3, 7);
  it.each(['2021-03-07', '7/3/2021', '07/03/2021', '2021-03-07 00:00:00', '2021-03-07 00:00:00.000'])('reads %s', (text) => {
    expect(parseDate(text)).toBe(day);
  });

  it.each([
    ['2021-3-7', 'date-format'],
    ['07-03-2021', 'date-format'],
    ['2021/03/07', 'date-format'],
    ['7 March 2021', 'date-format'],
    ['44262', 'date-format'],
    ['2021-03-07T00:00:00', 'date-format'],
    ['2021-03-07 00:00', 'date-format'],
    ['2021-03-07 09:30:00', 'date-not-midnight'],
    ['2021-03-07 00:00:00.500', 'date-not-midnight'],
    ['2021-02-29', 'impossible-date'],
    ['31/04/2021', 'impossible-date'],
    ['2021-13-01', 'impossible-date'],
    ['00/01/2021', 'impossible-date'],
  ])('rejects %s (%s)', (text, rule) => {
    expect(ruleOf(parseDate(text))).toBe(rule);
  });

  it('knows leap years', () => {
    expect(isoOf(parseDate('29/02/2020') as number)).toBe('2020-02-29');
    expect(ruleOf(parseDate('1900-02-29'))).toBe('impossible-date');
    expect(isoOf(parseDate('2000-02-29') as number)).toBe('2000-02-29');
  });

  it('the fast YYYY-MM-DD path reads every day of 1899-2101 as the general path does, and refuses the rest', () => {
    for (let d = dayOf(1899, 1, 1); d <= dayOf(2101, 12, 31); d++) {
      const iso = isoOf(d);
      expect(isoDayFast(iso)).toBe(d);
      if (d % 97 === 0) expect(parseDate(iso)).toBe(d);
    }
    for (const bad of ['2021-02-30', '2021-00-10', '2021-12-32', '2021-1a-01', '2021/12/01', '2100-02-29']) expect(isoDayFast(bad)).toBeUndefined();
  });
});

describe('parseDecimal', () => {
  it.each(['12', '7.5', '0', '0.00', '007'])('accepts %s', (text) => expect(parseDecimal(text)).toBe(text));
  it.each([
    ['£12', /currency/],
    ['1,250', /thousands separator/],
    ['12.5%', /%/],
    ['-3', /negative/],
    ['1e3', /not a number/],
    ['.5', /not a number/],
    ['5.', /not a number/],
    ['twelve', /not a number/],
  ])('rejects %s with a helpful message', (text, message) => {
    const p = parseDecimal(text);
    expect(isProblem(p) && p.message).toMatch(message);
  });
  it('allows a leading minus for pounds (finance)', () => {
    expect(parseDecimal('-1250.75', 'pounds')).toBe('-1250.75');
    expect(ruleOf(parseDecimal('-£1250', 'pounds'))).toBe('number-format');
  });

  it('keeps every number exact: at most 15 significant digits and 4 decimal places', () => {
    for (const ok of ['123456789012345', '12345678901.2345', '0.0001', '0.0012', '000000000000000000001', '1.2300']) expect(parseDecimal(ok)).toBe(ok);
    const tooLong = ['1234567890123456', '1' + '0'.repeat(308), '12345678901234.56', '0.00001', '1.23456', '7.' + '5'.repeat(1000)];
    for (const bad of tooLong) expect(ruleOf(parseDecimal(bad))).toBe('number-precision');
    expect(isProblem(parseDecimal('0.12345')) && parseDecimal('0.12345')).toMatchObject({ message: 'has 5 decimal places; a number may have at most 4' });
    expect(isProblem(parseDecimal('1234567890123456')) && parseDecimal('1234567890123456')).toMatchObject({ message: 'has 16 significant digits; at most 15 can be kept exactly' });
  });

  it('keeps pounds to pence and under a trillion: 2 decimal places, 12 digits before the point', () => {
    for (const ok of ['-999999999999.99', '0.5', '000123456789012.10']) expect(parseDecimal(ok, 'pounds')).toBe(ok);
    expect(parseDecimal('12.345', 'pounds')).toMatchObject({ rule: 'number-precision', message: 'has 3 decimal places; pounds and pence may have at most 2' });
    expect(parseDecimal('-1234567890123', 'pounds')).toMatchObject({ rule: 'number-precision', message: 'has 13 digits before the decimal point; at most 12 are allowed' });
    expect(ruleOf(parseDecimal('9'.repeat(309), 'pounds'))).toBe('number-precision');
  });
});

describe('parsePositiveInteger', () => {
  it('accepts whole numbers above 0 only', () => {
    expect(parsePositiveInteger('158600')).toBe(158600);
    expect(ruleOf(parsePositiveInteger('0'))).toBe('number-range');
    expect(ruleOf(parsePositiveInteger('158600.5'))).toBe('number-format');
    expect(ruleOf(parsePositiveInteger('158,600'))).toBe('number-format');
    expect(ruleOf(parsePositiveInteger('1234567890123456'))).toBe('number-precision');
  });
});

describe('NHS numbers', () => {
  it('removes spaces, needs 10 digits and checks Modulus 11', () => {
    expect(parseNhsNumber('943 476 5919')).toEqual({ digits: '9434765919', checkDigitOk: true });
    expect(parseNhsNumber('9434765918')).toEqual({ digits: '9434765918', checkDigitOk: false });
    expect(ruleOf(parseNhsNumber('943476591'))).toBe('nhs-number');
    expect(ruleOf(parseNhsNumber('94347659190'))).toBe('nhs-number');
    expect(ruleOf(parseNhsNumber('943-476-5919'))).toBe('nhs-number');
  });
  it('treats a check digit of 10 as invalid', () => {
    // First nine digits 100000001: 1×10 + 1×2 = 12, 12 mod 11 = 1, 11 − 1 = 10: no check digit fits.
    expect(nhsCheckDigitOk('1000000010')).toBe(false);
    expect(nhsCheckDigitOk('1000000019')).toBe(false);
  });
});

describe('codes and periods', () => {
  it('council ONS codes', () => {
    for (const ok of ['E06000001', 'E08000018', 'E09000033', 'E10000034']) expect(checkLaCode(ok)).toBeUndefined();
    for (const bad of ['E07000001', 'e08000018', 'E0800001', 'E080000181', 'W06000001']) expect(checkLaCode(bad)?.rule).toBe('la-code');
  });
  it('months and financial years', () => {
    expect(parseMonth('2021-11')).toBe('2021-11');
    expect(ruleOf(parseMonth('2021-13'))).toBe('month-format');
    expect(ruleOf(parseMonth('Nov-21'))).toBe('month-format');
    expect(parseFinancialYear('2021/22')).toBe('2021/22');
    expect(parseFinancialYear('1999/00')).toBe('1999/00');
    expect(ruleOf(parseFinancialYear('2021/23'))).toBe('financial-year-format');
    expect(ruleOf(parseFinancialYear('2021-22'))).toBe('financial-year-format');
  });
});
