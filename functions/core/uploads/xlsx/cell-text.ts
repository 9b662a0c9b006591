/**
 * A worksheet cell as CSV text, so one set of value rules checks both formats. Cells are read by
 * value, not as displayed: a number formatted "#,##0" or "000 000 0000" is its plain decimal (a CSV
 * export would print the separators, which the number rules would then reject); a date-formatted
 * number is `YYYY-MM-DD` (with the time when it is not midnight, so the date rule rejects it);
 * booleans are TRUE/FALSE, errors as Excel shows them (#N/A), and a formula is its cached result
 * (blank when it has none).
 */
import Big from 'big.js';
import type { SharedStringTable } from './shared-strings.ts';

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
  /** A list of texts or the packed table (shared-strings.ts). */
  sharedStrings: SharedStringTable;
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
      const text = formats.sharedStrings.at(Number(value));
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
      return value === '' ? '' : isoCellText(value);
    default: {
      if (value.trim() === '') return '';
      // Only the XML number form is a number: `0x1F`, `Infinity` or `1_000` (which Number()
      // would take) stay text, and the value rules reject them as they would in a CSV.
      if (!XML_NUMBER.test(value.trim())) return value;
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      return formats.dateStyles[cell.style] ? dateText(serialToDate(n, formats.date1904)) : numberText(n);
    }
  }
}

/** xsd:double's lexical form, which a worksheet's `<v>` holds for a number (ECMA-376 Part 1, 18.3.1.96). */
const XML_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** An ISO 8601 date cell (`t="d"`): date, optional time and zone. */
const ISO_CELL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * A `t="d"` cell as the CSV text the date rules read. A date with no time (or midnight, in UTC)
 * keeps its own day, month and year, so an impossible date stays impossible (`2021-11-31` is an
 * error, where `Date` would roll it over to 1 December); only a time or a zone is converted.
 */
function isoCellText(value: string): string {
  const m = ISO_CELL.exec(value);
  if (!m) return value;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const midnight = (m[4] === undefined || Number(m[4]) + Number(m[5]) + Number(m[6] ?? 0) === 0) && (m[7] === undefined || /^(z|[+-]00:?00)$/i.test(m[7]));
  if (midnight || !isRealDay(day)) return day;
  return dateText(new Date(m[7] ? value : `${value}Z`));
}

function isRealDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
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
