/**
 * What the sample knows about each measure of measures.md: its basis and polarity (for targets
 * and benchmarks that make sense), the level the default sample runs at, and a target for the
 * latest financial year. Counts, hours and money are per the default council (about 210,300
 * adults) and scale with the sample's size. A test checks this table against the catalogue.
 */
export type Polarity = 'high' | 'low' | 'neutral';
export type Basis = 'month' | 'snapshot' | 'rolling12';

export interface SampleMeasure {
  id: string;
  basis: Basis;
  polarity: Polarity;
  /** Target for the financial year of --end; earlier years step back by `step` (easier targets). */
  target: number;
  step: number;
  /** True when the figure is a count, hours or money that scales with the council's size. */
  scales?: boolean;
  /** Comparator level (England) for measures with a published counterpart, by the latest year. */
  england?: number;
  /** Percent measures cap at 100. */
  percent?: boolean;
  /** Targets for breakdown series (measures.md: a target row with a breakdown). */
  breakdowns?: Record<string, number>;
}

export const SAMPLE_MEASURES: readonly SampleMeasure[] = [
  { id: 'REQ_NEW', basis: 'month', polarity: 'neutral', target: 210, step: 0, england: 330 },
  { id: 'FPOC', basis: 'month', polarity: 'high', target: 40, step: 2, percent: true },
  { id: 'REQ_TO_ASSESS', basis: 'month', polarity: 'low', target: 27, step: 1, percent: true },
  { id: 'ASSESS_LT', basis: 'month', polarity: 'neutral', target: 85, step: 0, england: 92 },
  { id: 'ASSESS_NO_SERVICE', basis: 'month', polarity: 'low', target: 25, step: 2, percent: true },
  { id: 'WAIT_ASSESS_DAYS', basis: 'month', polarity: 'low', target: 35, step: 3 },
  { id: 'REVIEWS_UTD', basis: 'snapshot', polarity: 'high', target: 60, step: 5, percent: true, england: 57 },
  {
    id: 'REVIEWS_REDUCED',
    basis: 'month',
    polarity: 'high',
    target: 18,
    step: 1,
    percent: true,
    // Norfolk's committee set a stretching target for younger adults.
    breakdowns: { '18-64': 22, '65+': 16 },
  },
  { id: 'LTS_CLIENTS', basis: 'snapshot', polarity: 'neutral', target: 4300, step: 0, scales: true },
  { id: 'ADMISSIONS_18_64', basis: 'rolling12', polarity: 'low', target: 13, step: 0.5, england: 13.3 },
  { id: 'ADMISSIONS_65P', basis: 'rolling12', polarity: 'low', target: 450, step: 15, england: 498 },
  { id: 'STMAX_NO_FURTHER', basis: 'rolling12', polarity: 'high', target: 80, step: 1, percent: true, england: 79.1 },
  { id: 'SDS', basis: 'snapshot', polarity: 'high', target: 90, step: 1, percent: true, england: 92.2 },
  { id: 'DIRECT_PAYMENTS', basis: 'snapshot', polarity: 'high', target: 28, step: 1, percent: true, england: 26.7 },
  { id: 'SETTLED_ACCOM', basis: 'snapshot', polarity: 'high', target: 68, step: 1, percent: true, england: 64 },
  { id: 'CARER_ASSESS', basis: 'month', polarity: 'high', target: 70, step: 5, scales: true },
  // ASCOF by DHSC's CLD method: targets near the default sample's levels, a little stretching.
  { id: 'ASCOF_2A', basis: 'rolling12', polarity: 'high', target: 78, step: 1, percent: true },
  { id: 'ASCOF_2B', basis: 'rolling12', polarity: 'low', target: 11, step: 0.5 },
  { id: 'ASCOF_2C', basis: 'rolling12', polarity: 'low', target: 450, step: 15 },
  { id: 'ASCOF_2E', basis: 'rolling12', polarity: 'high', target: 81, step: 1, percent: true },
  { id: 'ASCOF_2E_65', basis: 'rolling12', polarity: 'high', target: 80, step: 1, percent: true },
  { id: 'ASCOF_2E_LD', basis: 'rolling12', polarity: 'high', target: 80, step: 1, percent: true },
  { id: 'ASCOF_3D1A', basis: 'snapshot', polarity: 'high', target: 90, step: 1, percent: true },
  { id: 'ASCOF_3D1B', basis: 'rolling12', polarity: 'high', target: 60, step: 1, percent: true },
  { id: 'ASCOF_3D2A', basis: 'snapshot', polarity: 'high', target: 28, step: 1, percent: true },
  { id: 'ASCOF_3D2B', basis: 'rolling12', polarity: 'high', target: 60, step: 1, percent: true },
  // DHSC's CLD waiting times: only requests from April 2023 count, so a sample ending before 2024 has none.
  { id: 'CLD_WAIT_RESPONSE_25_64', basis: 'rolling12', polarity: 'low', target: 9, step: 0.5 },
  { id: 'CLD_WAIT_RESPONSE_65', basis: 'rolling12', polarity: 'low', target: 8, step: 0.5 },
  { id: 'CLD_WAIT_SERVICE_25_64', basis: 'rolling12', polarity: 'low', target: 14, step: 1 },
  { id: 'CLD_WAIT_SERVICE_65', basis: 'rolling12', polarity: 'low', target: 8, step: 0.5 },
  { id: 'WAITING_ASSESS', basis: 'snapshot', polarity: 'low', target: 200, step: 20, scales: true },
  { id: 'BUDGET_VARIANCE', basis: 'snapshot', polarity: 'low', target: 0, step: 0 },
  { id: 'SAVINGS_DELIVERED', basis: 'snapshot', polarity: 'high', target: 100, step: 0, percent: true },
  { id: 'WAITING_REVIEW', basis: 'snapshot', polarity: 'low', target: 60, step: 5, scales: true },
  { id: 'WAITING_SERVICE', basis: 'snapshot', polarity: 'low', target: 20, step: 2, scales: true },
  { id: 'PROVIDERS_GOOD', basis: 'snapshot', polarity: 'high', target: 80, step: 2, percent: true, england: 84 },
  { id: 'HOMECARE_HOURS', basis: 'snapshot', polarity: 'neutral', target: 19500, step: 0, scales: true },
];

/** Adults in the default sample's council: counts in the table are for this size. */
export const DEFAULT_ADULTS = 210_305;

/** One decimal place, as measures print. */
export function oneDp(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Number text without float noise (`12`, `7.5`). */
export function numberText(value: number): string {
  return String(oneDp(value));
}
