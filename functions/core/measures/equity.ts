/**
 * Breakdowns for equity (measures.md "Breakdowns for equity"): REQ_NEW, ASSESS_LT, LTS_CLIENTS,
 * REVIEWS_UTD, SDS and DIRECT_PAYMENTS restricted to the people of each primary support reason,
 * ethnic group and gender. A person's group is read from their attributes for the month the event
 * or snapshot counts in (person-attributes.ts). Breakdown keys are `<upload column>:<group>`, e.g.
 * `ethnicity:White` or `primary_support_reason:Physical support: Personal care support`: the
 * dimension is the text before the FIRST colon (labels themselves hold colons), which is how
 * secondary disclosure control groups them (disclosure/secondary.ts).
 */
import type { Day } from '../calendar/days.ts';
import type { MeasureContext } from './context.ts';
import type { SeriesPoint } from './document.ts';
import { attributeRow } from './person-attributes.ts';
import { monthlySeries, type MonthPoint } from './points.ts';
import { GENDERS, PRIMARY_SUPPORT_REASONS, labelMatcher, type LabelMatcher } from '../uploads/code-lists.ts';

export const EQUITY_DIMENSIONS = ['primary_support_reason', 'ethnicity', 'gender'] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];

/** The measures that carry equity breakdowns (measures.md). */
export const EQUITY_MEASURES: ReadonlySet<string> = new Set(['REQ_NEW', 'ASSESS_LT', 'LTS_CLIENTS', 'REVIEWS_UTD', 'SDS', 'DIRECT_PAYMENTS']);

export const NOT_STATED = 'Not stated';

/** The five ONS high-level groups, in the order ONS lists them, then `Not stated`. */
export const ETHNIC_GROUPS = ['White', 'Mixed or multiple', 'Asian or Asian British', 'Black, Black British, Caribbean or African', 'Other ethnic group', NOT_STATED] as const;

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** The CLD label's text before its first `:`, ignoring case and spaces → group. */
const ETHNIC_PREFIXES = new Map<string, string>([
  ['white', 'White'],
  ['mixedormultipleethnicgroups', 'Mixed or multiple'],
  ['mixedormultiple', 'Mixed or multiple'],
  ['asianorasianbritish', 'Asian or Asian British'],
  ['black,blackbritish,caribbeanorafrican', 'Black, Black British, Caribbean or African'],
  ['otherethnicgroup', 'Other ethnic group'],
]);

/** Blank, `Not stated`, `Refused`, `Undeclared` or any other text: `Not stated`. */
export function ethnicGroup(text: string | null): string {
  if (text === null) return NOT_STATED;
  const colon = text.indexOf(':');
  return ETHNIC_PREFIXES.get(squash(colon < 0 ? text : text.slice(0, colon))) ?? NOT_STATED;
}

/** The one group that stands for every wording outside a dimension's national categories. */
export const OTHER_RECORDED_VALUE = 'Other recorded value';

const VOCABULARIES: Record<EquityDimension, LabelMatcher<string>> = {
  gender: labelMatcher<string>([...GENDERS, NOT_STATED]),
  primary_support_reason: labelMatcher<string>([...PRIMARY_SUPPORT_REASONS, NOT_STATED]),
  ethnicity: labelMatcher<string>([...ETHNIC_GROUPS]),
};

/** A group's national (CLD) wording, matched ignoring case and spaces, or `Other recorded value`. */
export function publishedGroup(dimension: string, group: string): string {
  const vocabulary = VOCABULARIES[dimension as EquityDimension] as LabelMatcher<string> | undefined;
  return vocabulary?.(group)?.label ?? OTHER_RECORDED_VALUE;
}

/**
 * Distinct wordings of a free-text dimension kept as uploaded (measures.md). A file holding more —
 * a gender column filled with person ids by shifted cells, say — would make a group per person: a
 * measures document too long to write (Node's string limit, at ~20,000 wordings) and so every later
 * run failing on an accepted file. Beyond this many, the wordings outside the national categories
 * are counted together as `Other recorded value` in the measures document itself.
 */
export const MAX_WORDINGS = 100;

/** Gender and primary support reason are published as uploaded; blank is `Not stated`. */
export function asUploaded(text: string | null): string {
  return text === null || text.trim() === '' ? NOT_STATED : text;
}

export function equityKey(dimension: EquityDimension, group: string): string {
  return `${dimension}:${group}`;
}

/** A breakdown key's dimension and group, split at the first colon; null for keys without one (`65+`). */
export function splitBreakdownKey(key: string): { dimension: string; group: string } | null {
  const colon = key.indexOf(':');
  return colon < 0 ? null : { dimension: key.slice(0, colon), group: key.slice(colon + 1) };
}

/** Per dimension, each group's numerator and denominator per covered month. */
export interface EquityTally {
  /** Count person p once in month m: in the denominator, and in the numerator when `inNumerator`. */
  add(person: number, m: number, inNumerator: boolean): void;
  /**
   * Breakdown series, one per group seen (every ethnic group always): point m made by `point` from
   * the group's numerators and denominators of every month (a year to date needs earlier months).
   */
  series(point: MonthPoint): Record<string, SeriesPoint[]>;
}

export function equityTally(ctx: MeasureContext): EquityTally {
  const months = ctx.months.months.length;
  const counts = new Map<string, { n: Int32Array; d: Int32Array }>();
  const countsOf = (key: string) => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { n: new Int32Array(months), d: new Int32Array(months) }));
    return c;
  };
  for (const group of ETHNIC_GROUPS) countsOf(equityKey('ethnicity', group));
  // Few distinct wordings repeat on many rows: each wording's key is made once.
  const keyCache = EQUITY_DIMENSIONS.map(() => new Map<string | null, string>());
  // Six measures keep a tally each; the rows are scanned once for all of them.
  const tooMany = ctx.memo('equity:too-many-wordings', () => tooManyWordings(ctx));
  const keyOf = (i: number, text: string | null): string => {
    let key = keyCache[i].get(text);
    if (key === undefined) {
      const dimension = EQUITY_DIMENSIONS[i];
      const group = dimension === 'ethnicity' ? ethnicGroup(text) : asUploaded(text);
      key = equityKey(dimension, tooMany.has(dimension) ? publishedGroup(dimension, group) : group);
      keyCache[i].set(text, key);
    }
    return key;
  };
  const keysOn = (person: number, day: Day): string[] => {
    const row = attributeRow(ctx, person, day);
    return [keyOf(0, row?.primarySupportReason ?? null), keyOf(1, row?.ethnicity ?? null), keyOf(2, row?.gender ?? null)];
  };
  return {
    add(person, m, inNumerator) {
      for (const key of keysOn(person, ctx.months.ends[m])) {
        const c = countsOf(key);
        c.d[m]++;
        if (inNumerator) c.n[m]++;
      }
    },
    series(point) {
      const out: Record<string, SeriesPoint[]> = {};
      for (const key of [...counts.keys()].sort(byDimensionThenGroup)) {
        const c = counts.get(key)!;
        out[key] = monthlySeries(ctx.months.months, point, c.n, c.d);
      }
      return out;
    },
  };
}

/** The free-text dimensions whose rows hold more than MAX_WORDINGS distinct wordings (one pass, stopping at the limit). */
function tooManyWordings(ctx: MeasureContext): Set<EquityDimension> {
  const out = new Set<EquityDimension>();
  const seen = { gender: new Set<string>(), primary_support_reason: new Set<string>() };
  for (const row of ctx.rows) {
    for (const [dimension, text] of [['gender', row.gender], ['primary_support_reason', row.primarySupportReason]] as const) {
      if (out.has(dimension) || text == null) continue;
      seen[dimension].add(asUploaded(text));
      if (seen[dimension].size > MAX_WORDINGS) out.add(dimension);
    }
    if (out.size === 2) break;
  }
  return out;
}

/** Dimensions in EQUITY_DIMENSIONS order; ethnic groups in ONS order; other groups alphabetically, `Not stated` last. */
function byDimensionThenGroup(a: string, b: string): number {
  const x = splitBreakdownKey(a)!;
  const y = splitBreakdownKey(b)!;
  const dim = EQUITY_DIMENSIONS.indexOf(x.dimension as EquityDimension) - EQUITY_DIMENSIONS.indexOf(y.dimension as EquityDimension);
  if (dim !== 0) return dim;
  const rank = (g: string) => (x.dimension === 'ethnicity' ? ETHNIC_GROUPS.indexOf(g as (typeof ETHNIC_GROUPS)[number]) : g === NOT_STATED ? 1 : 0);
  return rank(x.group) - rank(y.group) || (x.group < y.group ? -1 : x.group > y.group ? 1 : 0);
}
