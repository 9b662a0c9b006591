/**
 * Where SPC applies and over which months (measures.md "Around each measure", SPC), and the
 * limits as they may be printed: clipped to the range the measure can take.
 *
 * - Only `month` and `snapshot` bases: a `rolling12` point overlaps the 11 before it, so XmR would
 *   flag false signals (`spcNote: "rolling window"`).
 * - The window is the last 24 months ending at the latest month, the months the card's chart
 *   draws; an officer's re-basing month starts it later.
 * - Assurance judges a stable process: while the latest point is part of a run or trend it is
 *   withheld with `assuranceNote`.
 */
import { addMonths, type MonthId } from '../calendar/days.ts';
import type { MeasureBasis, Polarity, Unit } from './catalogue/types.ts';
import type { Rebase, SeriesPoint, Spc } from './document.ts';
import { computeSpc, MIN_SPC_POINTS, type SpcSettings } from './spc.ts';

/** Months in the SPC window and on the card's chart. */
export const WINDOW_MONTHS = 24;

export const SPC_NOTES = {
  rollingWindow: 'rolling window',
  fewerThan12: `fewer than ${MIN_SPC_POINTS} points`,
  noData: 'no data',
} as const;

/** The months a card's chart draws: the last 24 calendar months ending at the latest entry. */
export function chartWindow<P extends Pick<SeriesPoint, 'month'>>(series: readonly P[]): P[] {
  const last = series.at(-1);
  if (!last) return [];
  const first = addMonths(last.month, -(WINDOW_MONTHS - 1));
  return series.filter((p) => p.month >= first);
}

/** The SPC window: the chart's months, from the re-basing month on when there is one. */
export function spcWindow(series: readonly SeriesPoint[], rebase: Rebase | null): SeriesPoint[] {
  const chart = chartWindow(series);
  return rebase ? chart.filter((p) => p.month >= rebase.from) : chart;
}

/** The range a measure's value can take: no negative counts, rates, days or hours; no % above 100. */
export function possibleRange(unit: Unit): { min: number | null; max: number | null } {
  if (unit === 'gbp') return { min: null, max: null };
  return { min: 0, max: unit === 'percent' ? 100 : null };
}

function clip(v: number, range: { min: number | null; max: number | null }): number {
  if (range.min !== null && v < range.min) return range.min;
  if (range.max !== null && v > range.max) return range.max;
  return v;
}

export interface SpcInput {
  unit: Unit;
  polarity: Polarity;
  basis: MeasureBasis;
  series: readonly SeriesPoint[];
}

export function spcFor(
  measure: SpcInput,
  target: number | null,
  rebase: Rebase | null,
  settings: SpcSettings = {},
): { spc: Spc | null; spcNote: string | null } {
  if (measure.basis === 'rolling12') return { spc: null, spcNote: SPC_NOTES.rollingWindow };
  if (!measure.series.some((p) => p.value !== null)) return { spc: null, spcNote: SPC_NOTES.noData };
  const window = spcWindow(measure.series, rebase);
  const xmr = window.length ? computeSpc(window, measure.polarity, target, settings) : null;
  if (!xmr) return { spc: null, spcNote: SPC_NOTES.fewerThan12 };
  const range = possibleRange(measure.unit);
  const { movingSince, ...stats } = xmr;
  const held = movingSince !== null && stats.assurance !== null;
  const spc: Spc = {
    from: window[0].month as MonthId,
    to: window[window.length - 1].month,
    ...stats,
    lower: clip(stats.lower, range),
    upper: clip(stats.upper, range),
    ...(stats.lowerWarning !== undefined ? { lowerWarning: clip(stats.lowerWarning, range) } : {}),
    ...(stats.upperWarning !== undefined ? { upperWarning: clip(stats.upperWarning, range) } : {}),
    assurance: held ? null : stats.assurance,
    assuranceNote: held ? `process changing since ${movingSince}` : null,
    rebase,
  };
  return { spc, spcNote: null };
}
