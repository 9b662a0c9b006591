/**
 * Zip files written byte by byte, for what no zip library writes: a part of a gigabyte built in
 * milliseconds from a repeated deflate block, a central directory that understates a size, or a
 * million entries. Format: PKWARE APPNOTE 4.3 (local headers, central directory, end record).
 */
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The entry's raw deflate stream. */
  deflated: Uint8Array;
  /** The uncompressed size the headers record (a crafted file may understate it). */
  size: number;
  /** CRC-32 of the uncompressed bytes; 0 when not computed. */
  crc?: number;
}

/** One entry deflated from text. */
export function deflatedEntry(name: string, text: string): ZipEntry {
  const bytes = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(bytes), size: bytes.length };
}

/**
 * `head + unit × count + tail` deflated without ever being held: the unit is deflated once with
 * a full flush (which resets the compressor's history and aligns to a byte), so its bytes may be
 * repeated as they are. `unit` should be about a megabyte (of any repeated text) for a
 * thousandfold ratio.
 */
export function repeatedEntry(name: string, head: string, unit: string, count: number, tail: string): ZipEntry {
  const flush = (text: string) => deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: constants.Z_FULL_FLUSH });
  const block = flush(unit);
  const parts = [flush(head), ...Array.from({ length: count }, () => block), deflateRawSync(Buffer.from(tail, 'utf8'))];
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * count + Buffer.byteLength(tail);
  return { name, deflated: Buffer.concat(parts), size };
}

/**
 * The zip of `entries`; `extraCentralRecords` more central directory records (named `more/1`,
 * `more/2`…) point at the first entry's local header again: a zip of many entries at ~55 bytes
 * each (JSZip makes an entry of each, named from the local header). The end record's 16-bit count wraps, as JSZip tolerates. CRCs are 0 unless given: the
 * reader does not check them, and hostile parts are refused before their end.
 */
export function zipBytes(entries: ZipEntry[], extraCentralRecords = 0): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  /** Writes a central directory record into `into` at `at`; returns its length. */
  const record = (into: Buffer, at: number, e: ZipEntry, name: string, localAt: number) => {
    const length = into.write(name, at + 46, 'utf8');
    into.writeUInt32LE(0x02014b50, at);
    into.writeUInt16LE(20, at + 4); // made by
    into.writeUInt16LE(20, at + 6); // needed to extract
    into.writeUInt16LE(8, at + 10); // deflate
    into.writeUInt32LE(e.crc ?? 0, at + 16);
    into.writeUInt32LE(e.deflated.length, at + 20);
    into.writeUInt32LE(e.size, at + 24);
    into.writeUInt16LE(length, at + 28);
    into.writeUInt32LE(localAt, at + 42);
    return 46 + length;
  };
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.deflated));
    const c = Buffer.alloc(46 + name.length);
    record(c, 0, e, e.name, offset);
    central.push(c);
    offset += 30 + name.length + e.deflated.length;
  }
  if (extraCentralRecords > 0) {
    // Written into one buffer: a million small ones would cost more than the reader under test.
    const more = Buffer.alloc(extraCentralRecords * (46 + 16));
    let at = 0;
    for (let i = 1; i <= extraCentralRecords; i++) at += record(more, at, entries[0], `more/${i}`, 0);
    central.push(more.subarray(0, at));
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = (entries.length + extraCentralRecords) % 0xffff;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
