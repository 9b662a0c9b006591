/**
 * History (issue 3 item 4): a newer measures document merged over the one before it, so that a
 * card can show 13+ months when an extract window is shorter. The newer extract wins for every
 * month it covers (late-recorded events change old months); a month whose value changed is
 * marked `revised`. Latest and SPC are then recomputed on the merged series, reusing the
 * current document's target, benchmarks and commentary (cards never see the uploads).
 */
import { financialYearOf, type MonthId } from '../calendar/days.ts';
import { aroundMeasure, type AroundLookups } from './around.ts';
import type { Benchmark, Commentary, MeasureResult, MeasuresDocument, SeriesPoint } from './document.ts';
import { REASONS } from './points.ts';
import type { SpcSettings } from './spc.ts';

export function mergeSeries(previous: readonly SeriesPoint[], current: readonly SeriesPoint[]): SeriesPoint[] {
  const byMonth = new Map<string, SeriesPoint>();
  for (const p of previous) byMonth.set(p.month, p);
  for (const p of current) {
    const before = byMonth.get(p.month);
    // A placeholder for a snapshot upload not given this time says nothing about that month.
    if (before !== undefined && p.reason === REASONS.noUpload) continue;
    byMonth.set(p.month, before !== undefined && before.value !== p.value ? { ...p, revised: true } : p);
  }
  return [...byMonth.keys()].sort().map((m) => byMonth.get(m) as SeriesPoint);
}

/** Lookups that answer from the current document: what it said for its latest month and the one before. */
function lookupsFromDocument(current: MeasureResult): AroundLookups {
  const month: MonthId = current.latest.month;
  const fy = financialYearOf(month);
  const previous = current.latest.previous;
  return {
    target(_id, financialYear, breakdown) {
      if (breakdown === null && previous && financialYear === financialYearOf(previous.month) && financialYear !== fy) return previous.target;
      if (financialYear !== fy) return null;
      return breakdown === null ? current.latest.target : (current.breakdownLatest?.[breakdown]?.target ?? null);
    },
    benchmarks: (_m, atMonth, _value): Benchmark[] => (atMonth === month ? (current.latest.benchmarks ?? []) : []),
    commentary: (_id, atMonth): Commentary | null => (atMonth === month ? (current.latest.commentary ?? null) : null),
    rebase: () => current.rebase ?? null,
  };
}

export function mergeHistory(previous: MeasuresDocument | null, current: MeasuresDocument, settings: SpcSettings = {}): MeasuresDocument {
  if (previous === null) return current;
  const before = new Map(previous.measures.map((m) => [m.id, m]));
  const measures = current.measures.map((measure): MeasureResult => {
    const old = before.get(measure.id);
    if (!old) return measure;
    const series = mergeSeries(old.series, measure.series);
    const breakdowns: Record<string, SeriesPoint[]> = {};
    for (const key of new Set([...Object.keys(old.breakdowns), ...Object.keys(measure.breakdowns)])) {
      breakdowns[key] = mergeSeries(old.breakdowns[key] ?? [], measure.breakdowns[key] ?? []);
    }
    const around = aroundMeasure({ id: measure.id, unit: measure.unit, polarity: measure.polarity, basis: measure.basis, series, breakdowns }, lookupsFromDocument(measure), current.period, settings);
    return { ...measure, series, breakdowns, ...around };
  });
  return { ...current, measures };
}
