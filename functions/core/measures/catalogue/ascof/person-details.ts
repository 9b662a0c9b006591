/**
 * DHSC's latest person details (ASCOF_measures/Create_personal_details_table.sql), which every
 * ASCOF procedure joins as @InputTable_PersonDetails: built once from every kept row of the upload
 * (DHSC builds it from the whole joined submission, not per reporting period).
 *
 * - Birth date: CLD carries birth year and month only, so DHSC's Der_Birth_Date is the first of
 *   the birth month; ages below use that date, not the uploaded day.
 * - Date of death: the latest one given (the parser keeps the latest).
 * - Accommodation status: known over unknown, then latest end (open first), then latest start;
 *   several different statuses at that rank make it `Unknown`; an `Unknown` is then deduced from
 *   the person's latest services (see `deducedFromServices`).
 * - Primary support reason: the same ranking, with `Social support: Support to unpaid carer`
 *   ranked as unknown.
 */
import { type Day, dayOf, partsOf } from '../../../calendar/days.ts';
import { foldLabel } from '../../../uploads/code-lists.ts';
import type { EventRow } from '../../../uploads/parsed.ts';
import type { MeasureContext } from '../../context.ts';
import { endOrOpen } from './window.ts';
import { accommodationGroup, cleanAccommodation, UNKNOWN } from './accommodation.ts';
import { deducedFromServices } from './accommodation-from-services.ts';

export interface PersonDetails {
  /** First day of the birth month, per person. */
  birth: Int32Array;
  /** Latest date of death, or null. */
  death: (Day | null)[];
  accommodationStatus: string[];
  /** 1 when the status is in DHSC's settled group (Accommodation_Status_Group = 1). */
  settled: Uint8Array;
  /** 1 when the primary support reason is `Learning disability support`. */
  learningDisability: Uint8Array;
}

export function personDetails(ctx: MeasureContext): PersonDetails {
  return ctx.memo('ascof:person-details', () => {
    const n = ctx.persons.length;
    const all = ctx.allByPerson();
    const out: PersonDetails = {
      birth: new Int32Array(n),
      death: ctx.persons.map((p) => p.dateOfDeath),
      accommodationStatus: new Array<string>(n),
      settled: new Uint8Array(n),
      learningDisability: new Uint8Array(n),
    };
    for (let p = 0; p < n; p++) {
      const b = partsOf(ctx.persons[p].dateOfBirth);
      out.birth[p] = dayOf(b.year, b.month, 1);
      const rows = all.rows.slice(all.offsets[p], all.offsets[p + 1]);
      let status = latestKnown(rows, (r) => cleanAccommodation(r.accommodationStatus));
      if (status === UNKNOWN) status = deducedFromServices(rows);
      out.accommodationStatus[p] = status;
      out.settled[p] = accommodationGroup(status) === 1 ? 1 : 0;
      const psr = latestKnown(rows, (r) => cleanPsr(r.primarySupportReason));
      out.learningDisability[p] = psr !== null && foldLabel(psr) === LEARNING_DISABILITY ? 1 : 0;
    }
    return out;
  });
}

/** `FLOOR(DATEDIFF(DAY, Der_Birth_Date, d) / 365.25)` on DHSC's first-of-month birth date. */
export function dhscAge(details: PersonDetails, person: number, on: Day): number {
  return Math.floor(((on - details.birth[person]) * 4) / 1461);
}

const LEARNING_DISABILITY = 'learning disability support';
const PSR_RANKED_UNKNOWN = new Set(['unknown', 'social support: support to unpaid carer']);

/** A row's value and whether it is known; null value = `Unknown`. */
interface Cleaned {
  value: string | null;
  known: boolean;
}

function cleanPsr(text: string | null): Cleaned {
  if (text === null || foldLabel(text) === 'unknown') return { value: null, known: false };
  return { value: text, known: !PSR_RANKED_UNKNOWN.has(foldLabel(text)) };
}

/**
 * DENSE_RANK() ORDER BY known DESC, end DESC (open = 9999-01-01 first), start DESC; the rank-1
 * rows' value, or `Unknown` (null for PSR) when they disagree. Values compare ignoring case, as
 * SQL Server's default collation does.
 */
function latestKnown<T extends Cleaned>(rows: readonly EventRow[], clean: (row: EventRow) => T): string {
  let best: { known: boolean; end: Day; start: Day } | null = null;
  let values = new Set<string>();
  let first = UNKNOWN;
  for (const row of rows) {
    const c = clean(row);
    const end = endOrOpen(row.end);
    const cmp = best === null ? 1 : compare(c.known, end, row.start, best);
    if (cmp < 0) continue;
    const value = c.value ?? UNKNOWN;
    if (cmp > 0) {
      best = { known: c.known, end, start: row.start };
      values = new Set();
      first = value;
    }
    values.add(foldLabel(value));
  }
  return values.size > 1 ? UNKNOWN : first;
}

function compare(known: boolean, end: Day, start: Day, best: { known: boolean; end: Day; start: Day }): number {
  if (known !== best.known) return known ? 1 : -1;
  return Math.sign(end - best.end) || Math.sign(start - best.start);
}
