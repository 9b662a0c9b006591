/**
 * "Around each measure" (measures.md): target and RAG, direction of travel, SPC, benchmarks and
 * commentary for the latest month. Exported on its own so that history can rerun it on a merged
 * series; what it needs from the uploads comes through `AroundLookups`.
 */
import { addMonths, financialYearOf, type MonthId } from '../calendar/days.ts';
import type { BenchmarkRow, CommentaryRow, TargetRow } from '../uploads/parsed.ts';
import { benchmarksFor } from './benchmarks.ts';
import type { MeasureBasis, Polarity } from './catalogue/types.ts';
import { directionOf } from './direction.ts';
import type { Benchmark, Commentary, MeasureResult, SeriesPoint } from './document.ts';
import { ragOf } from './rag.ts';
import { computeSpc, type SpcSettings } from './spc.ts';

export interface AroundLookups {
  target(measureId: string, financialYear: string, breakdown: string | null): number | null;
  benchmarks(measure: { id: string; basis: MeasureBasis; polarity: Polarity }, month: MonthId, value: number | null): Benchmark[];
  commentary(measureId: string, month: MonthId): Commentary | null;
}

export interface MeasureCore {
  id: string;
  polarity: Polarity;
  basis: MeasureBasis;
  series: SeriesPoint[];
  breakdowns: Record<string, SeriesPoint[]>;
}

export type Around = Pick<MeasureResult, 'latest' | 'spc' | 'breakdownLatest'>;

/** Lookups over the uploads; later rows win where two say the same thing. */
export function lookupsFromInputs(inputs: { targets?: TargetRow[]; benchmarks?: BenchmarkRow[]; commentary?: CommentaryRow[] }): AroundLookups {
  const targets = new Map<string, number>();
  for (const t of inputs.targets ?? []) targets.set(`${t.measureId}|${t.financialYear}|${t.breakdown ?? ''}`, t.target);
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
  };
}

function latestOf(series: SeriesPoint[], polarity: Polarity, target: number | null, fallbackMonth: MonthId) {
  const last = series.length ? series[series.length - 1] : null;
  const month = last ? last.month : fallbackMonth;
  const value = last ? last.value : null;
  const yearEarlier = series.find((p) => p.month === addMonths(month, -12));
  const lastYear = yearEarlier ? yearEarlier.value : null;
  return { month, value, target, rag: ragOf(value, target, polarity), direction: directionOf(value, lastYear, polarity), lastYear };
}

export function aroundMeasure(measure: MeasureCore, lookups: AroundLookups, fallbackMonth: MonthId, settings: SpcSettings = {}): Around {
  const month = measure.series.length ? measure.series[measure.series.length - 1].month : fallbackMonth;
  const fy = financialYearOf(month);
  const target = lookups.target(measure.id, fy, null);
  const latest = {
    ...latestOf(measure.series, measure.polarity, target, fallbackMonth),
    benchmarks: [] as Benchmark[],
    commentary: lookups.commentary(measure.id, month),
  };
  latest.benchmarks = lookups.benchmarks(measure, month, latest.value);
  const breakdownLatest: NonNullable<MeasureResult['breakdownLatest']> = {};
  for (const [key, series] of Object.entries(measure.breakdowns)) {
    const t = series.length ? lookups.target(measure.id, financialYearOf(series[series.length - 1].month), key) : null;
    breakdownLatest[key] = latestOf(series, measure.polarity, t, fallbackMonth);
  }
  return { latest, spc: computeSpc(measure.series, measure.polarity, target, settings), breakdownLatest };
}
