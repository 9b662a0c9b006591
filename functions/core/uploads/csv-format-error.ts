/**
 * A whole-file CSV problem (not UTF-8, not text, empty, an unclosed quote): the message is one
 * sentence an officer can act on, the rule names it in the rejection report.
 */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly rule: string,
    /** The record where the problem was found, 0 when it is the whole file's. */
    readonly record = 0,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}
