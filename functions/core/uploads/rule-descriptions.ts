/**
 * What each validation rule means, in words a performance officer reads in the rejection email.
 * Rule ids (`impossible-date`) are stable names for tooling and stay in the errors CSV's `rule`
 * column; sentences people read use these descriptions instead. Fixed text: they never quote a
 * value of the file, so redaction.ts has nothing to judge here.
 */

const DESCRIPTIONS: Record<string, string> = {
  // The whole file
  'file-size': 'The file is too large to read',
  'file-encoding': 'The file is not saved as UTF-8 text',
  'not-csv': 'The file is not a comma-separated CSV file',
  'not-xlsx': 'The Excel workbook could not be read',
  'line-ends': 'The file ends its lines with a lone carriage return',
  'unclosed-quote': 'A quoted value is never closed',
  'empty-file': 'The file is empty',
  'no-data-rows': 'The file has a header row but no data rows',
  'unknown-kind': 'The upload is not in a folder of a known upload kind',
  'wrong-kind': "The file's columns belong to a different kind of upload",
  'missing-column': 'A required column is missing',
  'duplicate-column': 'The same column appears twice',
  'unknown-column': 'A column is not one of this upload’s columns (ignored)',
  internal: 'The file could not be checked because of an internal error',
  // One row
  'field-count': 'A row has a different number of values from the header row',
  required: 'A required value is missing',
  'code-list': 'A value is not one of the values the column allows',
  'date-format': 'A date is not written in one of the accepted forms',
  'date-not-midnight': 'A date has a time of day other than midnight',
  'impossible-date': 'A date that does not exist on the calendar, such as 31 November',
  'month-end': 'A date that must be the last day of a month is not',
  'month-format': 'A month is not written as year and month, such as 2021-11',
  'year-format': 'A year is not written in the accepted form',
  'financial-year-format': 'A financial year is not written like 2021/22',
  'number-format': 'A number is not written as a plain number',
  'number-precision': 'A number has more digits or decimal places than allowed',
  'number-range': 'A number is outside the range allowed',
  'negative-number': 'A number is negative where it must be 0 or more',
  'nhs-number': 'An NHS number is not 10 digits',
  'nhs-check-digit': 'An NHS number has a wrong check digit',
  'la-code': 'A council code is not an ONS council code',
  'release-1-label': 'A value uses an older Client Level Data label',
  'text-too-long': 'A text is longer than allowed',
  'plain-text': 'A text contains control characters',
  'quartile-boundaries': 'Quartile boundaries are not three numbers in order',
  // Between rows or dates
  'period-order': 'The reporting period starts after it ends',
  'start-after-period-end': 'An event starts after the reporting period ends',
  'end-before-start': 'An event ends before it starts',
  'end-after-period-end': 'An event ends after the reporting period ends',
  'birth-after-event-start': 'A date of birth is not before the start of the event',
  'request-after-as-at': 'A request date is after the snapshot date',
  'dob-differs': "A person's date of birth differs from an earlier row of theirs",
  'same-on-every-row': 'A value that must be the same on every row differs',
  'duplicate-row': 'A row repeats the key of an earlier row',
  'duplicate-provider': 'A provider appears twice in one framework for the same month end',
  'rebase-conflict': 'A measure is re-based from more than one month',
  'list-truncated': 'The list of errors stops here',
};

/** The description of `rule`; a rule with none yet is named as such rather than by its id. */
export function describeRule(rule: string): string {
  return Object.hasOwn(DESCRIPTIONS, rule) ? DESCRIPTIONS[rule] : 'Another problem (see the message of each error)';
}

/** For tests: every rule with a description. */
export const DESCRIBED_RULES: readonly string[] = Object.keys(DESCRIPTIONS);
