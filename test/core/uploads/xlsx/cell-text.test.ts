import { describe, expect, it } from 'vitest';
import { cellText, dateText, isBuiltInDateFormat, isDateFormat, numberText, serialToDate, type WorkbookFormats } from '../../../../functions/core/uploads/xlsx/cell-text.ts';

const formats: WorkbookFormats = { sharedStrings: ['Service user', 'Carer'], dateStyles: [false, true], date1904: false };
const cell = (type: string, value: string, style = 0) => cellText({ type, value, style }, formats);

describe('cell text', () => {
  it('numbers are plain decimals without exponent or float noise', () => {
    expect(numberText(0.1)).toBe('0.1');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(12)).toBe('12');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(-7.5)).toBe('-7.5');
    expect(cell('n', '1.0000000000000001E-7')).toBe('0.0000001');
    expect(cell('n', '0.30000000000000004')).toBe('0.3');
  });

  it('dates are YYYY-MM-DD, with the time only when it is not midnight', () => {
    expect(dateText(new Date('2021-03-31T00:00:00Z'))).toBe('2021-03-31');
    expect(dateText(new Date('2021-03-31T23:59:59.9996Z'))).toBe('2021-04-01');
    expect(dateText(new Date('2021-03-31T12:00:00Z'))).toBe('2021-03-31 12:00:00');
  });

  it('a number in a date format is a date, in either date system', () => {
    expect(cell('n', '44316', 1)).toBe('2021-04-30');
    expect(cell('', '44316.5', 1)).toBe('2021-04-30 12:00:00');
    expect(cell('n', '44316', 0)).toBe('44316');
    // The same day is 1,462 serials lower in the 1904 system.
    expect(cellText({ type: 'n', value: String(44316 - 1462), style: 1 }, { ...formats, date1904: true })).toBe('2021-04-30');
    expect(serialToDate(25569).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(serialToDate(60, false).toISOString().slice(0, 10)).toBe('1900-02-28'); // before the fictitious 29 Feb 1900
  });

  it('shared strings, inline and formula strings, booleans, errors and ISO date cells', () => {
    expect(cell('s', '1')).toBe('Carer');
    expect(() => cell('s', '2')).toThrow(/shared string 2/);
    expect(() => cell('s', 'x')).toThrow();
    expect(cell('inlineStr', 'Direct payment')).toBe('Direct payment');
    expect(cell('str', 'Yes')).toBe('Yes');
    expect(cell('b', '1')).toBe('TRUE');
    expect(cell('b', '0')).toBe('FALSE');
    expect(cell('e', '#N/A')).toBe('#N/A');
    expect(cell('d', '2021-04-30T00:00:00')).toBe('2021-04-30');
    expect(cell('d', '2021-04-30T09:30:00Z')).toBe('2021-04-30 09:30:00');
    expect(cell('n', '')).toBe(''); // a formula with no cached result
  });

  it('an impossible ISO date cell keeps its day, so the date rule rejects it (never rolled over)', () => {
    expect(cell('d', '2021-11-31')).toBe('2021-11-31');
    expect(cell('d', '2021-11-31T00:00:00Z')).toBe('2021-11-31');
    expect(cell('d', '2021-02-29T10:00:00')).toBe('2021-02-29');
    expect(cell('d', '2021-12-01T00:00:00+00:00')).toBe('2021-12-01');
    expect(cell('d', '2021-12-01T00:30:00+01:00')).toBe('2021-11-30 23:30:00');
  });

  it('only the XML number form is a number: hex, infinities and separators stay text for the value rules', () => {
    for (const text of ['0x1F', 'Infinity', '-Infinity', 'NaN', '1_000', '0b11']) expect(cell('n', text)).toBe(text);
    expect(cell('n', '1e308')).toBe(`1${'0'.repeat(308)}`);
    expect(cell('n', '+.5E1')).toBe('5');
  });

  it('knows date formats: built-in ids and custom codes, ignoring quoted text, colours and locales', () => {
    expect(isBuiltInDateFormat(14)).toBe(true);
    expect(isBuiltInDateFormat(22)).toBe(true);
    expect(isBuiltInDateFormat(2)).toBe(false);
    expect(isBuiltInDateFormat(49)).toBe(false);
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-en-GB]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('[Red]#,##0.00')).toBe(false);
    expect(isDateFormat('0.0" days"')).toBe(false);
    expect(isDateFormat('£#,##0')).toBe(false);
    // NHS numbers shown with spaces are still read as their digits (by value, not as displayed).
    expect(isDateFormat('000 000 0000')).toBe(false);
    expect(cellText({ type: 'n', value: '9434765919', style: 2 }, { ...formats, dateStyles: [false, true, false] })).toBe('9434765919');
  });
});
