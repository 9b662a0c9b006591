/**
 * Chooses how an upload's bytes become records: a file named `.xlsx` whose bytes are a zip is
 * read as a workbook (first sheet), anything else as CSV. Both give the same batches, so every
 * header, value and row rule after this point is shared. A `.csv` holding a workbook still gets
 * the CSV reader's one sentence (sniff.ts) rather than being guessed at.
 */
import { readCsvBatches, type ByteSource, type CsvBatch } from './csv-reader.ts';
import { readXlsxBatches } from './xlsx-reader.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export function isXlsxName(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName.trim());
}

export async function* readRecordBatches(source: ByteSource, fileName: string): AsyncGenerator<CsvBatch> {
  if (!isXlsxName(fileName)) {
    yield* readCsvBatches(source);
    return;
  }
  const { head, replay } = await peek(source, ZIP.length);
  const isZip = head.length >= ZIP.length && ZIP.every((b, i) => head[i] === b);
  yield* isZip ? readXlsxBatches(replay) : readCsvBatches(replay);
}

/** The first `n` bytes, and a source that yields every byte again (the stream is read once). */
async function peek(source: ByteSource, n: number): Promise<{ head: Uint8Array; replay: ByteSource }> {
  if (source instanceof Uint8Array) return { head: source.subarray(0, n), replay: source };
  const iterator = source[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    // Node streams hand over strings when an encoding was set.
    const chunk: Uint8Array = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
    seen.push(chunk);
    length += chunk.length;
  }
  const head = new Uint8Array(Math.min(length, n));
  let at = 0;
  for (const chunk of seen) {
    if (at >= head.length) break;
    const part = chunk.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, replay: replay() };
}
