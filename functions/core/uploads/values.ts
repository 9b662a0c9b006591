/**
 * The value rules of extract-spec.md ("Values"): trimming, dates, numbers, NHS numbers.
 * Each parser returns the value or a `Problem` (never throws), so the caller decides the row,
 * column and whether it is an error or a warning.
 */
import { dayOf, isValidDate, type Day } from '../calendar/days.ts';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export interface Problem {
  rule: string;
  message: string;
}

const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'rule' in x;
export { isProblem };

/** Space, tab, no-break space: the only characters trimmed (extract-spec.md). */
function isPad(c: number): boolean {
  return c === 32 || c === 9 || c === 160;
}

/** Trims spaces, tabs and U+00A0 from both ends; fast when there is nothing to trim. */
export function trimValue(text: string): string {
  const n = text.length;
  if (n === 0 || (!isPad(text.charCodeAt(0)) && !isPad(text.charCodeAt(n - 1)))) return text;
  let a = 0;
  let b = n;
  while (a < b && isPad(text.charCodeAt(a))) a++;
  while (b > a && isPad(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

/**
 * A copy of `text` that does not share memory with the chunk it was cut from. V8 keeps a long
 * substring as a view of its parent, so one retained field would keep a whole decoded chunk
 * (and, over a file, the whole file) alive.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Days from 1970-01-01 to the first of each month, by `year * 12 + month - 1`, filled lazily. */
const monthStarts = new Map<number, number>();

/**
 * `YYYY-MM-DD` without a regular expression or allocation: the form of nearly every date in a
 * large extract. Undefined when the text is not exactly that form of a real date (the caller
 * then takes the general path, which also explains what is wrong).
 */
export function isoDayFast(text: string): Day | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    y = y * 10 + c;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > 28 + 3) return undefined;
  const key = y * 12 + m - 1;
  let first = monthStarts.get(key);
  if (first === undefined) {
    first = dayOf(y, m, 1);
    monthStarts.set(key, first);
  }
  if (d > 28 && d > (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1])) return undefined;
  return first + d - 1;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?)?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const DATE_FORMS = 'YYYY-MM-DD, DD/MM/YYYY or YYYY-MM-DD 00:00:00';

/** A date in one of the forms the spec allows; a time other than midnight is an error. */
export function parseDate(text: string): Day | Problem {
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO.exec(text);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined && (Number(iso[4]) || Number(iso[5]) || Number(iso[6]) || Number(iso[7] ?? 0))) {
      return { rule: 'date-not-midnight', message: 'has a time of day; only midnight (00:00:00) may follow a date' };
    }
    if (iso[7] !== undefined && iso[7] !== '000') {
      return { rule: 'date-format', message: `is not a date written ${DATE_FORMS}` };
    }
  } else {
    const uk = UK.exec(text);
    if (!uk) return { rule: 'date-format', message: `is not a date written ${DATE_FORMS}` };
    [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  }
  if (!isValidDate(y, m, d)) return { rule: 'impossible-date', message: 'is not a real calendar date' };
  return dayOf(y, m, d);
}

const DECIMAL = /^\d+(\.\d+)?$/;
const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * `number`: 0 or more, at most 4 decimal places. `pounds` (finance amounts): may be negative, at
 * most 2 decimal places and 12 digits before the point. Both at most 15 significant digits.
 */
export type NumberForm = 'number' | 'pounds';

/** Significant digits a double holds exactly (extract-spec.md "Values"). */
const MAX_SIGNIFICANT = 15;
const LIMITS: Record<NumberForm, { decimals: number; integerDigits: number }> = {
  number: { decimals: 4, integerDigits: Infinity },
  pounds: { decimals: 2, integerDigits: 12 },
};

/**
 * A decimal as the spec writes numbers; kept as text so sums can be exact. Every accepted value is
 * representable without loss, so no later sum or comparison fails or slows on it (issue 11: 309
 * digits broke big.js, a million decimal places took minutes).
 */
export function parseDecimal(text: string, form: NumberForm = 'number'): string | Problem {
  const signed = form === 'pounds';
  if ((signed ? SIGNED_DECIMAL : DECIMAL).test(text)) return precisionProblem(text, form) ?? text;
  if (text.includes('£') || text.includes('$') || text.includes('€')) {
    return { rule: 'number-format', message: 'has a currency sign; give the plain number (e.g. 1250.50, not £1,250.50)' };
  }
  if (text.includes('%')) return { rule: 'number-format', message: 'has a % sign; give the plain number (e.g. 12.5, not 12.5%)' };
  if (/\d,\d/.test(text)) return { rule: 'number-format', message: 'has a thousands separator; give the plain number (e.g. 1250, not 1,250)' };
  if (!signed && SIGNED_DECIMAL.test(text)) return { rule: 'negative-number', message: 'is negative; it must be 0 or more' };
  return { rule: 'number-format', message: `is not a number written like 12 or 7.5${signed ? ' (or -12.5)' : ''}` };
}

/** Undefined when a plain decimal keeps within `form`'s digits, else what is too long. */
function precisionProblem(text: string, form: NumberForm): Problem | undefined {
  const limits = LIMITS[form];
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  const point = text.indexOf('.');
  const integerEnd = point < 0 ? text.length : point;
  const decimals = point < 0 ? 0 : text.length - point - 1;
  let first = start;
  while (first < text.length && (text.charCodeAt(first) === 48 || text.charCodeAt(first) === 46)) first++;
  const significant = first === text.length ? 0 : text.length - first - (point > first ? 1 : 0);
  const integerDigits = Math.max(0, integerEnd - Math.max(start, Math.min(first, integerEnd)));
  if (decimals > limits.decimals) {
    const what = form === 'pounds' ? 'pounds and pence' : 'a number';
    return { rule: 'number-precision', message: `has ${decimals} decimal places; ${what} may have at most ${limits.decimals}` };
  }
  if (integerDigits > limits.integerDigits) {
    return { rule: 'number-precision', message: `has ${integerDigits} digits before the decimal point; at most ${limits.integerDigits} are allowed` };
  }
  if (significant > MAX_SIGNIFICANT) {
    return { rule: 'number-precision', message: `has ${significant} significant digits; at most ${MAX_SIGNIFICANT} can be kept exactly` };
  }
  return undefined;
}

/** A whole number greater than 0 (populations). */
export function parsePositiveInteger(text: string): number | Problem {
  if (/^\d+$/.test(text)) {
    const tooLong = precisionProblem(text, 'number');
    if (tooLong) return tooLong;
    const n = Number(text);
    if (n > 0 && Number.isSafeInteger(n)) return n;
    return { rule: 'number-range', message: 'must be a whole number greater than 0' };
  }
  const asDecimal = parseDecimal(text);
  if (isProblem(asDecimal)) return asDecimal;
  return { rule: 'number-format', message: 'must be a whole number (no decimal places)' };
}

export interface NhsNumber {
  digits: string;
  /** False when the Modulus 11 check digit is wrong: a warning, never an error. */
  checkDigitOk: boolean;
}

/** Spaces removed, then exactly 10 digits; the check digit is checked separately (warning). */
export function parseNhsNumber(text: string): NhsNumber | Problem {
  const digits = text.replace(/[ \t\u00a0]/g, '');
  if (!/^\d{10}$/.test(digits)) return { rule: 'nhs-number', message: 'is not 10 digits' };
  return { digits, checkDigitOk: nhsCheckDigitOk(digits) };
}

/** NHS Modulus 11: weights 10..2 on the first nine digits; 11 − (sum mod 11), 11 → 0, 10 invalid. */
export function nhsCheckDigitOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}

const LA_CODE = /^E(06|08|09|10)\d{6}$/;

export function checkLaCode(text: string): Problem | undefined {
  if (LA_CODE.test(text)) return undefined;
  return { rule: 'la-code', message: 'is not a council ONS code (E06, E08, E09 or E10 followed by 6 digits, e.g. E08000018)' };
}

/** `YYYY-MM`, a real month. */
export function parseMonth(text: string): string | Problem {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return text;
  return { rule: 'month-format', message: 'is not a month written YYYY-MM (e.g. 2021-11)' };
}

/** `2021/22`: a financial year, the second year following the first. */
export function parseFinancialYear(text: string): string | Problem {
  const m = /^(\d{4})\/(\d{2})$/.exec(text);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return text;
  return { rule: 'financial-year-format', message: 'is not a financial year written like 2021/22' };
}
