/**
 * The measures document (cli.md `report-cards measures`): what the ingest stage writes to
 * `measures/<period>.json` and what the report cards read. Cards never see upload rows, so
 * everything a card shows (definition, commentary, benchmarks) travels in this document.
 * Fields beyond cli.md's are extras cli.md welcomes.
 */
import { z } from 'zod';

export const UNITS = ['percent', 'per100k', 'count', 'days', 'gbp', 'hours'] as const;
export const POLARITIES = ['high', 'low', 'neutral'] as const;
export const BASES = ['month', 'snapshot', 'rolling12'] as const;

export const ytdSchema = z.object({
  numerator: z.number().nullable(),
  value: z.number().nullable(),
  reason: z.string().nullable(),
  /** Extra, published view only: withheld by disclosure control (value and numerator null). */
  withheld: z.boolean().optional(),
});

export const budgetLineSchema = z.object({
  budgetLine: z.string(),
  budget: z.number(),
  forecast: z.number(),
  variance: z.number(),
  mitigations: z.number(),
  afterMitigations: z.number(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const seriesPointSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  value: z.number().nullable(),
  /** Exact integer, or for money and hours the exact decimal sum (as a number; see `numeratorText`). */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.string().nullable(),
  ytd: ytdSchema.optional(),
  /** Extra: money and hours sums as exact decimal text, so nothing is lost to binary floats. */
  numeratorText: z.string().optional(),
  /** Extra: median days waiting (WAITING_ASSESS, WAITING_REVIEW, WAITING_SERVICE). */
  medianDays: z.number().nullable().optional(),
  /** BUDGET_VARIANCE: the variance − Σ mitigations (exact; text alongside, like `numeratorText`). */
  afterMitigations: z.number().optional(),
  afterMitigationsText: z.string().optional(),
  /** BUDGET_VARIANCE: each budget line of the month, in file order (blank mitigations count as 0). */
  lines: z.array(budgetLineSchema).optional(),
  /** PROVIDERS_GOOD: the number of distinct providers at each rating given. */
  byRating: z.record(z.string(), z.number()).optional(),
  /** PROVIDERS_GOOD: Σ hours per week of home care providers rated below good (exact; text alongside). */
  hoursBelowGood: z.number().optional(),
  hoursBelowGoodText: z.string().optional(),
  /** Extra: true when a newer extract changed this month's value (history). */
  revised: z.boolean().optional(),
  /** Extra, published view only: withheld by disclosure control (printed `*`; value and numerator null). */
  withheld: z.boolean().optional(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const benchmarkSchema = z.object({
  comparator: z.string(),
  year: z.string(),
  value: z.number(),
  /** Where the latest value stands among the comparator's quartiles, oriented by polarity. */
  quartile: z.enum(['top', 'upper middle', 'lower middle', 'bottom']).nullable(),
});
export type Benchmark = z.infer<typeof benchmarkSchema>;

export const commentarySchema = z.object({
  workingWell: z.string().nullable(),
  worriedAbout: z.string().nullable(),
  nextSteps: z.string().nullable(),
  leadOfficer: z.string().nullable(),
});
export type Commentary = z.infer<typeof commentarySchema>;

export const ragSchema = z.enum(['green', 'amber', 'red']);
export const directionSchema = z.enum(['improving', 'worsening', 'same', 'up', 'down']);

export const rebaseSchema = z.object({
  /** `YYYY-MM`: the month from which the current process starts (targets upload `rebase_from`). */
  from: z.string().regex(/^\d{4}-\d{2}$/),
  reason: z.string().nullable(),
});
export type Rebase = z.infer<typeof rebaseSchema>;

export const spcSchema = z.object({
  /** The window's first and last month (the card's chart draws these months). */
  from: z.string().regex(/^\d{4}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}$/),
  mean: z.number(),
  lower: z.number(),
  upper: z.number(),
  /** Extra: the 2-sigma lines. */
  lowerWarning: z.number().optional(),
  upperWarning: z.number().optional(),
  variation: z.enum(['improvement', 'concern', 'neutral', 'common cause']),
  assurance: z.enum(['consistently pass', 'consistently fail', 'hit and miss']).nullable(),
  /** Why assurance is null although there is a target: `process changing since YYYY-MM`. */
  assuranceNote: z.string().nullable(),
  rebase: rebaseSchema.nullable(),
  /** Extra: months that are part of a special cause, and on which side. */
  specialCauses: z.array(z.object({ month: z.string(), side: z.enum(['good', 'bad', 'neutral']) })).optional(),
});
export type Spc = z.infer<typeof spcSchema>;

export const latestSchema = z.object({
  month: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  rag: ragSchema.nullable(),
  direction: directionSchema.nullable(),
  /** Extra: the value of the same month a year earlier. */
  lastYear: z.number().nullable().optional(),
  /**
   * Extra: the month before the latest, its value, the target of its financial year and its RAG,
   * so that "which RAG ratings changed since last month" comes from the measures themselves.
   */
  previous: z.object({ month: z.string(), value: z.number().nullable(), target: z.number().nullable(), rag: ragSchema.nullable(), withheld: z.boolean().optional() }).nullable().optional(),
  benchmarks: z.array(benchmarkSchema).optional(),
  commentary: commentarySchema.nullable().optional(),
  /** Extra, published view only: the latest value, or the one a year earlier, is withheld. */
  withheld: z.boolean().optional(),
  lastYearWithheld: z.boolean().optional(),
});


export const measureResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.enum(UNITS),
  polarity: z.enum(POLARITIES),
  basis: z.enum(BASES),
  /** Extras from the catalogue, so that cards need nothing but this document. */
  definition: z.string().optional(),
  whyItMatters: z.string().optional(),
  /** Extra: the national ASCOF code (`2A`, `3D1a` …) of a measure computed by DHSC's method. */
  ascofCode: z.string().optional(),
  /**
   * Extra, on ASCOF measures: the financial-year figure (April to March, the basis of DHSC's
   * published ASCOF values) of each year whose March is in the series: that March's point.
   */
  annual: z.array(z.object({
    year: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    reason: z.string().nullable(),
    /** Extra, published view only: withheld by disclosure control. */
    withheld: z.boolean().optional(),
  })).optional(),
  series: z.array(seriesPointSchema),
  /** Breakdown id (`18-64`, `65+`, `residential`, `community`) → a series of the same shape; `{}` when none. */
  breakdowns: z.record(z.string(), z.array(seriesPointSchema)),
  latest: latestSchema,
  /** Extra: `latest` (target, RAG, direction) for each breakdown series; targets may name a breakdown. */
  breakdownLatest: z.record(z.string(), latestSchema).optional(),
  // A document stored before the window fields existed has no `from`/`to`: its SPC reads as none
  // (history recomputes SPC on the merged series anyway) rather than losing the whole document.
  spc: spcSchema.nullable().catch(null),
  /** Null when `spc` is present, otherwise why not (cli.md): `rolling window`, `fewer than 12 points`, `no data`. */
  spcNote: z.string().nullable().default(null),
  /** Extra: the officers' re-basing (targets upload), also when too few points follow it for limits. */
  rebase: rebaseSchema.nullable().optional(),
});
export type MeasureResult = z.infer<typeof measureResultSchema>;

export const measuresDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  laCode: z.string(),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  /** Extra: the events extract's reporting period end, `YYYY-MM-DD` (the card's "data as at"). */
  dataAsAt: z.string().optional(),
  measures: z.array(measureResultSchema),
});
export type MeasuresDocument = z.infer<typeof measuresDocumentSchema>;
