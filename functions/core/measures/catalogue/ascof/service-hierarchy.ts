/**
 * #REF_Service_Type, the same table in Create_ASCOF_2A_2425_Onwards.sql (ranking a reablement
 * sequel) and Create_personal_details_table.sql (deducing an unknown accommodation status): the
 * service types by setting, nursing care first; any other type (carer support) ranks 99.
 */
import type { EventRow } from '../../../uploads/parsed.ts';

const HIERARCHY: Record<string, number> = {
  'Long term support: Nursing care': 1,
  'Long term support: Residential care': 2,
  'Long term support: Community': 3,
  'Long term support: Prison': 4,
  'Short term support: ST-Max': 5,
  'Short term support: Ongoing low level': 6,
  'Short term support: Other short term': 7,
};

export const UNRANKED_SERVICE = 99;

export function serviceTypeHierarchy(row: EventRow): number {
  return (row.serviceType !== null && HIERARCHY[row.serviceType]) || UNRANKED_SERVICE;
}
