/**
 * Population for month M (measures.md): per band, the row for the council with the largest
 * `year` ≤ the calendar year of M_end; 18+ needs both bands.
 */
import type { AgeBand, PopulationRow } from '../uploads/parsed.ts';

export interface PopulationLookup {
  band(band: AgeBand, calendarYear: number): number | null;
  adults(calendarYear: number): number | null;
}

export function populationLookup(rows: readonly PopulationRow[] | undefined, laCode: string): PopulationLookup {
  const byBand: Record<AgeBand, PopulationRow[]> = { '18-64': [], '65+': [] };
  for (const row of rows ?? []) if (row.laCode === laCode) byBand[row.ageBand].push(row);
  for (const list of Object.values(byBand)) list.sort((a, b) => a.year - b.year);
  const band = (b: AgeBand, year: number): number | null => {
    let found: number | null = null;
    for (const row of byBand[b]) if (row.year <= year) found = row.population;
    return found;
  };
  return {
    band,
    adults(year) {
      const young = band('18-64', year);
      const old = band('65+', year);
      return young === null || old === null ? null : young + old;
    },
  };
}
