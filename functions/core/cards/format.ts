/**
 * How numbers, months and words look on a card. One place, so the summary table, the cards and
 * the email body (which reuses PackSummary) all say the same thing the same way.
 */
import type { MeasureResult } from '../measures/document.ts';
import { isSmallCount } from './disclosure.ts';

export type Unit = MeasureResult['unit'];

export { dayLong, monthLong, monthShort } from '../calendar/months.ts';

/** The month twelve months before. */
export function monthMinusYear(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y) - 1}-${m}`;
}

function grouped(v: number, dp: number): string {
  return v.toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

/** A bare number in the unit's precision, without the unit (tables with a unit column, axes). */
export function formatNumber(value: number, unit: Unit): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  switch (unit) {
    case 'count':
      return sign + grouped(abs, 0);
    case 'gbp':
      return `${sign}£${grouped(abs, 0)}`;
    case 'hours':
      return sign + grouped(abs, Number.isInteger(abs) ? 0 : 1);
    default:
      return sign + grouped(abs, 1);
  }
}

/** A value with its unit, as a board member reads it: `52.3%`, `83.4 per 100,000`, `£1,204`. */
export function formatValue(value: number, unit: Unit): string {
  const n = formatNumber(value, unit);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'per100k':
      return `${n} per 100,000`;
    case 'days':
      return `${n} days`;
    case 'hours':
      return `${n} hours`;
    default:
      return n;
  }
}

/** The unit in words, for headings and the chart axis. */
export function unitLabel(unit: Unit): string {
  return {
    percent: 'per cent',
    per100k: 'per 100,000 adults',
    count: 'number',
    days: 'days',
    gbp: 'pounds',
    hours: 'hours per week',
  }[unit];
}

export function goodIsLabel(polarity: MeasureResult['polarity']): string {
  return polarity === 'high' ? 'High' : polarity === 'low' ? 'Low' : 'Neither';
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Printed where a value is withheld by disclosure control. */
export const SUPPRESSED = '*';
/** Printed where there is no value. */
export const NO_VALUE = '–';

/** A value for a table whose row names the unit: only `%` stays (`64.4%`, `318.9`, `£1,204`). */
export function formatCompact(value: number, unit: Unit): string {
  return unit === 'percent' ? `${formatNumber(value, unit)}%` : formatNumber(value, unit);
}

/** A value split for display: the number large, its unit small (`318.9` + ` per 100,000`). */
export function valueParts(value: number, unit: Unit): { number: string; unit: string } {
  const suffix = { percent: '%', per100k: ' per 100,000', days: ' days', hours: ' hours', count: '', gbp: '' }[unit];
  return { number: formatNumber(value, unit), unit: suffix };
}

/** The short unit an axis is read in: `%`, `per 100,000 adults`, `number`, `£`, `days`, `hours per week`. */
export function axisUnit(unit: Unit): string {
  return unit === 'percent' ? '%' : unit === 'gbp' ? '£' : unitLabel(unit);
}

/**
 * The count a rate or percentage rests on, as the seeds print it beside the rate ("No. and rate";
 * "eligible, up to date and %"): `10 of 16` for a percentage, `173 people or events` for a rate
 * per 100,000; null for a unit that is its own count. `withheld` prints `*`.
 */
export function countBeside(numerator: number | null, denominator: number | null, unit: Unit, withheld: boolean, numeratorText?: string): string | null {
  if (unit !== 'percent' && unit !== 'per100k') return null;
  // A withheld percentage's denominator is null in the published view when it is itself 1 to 7.
  if (withheld) return unit === 'percent' ? `${SUPPRESSED} of ${denominator == null || isSmallCount(denominator) ? SUPPRESSED : grouped(denominator, 0)}` : `Number: ${SUPPRESSED}`;
  if (numerator == null) return null;
  if (unit === 'per100k') return `Number: ${grouped(numerator, 0)}`;
  if (denominator == null) return null;
  // Money percentages (savings) rest on sums in pounds, not counts.
  if (numeratorText !== undefined || !Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    return `${formatValue(numerator, 'gbp')} of ${formatValue(denominator, 'gbp')}`;
  }
  return `${grouped(numerator, 0)} of ${grouped(denominator, 0)}`;
}

/**
 * A measure's null reason (measures.md's short codes) as a committee reads it. The measures
 * document keeps the codes; only what is printed changes. Unknown reasons print as they are, and
 * a missing one says so.
 */
const REASON_WORDS: Record<string, string> = {
  'no denominator': 'nothing to count in the period',
  'no population': 'no population figure uploaded',
  'no upload': 'no file uploaded for this month',
};
export function reasonWords(reason: string | null): string {
  return reason === null ? 'no reason given' : (REASON_WORDS[reason] ?? reason);
}
