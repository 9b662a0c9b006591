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
export const SUPPRESSION_FOOTNOTE =
  '* 1 to 7 people or events: the figure is withheld (disclosure control) and not plotted.';

/** The email's key: an email has no chart, so it says nothing of plotting. */
export const SUPPRESSION_KEY_EMAIL = '* 1 to 7 people or events: the figure is withheld (disclosure control).';

function small(n: number | null | undefined): boolean {
  return n != null && n >= 1 && n < SMALLEST_SHOWN;
}

/** Whether a unit describes people or events (and so can be withheld). */
export function isSuppressibleUnit(unit: Unit): boolean {
  return unit !== 'gbp' && unit !== 'hours';
}

/**
 * Whether this point's value must print as `*`. A count's value is its own numerator; a rate,
 * percentage or median is withheld when it rests on 1 to 7 people or events.
 */
export function isPointSuppressed(point: Pick<SeriesPoint, 'value' | 'numerator'>, unit: Unit, enabled: boolean): boolean {
  if (!enabled || !isSuppressibleUnit(unit) || point.value == null) return false;
  if (small(point.numerator)) return true;
  return unit === 'count' && point.numerator == null && small(point.value);
}

/** The year-to-date figure of ASSESS_LT is a count of assessments: the same rule. */
export function isYtdSuppressed(ytd: SeriesPoint['ytd'], unit: Unit, enabled: boolean): boolean {
  return enabled && isSuppressibleUnit(unit) && ytd != null && small(ytd.numerator);
}
