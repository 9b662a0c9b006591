/**
 * Builders for series points, so that every measure reports nulls the same way:
 * look-back short → everything null; D = 0 → `no denominator` with N and D kept (0);
 * rate without population → `no population` with N kept.
 */
import type { SeriesPoint } from './document.ts';
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
