/**
 * Shared by the measures read from snapshot uploads (waiting, finance, providers). A file may
 * hold one month or many (extract-spec "Snapshots and history"): each month's rows are that
 * month's snapshot, and for a month several files hold, the newest file wins for the whole
 * month. Files arrive oldest first (MeasureInputs), so the last file holding a month wins.
 * One series entry per month, oldest first; with no file, one null entry for the events
 * period saying so.
 */
import { monthIdOf, type Day } from '../../calendar/days.ts';
import type { FinanceData, ProvidersData, SNAPSHOT_KINDS, WaitingData } from '../../uploads/parsed.ts';
import type { MeasureContext } from '../context.ts';
import type { SeriesPoint } from '../document.ts';
import { REASONS } from '../points.ts';

type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

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

type WaitingRow = WaitingData['rows'][number];
type FinanceLine = FinanceData['lines'][number];
type ProviderRow = ProvidersData['rows'][number];

const monthOfAsAt = (row: { asAt: Day }) => monthIdOf(row.asAt);

/**
 * Of a snapshot kind's files (oldest first), the indices of those that win at least one month,
 * in order: the files the measures actually read (recompute names them in `uploads`).
 */
export function filesWinningAMonth(kind: SnapshotKind, files: readonly unknown[]): number[] {
  const rowsOf: readonly (readonly { asAt?: Day; period?: string }[])[] =
    kind === 'finance' ? (files as FinanceData[]).map((f) => f.lines) : (files as (WaitingData | ProvidersData)[]).map((f) => f.rows);
  const monthOf = (r: { asAt?: Day; period?: string }) => (kind === 'finance' ? (r.period as string) : monthIdOf(r.asAt as Day));
  return [...new Set([...winners(rowsOf, monthOf).values()].map((w) => w.file))].sort((a, b) => a - b);
}

/** Each kind's snapshots are merged once per run and shared by the measures reading them. */
export const waitingSnapshots = (ctx: MeasureContext) =>
  ctx.memo('snapshots:waiting', () => ctx.inputs.waiting && monthlySnapshots<WaitingRow>(ctx.inputs.waiting.map((f) => f.rows), monthOfAsAt));
export const financeSnapshots = (ctx: MeasureContext) =>
  ctx.memo('snapshots:finance', () => ctx.inputs.finance && monthlySnapshots<FinanceLine>(ctx.inputs.finance.map((f) => f.lines), (l) => l.period));
export const providerSnapshots = (ctx: MeasureContext) =>
  ctx.memo('snapshots:providers', () => ctx.inputs.providers && monthlySnapshots<ProviderRow>(ctx.inputs.providers.map((f) => f.rows), monthOfAsAt));

export function snapshotSeries<R>(
  ctx: MeasureContext,
  snapshots: Map<string, R[]> | undefined,
  point: (month: string, rows: R[]) => SeriesPoint,
): SeriesPoint[] {
  if (!snapshots || snapshots.size === 0) {
    return [{ month: ctx.period, value: null, numerator: null, denominator: null, reason: REASONS.noUpload }];
  }
  return [...snapshots].map(([month, rows]) => point(month, rows));
}
