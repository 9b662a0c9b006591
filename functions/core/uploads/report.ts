/**
 * How a validation result is shown: as `FILE:ROW:COLUMN: error: message` lines (the command
 * line, on the officer's own machine, values included) and as a rejection report for email,
 * which leaves the bucket and so shows only what redaction.ts allows: row, column, rule and
 * message always, a value only when it cannot be personal.
 */
import { KINDS } from './kinds/index.ts';
import { redactor, type ShownIssue } from './redaction.ts';
import { describeRule } from './rule-descriptions.ts';
import { plural } from '../plural.ts';
import type { UploadIssue, UploadKind } from './parsed.ts';
import type { UploadResult } from './validate-upload.ts';

/** Errors listed in the email body; the attached CSV lists every error kept (at least 1,000). */
const ERRORS_IN_TEXT = 50;

/** cli.md: one line per warning and error, in row order, errors before warnings on a row. */
export function formatIssueLines(fileName: string, result: UploadResult): string[] {
  const tagged = [
    ...result.errors.map((issue) => ({ issue, level: 'error' as const })),
    ...result.warnings.map((issue) => ({ issue, level: 'warning' as const })),
  ];
  // A stable sort keeps each level's own (file) order within a row.
  tagged.sort((a, b) => a.issue.row - b.issue.row || (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  const lines = tagged.map(({ issue, level }) => `${fileName}:${issue.row}:${issue.column}: ${level}: ${issue.message}${showValue(issue.value)}`);
  const unlistedErrors = result.errorCount - result.errors.length;
  if (unlistedErrors > 0) lines.push(`${fileName}:0:: error: ${unlistedErrors} more errors are not listed (${result.errorCount} in all)`);
  const unlistedWarnings = result.warningCount - result.warnings.length;
  if (unlistedWarnings > 0) lines.push(`${fileName}:0:: warning: ${unlistedWarnings} more warnings are not listed (${result.warningCount} in all)`);
  return lines;
}

function showValue(value: string | null): string {
  return value === null || value === '' ? '' : ` (value "${value.length > 80 ? `${value.slice(0, 80)}…` : value}")`;
}

export interface RejectionReport {
  subject: string;
  text: string;
  /** `row,column,rule,value,message`, one line per listed error, values left blank unless redaction.ts allows them. */
  errorsCsv: string;
}

/**
 * The email a rejected upload produces: counts per kind of problem, the first errors, and all of
 * them as CSV. `inUse` is a sentence saying which file of this kind is in use instead, or that
 * none is (the caller knows the bucket). Sentences people read name no rule id (descriptions
 * from rule-descriptions.ts); the CSV keeps the id in its `rule` column for tooling.
 */
export function rejectionReport(fileName: string, result: UploadResult, inUse = ''): RejectionReport {
  const subject = `Upload rejected: ${fileName} (${result.kind}), ${plural(result.errorCount, 'error')}`;
  const rules = Object.entries(result.errorCountsByRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = result.errors.map(redactorFor(result.kind));
  const listed = shown.slice(0, ERRORS_IN_TEXT);
  const rows = result.rows > 0 ? ` in ${plural(result.rows, 'data row')}` : '';
  const text = [
    `The ${result.kind} upload ${fileName} was rejected: it has ${plural(result.errorCount, 'error')}${rows}.`,
    `Nothing from this upload has been used.${inUse ? ` ${inUse}` : ''} Please correct the file and upload it again.`,
    '',
    'What is wrong, by kind of problem (number of errors):',
    ...rules.map(([rule, count]) => `  ${describeRule(rule)}: ${count.toLocaleString('en-GB')}`),
    '',
    listHeading(listed.length, result.errors.length, result.errorCount),
    ...listed.map((issue) => `  ${issue.row === 0 ? 'The whole file' : `Row ${issue.row.toLocaleString('en-GB')}`}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}${showValue(issue.value)}`),
    ...(result.warningCount > 0
      ? ['', `There ${result.warningCount === 1 ? 'is' : 'are'} also ${plural(result.warningCount, 'warning')}; warnings do not reject a file.`]
      : []),
  ].join('\n');
  const errorsCsv = [ERRORS_CSV_HEADER, ...shown.map(csvLine)].join('\r\n');
  return { subject, text, errorsCsv: `${errorsCsv}\r\n` };
}

/**
 * The heading of the inline list — the one error, all of them, or the first N of all — and what
 * the attached CSV holds: every error, or the first ones validation kept.
 */
function listHeading(listed: number, attached: number, all: number): string {
  const csv = attached === all ? (all === 1 ? 'also in the attached CSV file' : 'all of them are in the attached CSV file') : `the attached CSV file lists the first ${attached.toLocaleString('en-GB')}`;
  if (all === 1) return `The error (${csv}):`;
  if (listed === all) return `All ${plural(all, 'error')} (${csv}):`;
  return `The first ${listed.toLocaleString('en-GB')} of the ${plural(all, 'error')} (${csv}):`;
}

export const ERRORS_CSV_HEADER = 'row,column,rule,value,message';

/** One errors-CSV line for each error of an upload of `kind`, shown only as redaction.ts allows. */
export function errorsCsvLine(kind: UploadKind): (issue: UploadIssue) => string {
  const redact = redactorFor(kind);
  return (issue) => csvLine(redact(issue));
}

function redactorFor(kind: UploadKind): (issue: UploadIssue) => ShownIssue {
  return redactor(Object.hasOwn(KINDS, kind) ? KINDS[kind].columns : []);
}

function csvLine(issue: ShownIssue): string {
  return [String(issue.row), issue.column, issue.rule, issue.value, issue.message].map(csvCell).join(',');
}

/** RFC 4180 quoting, and a leading `'` so a spreadsheet never runs a value as a formula. */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
