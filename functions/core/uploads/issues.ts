/**
 * Collects the errors and warnings of one upload. Keeps the first `maxIssues` of each (the spec
 * asks for at least the first 1,000 errors) and counts every one, per rule, so a file with a
 * million bad rows neither runs out of memory nor hides how bad it is.
 */
import type { UploadIssue } from './parsed.ts';
import { detach } from './values.ts';

export const DEFAULT_MAX_ISSUES = 1000;

export class IssueLog {
  readonly errors: UploadIssue[] = [];
  readonly warnings: UploadIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  readonly errorCountsByRule: Record<string, number> = {};

  /** `onError` sees every error as it is found (the complete list), not only the first `maxIssues`. */
  constructor(
    private readonly maxIssues = DEFAULT_MAX_ISSUES,
    private readonly onError?: (issue: UploadIssue) => void,
  ) {}

  error(row: number, column: string, value: string | null, rule: string, message: string, inPlace = true): void {
    this.errorCount++;
    this.errorCountsByRule[rule] = (this.errorCountsByRule[rule] ?? 0) + 1;
    const keep = this.errors.length < this.maxIssues;
    if (!keep && !this.onError) return;
    const found = issue(row, column, value, rule, message, inPlace);
    if (keep) this.errors.push(found);
    this.onError?.(found);
  }

  /**
   * The error that ended reading the file (a workbook beyond a limit, an unclosed quote): listed
   * first, however many row errors came before it, so the report always says why.
   */
  fileError(row: number, rule: string, message: string): void {
    this.errorCount++;
    this.errorCountsByRule[rule] = (this.errorCountsByRule[rule] ?? 0) + 1;
    const found = issue(row, '', null, rule, message, true);
    this.errors.unshift(found);
    this.onError?.(found);
  }

  warn(row: number, column: string, value: string | null, rule: string, message: string, inPlace = true): void {
    this.warningCount++;
    if (this.warnings.length < this.maxIssues) this.warnings.push(issue(row, column, value, rule, message, inPlace));
  }
}

function issue(row: number, column: string, value: string | null, rule: string, message: string, inPlace: boolean): UploadIssue {
  return { row, column, value: value === null ? null : detach(value), rule, message, inPlace };
}
