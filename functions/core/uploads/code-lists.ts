/**
 * The CLD code lists of extract-spec.md: Release 2 labels are canonical, Release 1 labels map
 * onto them (and earn a warning). Everything downstream of parsing sees Release 2 labels only.
 */

export const CLIENT_TYPES = ['Service user', 'Unpaid carer', 'Unpaid carer known by association'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

export const EVENT_TYPES = ['Request', 'Assessment', 'Service', 'Review'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** `Financial assessment` is Release 1 only; rows carrying it are accepted and ignored by measures. */
export const ASSESSMENT_TYPES = ['Long term assessment', 'Short term assessment', 'Financial assessment'] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];

export const SERVICE_TYPES = [
  'Long term support: Nursing care',
  'Long term support: Residential care',
  'Long term support: Community',
  'Long term support: Prison',
  'Short term support: ST-Max',
  'Short term support: Ongoing low level',
  'Short term support: Other short term',
  'Unpaid carer support: Direct to unpaid carer',
  'Unpaid carer support: Support involving the person cared-for',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const EVENT_OUTCOMES = [
  'Progress to reablement/ST-Max',
  'Progress to assessment, review or reassessment',
  'Progress to support planning or services',
  'Continuation of support or services',
  'Admitted to hospital',
  'NFA: Responsibility moved to another local authority',
  'NFA: Referral to NHS services or NHS funded social care',
  'NFA: Self-funded client or under 12wk disregard',
  'NFA: Information and advice or signposting',
  'NFA: Referral to other service within the local authority',
  'NFA: Support declined',
  'NFA: Deceased',
  'NFA: Support ended as planned',
  'NFA: Support ended for other reason',
  'NFA: No services offered for other reason',
  'NFA: Other',
] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

export const DELIVERY_MECHANISMS = ['Direct payment', 'CASSR managed personal budget', 'CASSR commissioned support'] as const;
export type DeliveryMechanism = (typeof DELIVERY_MECHANISMS)[number];

/**
 * Gender and primary support reason are free text in the upload (extract-spec.md), kept as uploaded
 * for `report-cards measures`; a pack prints a group's label only when it is one of these CLD
 * wordings (disclosure/published-labels.ts), since a shifted cell can put anything there.
 */
export const GENDERS = ['Female', 'Male', 'Other', 'Unknown'] as const;

export const PRIMARY_SUPPORT_REASONS = [
  'Physical support: Access and mobility only',
  'Physical support: Personal care support',
  'Sensory support: Support for visual impairment',
  'Sensory support: Support for hearing impairment',
  'Sensory support: Support for dual impairment',
  'Support with memory and cognition',
  'Learning disability support',
  'Mental health support',
  'Social support: Substance misuse support',
  'Social support: Asylum seeker support',
  'Social support: Support for social isolation or other',
  'Social support: Support to carer',
] as const;

/** Release 1 labels and the Release 2 label each means. */
export const RELEASE_1_CLIENT_TYPES: Record<string, ClientType> = {
  Carer: 'Unpaid carer',
  'Carer known by association': 'Unpaid carer known by association',
};

export const RELEASE_1_ASSESSMENT_TYPES: Record<string, AssessmentType> = {
  'Long Term Assessment (Care Act eligibility decided)': 'Long term assessment',
  'Short Term Assessment': 'Short term assessment',
  'Financial Assessment': 'Financial assessment',
};

export const RELEASE_1_SERVICE_TYPES: Record<string, ServiceType> = {
  'Long Term Support: Nursing Care': 'Long term support: Nursing care',
  'Long Term Support: Residential Care': 'Long term support: Residential care',
  'Long Term Support: Community': 'Long term support: Community',
  'Long Term Support: Prison': 'Long term support: Prison',
  'Short Term Support: ST-Max': 'Short term support: ST-Max',
  'Short Term Support: Ongoing Low Level': 'Short term support: Ongoing low level',
  'Short Term Support: Other Short Term': 'Short term support: Other short term',
  'Carer Support: Direct to Carer': 'Unpaid carer support: Direct to unpaid carer',
  'Carer Support: Support involving the person cared-for': 'Unpaid carer support: Support involving the person cared-for',
};

export const RELEASE_1_OUTCOMES: Record<string, EventOutcome> = {
  'Progress to Reablement/ST-Max': 'Progress to reablement/ST-Max',
  'Progress to Assessment': 'Progress to assessment, review or reassessment',
  'Progress to Re-assessment / Unplanned Review': 'Progress to assessment, review or reassessment',
  'Progress to financial assessment': 'Progress to assessment, review or reassessment',
  'Progress to Support Planning / Services': 'Progress to support planning or services',
  'Progress to End of Life Care': 'Progress to support planning or services',
  'Provision of service': 'Progress to support planning or services',
  'No change in package': 'Continuation of support or services',
  'Admitted to hospital': 'Admitted to hospital',
  'Service ended as planned': 'NFA: Support ended as planned',
  'NFA - Moved to another LA': 'NFA: Responsibility moved to another local authority',
  'NFA - 100% NHS funded care': 'NFA: Referral to NHS services or NHS funded social care',
  'NFA - Self-funded client (inc. 12wk disregard)': 'NFA: Self-funded client or under 12wk disregard',
  'NFA - Information & Advice / Signposting only': 'NFA: Information and advice or signposting',
  'NFA - Support declined': 'NFA: Support declined',
  'NFA - Deceased': 'NFA: Deceased',
  'NFA - Support ended: Other reason': 'NFA: Support ended for other reason',
  'NFA - No services offered: Other reason': 'NFA: No services offered for other reason',
  'NFA- Other': 'NFA: Other',
  'NFA - Other': 'NFA: Other',
};

/** Trim (spaces, tabs, U+00A0), fold runs of them into one space and ignore case. */
export function foldLabel(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ').trim().toLowerCase();
}

export interface LabelMatch<T extends string> {
  label: T;
  /** True when only a Release 1 label matched: the caller warns. */
  release1: boolean;
}

/** Matches a value against one code list; `labels` are every spelling it accepts (both releases). */
export interface LabelMatcher<T extends string> {
  (text: string): LabelMatch<T> | undefined;
  readonly labels: readonly string[];
}

/**
 * Builds a matcher for one code list. Release 2 wins when a label is in both lists
 * (`Admitted to hospital`), so no warning is given for it.
 */
export function labelMatcher<T extends string>(release2: readonly T[], release1: Record<string, T> = {}): LabelMatcher<T> {
  const table = new Map<string, LabelMatch<T>>();
  for (const [r1, r2] of Object.entries(release1)) table.set(foldLabel(r1), { label: r2, release1: true });
  for (const label of release2) table.set(foldLabel(label), { label, release1: false });
  return Object.assign((text: string) => table.get(foldLabel(text)), { labels: [...release2, ...Object.keys(release1)] });
}

/** Settled accommodation wordings (measures.md, ASCOF 2E), folded for matching. */
export const SETTLED_ACCOMMODATION = new Set(
  [
    'Owner occupier or shared ownership scheme',
    'Tenant',
    'Tenant - private landlord',
    'Tenant - social landlord',
    'Settled mainstream housing with family or friends',
    'Supported accommodation',
    'Supported lodgings',
    'Supported group home',
    'Shared Lives scheme',
    'Approved premises for offenders released from prison or under probation supervision',
    'Sheltered housing',
    'Extra care housing',
    'Other sheltered housing',
    'Mobile accommodation for Gypsy, Roma and Traveller communities',
  ].map(foldLabel),
);
