/**
 * The sample's options (cli.md `sample`) and everything derived from them once: the reporting
 * window, the size of the council and how the N people in contact split into existing long term
 * clients, new contacts and carers. Rates are per 100,000 adults so that a small `people` gives a
 * small council with the same rates, which is what lets tests check magnitudes on a quick sample.
 */
import { z } from 'zod';
import { addMonths, monthEnd, monthsBetween, monthStart, type Day, type MonthId } from '../calendar/days.ts';

export const sampleOptionsSchema = z.object({
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  people: z.number().int().min(1).max(10_000_000).default(20_000),
  end: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'end must be a month written YYYY-MM')
    .refine((m) => m >= '1990-01' && m <= '2099-12', 'end must be between 1990-01 and 2099-12')
    .default('2021-11'),
  months: z.number().int().min(1).max(120).default(36),
});
export type SampleOptions = z.input<typeof sampleOptionsSchema>;
export type ResolvedOptions = z.output<typeof sampleOptionsSchema>;

/** Rotherham, whose papers (shared/seeds) set the orders of magnitude. */
export const LA_CODE = 'E08000018';

/** Long term clients in service per 100,000 adults at any time (about 4,150 for Rotherham). */
const STOCK_PER_100K = 1950;
/** New service-user contacts (first requests) per 100,000 adults a month. */
const ARRIVALS_PER_100K_MONTH = 178;
/** Carers coming into contact per 100,000 adults a month. */
const CARERS_PER_100K_MONTH = 17;
/**
 * People from the warm-up months (see WARM_UP) still in the extract, per 100,000 adults: carers
 * reassessed in the window and people whose assessment or support runs into it (measured on the
 * default sample). Counted so that the file holds about N people.
 */
const WARM_UP_PEOPLE_PER_100K = 540;
/** Share of adults aged 65+ (Rotherham mid-2021: 54,800 of 214,600). */
export const SHARE_65P = 0.2554;

export interface World {
  options: ResolvedOptions;
  laCode: string;
  firstMonth: MonthId;
  lastMonth: MonthId;
  /** Reporting period start (first day of the first month) and end (last day of --end). */
  w0: Day;
  w1: Day;
  /** Adults 18+ in the council in the mid-year of --end, from which the people were sized. */
  adults: number;
  /**
   * How the people split, by index: [0, stock) existing clients, then carers, then new contacts.
   * Carers and new contacts include a warm-up before the window (WARM_UP), so the first months
   * already hold assessments of people who asked earlier and carers' yearly reassessments; people
   * whose every event ended before the window are left out, so the file holds about N people.
   */
  stock: number;
  carers: number;
  arrivals: number;
  /** All indices: stock + carers + arrivals. */
  total: number;
}

/** Months before the window in which carers and new contacts already arrive. */
export const WARM_UP = { carer: 24, arrival: 4 } as const;

export function resolveOptions(options: SampleOptions = {}): ResolvedOptions {
  return sampleOptionsSchema.parse(options);
}

export function worldOf(options: SampleOptions = {}): World {
  const o = resolveOptions(options);
  const lastMonth = o.end as MonthId;
  const firstMonth = addMonths(lastMonth, -(o.months - 1));
  // People in contact over the window per 100,000 adults; N people then sizes the council.
  const peoplePer100k = STOCK_PER_100K + (ARRIVALS_PER_100K_MONTH + CARERS_PER_100K_MONTH) * o.months + WARM_UP_PEOPLE_PER_100K;
  const adults = Math.max(1, Math.round((o.people / peoplePer100k) * 100_000));
  const stock = Math.round((o.people * STOCK_PER_100K) / peoplePer100k);
  const carersInWindow = Math.round((o.people * CARERS_PER_100K_MONTH * o.months) / peoplePer100k);
  const arrivalsInWindow = Math.max(1, Math.round((o.people * ARRIVALS_PER_100K_MONTH * o.months) / peoplePer100k));
  const carers = Math.round((carersInWindow * (o.months + WARM_UP.carer)) / o.months);
  const arrivals = Math.round((arrivalsInWindow * (o.months + WARM_UP.arrival)) / o.months);
  return {
    options: o,
    laCode: LA_CODE,
    firstMonth,
    lastMonth,
    w0: monthStart(firstMonth),
    w1: monthEnd(lastMonth),
    adults,
    stock,
    carers,
    arrivals,
    total: stock + carers + arrivals,
  };
}

/** Kinds of person, by index (see World). */
export type PersonKind = 'existing' | 'carer' | 'arrival';

export function kindOf(world: World, index: number): PersonKind {
  if (index < world.stock) return 'existing';
  if (index < world.stock + world.carers) return 'carer';
  return 'arrival';
}

/** Spreads the indices of one kind evenly over its months: the month, warm-up included. */
export function arrivalMonth(world: World, kind: 'carer' | 'arrival', position: number): MonthId {
  const count = kind === 'carer' ? world.carers : world.arrivals;
  const span = world.options.months + WARM_UP[kind];
  const offset = Math.min(span - 1, Math.floor((position * span) / Math.max(1, count)));
  return addMonths(world.firstMonth, offset - WARM_UP[kind]);
}

/** Snapshot files (waiting, finance, providers) hold up to 24 months, as a council adopting the product would load. */
export const SNAPSHOT_MONTHS = 24;

/** The months the snapshot files hold, oldest first: the last SNAPSHOT_MONTHS of the window. */
export function snapshotMonths(world: World): MonthId[] {
  const count = Math.min(SNAPSHOT_MONTHS, world.options.months);
  return monthsBetween(addMonths(world.lastMonth, -(count - 1)), world.lastMonth);
}
