/**
 * Reads one record's values by column name and applies the value rules, logging each problem
 * with its row and column. Parsed values are memoised per column: a 1,000,000-row extract has
 * a few thousand distinct dates and labels, so each is parsed once.
 */
import type { Day } from '../calendar/days.ts';
import type { LabelMatch } from './code-lists.ts';
import type { ColumnIndex } from './headers.ts';
import type { IssueLog } from './issues.ts';
import { detach, isoDayFast, isProblem, parseDate, parseDecimal, trimValue, type NumberForm, type Problem } from './values.ts';

/** Memo size per column; beyond it the memo is dropped and rebuilt (bounded memory). */
const MEMO_LIMIT = 50_000;

class Memo<T> {
  private map = new Map<string, T>();
  // Consecutive rows often repeat a value (a person's rows, a sorted extract): comparing with the
  // last key is cheaper than hashing a fresh string for the map.
  private lastKey = '\u0000';
  private lastValue: T | undefined;
  constructor(private readonly compute: (text: string) => T) {}
  get(text: string): T {
    if (text === this.lastKey) return this.lastValue as T;
    let v = this.map.get(text);
    if (v === undefined && !this.map.has(text)) {
      v = this.compute(text);
      // A computed string (a validated decimal is its own text) must not pin the chunk either.
      if (typeof v === 'string') v = detach(v) as T;
      if (this.map.size >= MEMO_LIMIT) this.map.clear();
      this.map.set(detach(text), v);
    }
    this.lastKey = text;
    this.lastValue = v;
    return v as T;
  }
}

export class RowReader {
  /** Record number of the row being read (1 = first data row). */
  row = 0;
  /** Whether the row's cells line up with the header's (UploadIssue.inPlace). */
  private inPlace = true;
  private fields: string[] = [];
  private readonly dates = new Memo(parseDate);
  private readonly decimals = { number: new Memo((t: string) => parseDecimal(t, 'number')), pounds: new Memo((t: string) => parseDecimal(t, 'pounds')) };
  private readonly labelMemos = new Map<string, Memo<unknown>>();
  private readonly texts = new Map<string, string>();
  private readonly textMemos = new Map<string, Memo<string>>();

  constructor(
    private readonly index: ColumnIndex,
    readonly log: IssueLog,
  ) {}

  load(row: number, fields: string[], inPlace: boolean): void {
    this.row = row;
    this.fields = fields;
    this.inPlace = inPlace;
  }

  /** Trimmed value, '' when blank or the column is absent. */
  raw(column: string): string {
    const i = this.index[column];
    if (i === undefined) return '';
    const v = this.fields[i];
    return v === undefined ? '' : trimValue(v);
  }

  error(column: string, value: string | null, rule: string, message: string): void {
    this.log.error(this.row, column, value, rule, message, this.inPlace);
  }

  warn(column: string, value: string | null, rule: string, message: string): void {
    this.log.warn(this.row, column, value, rule, message, this.inPlace);
  }

  problem(column: string, value: string, p: Problem): void {
    this.error(column, value, p.rule, `${column} ${p.message}`);
  }

  /** Undefined (and an error) when a required value is blank. */
  required(column: string): string | undefined {
    const v = this.raw(column);
    if (v !== '') return v;
    this.error(column, null, 'required', `${column} is required`);
    return undefined;
  }

  /** A required value through `parse`: undefined (and the error) when blank or when `parse` finds a problem. */
  requiredParsed<T>(column: string, parse: (text: string) => T | Problem): T | undefined {
    const v = this.required(column);
    if (v === undefined) return undefined;
    const parsed = parse(v);
    if (!isProblem(parsed)) return parsed;
    this.problem(column, v, parsed);
    return undefined;
  }

  /** Like `text`, for a column that must not be blank: a blank is a `required` error and null. */
  requiredText(column: string): string | null {
    const v = this.text(column);
    if (v === null) this.error(column, null, 'required', `${column} is required`);
    return v;
  }

  /** Trimmed free text, null when blank; repeated values share one detached copy. */
  text(column: string): string | null {
    const v = this.raw(column);
    if (v === '') return null;
    let memo = this.textMemos.get(column);
    if (!memo) {
      memo = new Memo(detach);
      this.textMemos.set(column, memo);
    }
    return memo.get(v);
  }

  intern(v: string): string {
    let kept = this.texts.get(v);
    if (kept === undefined) {
      kept = detach(v);
      if (this.texts.size >= MEMO_LIMIT) this.texts.clear();
      this.texts.set(kept, kept);
    }
    return kept;
  }

  /** Null when blank (an error first if required), undefined when invalid (error logged). */
  date(column: string, required: boolean): Day | null | undefined {
    const v = this.raw(column);
    if (v === '') {
      if (required) this.error(column, null, 'required', `${column} is required`);
      return required ? undefined : null;
    }
    const d = v.length === 10 ? (isoDayFast(v) ?? this.dates.get(v)) : this.dates.get(v);
    if (typeof d === 'number') return d;
    this.problem(column, v, d);
    return undefined;
  }

  decimal(column: string, required: boolean, form: NumberForm = 'number'): string | null | undefined {
    const v = this.raw(column);
    if (v === '') {
      if (required) this.error(column, null, 'required', `${column} is required`);
      return required ? undefined : null;
    }
    const d = this.decimals[form].get(v);
    if (!isProblem(d)) return d;
    this.problem(column, v, d);
    return undefined;
  }

  /**
   * A code-list value (case-insensitive, spaces folded); Release 1 labels are mapped to
   * Release 2 with a warning.
   */
  label<T extends string>(
    column: string,
    match: (text: string) => LabelMatch<T> | undefined,
    allowed: readonly string[],
    required: boolean,
  ): T | null | undefined {
    const v = this.raw(column);
    if (v === '') {
      if (required) this.error(column, null, 'required', `${column} is required`);
      return required ? undefined : null;
    }
    let memo = this.labelMemos.get(column) as Memo<LabelMatch<T> | undefined> | undefined;
    if (!memo) {
      memo = new Memo(match);
      this.labelMemos.set(column, memo as Memo<unknown>);
    }
    const m = memo.get(v);
    if (!m) {
      this.error(column, v, 'code-list', `${column} is not one of: ${allowed.join(' · ')}`);
      return undefined;
    }
    if (m.release1) this.warn(column, v, 'release-1-label', `${column} is a CLD Release 1 label, read as "${m.label}"`);
    return m.label;
  }

  /** True when the record has a value beyond the header's columns (those are not ignored silently). */
  extraValues(headerLength: number): boolean {
    for (let i = headerLength; i < this.fields.length; i++) if (trimValue(this.fields[i]) !== '') return true;
    return false;
  }

  /** True when every value of the record is blank: such a line is skipped. */
  blank(): boolean {
    for (const f of this.fields) if (trimValue(f) !== '') return false;
    return true;
  }
}
