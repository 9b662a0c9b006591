/**
 * The workbook's zip, opened so that no upload can make it unbounded. JSZip lists every entry of
 * the central directory when it opens a zip (~2 KB each), so entries are counted first; it
 * inflates a part only when the part is read, as a stream, and checks the part's recorded size
 * only at its end, so bytes are counted as they come: no part may inflate beyond what the
 * directory records for it (a crafted directory can claim a few bytes for a gigabyte), nor the
 * parts read together beyond MAX_INFLATED_BYTES (limits.ts).
 */
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { beyondLimit, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from './limits.ts';

/** One part of the workbook, read as a stream of inflated bytes. */
export interface ZipPart {
  readonly name: string;
  stream(): AsyncIterable<Uint8Array>;
}

/** A central directory file header's signature, "PK\x01\x02". */
const CENTRAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

export class WorkbookZip {
  private inflated = 0;

  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<WorkbookZip> {
    // JSZip makes an entry only where it finds this signature, so counting its occurrences bounds
    // the entries it can list, whatever the end-of-directory record claims.
    if (occurrences(bytes, CENTRAL_FILE_HEADER, MAX_ZIP_ENTRIES + 1) > MAX_ZIP_ENTRIES) throw beyondLimit('zipEntries');
    return new WorkbookZip(await JSZip.loadAsync(bytes));
  }

  /** The part at `path`; part names are case-insensitive in OPC, zip entry names are not. */
  part(path: string): ZipPart | null {
    const lower = path.toLowerCase();
    const file = this.zip.file(path) ?? Object.values(this.zip.files).find((f) => !f.dir && f.name.toLowerCase() === lower);
    return file ? { name: file.name, stream: () => this.inflate(file) } : null;
  }

  private async *inflate(file: JSZip.JSZipObject): AsyncGenerator<Uint8Array> {
    const recorded = recordedSize(file);
    if (this.inflated + recorded > MAX_INFLATED_BYTES) throw beyondLimit('inflatedBytes');
    let read = 0;
    // JSZip's stream is an old-style one: wrap gives async iteration and backpressure, and
    // destroys it when reading stops early.
    for await (const chunk of new Readable().wrap(file.nodeStream('nodebuffer')) as AsyncIterable<Buffer>) {
      read += chunk.length;
      this.inflated += chunk.length;
      if (read > recorded) throw beyondLimit('understatedSize');
      yield chunk;
    }
  }
}

/**
 * The uncompressed size the central directory records for an entry JSZip loaded. JSZip keeps it
 * in the private `_data` its typings describe (a CompressedObject); an entry without one cannot be
 * bounded, so it reads as too large rather than as unlimited.
 */
function recordedSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : Number.POSITIVE_INFINITY;
}

/** How many times `pattern` occurs in `bytes`, counting no further than `atMost`. */
function occurrences(bytes: Uint8Array, pattern: Buffer, atMost: number): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(pattern); at >= 0 && count < atMost; at = haystack.indexOf(pattern, at + 1)) count++;
  return count;
}
