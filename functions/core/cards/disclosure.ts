/**
 * Disclosure control (measures.md "Around each measure"): in a rendered pack, counts of people or
 * events from 1 to 7 print as `*`, and so does any value computed from a numerator of 1 to 7, so a
 * small group cannot be identified from a published paper. Money and hours are totals, not people,
 * and populations are public, so they are never withheld. Zero is not withheld: it identifies nobody.
 * The measures document keeps the exact numbers; only what is printed changes.
 */
import type { SeriesPoint } from '../measures/document.ts';
import type { Unit } from './format.ts';

export const SMALLEST_SHOWN = 8;

// A count of 0 is published: only 1 to 7 is withheld (measures.md), so "fewer than 8" would be untrue.
// Secondary control also withholds larger figures (a breakdown, a year to date) that would let a small
// one be worked out: the key says so, or a `*` beside 71 people would contradict it.
export const SUPPRESSION_FOOTNOTE =
  '* Withheld (disclosure control): 1 to 7 people or events, or a figure from which such a number could be worked out. Withheld values are not plotted.';

/** The email's key: an email has no chart, so it says nothing of plotting. */
export const SUPPRESSION_KEY_EMAIL = '* Withheld (disclosure control): 1 to 7 people or events, or a figure from which such a number could be worked out.';

function small(n: number | null | undefined): boolean {
  return n != null && n >= 1 && n < SMALLEST_SHOWN;
}

/** Whether a unit describes people or events (and so can be withheld). */
export function isSuppressibleUnit(unit: Unit): boolean {
  return unit !== 'gbp' && unit !== 'hours';
}

/**
 * Whether this point's value must print as `*`. A count's value is its own numerator; a rate,
 * percentage or median is withheld when it rests on 1 to 7 people or events. A percentage's
 * denominator is a count of people or events too ("2 of 3" names a group of 3): when it is 1 to 7
 * the whole point is withheld, as printing "0.0% of *" would still let a breakdown's denominator be
 * recovered from the total's. A money denominator (savings, `numeratorText`) is not a count.
 */
export function isPointSuppressed(point: Pick<SeriesPoint, 'value' | 'numerator'> & Partial<Pick<SeriesPoint, 'denominator' | 'numeratorText'>>, unit: Unit, enabled: boolean): boolean {
  if (!enabled || !isSuppressibleUnit(unit) || point.value == null) return false;
  if (small(point.numerator)) return true;
  if (unit === 'percent' && point.numeratorText === undefined && isSmallCount(point.denominator)) return true;
  return unit === 'count' && point.numerator == null && small(point.value);
}

/** A denominator that is itself a count of 1 to 7 people or events (an integer; never a money sum). */
export function isSmallCount(n: number | null | undefined): boolean {
  return n != null && Number.isInteger(n) && small(n);
}

/** The year-to-date figure of ASSESS_LT is a count of assessments: the same rule. */
export function isYtdSuppressed(ytd: SeriesPoint['ytd'], unit: Unit, enabled: boolean): boolean {
  return enabled && isSuppressibleUnit(unit) && ytd != null && small(ytd.numerator);
}
