/**
 * Reference breakdowns for equity (measures.md "Breakdowns for equity"), written from that text:
 * a measure hands over, per month, the people or events it counted (with whether each is in the
 * numerator); each is put in its person's groups for that month, and the measure's own point
 * function makes each group's point. Every ethnic group has a series; other groups as seen.
 */
import { lastDayOf, type RefContext } from './context.ts';
import type { RefPoint } from './points.ts';
import { attributesFor } from './rows.ts';

export interface Counted {
  person: string;
  inNumerator: boolean;
}

const ETHNIC: [string, string][] = [
  ['white', 'White'],
  ['mixed or multiple ethnic groups', 'Mixed or multiple'],
  ['mixed or multiple', 'Mixed or multiple'],
  ['asian or asian british', 'Asian or Asian British'],
  ['black, black british, caribbean or african', 'Black, Black British, Caribbean or African'],
  ['other ethnic group', 'Other ethnic group'],
];
const ETHNIC_ORDER = ['White', 'Mixed or multiple', 'Asian or Asian British', 'Black, Black British, Caribbean or African', 'Other ethnic group', 'Not stated'];

function ethnicGroupOf(text: string | null | undefined): string {
  if (!text) return 'Not stated';
  const before = text.split(':')[0].replace(/\s/g, '').toLowerCase();
  const hit = ETHNIC.find(([label]) => label.replace(/\s/g, '') === before);
  return hit ? hit[1] : 'Not stated';
}

function groupsOf(ctx: RefContext, person: string, month: string): string[] {
  const row = attributesFor(ctx.people.get(person) ?? [], lastDayOf(month));
  return [
    `primary_support_reason:${row?.psr || 'Not stated'}`,
    `ethnicity:${ethnicGroupOf(row?.ethnicity)}`,
    `gender:${row?.gender || 'Not stated'}`,
  ];
}

/**
 * `counted[i]` is month i's people or events; `point(month, i, n, d, nByMonth)` is the measure's
 * formula (nByMonth: the group's numerators of every month, for a year to date).
 */
export function equityBreakdowns(
  ctx: RefContext,
  counted: Counted[][],
  point: (month: string, i: number, n: number, d: number, nByMonth: number[]) => RefPoint,
): Record<string, RefPoint[]> {
  const tallies = new Map<string, { n: number[]; d: number[] }>();
  const tally = (key: string) => {
    if (!tallies.has(key)) tallies.set(key, { n: ctx.months.map(() => 0), d: ctx.months.map(() => 0) });
    return tallies.get(key)!;
  };
  for (const g of ETHNIC_ORDER) tally(`ethnicity:${g}`);
  ctx.months.forEach((month, i) => {
    for (const c of counted[i]) {
      for (const key of groupsOf(ctx, c.person, month)) {
        tally(key).d[i] += 1;
        if (c.inNumerator) tally(key).n[i] += 1;
      }
    }
  });
  const dims = ['primary_support_reason', 'ethnicity', 'gender'];
  const sortKey = (key: string) => {
    const dim = key.slice(0, key.indexOf(':'));
    const group = key.slice(key.indexOf(':') + 1);
    const rank = dim === 'ethnicity' ? ETHNIC_ORDER.indexOf(group) : group === 'Not stated' ? 1 : 0;
    return [dims.indexOf(dim), rank, group] as const;
  };
  const keys = [...tallies.keys()].sort((a, b) => {
    const [x, y] = [sortKey(a), sortKey(b)];
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  });
  return Object.fromEntries(keys.map((key) => {
    const t = tallies.get(key)!;
    return [key, ctx.months.map((month, i) => point(month, i, t.n[i], t.d[i], t.n))];
  }));
}
