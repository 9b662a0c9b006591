/** waiting: people waiting at month ends, one month or many a file (extract-spec.md "waiting", "Snapshots and history"). */
import { z } from 'zod';
import { isMonthEnd, monthIdOf } from '../../calendar/days.ts';
import { labelMatcher } from '../code-lists.ts';
import type { WaitingData, WaitingFor } from '../parsed.ts';
import type { RowReader } from '../row-reader.ts';
import { checkLaCode, detach } from '../values.ts';
import { coded, optional, required, SameOnEveryRow, type KindDefinition, type RowParser } from './kind.ts';

const WAITING_FOR = ['Assessment', 'Review', 'Service'] as const satisfies readonly WaitingFor[];
const matchWaitingFor = labelMatcher(WAITING_FOR);
const day = z.number().int();

export const waitingSchema = z.object({
  laCode: z.string().regex(/^E(06|08|09|10)\d{6}$/),
  rows: z.array(
    z.object({
      asAt: day,
      personId: z.string().min(1),
      dateOfBirth: day,
      waitingFor: z.enum(WAITING_FOR),
      requestDate: day,
      team: z.string().min(1).nullable(),
      priority: z.string().min(1).nullable(),
    }),
  ),
}) satisfies z.ZodType<WaitingData>;

export const waiting = {
  prefix: 'extracts/waiting/',
  snapshot: { rows: (data) => data.rows, monthOf: (row) => monthIdOf(row.asAt) },
  help: 'people waiting at month ends (one month or many; may be repeated,\na later file wins for a month two files hold)',
  columns: [
    ...required('la_code', 'la_person_unique_identifier', 'date_of_birth'),
    coded('waiting_for', true, matchWaitingFor),
    ...required('request_date', 'as_at_date'),
    ...optional('team', 'priority'),
  ],
  schema: waitingSchema,
  checkAtRuntime: true,
  createParser: () => new WaitingParser(),
} satisfies KindDefinition<WaitingData, WaitingData['rows'][number]>;

class WaitingParser implements RowParser<WaitingData> {
  private readonly laCode = new SameOnEveryRow<string>('la_code');
  private readonly rows: WaitingData['rows'] = [];

  row(r: RowReader): void {
    const la = r.required('la_code');
    if (la !== undefined) {
      const bad = checkLaCode(la);
      if (bad) r.problem('la_code', la, bad);
      else this.laCode.check(r, r.intern(la), la);
    }
    const asAt = r.date('as_at_date', true);
    if (typeof asAt === 'number' && !isMonthEnd(asAt)) {
      r.error('as_at_date', r.raw('as_at_date'), 'month-end', 'as_at_date is not the last day of a month');
    }
    const id = r.required('la_person_unique_identifier');
    const dob = r.date('date_of_birth', true);
    const waitingFor = r.label('waiting_for', matchWaitingFor, WAITING_FOR, true);
    const requestDate = r.date('request_date', true);
    if (typeof requestDate === 'number' && typeof asAt === 'number' && requestDate > asAt) {
      r.error('request_date', r.raw('request_date'), 'request-after-as-at', 'request_date is after as_at_date');
    }
    if (typeof asAt !== 'number' || id === undefined || typeof dob !== 'number' || waitingFor == null || typeof requestDate !== 'number') return;
    this.rows.push({ asAt, personId: detach(id), dateOfBirth: dob, waitingFor, requestDate, team: r.text('team'), priority: r.text('priority') });
  }

  finish(): WaitingData {
    return { laCode: this.laCode.value ?? '', rows: this.rows };
  }
}
