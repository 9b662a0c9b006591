/** population: ONS mid-year estimates per council, year and age band (extract-spec.md). */
import { z } from 'zod';
import { labelMatcher } from '../code-lists.ts';
import type { AgeBand, PopulationRow } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { checkLaCode, parsePositiveInteger } from '../values.ts';
import { coded, required, type KindDefinition, type RowParser } from './kind.ts';

const AGE_BANDS = ['18-64', '65+'] as const satisfies readonly AgeBand[];
const matchBand = labelMatcher(AGE_BANDS);

export const populationSchema = z.array(
  z.object({
    laCode: z.string().regex(/^E(06|08|09|10)\d{6}$/),
    year: z.number().int().min(1900).max(2200),
    ageBand: z.enum(AGE_BANDS),
    population: z.number().int().positive(),
  }),
) satisfies z.ZodType<PopulationRow[]>;

export const population = {
  prefix: 'reference/population/',
  help: 'ONS population estimates (rates need it)',
  columns: [...required('la_code', 'year'), coded('age_band', true, matchBand), ...required('population')],
  schema: populationSchema,
  checkAtRuntime: true,
  createParser: () => new PopulationParser(),
} satisfies KindDefinition<PopulationRow[]>;

class PopulationParser implements RowParser<PopulationRow[]> {
  private readonly rows: PopulationRow[] = [];
  /** `la_code|year|band` → first row, to reject duplicates. */
  private readonly seen = new Map<string, number>();

  row(r: RowReader): void {
    const la = r.required('la_code');
    const laBad = la === undefined ? undefined : checkLaCode(la);
    if (la !== undefined && laBad) r.problem('la_code', la, laBad);
    const yearText = r.required('year');
    let year: number | undefined;
    if (yearText !== undefined) {
      if (/^\d{4}$/.test(yearText)) year = Number(yearText);
      else r.error('year', yearText, 'year-format', 'year is not a mid-year written as 4 digits (e.g. 2021)');
    }
    const band = r.label('age_band', matchBand, AGE_BANDS, true);
    const count = r.requiredParsed('population', parsePositiveInteger);
    if (la === undefined || laBad || year === undefined || band == null || count === undefined) return;
    const key = `${la}|${year}|${band}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      r.error('', null, 'duplicate-row', `A second row for the same la_code, year and age_band (the first is row ${first})`);
      return;
    }
    this.seen.set(key, r.row);
    this.rows.push({ laCode: r.intern(la), year, ageBand: band, population: count });
  }

  finish(): PopulationRow[] {
    return this.rows;
  }
}
