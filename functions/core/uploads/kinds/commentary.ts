/** commentary: officers' words per measure and month (extract-spec.md "commentary"). */
import { z } from 'zod';
import type { CommentaryRow } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { parseMonth } from '../values.ts';
import { optional, required, type KindDefinition, type RowParser } from './kind.ts';

const MAX_CHARS = 2000;
const TEXT_COLUMNS = ['working_well', 'worried_about', 'next_steps', 'lead_officer'] as const;
const text = z.string().min(1).max(MAX_CHARS).nullable();

export const commentarySchema = z.array(
  z.object({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    measureId: z.string().min(1),
    workingWell: text,
    worriedAbout: text,
    nextSteps: text,
    leadOfficer: text,
  }),
) satisfies z.ZodType<CommentaryRow[]>;

export const commentary = {
  prefix: 'commentary/',
  help: "officers' commentary",
  columns: [...required('period', 'measure_id'), ...optional(...TEXT_COLUMNS)],
  schema: commentarySchema,
  checkAtRuntime: true,
  createParser: () => new CommentaryParser(),
} satisfies KindDefinition<CommentaryRow[]>;

class CommentaryParser implements RowParser<CommentaryRow[]> {
  private readonly rows: CommentaryRow[] = [];

  row(r: RowReader): void {
    const period = r.requiredParsed('period', parseMonth);
    const measureId = r.requiredText('measure_id');
    let ok = true;
    const [workingWell, worriedAbout, nextSteps, leadOfficer] = TEXT_COLUMNS.map((column) => {
      const value = r.text(column);
      if (value === null) return null;
      // Characters as a reader counts them (code points), not UTF-16 units.
      const length = [...value].length;
      if (length > MAX_CHARS) {
        r.error(column, null, 'text-too-long', `${column} has ${length} characters; at most ${MAX_CHARS} are allowed`);
        ok = false;
      } else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
        r.error(column, null, 'plain-text', `${column} contains control characters; plain text only`);
        ok = false;
      }
      return value;
    });
    if (!ok || period === undefined || measureId === null) return;
    this.rows.push({ period, measureId, workingWell, worriedAbout, nextSteps, leadOfficer });
  }

  finish(): CommentaryRow[] {
    return this.rows;
  }
}
