/** targets: a target per measure and financial year (extract-spec.md "targets"). */
import { z } from 'zod';
import type { TargetRow } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { parseFinancialYear } from '../values.ts';
import { optional, required, type KindDefinition, type RowParser } from './kind.ts';

export const targetsSchema = z.array(
  z.object({
    measureId: z.string().min(1),
    financialYear: z.string().regex(/^\d{4}\/\d{2}$/),
    target: z.number().finite(),
    breakdown: z.string().min(1).nullable(),
  }),
) satisfies z.ZodType<TargetRow[]>;

export const targets: KindDefinition<TargetRow[]> = {
  columns: [...required('measure_id', 'financial_year', 'target'), ...optional('breakdown')],
  schema: targetsSchema,
  checkAtRuntime: true,
  createParser: () => new TargetsParser(),
};

class TargetsParser implements RowParser<TargetRow[]> {
  private readonly rows: TargetRow[] = [];

  row(r: RowReader): void {
    const measureId = r.requiredText('measure_id');
    const financialYear = r.requiredParsed('financial_year', parseFinancialYear);
    const target = r.decimal('target', true);
    if (measureId === null || financialYear === undefined || target == null) return;
    this.rows.push({ measureId, financialYear, target: Number(target), breakdown: r.text('breakdown') });
  }

  finish(): TargetRow[] {
    return this.rows;
  }
}
