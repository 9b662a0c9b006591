/**
 * What a valid upload becomes once parsed: the plain, compact data the measures read.
 * This is the contract between `uploads/` (which produces it) and `measures/` (which reads it).
 * Dates are day numbers (calendar/days.ts); labels are Release 2; money and other decimals stay
 * as validated decimal strings so that sums can be exact.
 */
import type { Day } from '../calendar/days.ts';
import type { AssessmentType, ClientType, DeliveryMechanism, EventOutcome, EventType, ServiceType } from './code-lists.ts';
import type { ParsedUpload, PeriodKind, SnapshotKind, UploadKind } from './kinds/index.ts';

/** The kinds themselves (prefix, columns, snapshot or not) are the registry's: kinds/index.ts. */
export type { UploadKind } from './kinds/index.ts';

/** A validated decimal string matching `^-?\d+(\.\d+)?$`. */
export type DecimalText = string;

export interface Person {
  /** `la_person_unique_identifier`, as given (trimmed). */
  id: string;
  dateOfBirth: Day;
  /** The latest date of death on any of the person's rows (DHSC's person details keep the latest). */
  dateOfDeath: Day | null;
}

export interface EventRow {
  /** CSV record number (1 = first data row): file order, used where the spec says "last row wins". */
  row: number;
  /** Index into `EventsData.persons`. */
  person: number;
  eventType: EventType;
  clientType: ClientType;
  start: Day;
  end: Day | null;
  outcome: EventOutcome | null;
  assessmentType: AssessmentType | null;
  serviceType: ServiceType | null;
  /** Trimmed text as given; compare with `foldLabel`. */
  serviceComponent: string | null;
  routeOfAccess: string | null;
  deliveryMechanism: DeliveryMechanism | null;
  plannedUnitsPerWeek: DecimalText | null;
  unitCost: DecimalText | null;
  /** Trimmed text as given (null when blank); a person attribute resolved per month by measures. */
  accommodationStatus: string | null;
  /** Trimmed text as given (null when blank): person attributes for the equity breakdowns and ASCOF 2E LD. */
  gender: string | null;
  ethnicity: string | null;
  primarySupportReason: string | null;
}

export interface EventsData {
  laCode: string;
  reportingPeriodStart: Day;
  reportingPeriodEnd: Day;
  persons: Person[];
  /** In file order. Duplicates are still present: measures remove them per measures.md. */
  events: EventRow[];
}

export type WaitingFor = 'Assessment' | 'Review' | 'Service';

/** Each row carries its snapshot's month end: a file may hold many months. */
export interface WaitingData {
  laCode: string;
  rows: { asAt: Day; personId: string; dateOfBirth: Day; waitingFor: WaitingFor; requestDate: Day; team: string | null; priority: string | null }[];
}

/** Each line carries its month (`YYYY-MM`): a file may hold many months, lines in file order. */
export interface FinanceData {
  lines: {
    period: string;
    budgetLine: string;
    annualBudget: DecimalText;
    forecastOutturn: DecimalText;
    savingsTarget: DecimalText | null;
    savingsDelivered: DecimalText | null;
    /** Forecast effect of planned actions not yet in the outturn, a saving ≥ 0. */
    mitigations: DecimalText | null;
  }[];
}

/** CQC's ratings and a council's own scale share `Good`, `Requires improvement` and `Not yet rated`. */
export const QUALITY_RATINGS = ['Outstanding', 'Excellent', 'Good', 'Requires improvement', 'Inadequate', 'Poor', 'Not yet rated'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/** Each row carries its snapshot's month end: a file may hold many months. */
export interface ProvidersData {
  rows: {
    asAt: Day;
    providerId: string;
    providerName: string;
    framework: string;
    tier: '1' | '2' | 'Specialist';
    qualityRating: QualityRating;
    hoursPerWeek: DecimalText | null;
    area: string | null;
  }[];
}

export type AgeBand = '18-64' | '65+';

export interface PopulationRow {
  laCode: string;
  year: number;
  ageBand: AgeBand;
  population: number;
}

export interface TargetRow {
  measureId: string;
  /** `2021/22`. */
  financialYear: string;
  target: number;
  breakdown: string | null;
  /** `YYYY-MM`: the month from which the measure's SPC limits are computed (re-basing). */
  rebaseFrom: string | null;
  /** Why the limits were re-based (plain text, at most 200 characters). */
  rebaseReason: string | null;
}

export type Basis = 'month' | 'snapshot' | 'rolling12';

export interface BenchmarkRow {
  measureId: string;
  /** As given: `2020/21` (financial) or `2021` (calendar). */
  year: string;
  comparator: string;
  value: number;
  basis: Basis;
  quartileBoundaries: [number, number, number] | null;
}

export interface CommentaryRow {
  /** `YYYY-MM`. */
  period: string;
  measureId: string;
  workingWell: string | null;
  worriedAbout: string | null;
  nextSteps: string | null;
  leadOfficer: string | null;
}

/**
 * Everything the measures engine can read (measures/inputs.ts assembles it): the kind that sets
 * the period is required, every other kind optional; a snapshot kind is one entry per file,
 * oldest file first, so for a month several hold the last wins.
 */
export type MeasureInputs = { [K in PeriodKind]: ParsedUpload[K] } & {
  [K in Exclude<UploadKind, PeriodKind>]?: K extends SnapshotKind ? ParsedUpload[K][] : ParsedUpload[K];
};

/** One problem found in an upload (cli.md `validate --json`). */
export interface UploadIssue {
  /** CSV record number, 1 = first data row; 0 for whole-file problems. */
  row: number;
  /** Normalised column name; '' when the problem is not one column's. */
  column: string;
  value: string | null;
  /** A short stable rule id, e.g. `date-format`, `required`, `code-list`. */
  rule: string;
  /** Never carries a value of the file (the value is `value`'s alone): reports may show it. */
  message: string;
  /**
   * False when the issue's row had a different number of cells from the header, so its values
   * may sit under the wrong columns: a report that leaves the bucket shows none of them.
   */
  inPlace: boolean;
}
