/**
 * Shared by the measures read from snapshot uploads (waiting, finance, providers). A file may
 * hold one month or many (extract-spec "Snapshots and history"): each month's rows are that
 * month's snapshot, and for a month several files hold, the newest file wins for the whole
 * month. Files arrive oldest first (MeasureInputs), so the last file holding a month wins.
 * One series entry per month, oldest first; with no file, one null entry for the events
 * period saying so.
 */
import { KINDS } from '../../uploads/kinds/index.ts';
import type { MeasureContext } from '../context.ts';
import type { SeriesPoint } from '../document.ts';
import { REASONS } from '../points.ts';
import type { MeasureDefinition } from './types.ts';

/** Month → the index of the newest file holding it and that file's rows of the month, in file order; months sorted. */
function winners<R>(files: readonly (readonly R[])[], monthOf: (row: R) => string): Map<string, { file: number; rows: R[] }> {
  const winner = new Map<string, { file: number; rows: R[] }>();
  files.forEach((rows, file) => {
    const mine = new Map<string, R[]>();
    for (const row of rows) {
      const month = monthOf(row);
      const list = mine.get(month);
      if (list) list.push(row);
      else mine.set(month, [row]);
    }
    for (const [month, list] of mine) winner.set(month, { file, rows: list });
  });
  return new Map([...winner].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Month → that month's rows, in file order, from the newest file holding the month; months sorted. */
export function monthlySnapshots<R>(files: readonly (readonly R[])[], monthOf: (row: R) => string): Map<string, R[]> {
  return new Map([...winners(files, monthOf)].map(([month, w]) => [month, w.rows]));
}

/**
 * Of a snapshot kind's files (oldest first, as each row's month is found by `monthOf`), the
 * indices of those that win at least one month, in order: the files the measures actually read
 * (measures/inputs.ts names them in `uploads`).
 */
export function filesWinningAMonth<R>(files: readonly (readonly R[])[], monthOf: (row: R) => string): number[] {
  return [...new Set([...winners(files, monthOf).values()].map((w) => w.file))].sort((a, b) => a - b);
}

/** Each kind's snapshots are merged once per run and shared by the measures reading them; a row's month is the registry's. */
const { waiting, finance, providers } = KINDS;
const SNAPSHOTS = {
  waiting: (ctx: MeasureContext) =>
    ctx.memo('snapshots:waiting', () => ctx.inputs.waiting && monthlySnapshots(ctx.inputs.waiting.map(waiting.snapshot.rows), waiting.snapshot.monthOf)),
  finance: (ctx: MeasureContext) =>
    ctx.memo('snapshots:finance', () => ctx.inputs.finance && monthlySnapshots(ctx.inputs.finance.map(finance.snapshot.rows), finance.snapshot.monthOf)),
  providers: (ctx: MeasureContext) =>
    ctx.memo('snapshots:providers', () => ctx.inputs.providers && monthlySnapshots(ctx.inputs.providers.map(providers.snapshot.rows), providers.snapshot.monthOf)),
};
type SnapshotKind = keyof typeof SNAPSHOTS;
/** A month's rows of a snapshot kind. */
type RowsOf<K extends SnapshotKind> = NonNullable<ReturnType<(typeof SNAPSHOTS)[K]>> extends Map<string, infer R> ? R : never;

/**
 * A measure read from one snapshot kind: it reads that kind alone, and its series has one point
 * per month, made by `point` from that month's rows.
 */
export function fromSnapshots<K extends SnapshotKind>(
  kind: K,
  point: (month: string, rows: RowsOf<K>) => SeriesPoint,
): Pick<MeasureDefinition, 'reads' | 'compute'> {
  return {
    reads: [kind],
    compute: (ctx) => ({ series: snapshotSeries(ctx, SNAPSHOTS[kind](ctx) as Map<string, RowsOf<K>> | undefined, point) }),
  };
}

function snapshotSeries<R>(ctx: MeasureContext, snapshots: Map<string, R> | undefined, point: (month: string, rows: R) => SeriesPoint): SeriesPoint[] {
  if (!snapshots || snapshots.size === 0) {
    return [{ month: ctx.period, value: null, numerator: null, denominator: null, reason: REASONS.noUpload }];
  }
  return [...snapshots].map(([month, rows]) => point(month, rows));
}
