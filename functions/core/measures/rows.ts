/**
 * Row classifications and the "active" tests of measures.md Conventions, shared by measures.
 */
import type { Day } from '../calendar/days.ts';
import type { EventRow } from '../uploads/parsed.ts';
import { foldLabel } from '../uploads/code-lists.ts';
import { lastStartingBy, reachOf, type PersonRows } from './person-index.ts';

export const isServiceUser = (row: EventRow): boolean => row.clientType === 'Service user';
export const isCarer = (row: EventRow): boolean =>
  row.clientType === 'Unpaid carer' || row.clientType === 'Unpaid carer known by association';

/** LTS: service rows of a service user whose type starts `Long term support:`. */
export function isLts(row: EventRow): boolean {
  return row.eventType === 'Service' && row.clientType === 'Service user' && row.serviceType !== null &&
    row.serviceType.startsWith('Long term support:');
}

export function isResidentialLts(row: EventRow): boolean {
  return isLts(row) &&
    (row.serviceType === 'Long term support: Nursing care' || row.serviceType === 'Long term support: Residential care');
}

export function isCommunityLts(row: EventRow): boolean {
  return isLts(row) && row.serviceType === 'Long term support: Community';
}

export function isStMax(row: EventRow): boolean {
  return row.eventType === 'Service' && row.clientType === 'Service user' && row.serviceType === 'Short term support: ST-Max';
}

/** A component that, trimmed and ignoring case, begins with `short`. */
export function isShortComponent(row: EventRow): boolean {
  return row.serviceComponent !== null && foldLabel(row.serviceComponent).startsWith('short');
}

/** Active on d: start ≤ d and (end blank or end ≥ d). */
export function activeOn(row: EventRow, day: Day): boolean {
  return row.start <= day && (row.end === null || row.end >= day);
}

/** Active on any day of [from, to]. */
export function activeDuring(row: EventRow, from: Day, to: Day): boolean {
  return from <= to && row.start <= to && (row.end === null || row.end >= from);
}

/** Some row of person p in `index` is active on a day of [from, to] (a binary search, person-index.ts). */
export function anyActiveDuring(index: PersonRows, person: number, from: Day, to: Day): boolean {
  if (from > to) return false;
  const last = lastStartingBy(index, person, to);
  return last >= index.offsets[person] && reachOf(index)[last] >= from;
}

/** Some row of person p in `index` is active on `day`. */
export function anyActiveOn(index: PersonRows, person: number, day: Day): boolean {
  return anyActiveDuring(index, person, day, day);
}
