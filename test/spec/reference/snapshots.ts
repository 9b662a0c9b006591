/**
 * Reference snapshot measures (measures.md, "Snapshot measures"): one entry per month any file
 * holds, the month's rows taken whole from the newest file holding it (extract-spec "Snapshots
 * and history"; files are given oldest first), written from measures.md and cli.md only.
 * Money and hours are exact decimal sums (cli.md: for money and hours the numerator is the exact
 * decimal sum); the value of a money or hours measure is that sum as a number.
 */
import type { FinanceData, ProvidersData, WaitingData } from '../../../functions/core/uploads/parsed.ts';
import { ageOn, daysBetween, iso } from './dates.ts';
import { addDec, parseDec, roundedMedian, ZERO, type Dec } from './exact.ts';

export interface RefSnapshotPoint {
  month: string;
  value: number | null;
  /** Integers as numbers; exact decimal sums as their text. */
  numerator: number | string | null;
  denominator: number | string | null;
  reason: string | null;
  medianDays?: number | null;
}

export function decText(d: Dec): string {
  const negative = d.digits < 0n;
  const digits = (negative ? -d.digits : d.digits).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const byMonth = (points: RefSnapshotPoint[]) => [...points].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));

/** Walks the files newest first; a month belongs to the first (newest) file seen holding it. */
function snapshots<R>(files: R[][], monthOf: (row: R) => string): { month: string; rows: R[] }[] {
  const taken = new Set<string>();
  const out: { month: string; rows: R[] }[] = [];
  for (let i = files.length - 1; i >= 0; i--) {
    const months = [...new Set(files[i].map(monthOf))].filter((m) => !taken.has(m));
    for (const month of months) {
      taken.add(month);
      out.push({ month, rows: files[i].filter((r) => monthOf(r) === month) });
    }
  }
  return out;
}

type WaitingRow = WaitingData['rows'][number];
type FinanceLine = FinanceData['lines'][number];
type ProviderRow = ProvidersData['rows'][number];
const waitingMonths = (files: WaitingData[]) => snapshots<WaitingRow>(files.map((f) => f.rows), (r) => iso(r.asAt).slice(0, 7));
const financeMonths = (files: FinanceData[]) => snapshots<FinanceLine>(files.map((f) => f.lines), (l) => l.period);
const providerMonths = (files: ProvidersData[]) => snapshots<ProviderRow>(files.map((f) => f.rows), (r) => iso(r.asAt).slice(0, 7));

export function waitingFor(files: WaitingData[], what: WaitingRow['waitingFor']): RefSnapshotPoint[] {
  return byMonth(waitingMonths(files).map(({ month, rows: all }) => {
    const rows = all.filter((r) => r.waitingFor === what && ageOn(iso(r.dateOfBirth), iso(r.asAt)) >= 18);
    const days = rows.map((r) => daysBetween(iso(r.requestDate), iso(r.asAt)));
    return {
      month,
      value: rows.length,
      numerator: rows.length,
      denominator: null,
      reason: null,
      medianDays: days.length === 0 ? null : roundedMedian(days),
    };
  }));
}

export const waitingAssess = (files: WaitingData[]) => waitingFor(files, 'Assessment');

const sum = (values: (string | null)[]): Dec => values.reduce<Dec>((acc, v) => addDec(acc, parseDec(v)), ZERO);

export interface RefBudgetPoint extends RefSnapshotPoint {
  afterMitigations: string;
  lines: { budgetLine: string; budget: string; forecast: string; variance: string; mitigations: string }[];
}

export function budgetVariance(files: FinanceData[]): RefBudgetPoint[] {
  return byMonth(financeMonths(files).map(({ month, rows: lines }) => {
    const variance = addDec(sum(lines.map((l) => l.forecastOutturn)), negate(sum(lines.map((l) => l.annualBudget))));
    const afterMitigations = addDec(variance, negate(sum(lines.map((l) => l.mitigations))));
    return {
      month,
      value: Number(decText(variance)),
      numerator: decText(variance),
      denominator: null,
      reason: null,
      afterMitigations: decText(afterMitigations),
      lines: lines.map((l) => ({
        budgetLine: l.budgetLine,
        budget: decText(parseDec(l.annualBudget)),
        forecast: decText(parseDec(l.forecastOutturn)),
        variance: decText(addDec(parseDec(l.forecastOutturn), negate(parseDec(l.annualBudget)))),
        mitigations: decText(parseDec(l.mitigations)),
      })),
    };
  })) as RefBudgetPoint[];
}

function negate(d: Dec): Dec {
  return { digits: -d.digits, scale: d.scale };
}

/**
 * Percent of exact decimals, 1 dp half away from zero: floor((20·100·|N| + |D|) / (2·|D|)) / 10
 * with N and D scaled alike, then the sign of N/D (finance amounts may be negative).
 */
function percentOfDecimals(n: Dec, d: Dec): number {
  const scale = Math.max(n.scale, d.scale);
  const N = n.digits * 10n ** BigInt(scale - n.scale);
  const D = d.digits * 10n ** BigInt(scale - d.scale);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const tenths = (2000n * abs(N) + abs(D)) / (2n * abs(D));
  return ((N < 0n) !== (D < 0n) && tenths !== 0n ? -1 : 1) * (Number(tenths) / 10);
}

export function savingsDelivered(files: FinanceData[]): RefSnapshotPoint[] {
  return byMonth(financeMonths(files).map(({ month, rows }) => {
    const lines = rows.filter((l) => l.savingsTarget !== null);
    const n = sum(lines.map((l) => l.savingsDelivered));
    const d = sum(lines.map((l) => l.savingsTarget));
    if (d.digits === 0n) return { month, value: null, numerator: decText(n), denominator: decText(d), reason: 'no denominator' };
    return { month, value: percentOfDecimals(n, d), numerator: decText(n), denominator: decText(d), reason: null };
  }));
}

const isHomeCare = (framework: string) => framework.replace(/[ \t\u00a0]+/g, ' ').trim().toLowerCase() === 'home care and support';

export interface RefProvidersPoint extends RefSnapshotPoint {
  byRating: Record<string, number>;
  hoursBelowGood: string;
}

export function providersGood(files: ProvidersData[]): RefProvidersPoint[] {
  return byMonth(providerMonths(files).map(({ month, rows }) => {
    const rated = new Set(rows.filter((r) => r.qualityRating !== 'Not yet rated').map((r) => r.providerId));
    const good = new Set(rows.filter((r) => ['Outstanding', 'Excellent', 'Good'].includes(r.qualityRating)).map((r) => r.providerId));
    const byRating: Record<string, number> = {};
    for (const rating of new Set(rows.map((r) => r.qualityRating))) byRating[rating] = new Set(rows.filter((r) => r.qualityRating === rating).map((r) => r.providerId)).size;
    const below = rows.filter((r) => ['Requires improvement', 'Inadequate', 'Poor'].includes(r.qualityRating) && isHomeCare(r.framework));
    const extras = { byRating, hoursBelowGood: decText(sum(below.map((r) => r.hoursPerWeek))) };
    if (rated.size === 0) return { month, value: null, numerator: good.size, denominator: 0, reason: 'no denominator', ...extras };
    const value = Number((20n * 100n * BigInt(good.size) + BigInt(rated.size)) / (2n * BigInt(rated.size))) / 10;
    return { month, value, numerator: good.size, denominator: rated.size, reason: null, ...extras };
  })) as RefProvidersPoint[];
}

export function homecareHours(files: ProvidersData[]): RefSnapshotPoint[] {
  return byMonth(providerMonths(files).map(({ month, rows }) => {
    const hours = sum(rows.filter((r) => isHomeCare(r.framework)).map((r) => r.hoursPerWeek));
    return { month, value: Number(decText(hours)), numerator: decText(hours), denominator: null, reason: null };
  }));
}
