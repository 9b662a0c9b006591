/**
 * Comparator values (England, the region, CIPFA nearest neighbours) for the measures with a
 * published counterpart, one row per comparator and published financial year (every year of the
 * window but the current one, whose figures are not yet out), each with the basis of its measure
 * and quartile boundaries `q1|q2|q3` across the comparator's councils.
 */
import { financialYearOf } from '../calendar/days.ts';
import { csvText } from './csv.ts';
import { SAMPLE_MEASURES, numberText, oneDp } from './measure-table.ts';
import { rngFor, STREAM } from './random.ts';
import { financialYears } from './targets.ts';
import type { World } from './world.ts';

export const BENCHMARKS_HEADER = ['measure_id', 'year', 'comparator', 'value', 'basis', 'quartile_boundaries'] as const;

/** Comparators and how they sit against England (Yorkshire and the Humber runs close to England). */
const COMPARATORS: readonly (readonly [string, number])[] = [
  ['England', 1],
  ['Yorkshire and the Humber', 1.02],
  ['CIPFA nearest neighbours', 1.04],
];

export function benchmarksCsv(world: World): string {
  const rng = rngFor(world.options.seed, STREAM.benchmarks, 0);
  const years = financialYears(world);
  // The current year has no published figures yet; a one-year window still gets last year's.
  const published = years.length > 1 ? years.slice(0, -1) : [previousYear(years[0])];
  const rows: (string | number)[][] = [];
  for (const m of SAMPLE_MEASURES) {
    if (m.england === undefined) continue;
    published.forEach((year, i) => {
      const back = published.length - 1 - i;
      for (const [comparator, factor] of COMPARATORS) {
        const drift = 1 + (rng.next() - 0.5) * 0.06 - back * 0.01;
        let value = m.england! * factor * drift;
        if (m.percent) value = Math.min(99, value);
        const spread = m.percent ? 0.1 : 0.2;
        const q = [value * (1 - spread), value, value * (1 + spread)].map((v) => oneDp(m.percent ? Math.min(100, v) : v));
        rows.push([m.id, year, comparator, numberText(value), m.basis, q.map(numberText).join('|')]);
      }
    });
  }
  return csvText(BENCHMARKS_HEADER, rows);
}

/** `2021/22` → `2020/21`. */
function previousYear(year: string): string {
  return financialYearOf(`${Number(year.slice(0, 4)) - 1}-04`);
}
