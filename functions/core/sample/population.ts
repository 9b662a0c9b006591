/**
 * ONS-style mid-year population estimates for the sample council, for every calendar year the
 * window touches (and the one before, as councils keep last year's row). Sized from the world's
 * adults (world.ts) with Rotherham's growth: 18-64 almost flat, 65+ rising about 1.7% a year.
 */
import { csvText } from './csv.ts';
import { SHARE_65P, type World } from './world.ts';

export const POPULATION_HEADER = ['la_code', 'year', 'age_band', 'population'] as const;

export interface PopulationFigure {
  year: number;
  band: '18-64' | '65+';
  population: number;
}

export function populationFigures(world: World): PopulationFigure[] {
  const endYear = Number(world.lastMonth.slice(0, 4));
  const firstYear = Number(world.firstMonth.slice(0, 4)) - 1;
  const older = world.adults * SHARE_65P;
  const younger = world.adults - older;
  const out: PopulationFigure[] = [];
  for (let year = firstYear; year <= endYear; year++) {
    const back = endYear - year;
    out.push({ year, band: '18-64', population: Math.max(1, Math.round(younger / 1.002 ** back)) });
    out.push({ year, band: '65+', population: Math.max(1, Math.round(older / 1.017 ** back)) });
  }
  return out;
}

export function populationCsv(world: World): string {
  return csvText(
    POPULATION_HEADER,
    populationFigures(world).map((f) => [world.laCode, f.year, f.band, f.population]),
  );
}
