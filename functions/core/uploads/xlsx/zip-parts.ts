/**
 * The workbook's zip, opened so that no upload can make it unbounded. JSZip lists every entry of
 * the central directory when it opens a zip (~2 KB each), so entries are counted first. A part is
 * inflated only when it is read, as a stream, by node's zlib from the entry's compressed bytes
 * (JSZip's own stream inflates in JavaScript on the thread that parses the XML; zlib works on
 * libuv's pool, beside it), and its bytes are counted as they come: no part may inflate beyond
 * what the directory records for it (a crafted directory can claim a few bytes for a gigabyte),
 * nor the parts read together beyond MAX_INFLATED_BYTES (limits.ts); one that inflates to fewer
 * bytes than recorded is damaged, as JSZip also judged it.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
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
  /** Bytes inflated from every part read, the detached one included. */
  private readonly budget = { inflated: 0 };

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
    if (!file) return null;
    const entry = entryOf(file);
    return { name: file.name, stream: () => inflate(entry, this.budget) };
  }

  /**
   * `part` (of this zip) to be read once, after every other: its compressed bytes are copied out
   * of the upload in slices, each dropped once inflated, and the part holds nothing else of the
   * zip. Once the zip is dropped, the upload is free while the sheet is read (the 1M-row events
   * workbook is 80 MB, nearly all of it the sheet), and so is each slice of the sheet once read.
   */
  detach(part: ZipPart): ZipPart {
    const { slices, deflated, recorded } = entryOf(this.zip.file(part.name)!);
    // Copies of 1 MB: above malloc's mmap threshold, so each is given back to the system when dropped.
    const copies: (Uint8Array | undefined)[] = [];
    const whole = [...slices()];
    for (let i = 0; i < whole.length; i += COPY_SLICES) copies.push(Buffer.concat(whole.slice(i, i + COPY_SLICES)));
    let taken = 0;
    const entry: Entry = {
      deflated,
      recorded,
      *slices() {
        while (taken < copies.length) {
          const slice = copies[taken]!;
          copies[taken++] = undefined;
          yield slice;
        }
      },
    };
    const budget = this.budget; // not `this`, which holds the zip
    return { name: part.name, stream: () => inflate(entry, budget) };
  }
}

/** A zip entry as read: its compressed bytes in slices, stored or deflated, and its recorded size. */
interface Entry {
  deflated: boolean;
  recorded: number;
  slices(): Iterable<Uint8Array>;
}

async function* inflate(entry: Entry, budget: { inflated: number }): AsyncGenerator<Uint8Array> {
  const { recorded } = entry;
  if (budget.inflated + recorded > MAX_INFLATED_BYTES) throw beyondLimit('inflatedBytes');
  let read = 0;
  for await (const chunk of entryBytes(entry)) {
    read += chunk.length;
    budget.inflated += chunk.length;
    if (read > recorded) throw beyondLimit('understatedSize');
    yield chunk;
  }
  if (read !== recorded) throw new Error('a part inflated to fewer bytes than its directory records');
}

/** A stored entry's slices, or a deflated one's inflated; zlib's stream is destroyed when reading stops early. */
async function* entryBytes(entry: Entry): AsyncGenerator<Uint8Array> {
  if (!entry.deflated) return yield* entry.slices();
  const source = Readable.from(entry.slices(), { objectMode: false });
  const inflater = createInflateRaw({ chunkSize: INFLATED_CHUNK });
  source.on('error', (e) => inflater.destroy(e));
  source.pipe(inflater);
  try {
    yield* inflater as AsyncIterable<Buffer>;
  } finally {
    source.destroy();
    inflater.destroy();
  }
}

const SLICE = 64 * 1024;
/**
 * Inflated bytes handed over at a time. The sheet's rows are handed on after each chunk, so a
 * chunk's rows are held together: 16 KB of a sheet whose header reaches XFD is ~450 rows of 16,384
 * columns (~60 MB); 64 KB chunks held four times that, and a 512 MB process ran out of room.
 */
const INFLATED_CHUNK = 16 * 1024;
const COPY_SLICES = 16;

/**
 * An entry's compressed bytes, as JSZip found them (a view of the upload, not a copy), and whether
 * they are deflated or stored, the two methods JSZip opens. JSZip keeps them in the private
 * `_data` (a CompressedObject); an entry without them is unreadable.
 */
function entryOf(file: JSZip.JSZipObject): Entry {
  const data = (file as unknown as { _data?: { compressedContent?: unknown; compression?: { magic?: unknown } } })._data;
  const compressed = data?.compressedContent;
  const magic = data?.compression?.magic;
  if (!(compressed instanceof Uint8Array) || (magic !== '\x08\x00' && magic !== '\x00\x00')) throw new Error('a zip entry JSZip holds no compressed bytes for');
  return {
    deflated: magic === '\x08\x00',
    recorded: recordedSize(file),
    *slices() {
      for (let at = 0; at < compressed.length; at += SLICE) yield compressed.subarray(at, at + SLICE);
    },
  };
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
