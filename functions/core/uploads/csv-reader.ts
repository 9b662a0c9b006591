/**
 * Streaming CSV reader (RFC 4180): bytes in, records out, never the whole file in memory.
 *
 * This module is the byte side: it sniffs what the file is, decodes UTF-8 strictly in 64 KB
 * slices and hands the text to the tokenizer (csv-tokenizer.ts), which cuts it into records.
 * Hand-written because it is the hot loop of a 1,000,000-row ingest. Measured against papaparse
 * 5.7 (step mode, 64 KB stream chunks) on 1M-row, 23-25 column extracts on a shared 2-core
 * machine: about as fast on quote-free lines and ~5-10 % faster on the sample extract (a quoted
 * value on every row), while decoding UTF-8 strictly and giving record numbers, which papaparse
 * does not.
 *
 * Whole-file problems (empty, not UTF-8, not text, an unclosed quote) throw a `CsvFormatError`
 * (csv-format-error.ts, re-exported here) whose message is one sentence an officer can act on.
 */
import { sniffBytes, encodingAdvice } from './sniff.ts';
import { CsvFormatError } from './csv-format-error.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';

export { CsvFormatError };

export interface CsvRecord {
  /** 0 for the header, 1 for the first data row: records, not lines (a quoted value may span lines). */
  record: number;
  fields: string[];
}

/** Consecutive records: `records[i]` is record number `first + i` (no object per record). */
export interface CsvBatch {
  first: number;
  records: string[][];
  /**
   * True when each value carries its own column (a workbook cell's reference), so a record
   * shorter than the header has blanks at its end, not values shifted left.
   */
  positional?: boolean;
}

/** Bytes looked at before decoding starts, to name PDFs, workbooks and UTF-16 files. */
const SNIFF_BYTES = 512;
/** Bytes decoded and tokenised at a time. */
const SLICE_BYTES = 64 * 1024;

export type ByteSource = AsyncIterable<Uint8Array> | Uint8Array;

/** Records in batches (one per decoded chunk): cheaper than one `await` per record. */
export async function* readCsvBatches(source: ByteSource): AsyncGenerator<CsvBatch> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const tokenizer = new CsvTokenizer();
  let head: Uint8Array | null = new Uint8Array(0);
  let bytesSeen = 0;

  const decode = (bytes: Uint8Array, final: boolean): CsvBatch => {
    if (bytes.indexOf(0) !== -1) {
      throw new CsvFormatError(`The file contains NUL bytes, so it is not UTF-8 text (UTF-16 "Unicode text" and binary files contain them); ${encodingAdvice}`, 'file-encoding');
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !final });
    } catch {
      throw new CsvFormatError(
        `The file is not UTF-8 text near row ${Math.max(tokenizer.nextRecord, 1)} (Excel's "CSV (Comma delimited)" and other Windows-1252 files are not); ${encodingAdvice}`,
        'file-encoding',
        0,
      );
    }
    const batch: CsvBatch = { first: tokenizer.nextRecord, records: [] };
    tokenizer.push(text, final, batch.records);
    return batch;
  };

  for await (const chunk of slicesOf(source)) {
    bytesSeen += chunk.length;
    if (head) {
      // Hold the first bytes back until there are enough to recognise what the file is.
      head = concat(head, chunk);
      if (head.length < SNIFF_BYTES) continue;
      sniffOrThrow(head);
      const first = head;
      head = null;
      const batch = decode(first, false);
      if (batch.records.length) yield batch;
      continue;
    }
    const batch = decode(chunk, false);
    if (batch.records.length) yield batch;
  }
  if (head) {
    if (bytesSeen === 0) throw new CsvFormatError('The file is empty.', 'empty-file');
    sniffOrThrow(head);
    const batch = decode(head, true);
    if (batch.records.length) yield batch;
    return;
  }
  const batch = decode(new Uint8Array(0), true);
  if (batch.records.length) yield batch;
}

/** One record at a time, for callers that do not need the speed of batches. */
export async function* readCsv(source: ByteSource): AsyncGenerator<CsvRecord> {
  for await (const { first, records } of readCsvBatches(source)) {
    for (let i = 0; i < records.length; i++) yield { record: first + i, fields: records[i] };
  }
}

function sniffOrThrow(head: Uint8Array): void {
  const problem = sniffBytes(head);
  if (problem) throw new CsvFormatError(problem.message, problem.rule);
}

/**
 * The source in slices of at most SLICE_BYTES, so that each batch of records dies young: records
 * still alive when the young generation is collected are promoted, and the records of a 1 MB
 * chunk (or of a whole file given as one buffer) would fill the old generation.
 */
async function* slicesOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  const chunks: AsyncIterable<Uint8Array | string> | Uint8Array[] = source instanceof Uint8Array ? [source] : source;
  for await (const chunk of chunks) {
    // Node streams hand over strings when an encoding was set; CSV is bytes here.
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
