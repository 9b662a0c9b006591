/**
 * Reference snapshot measures (measures.md, "Snapshot measures"): one entry per snapshot file,
 * for the month of its `as_at_date` or `period`, written from measures.md and cli.md only.
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

export function waitingAssess(files: WaitingData[]): RefSnapshotPoint[] {
  return byMonth(files.map((f) => {
    const asAt = iso(f.asAt);
    const rows = f.rows.filter((r) => r.waitingFor === 'Assessment' && ageOn(iso(r.dateOfBirth), asAt) >= 18);
    const days = rows.map((r) => daysBetween(iso(r.requestDate), asAt));
    return {
      month: asAt.slice(0, 7),
      value: rows.length,
      numerator: rows.length,
      denominator: null,
      reason: null,
      medianDays: days.length === 0 ? null : roundedMedian(days),
    };
  }));
}

const sum = (values: (string | null)[]): Dec => values.reduce<Dec>((acc, v) => addDec(acc, parseDec(v)), ZERO);

export function budgetVariance(files: FinanceData[]): RefSnapshotPoint[] {
  return byMonth(files.map((f) => {
    const variance = addDec(sum(f.lines.map((l) => l.forecastOutturn)), negate(sum(f.lines.map((l) => l.annualBudget))));
    return { month: f.period, value: Number(decText(variance)), numerator: decText(variance), denominator: null, reason: null };
  }));
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
  return byMonth(files.map((f) => {
    const lines = f.lines.filter((l) => l.savingsTarget !== null);
    const n = sum(lines.map((l) => l.savingsDelivered));
    const d = sum(lines.map((l) => l.savingsTarget));
    if (d.digits === 0n) return { month: f.period, value: null, numerator: decText(n), denominator: decText(d), reason: 'no denominator' };
    return { month: f.period, value: percentOfDecimals(n, d), numerator: decText(n), denominator: decText(d), reason: null };
  }));
}

export function providersGood(files: ProvidersData[]): RefSnapshotPoint[] {
  return byMonth(files.map((f) => {
    const rated = new Set(f.rows.filter((r) => r.qualityRating !== 'Not yet rated').map((r) => r.providerId));
    const good = new Set(f.rows.filter((r) => r.qualityRating === 'Good' || r.qualityRating === 'Excellent').map((r) => r.providerId));
    const month = iso(f.asAt).slice(0, 7);
    if (rated.size === 0) return { month, value: null, numerator: good.size, denominator: 0, reason: 'no denominator' };
    const value = Number((20n * 100n * BigInt(good.size) + BigInt(rated.size)) / (2n * BigInt(rated.size))) / 10;
    return { month, value, numerator: good.size, denominator: rated.size, reason: null };
  }));
}

export function homecareHours(files: ProvidersData[]): RefSnapshotPoint[] {
  return byMonth(files.map((f) => {
    const hours = sum(f.rows.filter((r) => r.framework.replace(/[ \t\u00a0]+/g, ' ').trim().toLowerCase() === 'home care and support').map((r) => r.hoursPerWeek));
    return { month: iso(f.asAt).slice(0, 7), value: Number(decText(hours)), numerator: decText(hours), denominator: null, reason: null };
  }));
}
