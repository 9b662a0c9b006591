/**
 * What a report that leaves the bucket (the rejection email, its errors CSV, anything logged)
 * may say about one problem in an upload. Judged by where a value came from, not by the column
 * it landed in: a row that lost its first cell puts person ids under `gender` and NHS numbers
 * under `event_type`, and a reordered or hand-edited row can put anything anywhere.
 *
 * - Row, rule and message are always shown: messages never quote the file (UploadIssue.message).
 * - A column is named only when it is one of the kind's own columns (a file whose header row is
 *   missing has a row of data where the names should be).
 * - A value is shown only when all of these hold: its row has the header's shape (`inPlace`);
 *   its column takes a closed code list; the value is made of that list's own words, allowing a
 *   typo a word, so it is recognisably an attempt at one of the labels rather than something
 *   that landed there; and it has none of the forms of personal data (a date, an NHS number,
 *   a run of digits). Every other value (ids, NHS numbers, dates, free text, numbers) is named by
 *   row, column and rule only; `report-cards validate` shows it on the officer's own machine.
 */
import type { ColumnSpec } from './headers.ts';
import type { UploadIssue } from './parsed.ts';

/** One issue as a report that leaves the bucket shows it ('' where nothing may be shown). */
export interface ShownIssue {
  row: number;
  column: string;
  rule: string;
  value: string;
  message: string;
}

/** The longest value quoted: labels are short, and a long value is not a typo of one. */
const MAX_SHOWN_LENGTH = 80;

/** `1950-03-04`, `4/3/1950`, `04.03.50`: three numbers with separators is a date, whatever column. */
const DATE_LIKE = /\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}/;
/** More digits than any label has (`18-64`, `NFA - 100% NHS funded care`): ids and NHS numbers have more. */
const MAX_DIGITS = 4;

/** Whether `value` has a form personal data takes, wherever it appears. */
export function looksPersonal(value: string): boolean {
  if (DATE_LIKE.test(value)) return true;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits > MAX_DIGITS) return true;
  }
  return false;
}

export function redactor(columns: readonly ColumnSpec[]): (issue: UploadIssue) => ShownIssue {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return (issue) => {
    const spec = byName.get(issue.column);
    const value = issue.value ?? '';
    const shown = issue.inPlace && spec?.codeList !== undefined && value !== '' && mayQuote(value, spec.codeList);
    return { row: issue.row, column: spec ? issue.column : '', rule: issue.rule, value: shown ? value : '', message: issue.message };
  };
}

function mayQuote(value: string, codeList: readonly string[]): boolean {
  if (value.length > MAX_SHOWN_LENGTH || looksPersonal(value)) return false;
  const { words, maxWords } = vocabularyOf(codeList);
  const own = wordsOf(value);
  return own.length > 0 && own.length <= maxWords + 1 && own.every((w) => words.has(w) || nearAny(w, words));
}

interface Vocabulary {
  words: Set<string>;
  /** Words of the longest label: a value with many more is not a label. */
  maxWords: number;
}

const vocabularies = new WeakMap<readonly string[], Vocabulary>();

function vocabularyOf(codeList: readonly string[]): Vocabulary {
  let v = vocabularies.get(codeList);
  if (!v) {
    const lists = codeList.map(wordsOf);
    v = { words: new Set(lists.flat()), maxWords: Math.max(0, ...lists.map((l) => l.length)) };
    vocabularies.set(codeList, v);
  }
  return v;
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** A typo of a label word: one edit in a word of 4–7 letters, two from 8; short words exactly. */
function nearAny(word: string, words: Set<string>): boolean {
  const allowed = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  if (allowed === 0) return false;
  for (const w of words) if (Math.abs(w.length - word.length) <= allowed && editDistance(word, w) <= allowed) return true;
  return false;
}

/**
 * Edits between two words, a swap of neighbouring letters counting as one (`Reveiw`): the
 * optimal string alignment distance. The words are short (a label's longest has 14 letters).
 */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
