/**
 * Which equity group labels a pack may print (issue 11: no upload, hostile or unlucky, may leak
 * personal data). Gender and primary support reason are free text kept as uploaded, so a row that
 * lost a cell or had its cells reordered puts a person id, an NHS number, a name or a date of birth
 * there, and `report-cards measures` keeps it as a group of its own. What is published names a
 * group only when its label is a known wording: ethnicity's six fixed groups, CLD's genders and
 * primary support reasons (uploads/code-lists.ts), matched ignoring case and spaces as the code
 * lists are, printed in the list's own wording, and `Not stated`. Every other group of a dimension
 * is merged into one, `Other recorded value`, its numerator and denominator summed and its value
 * computed as the measure computes a group's (measures/points.ts); where that cannot be done (a
 * sum of money, a median) the merged group is withheld. So a dimension publishes at most its
 * vocabulary and one more group, however many distinct labels a file holds.
 *
 * Disclosure control runs after this, over the merged groups (published-view.ts).
 */
import type { MeasureResult, SeriesPoint } from '../measures/document.ts';
import { NOT_STATED, OTHER_RECORDED_VALUE, equityKey, publishedGroup, splitBreakdownKey, type EquityDimension } from '../measures/equity.ts';
import { countPoint, percentPoint, ratePoint } from '../measures/points.ts';
import { per100k } from '../measures/rounding.ts';
import { WITHHELD_REASON } from './secondary.ts';

const DIMENSION_WORDS: Record<string, string> = { gender: 'gender', primary_support_reason: 'primary support reason', ethnicity: 'ethnicity' };

/** Why the merged group exists, for the note under the equity tables that show it. */
export function otherRecordedValueNote(dimensions: readonly string[]): string {
  const what = dimensions.map((d) => DIMENSION_WORDS[d] ?? d).join(' or ');
  return `${OTHER_RECORDED_VALUE} counts together the people whose ${what} is recorded in a wording that is not one of the national (CLD) categories, such as a local code or a value in the wrong column; those wordings are not printed.`;
}

/** A year to date summed over groups, its value as ASSESS_LT computes it (a rate on the month's population). */
function mergedYtd(parts: readonly SeriesPoint[], population: number | null): SeriesPoint['ytd'] {
  const ytds = parts.map((p) => p.ytd);
  if (ytds.every((y) => y == null)) return undefined;
  if (ytds.some((y) => y == null || y.numerator == null)) return { numerator: null, value: null, reason: ytds.find((y) => y?.reason)?.reason ?? null };
  const numerator = ytds.reduce((sum, y) => sum + (y!.numerator as number), 0);
  if (ytds.some((y) => y!.value == null) || population === null) return { numerator, value: null, reason: ytds.find((y) => y?.reason)?.reason ?? null };
  return { numerator, value: per100k(numerator, population), reason: null };
}

/**
 * One month of groups merged: numerators (and a percentage's denominators) summed and the value
 * made by the point builder the measure uses; a rate's denominator is the whole area's population,
 * the same for every group.
 */
function mergePoints(unit: MeasureResult['unit'], parts: readonly SeriesPoint[]): SeriesPoint {
  const month = parts[0].month;
  if (parts.length === 1) return parts[0];
  const cannot = parts.some((p) => p.numeratorText !== undefined || p.medianDays !== undefined);
  if (cannot) return { month, value: null, numerator: null, denominator: null, reason: WITHHELD_REASON, withheld: true };
  if (parts.some((p) => p.numerator == null)) return { month, value: null, numerator: null, denominator: null, reason: parts.find((p) => p.reason)?.reason ?? null };
  const numerator = parts.reduce((sum, p) => sum + (p.numerator as number), 0);
  let point: SeriesPoint;
  if (unit === 'percent') {
    if (parts.some((p) => p.denominator == null)) return { month, value: null, numerator, denominator: null, reason: parts.find((p) => p.reason)?.reason ?? null };
    point = percentPoint(month, numerator, parts.reduce((sum, p) => sum + (p.denominator as number), 0));
  } else if (unit === 'per100k') {
    point = ratePoint(month, numerator, parts[0].denominator);
  } else {
    point = countPoint(month, numerator);
  }
  const ytd = mergedYtd(parts, unit === 'per100k' ? parts[0].denominator : null);
  return ytd === undefined ? point : { ...point, ytd };
}

function mergeSeries(unit: MeasureResult['unit'], sources: readonly (readonly SeriesPoint[])[]): SeriesPoint[] {
  if (sources.length === 1) return [...sources[0]];
  const byMonth = new Map<string, SeriesPoint[]>();
  for (const series of sources) {
    for (const p of series) {
      const parts = byMonth.get(p.month);
      if (parts) parts.push(p);
      else byMonth.set(p.month, [p]);
    }
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, parts]) => mergePoints(unit, parts));
}

/** Published order: the dimension's first group seen first, `Other recorded value` then `Not stated` last. */
function rank(group: string): number {
  return group === NOT_STATED ? 2 : group === OTHER_RECORDED_VALUE ? 1 : 0;
}

/**
 * The measure with every `dimension:group` breakdown under its published label; other breakdowns
 * (`65+`, `residential`) are the code's own and pass unchanged. A group's target, RAG and direction
 * (breakdownLatest) stay only where the group is one uploaded wording; a merged group has none.
 */
export function publishLabels(m: MeasureResult): MeasureResult {
  const sources = new Map<string, string[]>();
  let changed = false;
  for (const key of Object.keys(m.breakdowns)) {
    const split = splitBreakdownKey(key);
    const published = split === null ? key : equityKey(split.dimension as EquityDimension, publishedGroup(split.dimension, split.group));
    if (published !== key) changed = true;
    // push, not a copy per key: a hostile file may hold 100,000 labels of one dimension.
    const from = sources.get(published);
    if (from) from.push(key);
    else sources.set(published, [key]);
  }
  if (!changed) return m;
  const keys = [...sources.keys()];
  const order = new Map(keys.map((k, i) => [k, i]));
  const rankOf = (k: string) => {
    const split = splitBreakdownKey(k);
    return split === null || split.dimension === 'ethnicity' ? 0 : rank(split.group);
  };
  keys.sort((a, b) => {
    const da = splitBreakdownKey(a)?.dimension ?? '';
    const db = splitBreakdownKey(b)?.dimension ?? '';
    return da !== db ? order.get(a)! - order.get(b)! : rankOf(a) - rankOf(b) || order.get(a)! - order.get(b)!;
  });
  const breakdowns = Object.fromEntries(keys.map((k) => [k, mergeSeries(m.unit, sources.get(k)!.map((s) => m.breakdowns[s]))]));
  const out: MeasureResult = { ...m, breakdowns };
  if (m.breakdownLatest) {
    const latest = m.breakdownLatest;
    out.breakdownLatest = Object.fromEntries(keys.flatMap((k) => {
      const from = sources.get(k)!;
      return from.length === 1 && latest[from[0]] ? [[k, latest[from[0]]]] : [];
    }));
  }
  return out;
}
