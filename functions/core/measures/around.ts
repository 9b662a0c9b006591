/**
 * "Around each measure" (measures.md): target and RAG, direction of travel, SPC, benchmarks and
 * commentary for the latest month. Exported on its own so that history can rerun it on a merged
 * series; what it needs from the uploads comes through `AroundLookups`.
 */
import { addMonths, financialYearOf, type MonthId } from '../calendar/days.ts';
import type { BenchmarkRow, CommentaryRow, TargetRow } from '../uploads/parsed.ts';
import { benchmarksFor } from './benchmarks.ts';
import type { MeasureBasis, Polarity, Unit } from './catalogue/types.ts';
import { directionOf } from './direction.ts';
import type { Benchmark, Commentary, MeasureResult, Rebase, SeriesPoint } from './document.ts';
import { ragOf } from './rag.ts';
import type { SpcSettings } from './spc.ts';
import { spcFor } from './spc-window.ts';

export interface AroundLookups {
  target(measureId: string, financialYear: string, breakdown: string | null): number | null;
  benchmarks(measure: { id: string; basis: MeasureBasis; polarity: Polarity }, month: MonthId, value: number | null): Benchmark[];
  commentary(measureId: string, month: MonthId): Commentary | null;
  /** The officers' re-basing of the measure's SPC limits (targets upload), if any. */
  rebase(measureId: string): Rebase | null;
}

export interface MeasureCore {
  id: string;
  unit: Unit;
  polarity: Polarity;
  basis: MeasureBasis;
  series: SeriesPoint[];
  breakdowns: Record<string, SeriesPoint[]>;
}

export type Around = Pick<MeasureResult, 'latest' | 'spc' | 'spcNote' | 'rebase' | 'breakdownLatest'>;

/** Lookups over the uploads; later rows win where two say the same thing. */
export function lookupsFromInputs(inputs: { targets?: TargetRow[]; benchmarks?: BenchmarkRow[]; commentary?: CommentaryRow[] }): AroundLookups {
  const targets = new Map<string, number>();
  const rebases = new Map<string, Rebase>();
  for (const t of inputs.targets ?? []) {
    targets.set(`${t.measureId}|${t.financialYear}|${t.breakdown ?? ''}`, t.target);
    // The upload rejects two different months for one measure; a reason on any row is kept.
    if (t.rebaseFrom) rebases.set(t.measureId, { from: t.rebaseFrom, reason: t.rebaseReason ?? rebases.get(t.measureId)?.reason ?? null });
  }
  const commentary = new Map<string, Commentary>();
  for (const c of inputs.commentary ?? []) {
    commentary.set(`${c.measureId}|${c.period}`, {
      workingWell: c.workingWell,
      worriedAbout: c.worriedAbout,
      nextSteps: c.nextSteps,
      leadOfficer: c.leadOfficer,
    });
  }
  return {
    target: (id, fy, breakdown) => targets.get(`${id}|${fy}|${breakdown ?? ''}`) ?? null,
    benchmarks: (measure, month, value) => benchmarksFor(inputs.benchmarks, measure, month, value),
    commentary: (id, month) => commentary.get(`${id}|${month}`) ?? null,
    rebase: (id) => rebases.get(id) ?? null,
  };
}

function latestOf(series: SeriesPoint[], polarity: Polarity, targetOf: (month: MonthId) => number | null, fallbackMonth: MonthId) {
  const last = series.length ? series[series.length - 1] : null;
  const month = last ? last.month : fallbackMonth;
  const value = last ? last.value : null;
  const target = targetOf(month);
  const yearEarlier = series.find((p) => p.month === addMonths(month, -12));
  const lastYear = yearEarlier ? yearEarlier.value : null;
  const before = series.find((p) => p.month === addMonths(month, -1));
  // The month before, rated against its own financial year's target (April compares with March).
  const previous = before
    ? { month: before.month, value: before.value, target: targetOf(before.month), rag: ragOf(before.value, targetOf(before.month), polarity) }
    : null;
  return { month, value, target, rag: ragOf(value, target, polarity), direction: directionOf(value, lastYear, polarity), lastYear, previous };
}

export function aroundMeasure(measure: MeasureCore, lookups: AroundLookups, fallbackMonth: MonthId, settings: SpcSettings = {}): Around {
  const month = measure.series.length ? measure.series[measure.series.length - 1].month : fallbackMonth;
  const latest = {
    ...latestOf(measure.series, measure.polarity, (m) => lookups.target(measure.id, financialYearOf(m), null), fallbackMonth),
    benchmarks: [] as Benchmark[],
    commentary: lookups.commentary(measure.id, month),
  };
  latest.benchmarks = lookups.benchmarks(measure, month, latest.value);
  const breakdownLatest: NonNullable<MeasureResult['breakdownLatest']> = {};
  for (const [key, series] of Object.entries(measure.breakdowns)) {
    breakdownLatest[key] = latestOf(series, measure.polarity, (m) => (series.length ? lookups.target(measure.id, financialYearOf(m), key) : null), fallbackMonth);
  }
  const rebase = lookups.rebase(measure.id);
  return { latest, ...spcFor(measure, latest.target, rebase, settings), rebase, breakdownLatest };
}
