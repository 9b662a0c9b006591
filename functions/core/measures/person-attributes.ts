/**
 * Person attributes for month M (measures.md Conventions): the person's kept rows (duplicates
 * removed, financial assessments excluded) with event start ≤ M_end; the one with the latest
 * start, ties to the last in file order, gives its values as they are (blank included). The
 * by-person index is sorted by start then file order, so that row is one binary search away.
 * SETTLED_ACCOM's accommodation status and the equity breakdowns both read it.
 */
import type { Day } from '../calendar/days.ts';
import type { EventRow } from '../uploads/parsed.ts';
import type { MeasureContext } from './context.ts';
import { lastStartingBy } from './person-index.ts';

/** The row whose values are person p's attributes on `day` (a month end); null when none started by then. */
export function attributeRow(ctx: MeasureContext, person: number, day: Day): EventRow | null {
  const all = ctx.allByPerson();
  const k = lastStartingBy(all, person, day);
  return k < all.offsets[person] ? null : all.rows[k];
}
