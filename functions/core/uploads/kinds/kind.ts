/**
 * Everything that makes an upload kind, in one place (the registry is kinds/index.ts): where it is
 * uploaded, its columns, a zod schema of what it parses to, a parser that applies its row rules
 * record by record and its cross-row rules as it goes or at the end, whether it is a month-end
 * snapshot and how a row's month is found, and how the CLI names it. The parser logs problems;
 * `validateUpload` throws its result away on any error.
 */
import type { z } from 'zod';
import type { MonthId } from '../../calendar/days.ts';
import type { ColumnSpec } from '../headers.ts';
import type { RowReader } from '../row-reader.ts';

export interface RowParser<T> {
  /** Reads the record loaded into `r` (never called for blank lines). */
  row(r: RowReader): void;
  /** Cross-row rules that need every row, then the parsed data. */
  finish(r: RowReader): T;
}

/**
 * A month-end snapshot kind (extract-spec "Snapshots and history"): a file may hold one month or
 * many, every valid file counts, and for a month several files hold the newest file wins.
 */
export interface SnapshotRule<T, R> {
  /** The file's rows, each belonging to one month. */
  rows(data: T): readonly R[];
  /** The month a row is the snapshot of. */
  monthOf(row: R): MonthId;
}

export interface KindDefinition<T, R = never> {
  /** Bucket prefix officers upload this kind under (bucket-layout.ts); one per kind, none nested in another. */
  prefix: string;
  /**
   * True for the one kind the measures cannot run without: it sets the reporting period, so every
   * pack needs it and nothing is computed until it arrives.
   */
  setsPeriod?: true;
  /** Present for snapshot kinds; absent where the newest valid file is the whole upload. */
  snapshot?: SnapshotRule<T, R>;
  /**
   * The CLI option (`--<kind> FILE`, repeatable for a snapshot kind) and its help text; a
   * second line of help is indented under the first.
   */
  help: string;
  columns: readonly ColumnSpec[];
  /** The parsed data's shape: the contract of parsed.ts, checked at the boundary. */
  schema: z.ZodType<T>;
  /**
   * False where checking every parsed row would cost more than the parse (events: ~1.5 s of CPU
   * and a second copy of 1,000,000 rows); the unit tests check that kind's output against the
   * schema instead.
   */
  checkAtRuntime: boolean;
  createParser(): RowParser<T>;
}

export const required = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: true }));
export const optional = (...names: string[]): ColumnSpec[] => names.map((name) => ({ name, required: false }));
/** A column whose values come from a closed code list. */
export const coded = (name: string, isRequired: boolean, matcher: { labels: readonly string[] }): ColumnSpec => ({ name, required: isRequired, codeList: matcher.labels });

/** A value that must be the same on every row: the first valid one is the reference. */
export class SameOnEveryRow<T> {
  value: T | undefined;
  private firstRow = 0;
  constructor(private readonly column: string) {}
  check(r: RowReader, v: T, raw: string): boolean {
    if (this.value === undefined) {
      this.value = v;
      this.firstRow = r.row;
      return true;
    }
    if (v === this.value) return true;
    r.error(this.column, raw, 'same-on-every-row', `${this.column} must be the same on every row (it differs from row ${this.firstRow}'s)`);
    return false;
  }
}
