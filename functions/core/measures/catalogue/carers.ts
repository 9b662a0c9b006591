/**
 * CARER_ASSESS: assessments of unpaid carers completed in the month.
 */
import { countAt, monthlySeries } from '../points.ts';
import { isCarer } from '../rows.ts';
import type { MeasureDefinition } from './types.ts';

export const CARER_ASSESS: MeasureDefinition = {
  id: 'CARER_ASSESS',
  title: 'Carers’ assessments completed',
  definition: 'Assessments of adult unpaid carers (18 and over) completed in the month.',
  whyItMatters:
    'Unpaid carers provide most care; the Care Act gives them a right to an assessment, and supporting them helps them keep caring safely.',
  unit: 'count',
  polarity: 'high',
  basis: 'month',
  reads: ['events'],
  compute(ctx) {
    const counts = new Int32Array(ctx.months.months.length);
    for (const row of ctx.rows) {
      if (row.eventType !== 'Assessment' || !isCarer(row)) continue;
      const m = ctx.months.of(row.end);
      if (m >= 0 && ctx.age(row.person, row.end as number) >= 18) counts[m]++;
    }
    return { series: monthlySeries(ctx.months.months, countAt, counts) };
  },
};
