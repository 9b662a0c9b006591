/**
 * Accommodation status as DHSC cleans and groups it: the Release 2 labels of #REF_Accommodation_Status
 * (Create_personal_details_table.sql and Create_ASCOF_2E_2425_Onwards.sql), group 1 = settled
 * ("lives in their home or with family"). The upload's accommodation_status is free text: a value
 * matching a Release 2 label (ignoring case and runs of spaces) is that label; the Release 1
 * wordings measures.md lists as settled map to the Release 2 label they became; anything else is
 * what DHSC calls 'Invalid and not mapped', which ranks as unknown.
 */
import { foldLabel } from '../../../uploads/code-lists.ts';

export const UNKNOWN = 'Unknown';
export const PRESUMED_AT_HOME = 'Unknown: Presumed at home';
export const PRESUMED_IN_COMMUNITY = 'Unknown: Presumed in community';

/** #REF_Accommodation_Status: label → Accommodation_Status_Group. */
const GROUPS: ReadonlyArray<readonly [string, 0 | 1]> = [
  ['Owner occupier or shared ownership scheme', 1],
  ['Tenant: Local authority or other social housing provider', 1],
  ['Tenant: Private landlord', 1],
  ['Settled mainstream housing with family or friends', 1],
  ['Supported accommodation, supported lodgings or supported group home', 1],
  ['Shared Lives scheme', 1],
  ['Approved premises for offenders released from prison or under probation supervision', 1],
  ['Sheltered housing, extra care housing or other sheltered housing', 1],
  ['Mobile accommodation for Gypsy, Roma and Traveller communities', 1],
  ['Rough sleeper or squatting', 0],
  ['Night shelter, emergency hostel or direct access hostel', 0],
  ['Refuge', 0],
  ['Placed in temporary accommodation by the council (inc. homelessness resettlement)', 0],
  ['Staying with family or friends as a short term guest', 0],
  ['Acute hospital or long term healthcare residential facility', 0],
  ['Registered care home', 0],
  ['Registered nursing home', 0],
  ['Prison, young offenders institution or detention centre', 0],
  ['Other temporary accommodation', 0],
  [UNKNOWN, 0],
  [PRESUMED_AT_HOME, 1],
  [PRESUMED_IN_COMMUNITY, 0],
];

/** Release 1 wordings (measures.md's settled list) → the Release 2 label that replaced them. */
const RELEASE_1: Record<string, string> = {
  Tenant: 'Tenant: Local authority or other social housing provider',
  'Tenant - private landlord': 'Tenant: Private landlord',
  'Tenant - social landlord': 'Tenant: Local authority or other social housing provider',
  'Supported accommodation': 'Supported accommodation, supported lodgings or supported group home',
  'Supported lodgings': 'Supported accommodation, supported lodgings or supported group home',
  'Supported group home': 'Supported accommodation, supported lodgings or supported group home',
  'Sheltered housing': 'Sheltered housing, extra care housing or other sheltered housing',
  'Extra care housing': 'Sheltered housing, extra care housing or other sheltered housing',
  'Other sheltered housing': 'Sheltered housing, extra care housing or other sheltered housing',
};

const BY_FOLDED = new Map<string, string>([
  ...GROUPS.map(([label]) => [foldLabel(label), label] as [string, string]),
  ...Object.entries(RELEASE_1).map(([r1, r2]) => [foldLabel(r1), r2] as [string, string]),
]);
const GROUP_OF = new Map<string, 0 | 1>(GROUPS.map(([label, group]) => [label, group]));

/** The cleaned label and whether it is known (Der_Accommodation_Known). */
export function cleanAccommodation(text: string | null): { value: string | null; known: boolean } {
  const label = text === null ? undefined : BY_FOLDED.get(foldLabel(text));
  if (label === undefined || label === UNKNOWN) return { value: null, known: false };
  return { value: label, known: true };
}

export function accommodationGroup(label: string): 0 | 1 | null {
  return GROUP_OF.get(label) ?? null;
}
