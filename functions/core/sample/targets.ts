/**
 * Targets for every measure and every financial year the window touches. Targets get harder each
 * year in the direction of each measure's polarity (higher for `high`, lower for `low`); neutral
 * measures carry a planning figure that does not move. Counts scale with the council's size.
 */
import { financialYearOf, monthsBetween } from '../calendar/days.ts';
import { csvText } from './csv.ts';
import { DEFAULT_ADULTS, SAMPLE_MEASURES, numberText, type SampleMeasure } from './measure-table.ts';
import type { World } from './world.ts';

export const TARGETS_HEADER = ['measure_id', 'financial_year', 'target', 'breakdown'] as const;

export function financialYears(world: World): string[] {
  return [...new Set(monthsBetween(world.firstMonth, world.lastMonth).map(financialYearOf))];
}

function targetFor(m: SampleMeasure, base: number, yearsBack: number, world: World): number {
  const direction = m.polarity === 'high' ? -1 : m.polarity === 'low' ? 1 : 0;
  let value = base + direction * m.step * yearsBack;
  if (m.scales) value = Math.max(1, Math.round((value * world.adults) / DEFAULT_ADULTS));
  if (m.percent) value = Math.min(100, Math.max(0, value));
  return Math.max(0, value);
}

export function targetsCsv(world: World): string {
  const years = financialYears(world);
  const rows: (string | number)[][] = [];
  for (const m of SAMPLE_MEASURES) {
    years.forEach((year, i) => {
      const back = years.length - 1 - i;
      rows.push([m.id, year, numberText(targetFor(m, m.target, back, world)), '']);
      for (const [band, base] of Object.entries(m.breakdowns ?? {})) {
        rows.push([m.id, year, numberText(targetFor(m, base, back, world)), band]);
      }
    });
  }
  return csvText(TARGETS_HEADER, rows);
}
