/**
 * A worksheet cell as CSV text, so one set of value rules checks both formats. Cells are read by
 * value, not as displayed: a number formatted "#,##0" or "000 000 0000" is its plain decimal (a CSV
 * export would print the separators, which the number rules would then reject); a date-formatted
 * number is `YYYY-MM-DD` (with the time when it is not midnight, so the date rule rejects it);
 * booleans are TRUE/FALSE, errors as Excel shows them (#N/A), and a formula is its cached result
 * (blank when it has none).
 */
import Big from 'big.js';

/** A `<c>` element as read from the sheet: its type attribute, style index and value text. */
export interface RawCell {
  /** `t`: s (shared string), inlineStr, str (formula text), b, e, d (ISO date), n or absent (number). */
  type: string;
  /** `s`: index into the workbook's cell formats; 0 when absent. */
  style: number;
  /** The `<v>` text, or the inline string's text for `inlineStr`. */
  value: string;
}

export interface WorkbookFormats {
  sharedStrings: readonly string[];
  /** For each cell format index, whether its number format shows a date or time. */
  dateStyles: readonly boolean[];
  /** The 1904 date system (old Mac workbooks): serial 0 is 1904-01-01 instead of 1899-12-30. */
  date1904: boolean;
}

export class CellError extends Error {}

export function cellText(cell: RawCell, formats: WorkbookFormats): string {
  const { type, value } = cell;
  switch (type) {
    case 's': {
      const text = formats.sharedStrings[Number(value)];
      if (!/^\d+$/.test(value) || text === undefined) throw new CellError(`a cell refers to shared string ${value}, which the workbook does not hold`);
      return text;
    }
    case 'inlineStr':
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '1' || value.toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'd':
      return value === '' ? '' : dateText(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`));
    default: {
      if (value.trim() === '') return '';
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      return formats.dateStyles[cell.style] ? dateText(serialToDate(n, formats.date1904)) : numberText(n);
    }
  }
}

/**
 * Plain decimal text: no exponent, and rounded to the 15 significant digits Excel keeps, so a
 * stored 0.30000000000000004 reads 0.3 as Excel shows it.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return new Big(Number(n.toPrecision(15))).toFixed();
}

/** `YYYY-MM-DD`, or with `HH:MM:SS` when the time is not midnight (to the nearest second). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return String(d);
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(t.getUTCFullYear(), 4)}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  const h = t.getUTCHours();
  const m = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${p(h)}:${p(m)}:${p(s)}`;
}

/**
 * Excel's serial day numbers: in the 1900 system serial 25569 is 1970-01-01 (the system's
 * fictitious 29 February 1900 lies before every date an extract holds); in the 1904 system, 24107.
 */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000));
}

/**
 * Built-in number formats that show dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58
 * in East Asian locales (ECMA-376 Part 1, 18.8.30).
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isBuiltInDateFormat(numFmtId: number): boolean {
  return BUILT_IN_DATE_FORMATS.has(numFmtId);
}

/** A custom number format that shows a date or time: d, m, y, h or s outside quotes and brackets. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}
