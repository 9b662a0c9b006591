/**
 * The shared strings table, packed: every text as UTF-8 in 1 MB blocks with its end offset,
 * rather than as a JavaScript string each. An extract at Excel's row limit has ~1.8 million
 * distinct texts (ids and NHS numbers are unique to a row); as strings they took ~68 MB of heap
 * for the whole read, packed ~25 MB outside it. A text is decoded when a cell asks for it; the
 * last one decoded at each of a few thousand slots is kept, so repeated texts (a code list's words,
 * a person's id on consecutive rows) are one string, not one per cell.
 */

/** What a cell needs of the table: the text at an index, undefined past its end. */
export interface SharedStringTable {
  at(index: number): string | undefined;
}

const CACHE_SLOTS = 4096;
const BLOCK_BYTES = 1024 * 1024;
/** With the u flag, a surrogate pair is one code point: only a lone half is category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

export class PackedStrings implements SharedStringTable {
  /**
   * Blocks of 1 MB (larger for a longer text), filled in turn; a text never spans two. Blocks,
   * not one buffer grown by doubling, whose copies would need three times the table near its limit.
   */
  private readonly blocks: Buffer[] = [];
  /** The index of the first text in each block. */
  private readonly firstInBlock: number[] = [];
  private used = BLOCK_BYTES; // of the last block: full, so the first text opens one
  /** Where each text ends in its block. */
  private ends = new Uint32Array(1024);
  private count = 0;
  /** Texts UTF-8 cannot hold (a lone surrogate, which `&#xD800;` might try to write), by index. */
  private readonly unpackable = new Map<number, string>();
  private readonly cachedIndex = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cachedText: string[] = new Array<string>(CACHE_SLOTS).fill('');

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    if (LONE_SURROGATE.test(text)) this.unpackable.set(this.count, text);
    const most = text.length * 3; // UTF-8 bytes of a UTF-16 code unit, at most
    let block = this.blocks.at(-1);
    if (!block || this.used + most > block.length) {
      block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, most));
      this.blocks.push(block);
      this.firstInBlock.push(this.count);
      this.used = 0;
    }
    this.used += block.write(text, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.count++] = this.used;
  }

  /** Drops the room kept for more texts, once the table is read whole. */
  trim(): this {
    const last = this.blocks.length - 1;
    if (last >= 0) this.blocks[last] = Buffer.from(this.blocks[last]!.subarray(0, this.used));
    this.ends = this.ends.slice(0, this.count);
    return this;
  }

  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const slot = index % CACHE_SLOTS;
    if (this.cachedIndex[slot] === index) return this.cachedText[slot];
    const b = this.blockOf(index);
    const start = index === this.firstInBlock[b] ? 0 : this.ends[index - 1];
    const text = this.unpackable.get(index) ?? this.blocks[b]!.toString('utf8', start, this.ends[index]);
    this.cachedIndex[slot] = index;
    this.cachedText[slot] = text;
    return text;
  }

  /** The last block whose first text is at or before `index` (binary search). */
  private blockOf(index: number): number {
    let low = 0;
    let high = this.firstInBlock.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.firstInBlock[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
