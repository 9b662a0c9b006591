/**
 * Secondary disclosure control (measures.md "Around each measure"): no withheld value may be
 * recovered by arithmetic on what is published, this month or in an earlier month's pack.
 *
 * - Year to date: YTD(M) − YTD(M − 1) is month M, and YTD(M + 1) − YTD(M − 1) is M plus a published
 *   M + 1; so once a month of a financial year is withheld, its YTD figure is withheld for the
 *   rest of that year.
 * - Breakdowns: a total minus the other breakdowns of the same dimension gives the withheld one;
 *   so when exactly one is withheld and the total is shown, the next smallest is withheld too.
 *   Groups need not cover the total (LTS_CLIENTS: people supported only in prison are in neither
 *   `residential` nor `community`): the part in no group is a hidden group of its own, so when it
 *   is 1 to 7 and no group is withheld, the smallest group is withheld, or the total less the
 *   groups would publish it.
 *   Breakdown keys written `dimension:group` (e.g. `ethnicity:White`) are grouped by dimension;
 *   keys without a colon (`18-64`/`65+`, `residential`/`community`) form one dimension.
 */
import { financialYearOf } from '../calendar/days.ts';
import { isSmallCount } from '../cards/disclosure.ts';
import type { SeriesPoint } from '../measures/document.ts';

/** The reason a withheld point gives. */
export const WITHHELD_REASON = 'small numbers';

/** For each point, whether its YTD figure is withheld: from its financial year's first withheld month on. */
export function ytdWithheld(series: readonly SeriesPoint[], withheld: readonly boolean[], ytdSmall: (p: SeriesPoint) => boolean): boolean[] {
  let year: string | null = null;
  let hidden = false;
  return series.map((p, i) => {
    const fy = financialYearOf(p.month);
    if (fy !== year) {
      year = fy;
      hidden = false;
    }
    if (withheld[i] || ytdSmall(p)) hidden = true;
    return hidden && p.ytd != null && p.ytd.value != null;
  });
}

export function dimensionOf(breakdownKey: string): string {
  const colon = breakdownKey.indexOf(':');
  return colon < 0 ? '' : breakdownKey.slice(0, colon);
}

/**
 * The breakdown points withheld once secondary control is applied: `primary` says, per key, which
 * points primary control withholds (aligned with `breakdowns[key]`); the total's points are
 * matched by month.
 */
export function breakdownsWithheld(
  total: readonly SeriesPoint[],
  totalWithheld: readonly boolean[],
  breakdowns: Readonly<Record<string, readonly SeriesPoint[]>>,
  primary: Readonly<Record<string, readonly boolean[]>>,
): Record<string, boolean[]> {
  const out: Record<string, boolean[]> = Object.fromEntries(Object.entries(primary).map(([k, v]) => [k, [...v]]));
  const totalShown = new Map(total.map((p, i) => [p.month, p.value != null && !totalWithheld[i]]));
  const totalCount = new Map(total.map((p) => [p.month, p.numerator]));
  const dimensions = new Map<string, string[]>();
  for (const key of Object.keys(breakdowns)) dimensions.set(dimensionOf(key), [...(dimensions.get(dimensionOf(key)) ?? []), key]);
  const months = new Set(Object.values(breakdowns).flatMap((s) => s.map((p) => p.month)));
  for (const month of months) {
    if (!totalShown.get(month)) continue;
    for (const keys of dimensions.values()) {
      const at = keys.flatMap((key) => {
        const i = breakdowns[key].findIndex((p) => p.month === month);
        return i < 0 || breakdowns[key][i].value == null ? [] : [{ key, i, point: breakdowns[key][i] }];
      });
      const withheldGroups = at.filter((x) => out[x.key][x.i]).length;
      if (withheldGroups + (outsideIsSmall(totalCount.get(month), at.map((x) => x.point.numerator)) ? 1 : 0) !== 1) continue;
      const shown = at.filter((x) => !out[x.key][x.i]);
      // Smallest numerator (the count the others would reveal); the first in key order on a tie.
      const next = shown.reduce<(typeof shown)[number] | null>(
        (best, x) => (best === null || (x.point.numerator ?? Infinity) < (best.point.numerator ?? Infinity) ? x : best),
        null,
      );
      if (next) out[next.key][next.i] = true;
    }
  }
  return out;
}

/** Whether the part of a total in none of its groups is 1 to 7 (a count; a money sum never is). */
function outsideIsSmall(total: number | null | undefined, groups: readonly (number | null)[]): boolean {
  if (total == null || !Number.isInteger(total) || groups.some((n) => n == null || !Number.isInteger(n))) return false;
  return isSmallCount(total - groups.reduce<number>((sum, n) => sum + (n as number), 0));
}
