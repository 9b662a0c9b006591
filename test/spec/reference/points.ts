/** Series entries as cli.md describes them, built the naive way for the reference. */
import type { AgeBand, PopulationRow } from '../../../functions/core/uploads/parsed.ts';
import { roundedRatio } from './exact.ts';

export interface RefYtd {
  numerator: number | null;
  value: number | null;
  reason: string | null;
}

export interface RefPoint {
  month: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: string | null;
  ytd?: RefYtd;
}

export interface RefMeasure {
  series: RefPoint[];
  breakdowns: Record<string, RefPoint[]>;
}

export function percent(month: string, n: number, d: number): RefPoint {
  if (d === 0) return { month, value: null, numerator: n, denominator: 0, reason: 'no denominator' };
  return { month, value: roundedRatio(BigInt(n), BigInt(d), 100n), numerator: n, denominator: d, reason: null };
}

export function per100k(month: string, n: number, population: number | null): RefPoint {
  if (population === null) return { month, value: null, numerator: n, denominator: null, reason: 'no population' };
  return { month, value: roundedRatio(BigInt(n), BigInt(population), 100_000n), numerator: n, denominator: population, reason: null };
}

export function count(month: string, n: number): RefPoint {
  return { month, value: n, numerator: n, denominator: null, reason: null };
}

export function insufficientHistory(month: string): RefPoint {
  return { month, value: null, numerator: null, denominator: null, reason: 'insufficient history' };
}

/** For each band the row with the largest year ≤ the calendar year of M_end; 18+ needs both. */
export function populationOf(rows: PopulationRow[], laCode: string, month: string, band: AgeBand | '18+'): number | null {
  if (band === '18+') {
    const a = populationOf(rows, laCode, month, '18-64');
    const b = populationOf(rows, laCode, month, '65+');
    return a === null || b === null ? null : a + b;
  }
  const year = Number(month.slice(0, 4));
  let best: PopulationRow | undefined;
  for (const r of rows) {
    if (r.laCode !== laCode || r.ageBand !== band || r.year > year) continue;
    if (!best || r.year > best.year) best = r;
  }
  return best ? best.population : null;
}
