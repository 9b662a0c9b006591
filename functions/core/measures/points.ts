/**
 * Builders for series points, so that every measure reports nulls the same way:
 * look-back short → everything null; D = 0 → `no denominator` with N and D kept (0);
 * rate without population → `no population` with N kept.
 */
import type { SeriesPoint } from './document.ts';
import type { Decimal } from './decimal.ts';
import { percent, per100k } from './rounding.ts';

export const REASONS = {
  insufficientHistory: 'insufficient history',
  noDenominator: 'no denominator',
  noPopulation: 'no population',
  incompleteYear: 'incomplete year',
  noUpload: 'no upload',
} as const;

export function insufficientHistory(month: string): SeriesPoint {
  return { month, value: null, numerator: null, denominator: null, reason: REASONS.insufficientHistory };
}

export function percentPoint(month: string, numerator: number, denominator: number): SeriesPoint {
  if (denominator === 0) return { month, value: null, numerator, denominator, reason: REASONS.noDenominator };
  return { month, value: percent(numerator, denominator), numerator, denominator, reason: null };
}

export function ratePoint(month: string, numerator: number, population: number | null): SeriesPoint {
  if (population === null) return { month, value: null, numerator, denominator: null, reason: REASONS.noPopulation };
  return { month, value: per100k(numerator, population), numerator, denominator: population, reason: null };
}

export function countPoint(month: string, count: number): SeriesPoint {
  return { month, value: count, numerator: count, denominator: null, reason: null };
}

/** An exact sum of money or hours: the value as a number, and the exact decimal as `numeratorText`. */
export function sumPoint(month: string, sum: Decimal): SeriesPoint {
  const value = Number(sum.toString());
  return { month, value, numerator: value, denominator: null, reason: null, numeratorText: sum.toString() };
}

/**
 * Point m of a series from per-month numerators and denominators: the shape EquityTally.series
 * takes, so that a measure's total and its groups' breakdowns are made by one function.
 */
export type MonthPoint = (month: string, m: number, numerators: ArrayLike<number>, denominators: ArrayLike<number>) => SeriesPoint;

export const percentAt: MonthPoint = (month, m, n, d) => percentPoint(month, n[m], d[m]);
export const countAt: MonthPoint = (month, m, n) => countPoint(month, n[m]);
/** Rates of the numerators on `population(m)` (null when none was uploaded). */
export const rateAt = (population: (m: number) => number | null): MonthPoint => (month, m, n) => ratePoint(month, n[m], population(m));

/** One point per covered month (`months`: the context's covered months, in order). */
export function monthlySeries(
  months: readonly string[],
  point: MonthPoint,
  numerators: ArrayLike<number>,
  denominators: ArrayLike<number> = numerators,
): SeriesPoint[] {
  return months.map((month, m) => point(month, m, numerators, denominators));
}
