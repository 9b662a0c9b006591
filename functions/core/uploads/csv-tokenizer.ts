/**
 * The text side of the CSV reader (RFC 4180): decoded text, chunk by chunk, in; records out.
 * A line without a quote is cut with one native `String.prototype.split`; in a record holding
 * quotes only the quoted values are scanned (quote to quote) and the plain runs between them are
 * split natively. See csv-reader.ts for the byte side and the measurements behind the design.
 */
import { CsvFormatError } from './csv-format-error.ts';

/** A record longer than this cannot be real CLD data: it is an unclosed quote eating the file. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Turns decoded text, chunk by chunk, into records; keeps only the unfinished last record. */
export class CsvTokenizer {
  private carry = '';
  /** Number the next record will get (0 = header). */
  nextRecord = 0;

  push(text: string, final: boolean, out: string[][]): void {
    const s = this.carry.length ? this.carry + text : text;
    this.carry = '';
    const n = s.length;
    let pos = 0;
    // Lines before the next quote need no state machine: one native split each.
    let nextQuote = s.indexOf('"');
    if (nextQuote === -1) nextQuote = n;
    while (pos < n) {
      let end = s.indexOf('\n', pos);
      if (end === -1) {
        if (!final) break;
        end = n;
      }
      if (end <= nextQuote) {
        const lineEnd = end < n && end > pos && s.charCodeAt(end - 1) === CR ? end - 1 : end;
        out.push(s.slice(pos, lineEnd).split(','));
        this.nextRecord++;
        pos = end + 1;
        continue;
      }
      // A line with quotes: most close on the same line (`"White: English, Welsh, …"`).
      const lineEnd = end < n && end > pos && s.charCodeAt(end - 1) === CR ? end - 1 : end;
      const fields = end < n || final ? splitQuotedLine(s.slice(pos, lineEnd)) : undefined;
      if (fields) {
        out.push(fields);
        this.nextRecord++;
        pos = end + 1;
        continue;
      }
      const next = this.quotedRecord(s, pos, final, out);
      if (next === -1) break;
      pos = next;
      if (nextQuote < pos) {
        nextQuote = s.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = n;
      }
    }
    if (pos < n) {
      this.carry = s.slice(pos);
      if (this.carry.length > MAX_RECORD_CHARS) {
        throw new CsvFormatError(
          `Row ${this.nextRecord} opens a quoted value (") that is never closed, so the rest of the file cannot be read.`,
          'unclosed-quote',
          this.nextRecord,
        );
      }
    }
  }

  /**
   * Parses one record that holds quotes; -1 when it is not complete in `s` yet. Runs of unquoted
   * fields are still cut with native `split`: only the quoted fields are scanned, quote to quote.
   */
  private quotedRecord(s: string, start: number, final: boolean, out: string[][]): number {
    const fields: string[] = [];
    const n = s.length;
    let pos = start;
    let lineEnd = -1;
    let q = -1; // the next quote at or after `pos`, remembered
    for (;;) {
      // At the start of a field.
      if (pos < n && s.charCodeAt(pos) === QUOTE) {
        let text = '';
        let from = pos + 1;
        for (;;) {
          const close = s.indexOf('"', from);
          if (close === -1) {
            if (!final) return -1;
            throw new CsvFormatError(`Row ${this.nextRecord} opens a quoted value (") that is never closed.`, 'unclosed-quote', this.nextRecord);
          }
          if (close + 1 < n && s.charCodeAt(close + 1) === QUOTE) {
            text += s.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          if (close + 1 >= n && !final) return -1; // `""` might straddle the chunk boundary
          text += s.slice(from, close);
          pos = close + 1;
          break;
        }
        let value = text;
        if (pos < n && s.charCodeAt(pos) !== COMMA && s.charCodeAt(pos) !== LF) {
          // Lenient: characters between the closing quote and the next separator are kept.
          const stop = nextSeparator(s, pos);
          if (stop === -1 && !final) return -1;
          const to = stop === -1 ? n : stop;
          value += stripCr(s, pos, to);
          pos = to;
        }
        fields.push(value);
      } else {
        // Both searches are remembered while still ahead of `pos`: a line is scanned once.
        if (lineEnd < pos) {
          lineEnd = s.indexOf('\n', pos);
          if (lineEnd === -1) {
            if (!final) return -1;
            lineEnd = n;
          }
        }
        if (q < pos) {
          q = s.indexOf('"', pos);
          if (q === -1) q = n;
        }
        if (q >= lineEnd) {
          // No quote before the record ends: the rest is plain fields.
          appendAll(fields, stripCr(s, pos, lineEnd).split(','));
          pos = lineEnd;
        } else {
          const comma = s.lastIndexOf(',', q - 1);
          if (comma >= pos) {
            // Plain fields up to the comma before the quote's field.
            appendAll(fields, s.slice(pos, comma).split(','));
            pos = comma + 1;
            continue;
          }
          // A quote inside an unquoted value (`5" wide`): kept as a literal character.
          const stop = nextSeparator(s, pos);
          if (stop === -1 && !final) return -1;
          const to = stop === -1 ? n : stop;
          fields.push(stripCr(s, pos, to));
          pos = to;
        }
      }
      if (pos >= n) {
        out.push(fields);
        this.nextRecord++;
        return n;
      }
      if (s.charCodeAt(pos) === COMMA) {
        pos++;
        continue;
      }
      // LF ends the record.
      out.push(fields);
      this.nextRecord++;
      return pos + 1;
    }
  }
}

/**
 * One line holding quotes, when every quoted value closes on it: split at every comma natively,
 * then parts of a quoted value (split at its own commas) are joined back and unquoted.
 * Undefined when a quoted value runs on to the next line or text follows a closing quote: the
 * caller then takes the general path.
 */
function splitQuotedLine(line: string): string[] | undefined {
  const parts = line.split(',');
  let out: string[] | undefined;
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    if (part.charCodeAt(0) !== QUOTE) {
      if (out) out.push(part);
      continue;
    }
    if (!out) out = parts.slice(0, i);
    let quotes = countQuotes(part);
    while (quotes % 2 === 1 || part.length < 2) {
      if (++i >= parts.length) return undefined; // the value runs on past this line
      part += `,${parts[i]}`;
      quotes += countQuotes(parts[i]);
    }
    if (part.charCodeAt(part.length - 1) !== QUOTE) return undefined; // `"a"b`: general path
    const inner = part.slice(1, -1);
    if (quotes > 2 && !pairedQuotes(inner)) return undefined; // `"a"b"c"`: general path
    out.push(inner.indexOf('""') === -1 ? inner : inner.replace(/""/g, '"'));
  }
  return out ?? parts;
}

/** True when every quote in `text` is one of a `""` pair. */
function pairedQuotes(text: string): boolean {
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 2)) {
    if (text.charCodeAt(at + 1) !== QUOTE) return false;
  }
  return true;
}

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count;
}

function appendAll(to: string[], from: string[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/** Index of the next `,` or `\n` from `pos`, or -1. */
function nextSeparator(s: string, pos: number): number {
  for (let i = pos; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === COMMA || c === LF) return i;
  }
  return -1;
}

/** `s[from, to)` without the CR of a CRLF line end (a CR anywhere else is a character). */
function stripCr(s: string, from: number, to: number): string {
  if (to > from && s.charCodeAt(to - 1) === CR && s.charCodeAt(to) === LF) return s.slice(from, to - 1);
  return s.slice(from, to);
}
