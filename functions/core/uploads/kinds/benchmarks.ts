/** benchmarks: comparator values per measure (extract-spec.md "benchmarks"). */
import { z } from 'zod';
import { labelMatcher } from '../code-lists.ts';
import type { Basis, BenchmarkRow } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { isProblem, parseDecimal, parseFinancialYear } from '../values.ts';
import { coded, optional, required, type KindDefinition, type RowParser } from './kind.ts';

const BASES = ['month', 'snapshot', 'rolling12'] as const satisfies readonly Basis[];
const matchBasis = labelMatcher(BASES);

export const benchmarksSchema = z.array(
  z.object({
    measureId: z.string().min(1),
    year: z.string().regex(/^\d{4}(\/\d{2})?$/),
    comparator: z.string().min(1),
    value: z.number().finite(),
    basis: z.enum(BASES),
    quartileBoundaries: z.tuple([z.number(), z.number(), z.number()]).nullable(),
  }),
) satisfies z.ZodType<BenchmarkRow[]>;

export const benchmarks = {
  prefix: 'reference/benchmarks/',
  help: 'comparator values',
  columns: [...required('measure_id', 'year', 'comparator', 'value'), coded('basis', false, matchBasis), ...optional('quartile_boundaries')],
  schema: benchmarksSchema,
  checkAtRuntime: true,
  createParser: () => new BenchmarksParser(),
} satisfies KindDefinition<BenchmarkRow[]>;

class BenchmarksParser implements RowParser<BenchmarkRow[]> {
  private readonly rows: BenchmarkRow[] = [];

  row(r: RowReader): void {
    const measureId = r.requiredText('measure_id');
    const yearText = r.required('year');
    let year: string | undefined;
    if (yearText !== undefined) {
      if (/^\d{4}$/.test(yearText) || !isProblem(parseFinancialYear(yearText))) year = yearText;
      else r.error('year', yearText, 'year-format', 'year is not a financial year like 2020/21 or a calendar year like 2021');
    }
    const comparator = r.requiredText('comparator');
    const value = r.decimal('value', true);
    const basis = r.label('basis', matchBasis, BASES, false);
    const quartiles = this.quartiles(r);
    if (measureId === null || year === undefined || comparator === null || value == null || basis === undefined || quartiles === undefined) return;
    // A blank basis means an annual published figure: rolling 12 months.
    this.rows.push({ measureId, year, comparator, value: Number(value), basis: basis ?? 'rolling12', quartileBoundaries: quartiles });
  }

  /** `q1|q2|q3`, three numbers in order; null when blank, undefined when invalid. */
  private quartiles(r: RowReader): [number, number, number] | null | undefined {
    const text = r.raw('quartile_boundaries');
    if (text === '') return null;
    const parts = text.split('|').map((p) => p.trim());
    const numbers = parts.map((p) => parseDecimal(p));
    if (parts.length !== 3 || numbers.some(isProblem)) {
      r.error('quartile_boundaries', text, 'quartile-boundaries', 'quartile_boundaries is not three numbers written q1|q2|q3 (e.g. 60.1|65.4|70.2)');
      return undefined;
    }
    const [q1, q2, q3] = numbers.map(Number) as [number, number, number];
    if (q1 > q2 || q2 > q3) {
      r.error('quartile_boundaries', text, 'quartile-boundaries', 'quartile_boundaries must be in order, lowest first (q1 ≤ q2 ≤ q3)');
      return undefined;
    }
    return [q1, q2, q3];
  }

  finish(): BenchmarkRow[] {
    return this.rows;
  }
}
