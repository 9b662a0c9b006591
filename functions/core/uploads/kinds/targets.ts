/**
 * targets: a target per measure and financial year, and optionally the month from which a
 * measure's SPC limits are re-based, with the reason (extract-spec.md "targets").
 */
import { z } from 'zod';
import type { TargetRow } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { isProblem, parseFinancialYear, parseMonth } from '../values.ts';
import { optional, required, type KindDefinition, type RowParser } from './kind.ts';

/** extract-spec.md: `rebase_reason` is free text of at most 200 characters. */
const MAX_REASON = 200;

export const targetsSchema = z.array(
  z.object({
    measureId: z.string().min(1),
    financialYear: z.string().regex(/^\d{4}\/\d{2}$/),
    target: z.number().finite(),
    breakdown: z.string().min(1).nullable(),
    rebaseFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable(),
    rebaseReason: z.string().min(1).max(MAX_REASON).nullable(),
  }),
) satisfies z.ZodType<TargetRow[]>;

export const targets = {
  prefix: 'reference/targets/',
  help: 'targets per measure and financial year',
  columns: [...required('measure_id', 'financial_year', 'target'), ...optional('breakdown', 'rebase_from', 'rebase_reason')],
  schema: targetsSchema,
  checkAtRuntime: true,
  createParser: () => new TargetsParser(),
} satisfies KindDefinition<TargetRow[]>;

class TargetsParser implements RowParser<TargetRow[]> {
  private readonly rows: TargetRow[] = [];
  /** measure id → the first `rebase_from` given for it and its row: a different one rejects the file. */
  private readonly rebases = new Map<string, { month: string; row: number }>();

  row(r: RowReader): void {
    const measureId = r.requiredText('measure_id');
    const financialYear = r.requiredParsed('financial_year', parseFinancialYear);
    const target = r.decimal('target', true);
    const rebaseFrom = this.rebaseFrom(r, measureId);
    const rebaseReason = r.text('rebase_reason');
    let reasonOk = true;
    if (rebaseReason !== null && [...rebaseReason].length > MAX_REASON) {
      r.error('rebase_reason', null, 'text-too-long', `rebase_reason has ${[...rebaseReason].length} characters; at most ${MAX_REASON} are allowed`);
      reasonOk = false;
    }
    if (measureId === null || financialYear === undefined || target == null || rebaseFrom === undefined || !reasonOk) return;
    this.rows.push({ measureId, financialYear, target: Number(target), breakdown: r.text('breakdown'), rebaseFrom, rebaseReason });
  }

  /** The row's `rebase_from` (null when blank); undefined, with the error logged, when it is wrong. */
  private rebaseFrom(r: RowReader, measureId: string | null): string | null | undefined {
    const text = r.text('rebase_from');
    if (text === null) return null;
    const month = parseMonth(text);
    if (isProblem(month)) {
      r.problem('rebase_from', text, month);
      return undefined;
    }
    if (measureId === null) return month;
    const first = this.rebases.get(measureId);
    if (first === undefined) this.rebases.set(measureId, { month, row: r.row });
    else if (first.month !== month) {
      r.error('rebase_from', text, 'rebase-conflict', `${measureId} is re-based from ${first.month} on row ${first.row}; a measure can be re-based from one month only`);
      return undefined;
    }
    return month;
  }

  finish(): TargetRow[] {
    return this.rows;
  }
}
